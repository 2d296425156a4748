"""What a link preview shows (Facebook, Zalo): a page's title, description and image, set from its
data (macros.views.preview) by the hooks; overrides/main.html prints them as Open Graph tags.

The theme prints `page.meta.description` into an HTML attribute without escaping, so text from
data is stored already escaped (a Markup string, which Jinja's `e` filter leaves alone). The other
keys are printed by overrides/main.html, which escapes them.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from ..views.preview import Preview


def escape_title(page) -> None:
    """The theme prints `page.meta.title` (the <title>, the header) without escaping too: a
    generated page's title is a task's or an agency's words, so it is stored escaped. MkDocs'
    search index takes the same title, and the search shows it as HTML."""
    title = page.meta.get("title")
    if isinstance(title, str) and not isinstance(title, Markup):
        page.meta["title"] = Markup(escape(title))


def describe(page, preview: Preview) -> None:
    """Give a page the preview of its data, unless its source sets its own description."""
    page.meta.setdefault("description", Markup(escape(" ".join(preview.description.split()))))
    page.meta["og_title"] = preview.title
    if preview.image:
        page.meta["og_image"] = preview.image
        page.meta["og_image_alt"] = preview.image_alt
