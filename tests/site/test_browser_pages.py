"""Every page of the built site in a real Chromium: clean console, no request outside the site,
no WCAG 2.2 A/AA violation found by axe-core, within the weight budget, readable on a phone and
complete without JavaScript.

The page list is read from the built site, so each new page family is covered as it lands. Each
check runs twice (`sweep_pages`, tests/support/browser.py): on one page of each family in `make
test`, and on every page in `make sweep` (marker `sweep`).
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
    family_of,
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
def visits(chromium, server, site, sweep_pages) -> dict[str, Visit]:
    """Each page of the sweep loaded once with an empty cache, as a first-time visitor, then
    checked by axe.
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
        paths = sweep_pages
        for first in range(0, len(paths), TABS):  # a round at a time: the tabs change after each
            found |= side_by_side(list(tabs), paths[first:first + TABS], url, start, finish)
        for context, _ in contexts:
            context.close()
    return found


def test_the_sample_holds_one_page_of_each_family(server, site):
    pages, sample = server.pages(), server.one_of_each_family()
    assert len(pages) == len(list(site.rglob("*.html"))) >= 50
    families = {family_of(path) for path in pages}
    assert len(sample) == len(families) == len({family_of(path) for path in sample})
    # The pages written by hand, each a family of its own, and one page of each generated kind.
    assert {routes.HOME, routes.PLAN_TEXT, routes.PROGRESS, routes.TIMELINE, routes.CALENDAR,
            routes.PRESS, routes.NEWS, routes.STAFF_GUIDE, routes.OPEN_DATA, routes.AGENCY_INDEX,
            "404.html"} <= set(sample)
    generated = [routes.task("x"), routes.agency("x"), routes.news_post("x")]
    assert {family_of(address) for address in generated} <= families
    assert len(families) >= 15


def test_every_page_of_the_sweep_is_visited(visits, sweep_pages, server):
    assert list(visits) == sweep_pages
    assert {family_of(path) for path in visits} == {family_of(path) for path in server.pages()}
    assert {"", "ke-hoach/", "404.html"} <= set(visits)


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
def phone_visits(chromium, server, sweep_pages) -> dict[str, tuple[int, list[dict]]]:
    """Each page of the sweep at 360×740 on a touch screen: its width, and axe's findings for
    that layout."""
    context, watch = new_context(chromium, server, axe=True, viewport=PHONE, is_mobile=True,
                                 has_touch=True)
    tabs = [context.new_page() for _ in range(TABS)]
    width = "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
    found = side_by_side(tabs, sweep_pages, lambda _, path: server.base + path,
                         start=lambda tab, _: start_axe(tab),
                         finish=lambda tab, _: (tab.evaluate(width), axe_result(tab)))
    context.close()
    assert watch.errors == [] and watch.outside == []
    return found


def test_no_page_scrolls_sideways_on_a_phone(phone_visits, sweep_pages):
    assert list(phone_visits) == sweep_pages
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


@pytest.fixture(scope="session")
def without_javascript(chromium, server, sweep_pages) -> dict[str, tuple[bool, tuple | None]]:
    """Each page of the sweep with JavaScript off: whether its article is shown with some text,
    and on a task page its heading and whether the task's text is shown."""
    context, watch = new_context(chromium, server, java_script_enabled=False)
    tabs = [context.new_page() for _ in range(TABS)]

    def shown(tab, path: str) -> tuple[bool, tuple | None]:
        article = tab.locator("article")
        task = ((tab.locator("h1").inner_text(), tab.locator(".task-page__text").is_visible())
                if routes.task_id_of(path) else None)
        return article.is_visible() and len(article.inner_text().strip()) >= 20, task

    found = side_by_side(tabs, sweep_pages, lambda _, path: server.base + path, finish=shown)
    context.close()
    assert watch.errors == []
    return found


def test_without_javascript_every_page_shows_its_content(without_javascript, sweep_pages):
    assert list(without_javascript) == sweep_pages
    assert [path for path, (ok, _) in without_javascript.items() if not ok] == []


def test_without_javascript_each_task_page_shows_its_task(without_javascript, sweep_pages):
    tasks = {routes.task(task.id): task for task in load(DATA).tasks}
    found = {path: task for path, (_, task) in without_javascript.items() if task is not None}
    assert found and set(found) == set(tasks) & set(sweep_pages)
    assert found == {path: (tasks[path].name, True) for path in found}


def test_without_javascript_the_plan_text_and_its_tables_are_all_there(chromium, server):
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
    context.close()
