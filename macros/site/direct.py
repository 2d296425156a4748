"""HTML that goes into pages without passing through Markdown.

Every page body we render is one block of HTML from our own templates (macros.site.render).
Python-Markdown would only copy it through, after parsing it twice (its raw-HTML extractor, and
MkDocs' scan for anchor ids), and the macros plugin would first compile each generated page's
source as a Jinja template. A profile of the build put about half its time there. So:

- Generated pages (one per task and per agency) are registered in the build's `Pages`: source
  path -> a callable that returns the page's HTML. Their source is only a front matter title with
  `render_macros: false` and an empty body; the hook puts the HTML in as the page's content
  when the page is built (`build`, before search reads it) and lets it go once the page is
  written (`release`): MkDocs reads every page before it writes any, and holding every generated
  page's HTML in between was most of a large build's memory. Nothing from data is ever evaluated
  as Jinja or Markdown, as before.
- On hand-written pages, each block a macro renders for the page is kept under the page's source
  path (`keep`); after the macros plugin ran, each is swapped for a placeholder (`hold`), and put
  back after Markdown (`fill`). Blocks belong to the page they were rendered for, so nothing
  depends on which page was started last.

Either way MkDocs is told which ids the HTML holds, so links to `page.md#anchor` are still
checked. The table of contents is what it was: Markdown never read headings inside our HTML.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import yaml

_ID = re.compile(r'\sid="([^"]+)"')
_PLACEHOLDER = "<!-- html-block-{} -->"


class Pages:
    """One build's HTML kept out of Markdown: its generated pages, and the blocks held out of
    each hand-written page. Made once per build (macros.site.build.Build.pages)."""

    def __init__(self) -> None:
        # Source path -> the page's HTML, given the page (generated pages).
        self._generated: dict[str, Callable[[object], str]] = {}
        # Source path -> the blocks macros rendered for the page, then those held out of it.
        self._rendered: dict[str, list[str]] = {}
        self._held: dict[str, list[str]] = {}

    def page(self, src_uri: str, title: str, html: Callable[[object], str]) -> str:
        """Register a generated page; returns its source (a title, and no body to convert).
        `html(page)` is called when MkDocs builds the page (`build`)."""
        self._generated[src_uri] = html
        front = yaml.safe_dump({"title": title, "render_macros": False},
                               allow_unicode=True).strip()
        return f"---\n{front}\n---\n"

    def is_generated(self, src_uri: str) -> bool:
        return src_uri in self._generated

    def keep(self, src_uri: str, block: str) -> None:
        """A block a macro rendered for this page (macros.site.macros)."""
        self._rendered.setdefault(src_uri, []).append(block)

    def hold(self, markdown: str, src_uri: str) -> str:
        """Swap each block rendered for this page for a placeholder that Markdown copies as it
        is. A block that is not found whole (a macro whose output was changed) stays, and goes
        through Markdown as before."""
        blocks: list[str] = []
        for block in self._rendered.pop(src_uri, ()):
            at = markdown.find(block)
            if at < 0:
                continue
            markdown = (markdown[:at] + f"\n\n{_PLACEHOLDER.format(len(blocks))}\n\n"
                        + markdown[at + len(block):])
            blocks.append(block.strip())
        if blocks:
            self._held[src_uri] = blocks
        return markdown

    def let_through(self, src_uri: str) -> None:
        """The page keeps its blocks in its Markdown (a news post, whose excerpt the blog plugin
        renders again from it)."""
        self._rendered.pop(src_uri, None)

    def fill(self, html: str, page) -> str:
        """A hand-written page's content with its held blocks in place (on_page_content); adds
        their ids to the page's anchors. A generated page is filled later, by `build`."""
        blocks = self._held.pop(page.file.src_uri, None)
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

    def build(self, page) -> None:
        """A generated page's HTML put in as its content, as the page is built (on_page_context,
        before search reads it); its ids join the page's anchors, which MkDocs checks once every
        page is written."""
        make = self._generated.get(page.file.src_uri)
        if make is None:
            return
        body = str(make(page)).strip()
        page.content = body + page.content if (page.content or "").strip() else body
        _add_anchors(page, body)

    def release(self, page) -> None:
        """After a generated page is written, let its HTML go, so that only one is held at a
        time. Search has taken its text by then (on_page_context), and anchor checks use the ids
        kept."""
        if page.file.src_uri in self._generated:
            page.content = None


def _add_anchors(page, html: str) -> None:
    ids = set(_ID.findall(html))
    if page.present_anchor_ids is None:
        page.present_anchor_ids = ids
    else:
        page.present_anchor_ids |= ids
