"""The site's Python: layers, each importing only those below it.

model (pure) <- load (reads data files) <- views (one per page family) <- files, site (MkDocs
glue) <- cli. `routes` (every address) and `settings` (the environment) stand beside them.
"""
import os

# No pydantic plugin is used here. Without this, pydantic reads the entry points of every
# installed package when the first model is built: about 30 ms of a validation that must stay
# under 0.5 s at 100 times the plan. A value already set in the environment is kept.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
