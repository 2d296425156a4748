"""The progress list in pages, for a plan with more tasks than a page holds: the figures and the
first rows on the first page, the other rows on numbered pages, each with filters of its own rows
and the words that say the filters work within the page. The real plan keeps its one page (the
golden file of test_page_views.py holds the small plan's, unchanged)."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from macros import routes
from macros.site.render import render
from macros.views import progress
from macros.views.edition import Edition
from macros.views.progress import ProgressPage
from tests.conftest import DATA
from tests.support.plans import edition, load
from tests.support.small_plan import small_edition
from tests.support.synthetic import scale

WITHIN_A_PAGE = "Bộ lọc và sắp xếp chỉ áp dụng cho các nhiệm vụ trong trang đang xem"


def rendered(shown: Edition, number: int) -> BeautifulSoup:
    root = routes.root_of(routes.progress_page(number))
    return BeautifulSoup(str(render("progress.html", view=ProgressPage.of(shown, number),
                                    root=root)), "html.parser")


def rows(page: BeautifulSoup) -> list[str]:
    return [tr.th["data-value"] for tr in page.select("tr[data-state]")]


def test_the_real_plan_is_one_page_without_a_word_on_pages():
    plan = load(DATA)
    shown = edition(plan)
    assert progress.page_count(shown) == 1
    view = ProgressPage.of(shown)
    assert not view.paged and sum(len(t.lines) for t in view.tables) == len(plan.tasks)
    page = rendered(shown, 1)
    assert WITHIN_A_PAGE not in page.get_text() and page.select_one(".progress-pager") is None
    with pytest.raises(KeyError):
        ProgressPage.of(shown, 2)


def test_a_low_limit_pages_the_rows_in_the_tables_order():
    shown = small_edition(page_limit=2)  # key tasks t-2, t-3 (Phụ lục row 1), then t-1
    plan = shown.plan
    assert progress.page_count(shown) == 2
    first, second = ProgressPage.of(shown, 1), ProgressPage.of(shown, 2)
    assert [(t.anchor, [line.id for line in t.lines], t.total, t.first) for t in first.tables] == [
        ("nhiem-vu-trong-tam", ["t-2", "t-3"], 2, 1)]
    assert [(t.anchor, [line.id for line in t.lines], t.total, t.first) for t in second.tables] == [
        ("nhiem-vu-khac", ["t-1"], 1, 1)]
    # The figures count every task, on every page; the filters offer this page's own rows.
    assert first.total == second.total == 3 and first.chart == second.chart
    for view in (first, second):
        shown = [plan.task(line.id) for table in view.tables for line in table.lines]
        answering = {a for t in shown for a in plan.assigned.answering_for(t)}
        assert {a for a, _ in view.agency_options} == answering
        assert set(view.state_options) == {plan.status(t).state for t in shown}


def test_the_first_page_has_the_figures_and_every_page_says_the_filters_work_within_it():
    shown = small_edition(page_limit=2)
    first, second = rendered(shown, 1), rendered(shown, 2)
    assert first.select_one("#tong-hop") and first.select_one("#cach-tinh")
    assert first.h1 is None  # page 1's heading is its Markdown's
    assert second.h1.get_text() == "Tiến độ thực hiện, trang 2/2"
    assert second.select_one("#tong-hop") is None and second.select_one("#cach-tinh") is None
    assert second.select_one(f'a[href="../../{routes.PROGRESS}"]')
    for page, number in ((first, 1), (second, 2)):
        assert WITHIN_A_PAGE in page.get_text()
        assert page.select_one(".table-filters select[data-filter]")
        pagers = page.select(".progress-pager")
        assert len(pagers) == 2
        assert pagers[0].select_one('[aria-current="page"]').get_text() == str(number)
        root = routes.root_of(routes.progress_page(number))
        links = {a["href"] for a in pagers[0].select("a")}
        assert links == {root + routes.progress_page(3 - number)}


def test_every_task_is_on_one_page_and_no_page_over_the_limit(tmp_path):
    plan = load(scale(DATA, tmp_path / "data", 3))
    shown = edition(plan, page_limit=40)
    count = progress.page_count(shown)
    assert count == 4  # 147 tasks
    listed = []
    for number in range(1, count + 1):
        page = rows(rendered(shown, number))
        assert 0 < len(page) <= 40
        listed += page
    assert listed == [t.id for t in (*plan.key_tasks, *plan.other_tasks)]
