"""Printing, in Chromium's print media on an A4 width: no navigation, whole tables, and each link
followed by the address it leads to. Checked on one page of each family in `make test`, on every
page in `make sweep` (`sweep_pages`, tests/support/browser.py)."""
from __future__ import annotations

import pytest

from tests.conftest import DATA
from tests.support.browser import TABS, new_context, side_by_side
from tests.support.plans import load

A4 = {"width": 794, "height": 1123}  # 210 × 297 mm at 96 px per inch

# Anything navigation-like that is visible when printed, and any table that does not fit.
PROBLEMS = """() => {
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const out = [];
  for (const el of document.querySelectorAll(
      "header, nav, footer, .md-sidebar, .md-tabs, .md-search, .md-top, .md-header"))
    // A header inside the article (a post's date and category) is content, not navigation.
    if (shown(el) && !(el.tagName === "HEADER" && el.closest(".md-content"))) out.push("navigation shown: " + el.tagName + "." + el.className);
  const width = document.documentElement.clientWidth;
  for (const table of document.querySelectorAll("table")) {
    if (table.getBoundingClientRect().right > width + 1)
      out.push("table wider than the paper: " + table.className);
    for (let el = table.parentElement; el && el !== document.body; el = el.parentElement)
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible")
        out.push("table cut by its box: " + el.className);
  }
  return out;
}"""

# Links in the text whose printed form does not carry their address.
HIDDEN_TARGETS = """(absolute) => {
  const out = [];
  for (const a of document.querySelectorAll(".md-content a[href]")) {
    const href = a.getAttribute("href");
    if (href.startsWith("#") || a.classList.contains("headerlink") || !a.getClientRects().length)
      continue;
    const after = getComputedStyle(a, "::after").content;
    if (!after.includes(absolute ? a.href : href)) out.push([href, after]);
  }
  return out;
}"""


@pytest.fixture(scope="module", params=[True, False], ids=["javascript", "no-javascript"])
def printed(request, chromium, server):
    context, watch = new_context(chromium, server, viewport=A4, java_script_enabled=request.param)
    tabs = [context.new_page() for _ in range(TABS)]
    for tab in tabs:
        tab.emulate_media(media="print")
    yield tabs, request.param
    context.close()
    assert watch.errors == []


@pytest.fixture(scope="module")
def every_page_printed(printed, server, sweep_pages) -> dict[str, tuple[list, list, int]]:
    """For each page of the sweep: layout problems, links printed without their address, links
    counted."""
    tabs, javascript = printed

    def check(tab, _) -> tuple[list, list, int]:
        links = tab.locator(".md-content a[href]:not([href^='#'])").count()
        return tab.evaluate(PROBLEMS), tab.evaluate(HIDDEN_TARGETS, javascript), links

    return side_by_side(tabs, sweep_pages, lambda _, path: server.base + path, finish=check)


def test_pages_print_without_navigation_and_with_whole_tables(every_page_printed, sweep_pages):
    assert list(every_page_printed) == sweep_pages
    assert {path: found[0] for path, found in every_page_printed.items() if found[0]} == {}


def test_printed_links_show_where_they_lead(every_page_printed):
    # Task links in the plan text, and a link back to the plan from every task page.
    assert sum(found[2] for found in every_page_printed.values()) >= 2 * len(load(DATA).tasks)
    assert {path: found[1][:3] for path, found in every_page_printed.items() if found[1]} == {}


def test_plan_prints_every_appendix_row_and_task_link(printed, server):
    tabs, javascript = printed
    page = tabs[0]
    page.goto(server.base + "ke-hoach/")
    assert not page.locator(".plan-contents").is_visible()  # the table of contents is navigation
    rows = page.locator("table.appendix tbody tr")
    assert rows.count() == 21 and rows.last.is_visible()
    link = page.locator("a[href='../nhiem-vu/ii-2-1-1/']")
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    expected = server.base + "nhiem-vu/ii-2-1-1/" if javascript else "../nhiem-vu/ii-2-1-1/"
    assert expected in after, after
