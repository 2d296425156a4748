"""The site's Python: layers, each importing only those below it.

model (pure) <- load (reads data files) <- views (one per page family) <- files, site (MkDocs
glue) <- cli. `routes` (every address) and `settings` (the environment) stand beside them.
"""
