"""The progress tables in a real Chromium: sorting by a column (aria-sort, announced in a polite
live region) and filtering by agency and state. Without JavaScript the controls stay hidden and
the tables are complete (tests/site/test_progress.py, tests/site/test_browser_pages.py)."""
from __future__ import annotations

import pytest

from tests.support.browser import SiteServer, new_context
from tests.conftest import ROOT, build_site

DEMO = ROOT / "tests" / "fixtures" / "demo" / "tien-do"


@pytest.fixture(scope="module")
def progress(tmp_path_factory, chromium):
    """The demo's progress page (varied states), open in a browser with JavaScript on."""
    site = tmp_path_factory.mktemp("demo") / "site"
    result = build_site(site, PLAN_STATUS_DIR=str(DEMO), PLAN_AS_OF="2019-06-30", PLAN_DEMO="1")
    assert result.returncode == 0, result.stderr
    with SiteServer(site) as server:
        context, watch = new_context(chromium, server)
        page = context.new_page()
        page.goto(server.base + "tien-do/")
        yield page
        context.close()
        assert watch.errors == [] and watch.outside == []


def column(page, table: int, index: int, attribute: str = "data-value") -> list[str]:
    return page.locator("table.tasks").nth(table).locator("tbody tr").evaluate_all(
        f"rows => rows.filter(r => !r.hidden).map(r => r.children[{index}].getAttribute('{attribute}'))")


def test_sorting_by_deadline_sets_aria_sort_and_announces_it(progress):
    header = progress.locator("table.tasks").first.locator("thead th").nth(3)
    button = header.locator("button.sort-button")
    assert header.get_attribute("aria-sort") is None
    button.click()
    assert header.get_attribute("aria-sort") == "ascending"
    days = column(progress, 0, 3)
    assert days == sorted(days) and days != column(progress, 0, 0)
    button.click()
    assert header.get_attribute("aria-sort") == "descending"
    assert column(progress, 0, 3) == sorted(days, reverse=True)
    status = progress.locator("[data-sort-status]")
    assert status.get_attribute("aria-live") == "polite"
    assert "theo cột Hạn, giảm dần" in status.inner_text()


def test_filtering_by_state_and_agency(progress):
    filters = progress.locator(".table-filters")
    assert filters.is_visible()
    rows = progress.locator("table.tasks tbody tr")
    total = rows.count()
    filters.locator('select[data-filter="state"]').select_option("qua-han")
    shown = progress.locator("table.tasks tbody tr:not([hidden])")
    assert shown.count() == 2
    assert set(shown.evaluate_all("rows => rows.map(r => r.dataset.state)")) == {"qua-han"}
    assert "Đang hiển thị 2 nhiệm vụ." in filters.locator("[aria-live]").inner_text()
    filters.locator('select[data-filter="state"]').select_option("")
    filters.locator('select[data-filter="agencies"]').select_option("so-thong-tin-va-truyen-thong")
    agencies = shown.evaluate_all("rows => rows.map(r => r.dataset.agencies)")
    assert agencies and all("so-thong-tin-va-truyen-thong" in a.split() for a in agencies)
    filters.locator('select[data-filter="agencies"]').select_option("")
    assert shown.count() == total
