"""HTML that goes into pages without passing through Markdown.

Every page body we render is one block of HTML from our own templates (macros.site.render).
Python-Markdown would only copy it through, after parsing it twice (its raw-HTML extractor, and
MkDocs' scan for anchor ids), and the macros plugin would first compile each generated page's
source as a Jinja template. A profile of the build put about half its time there. So:

- Generated pages (one per task and per agency) are registered here: source path -> a callable
  that returns the page's HTML. Their source is only a front matter title with
  `render_macros: false` and an empty body; the hook puts the HTML in as the page's content
  when the page is built (`build`, before search reads it) and lets it go once the page is
  written (`release`): MkDocs reads every page before it writes any, and holding every generated
  page's HTML in between was most of a large build's memory. Nothing from data is ever evaluated
  as Jinja or Markdown, as before.
- On hand-written pages, the block a macro returns is swapped for a placeholder after the macros
  plugin ran (`hold`), and put back after Markdown (`fill`).

Either way MkDocs is told which ids the HTML holds, so links to `page.md#anchor` are still
checked. The table of contents is what it was: Markdown never read headings inside our HTML.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from . import render as _render

_ID = re.compile(r'\sid="([^"]+)"')
_PLACEHOLDER = "<!-- html-block-{} -->"

# Source path -> the page's HTML, given the page. Filled by the hook's on_files for each build.
_pages: dict[str, Callable[[object], str]] = {}
# Source path -> the blocks held out of this page's Markdown, in order.
_held: dict[str, list[str]] = {}


def reset() -> None:
    _pages.clear()
    _held.clear()


def page(src_uri: str, title: str, html: Callable[[object], str]) -> str:
    """Register a generated page; returns its source (a title, and no body to convert).
    `html(page)` is called when MkDocs builds the page (`build`)."""
    _pages[src_uri] = html
    front = yaml.safe_dump({"title": title, "render_macros": False}, allow_unicode=True).strip()
    return f"---\n{front}\n---\n"


def is_direct(src_uri: str) -> bool:
    return src_uri in _pages


def hold(markdown: str, src_uri: str) -> str:
    """Swap each block our templates rendered for this page for a placeholder that Markdown copies
    as it is. A block that is not found whole (a macro whose output was changed) stays, and goes
    through Markdown as before."""
    blocks: list[str] = []
    for block in _render.drain():
        at = markdown.find(block)
        if at < 0:
            continue
        markdown = markdown[:at] + f"\n\n{_PLACEHOLDER.format(len(blocks))}\n\n" + \
            markdown[at + len(block):]
        blocks.append(block.strip())
    if blocks:
        _held[src_uri] = blocks
    return markdown


def restore(markdown: str, src_uri: str) -> str:
    """The page's Markdown with its held blocks back in place (what it was before `hold`)."""
    for number, block in enumerate(_held.get(src_uri, ())):
        markdown = markdown.replace(_PLACEHOLDER.format(number), block, 1)
    return markdown


def fill(html: str, page) -> str:
    """A hand-written page's content with its held blocks in place (on_page_content); adds their
    ids to the page's anchors. A generated page is filled later, by `build`."""
    blocks = _held.pop(page.file.src_uri, None)
    if not blocks:
        return html
    for number, block in enumerate(blocks):
        placeholder = _PLACEHOLDER.format(number)
        if placeholder not in html:
            raise ValueError(
                f"{page.file.src_uri}: Markdown lost the placeholder of block {number}")
        html = html.replace(placeholder, block, 1)
        _add_anchors(page, block)
    return html


def build(page) -> None:
    """A generated page's HTML put in as its content, as the page is built (on_page_context,
    before search reads it); its ids join the page's anchors, which MkDocs checks once every page
    is written."""
    make = _pages.get(page.file.src_uri)
    if make is None:
        return
    body = str(make(page)).strip()
    page.content = body + page.content if (page.content or "").strip() else body
    _add_anchors(page, body)


def release(page) -> None:
    """After a generated page is written, let its HTML go, so that only one is held at a time.
    Search has taken its text by then (on_page_context), and anchor checks use the ids kept."""
    if page.file.src_uri in _pages:
        page.content = None


def _add_anchors(page, html: str) -> None:
    ids = set(_ID.findall(html))
    if page.present_anchor_ids is None:
        page.present_anchor_ids = ids
    else:
        page.present_anchor_ids |= ids
