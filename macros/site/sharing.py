"""What a link preview shows (Facebook, Zalo): a page's description, set from its data.

The theme prints `page.meta.description` into an HTML attribute without escaping, so text from
data is stored already escaped (a Markup string, which Jinja's `e` filter leaves alone).
"""
from __future__ import annotations

from markupsafe import Markup, escape


def describe(page, text: str) -> None:
    """Give a generated page the description its previews show, unless its source sets one."""
    page.meta.setdefault("description", Markup(escape(" ".join(text.split()))))
