"""Every page of the built site in a real Chromium: clean console, no request outside the site,
no WCAG 2.2 A/AA violation found by axe-core, within the weight budget, readable on a phone and
complete without JavaScript.

The page list is read from the built site, so each new page family is covered as it lands.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass

import pytest

from macros import routes
from tests.conftest import DATA
from tests.support.browser import (
    PHONE,
    TABS,
    axe_result,
    new_context,
    serve,
    side_by_side,
    start_axe,
)
from tests.support.plans import load

# No page may transfer more than this, compressed, on a first visit (search index included).
BUDGET = 150 * 1024


@dataclass
class Visit:
    errors: list[str]
    outside: list[str]
    dialogs: list[str]
    violations: list[dict]
    sent: list[tuple[str, int]]  # (path, compressed bytes) served during the first load

    @property
    def weight(self) -> int:
        return sum(size for _, size in self.sent)


@pytest.fixture(scope="session")
def visits(chromium, server, site) -> dict[str, Visit]:
    """Each page loaded once with an empty cache, as a first-time visitor, then checked by axe.
    TABS pages at a time, each in a fresh context of its own and from a server of its own, so
    that the bytes each server sends are one page's first load."""
    found = {}
    with contextlib.ExitStack() as stack:
        servers = [server] + [stack.enter_context(serve(site)) for _ in range(TABS - 1)]
        opened: dict[int, tuple] = {}

        def url(i: int, path: str) -> str:
            servers[i].sent.clear()
            return servers[i].base + path

        def start(tab, path: str) -> None:
            i = tabs.index(tab)
            servers[i].wait_loaded(tab)
            opened[i] = list(servers[i].sent)
            start_axe(tab)

        def finish(tab, path: str) -> Visit:
            i = tabs.index(tab)
            context, watch = contexts[i]
            visit = Visit(list(watch.errors), list(watch.outside), list(watch.dialogs),
                          axe_result(tab), opened[i])
            context.close()
            contexts[i] = new_context(chromium, servers[i], axe=True)  # next: an empty cache
            tabs[i] = contexts[i][0].new_page()
            return visit

        contexts = [new_context(chromium, servers[i], axe=True) for i in range(TABS)]
        tabs = [context.new_page() for context, _ in contexts]
        paths = server.pages()
        for first in range(0, len(paths), TABS):  # a round at a time: the tabs change after each
            found |= side_by_side(list(tabs), paths[first:first + TABS], url, start, finish)
        for context, _ in contexts:
            context.close()
    return found


def test_every_page_of_the_site_is_visited(visits, site):
    assert len(visits) == len(list(site.rglob("*.html"))) >= 50
    assert {"", "ke-hoach/", "nhiem-vu/ii-2-1-1/", "404.html"} <= set(visits)


def test_no_console_error_on_any_page(visits):
    assert {path: v.errors + v.dialogs for path, v in visits.items() if v.errors or v.dialogs} == {}


def test_no_request_leaves_the_site(visits):
    assert {path: v.outside for path, v in visits.items() if v.outside} == {}


def test_no_wcag_violation_on_any_page(visits):
    assert {path: v.violations for path, v in visits.items() if v.violations} == {}


def test_first_load_of_every_page_is_within_the_weight_budget(visits):
    heaviest = max(visits, key=lambda path: visits[path].weight)
    for path, visit in visits.items():
        served = [name for name, _ in visit.sent]
        # The measure covers the whole first load: the page, the theme and the search index.
        assert any(name.endswith("search_index.json") for name in served), (path, served)
        assert any(name.endswith(".css") for name in served), (path, served)
    assert visits[heaviest].weight <= BUDGET, (heaviest, visits[heaviest].weight, visits[heaviest].sent)


@pytest.fixture(scope="session")
def phone_visits(chromium, server) -> dict[str, tuple[int, list[dict]]]:
    """Each page at 360×740 on a touch screen: its width, and axe's findings for that layout."""
    context, watch = new_context(chromium, server, axe=True, viewport=PHONE, is_mobile=True,
                                 has_touch=True)
    tabs = [context.new_page() for _ in range(TABS)]
    width = "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
    found = side_by_side(tabs, server.pages(), lambda _, path: server.base + path,
                         start=lambda tab, _: start_axe(tab),
                         finish=lambda tab, _: (tab.evaluate(width), axe_result(tab)))
    context.close()
    assert watch.errors == [] and watch.outside == []
    return found


def test_no_page_scrolls_sideways_on_a_phone(phone_visits):
    assert {path: w for path, (w, _) in phone_visits.items() if w > PHONE["width"]} == {}


def test_no_wcag_violation_on_a_phone(phone_visits):
    assert {path: v for path, (_, v) in phone_visits.items() if v} == {}


def test_appendix_scrolls_inside_its_own_box_on_a_phone(chromium, server):
    context, _ = new_context(chromium, server, viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.goto(server.base + "ke-hoach/")
    box = page.locator(".table-scroll").first
    sizes = box.evaluate("el => [el.scrollWidth, el.clientWidth, getComputedStyle(el).overflowX]")
    context.close()
    assert sizes[0] > sizes[1] and sizes[2] == "auto", sizes  # the table is wider than the box


def test_without_javascript_every_page_shows_its_content(chromium, server):
    context, watch = new_context(chromium, server, java_script_enabled=False)
    tabs = [context.new_page() for _ in range(TABS)]

    def shown(tab, _) -> bool:
        article = tab.locator("article")
        return article.is_visible() and len(article.inner_text().strip()) >= 20

    found = side_by_side(tabs, server.pages(), lambda _, path: server.base + path, finish=shown)
    context.close()
    assert len(found) == len(server.pages())
    assert [path for path, ok in found.items() if not ok] == []
    assert watch.errors == []


def test_without_javascript_the_plan_text_tables_and_task_pages_are_all_there(chromium, server):
    plan = load(DATA)
    context, _ = new_context(chromium, server, java_script_enabled=False)
    page = context.new_page()
    page.goto(server.base + "ke-hoach/")
    assert page.evaluate("document.documentElement.classList.contains('no-js')")
    for task in plan.tasks:
        block = page.locator(f"[id='{task.id}']")
        assert block.is_visible() and " ".join(task.text.split()[:8]) in block.inner_text()
    table = page.locator("table.appendix")
    assert table.is_visible()
    assert table.locator("tbody tr").count() == len(plan.appendix.rows)
    assert page.locator("table.appendix tbody tr").last.is_visible()
    tabs = [page] + [context.new_page() for _ in range(TABS - 1)]
    found = side_by_side(tabs, [routes.task(task.id) for task in plan.tasks],
                         lambda _, path: server.base + path,
                         finish=lambda tab, _: (tab.locator("h1").inner_text(),
                                                tab.locator(".task-page__text").is_visible()))
    context.close()
    assert found == {routes.task(task.id): (task.name, True) for task in plan.tasks}
