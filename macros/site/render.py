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


# The blocks rendered while the macros plugin renders a page, when the hook asked (see
# macros.site.direct: they are kept out of Markdown).
_recording: list[str] | None = None


def record() -> None:
    global _recording
    _recording = []


def drain() -> list[str]:
    """The blocks rendered since `record()`; stops recording."""
    global _recording
    blocks, _recording = _recording or [], None
    return blocks


def render(template: str, *, view, root: str) -> Markup:
    """A template rendered with its one typed view and the page's relative root: nothing else
    (tests/views/test_views_only.py holds every template to it)."""
    html = environment().get_template(template).render(view=view, root=root)
    # Blank lines around the block keep Markdown from treating it as part of a paragraph.
    block = Markup(f"\n\n{html.strip()}\n\n")
    if _recording is not None:
        _recording.append(str(block))
    return block


def page_renderer(page: Callable[[], object]):
    """A render function for one kind of page: a template gets its view and the relative root
    of the page being built, nothing else."""
    def render_page(template: str, *, view) -> Markup:
        return render(template, view=view, root=routes.root_of(page().url))

    return render_page
