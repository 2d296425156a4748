"""The MkDocs hooks file named in mkdocs.yml: the hooks are those of macros.site.hooks.

MkDocs loads a hooks file by its path, with the file's own folder on sys.path while it runs it.
From here, the repository root, that makes the package `macros` importable with no change to
sys.path, whatever the folder MkDocs runs in; once imported it stays in sys.modules, where the
macros plugin (mkdocs.yml, `modules: [macros.site.macros]`) finds it.
"""
from macros.site.hooks import (
    on_env,
    on_files,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
)

__all__ = ["on_env", "on_files", "on_page_content", "on_page_context", "on_page_markdown",
           "on_post_build", "on_post_page"]
