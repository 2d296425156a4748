"""Our own Jinja environment for page markup: autoescaped, strict about undefined names.

The macros plugin's environment renders page sources and is not autoescaped; everything that comes
from data is rendered here instead, so it is escaped as HTML and never evaluated as code. The
result is returned inside one block-level element, which Markdown leaves untouched.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup
from mkdocs.structure.pages import Page

from .. import routes
from ..model import dates
from ..model.status import DisplayState

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# Compiled templates (ours and the theme's), beside the share images in the project's .cache/.
COMPILED = TEMPLATES.parent.parent / ".cache" / "jinja"


@lru_cache(maxsize=1)
def compiled_templates() -> BytecodeCache | None:
    """Jinja's cache of compiled templates: a template is compiled once, then loaded as Python
    bytecode while its source is unchanged (Jinja checks a checksum of the source). Compiling
    was a fifth of a build of the real site. None where the folder cannot be written (the build
    then compiles every time, as before)."""
    try:
        COMPILED.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(COMPILED)) if os.access(COMPILED, os.W_OK) else None


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=compiled_templates(),
    )
    env.filters["long_date"] = dates.long_date
    env.filters["short_date"] = dates.short_date
    env.filters["vn_time"] = dates.time_in_vietnam
    env.globals["STATES"] = DisplayState
    env.globals["routes"] = routes
    return env


def render(template: str, *, view, root: str) -> Markup:
    """A template rendered with its one typed view and the page's relative root: nothing else
    (tests/views/test_views_only.py holds every template to it)."""
    html = environment().get_template(template).render(view=view, root=root)
    # Blank lines around the block keep Markdown from treating it as part of a paragraph.
    return Markup(f"\n\n{html.strip()}\n\n")


def page_renderer(page: Callable[[], Page], keep: Callable[[Page, str], None] | None = None):
    """A render function for one kind of page: a template gets its view and the relative root
    of the page being built, nothing else. `keep(page, block)` is told each block rendered (the
    macros keep theirs out of Markdown: macros.site.direct)."""
    def render_page(template: str, *, view) -> Markup:
        shown = page()
        block = render(template, view=view, root=routes.root_of(shown.url))
        if keep is not None:
            keep(shown, str(block))
        return block

    return render_page
