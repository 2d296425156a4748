"""Long lists in pages, on a built site: a plan three times the real one, built with a low page
limit (PLAN_PAGE_LIMIT), has its plan text, progress list and timeline chart in numbered pages,
every page within the limit it was given, and every link on the site reaching an existing page
and anchor: each task's place in the text on the page that holds it. The real site has none of
these pages and links as it always did."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from macros import routes
from macros.views import progress
from tests.conftest import DATA
from tests.conftest import PAGED_LIMIT as LIMIT
from tests.support.links import broken_links
from tests.support.plans import edition, load


@pytest.fixture(scope="module")
def paged(paged_site, paged_data):
    """The session's paged build (tests/conftest.py): a plan three times the real one."""
    return paged_site, edition(load(paged_data), page_limit=LIMIT)


def parse(path: Path):
    return lxml_html.fromstring(path.read_bytes())


def page_file(site: Path, address: str) -> Path:
    return site / address / "index.html"


def test_the_plan_text_is_in_pages_each_within_the_limit(paged):
    site, shown = paged
    plan = shown.plan
    text = shown.text_pages
    assert text.count > 1
    built = sorted(p.parent.name for p in (site / routes.PLAN_TEXT).glob("trang-*/index.html"))
    assert built == sorted(f"trang-{n}" for n in range(2, text.count + 1))
    tasks, rows = [], []
    for number in range(1, text.count + 1):
        page = parse(page_file(site, routes.plan_text_page(number)))
        here = [div.get("id") for div in page.xpath('//div[contains(@class, "plan-task")]')]
        numbers = [routes.appendix_row_number(tr.get("id")) for tr in
                   page.xpath(f'//tr[starts-with(@id, "{routes.appendix_row_anchor("")}")]')]
        assert 0 < len(here) + len(numbers) <= LIMIT, number
        tasks += here
        rows += numbers
    assert tasks == [t.id for t in plan.tasks]
    assert rows == [r.number for r in plan.appendix.rows]


def test_the_progress_list_and_the_timeline_are_in_pages_each_within_the_limit(paged):
    site, shown = paged
    plan = shown.plan
    count = progress.page_count(shown)
    assert count > 1
    listed = []
    for number in range(1, count + 1):
        page = parse(page_file(site, routes.progress_page(number)))
        here = [tr.xpath("./th")[0].get("data-value") for tr in page.xpath("//tr[@data-state]")]
        assert 0 < len(here) <= LIMIT
        # The filters' count says it counts this page only (docs/assets/bang.js).
        assert page.xpath('//div[@class="table-filters"]/@data-scope') == [
            f"trên trang {number}/{count}"]
        listed += here
    assert sorted(listed) == sorted(t.id for t in plan.tasks)
    charts = list((site / routes.TIMELINE).glob("trang-*/index.html"))
    assert len(charts) > 1
    for chart in charts:  # cut between whole sections; none of this plan's is over the limit
        assert 0 < len(parse(chart).xpath("//span[@data-task]")) <= LIMIT


def test_every_link_of_the_site_reaches_an_existing_page_and_anchor(paged):
    site, _plan = paged
    checked, broken = broken_links(site)
    assert checked > 10_000 and broken == []


def test_each_task_and_row_is_linked_on_the_page_that_holds_it(paged):
    site, shown = paged
    plan = shown.plan
    text = shown.text_pages
    assert len({text.of_task[t.id] for t in plan.tasks}) > 1
    for task in plan.tasks:
        page = parse(page_file(site, routes.task(task.id)))
        link = page.xpath('//p[@class="task-page__where"]/a/@href')[0]
        assert link == "../../" + routes.task_in_plan(task.id, text.of_task[task.id])
        held = parse(page_file(site, routes.plan_text_page(text.of_task[task.id])))
        assert held.xpath(f'//div[@id="{task.id}"]')
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for row in plan.appendix.rows:  # one search entry per row, on its page
        assert routes.appendix_row(row.number, text.of_row[row.number]) in locations


def test_the_real_site_is_one_page_of_each_with_its_links_as_always(site):
    for folder in (routes.PLAN_TEXT, routes.PROGRESS, routes.TIMELINE):
        assert not list((site / folder).glob("trang-*")), folder
    plan = load(DATA)
    text = parse(page_file(site, routes.PLAN_TEXT))
    assert [d.get("id") for d in text.xpath('//div[contains(@class, "plan-task")]')] == \
        [t.id for t in plan.tasks]
    assert len(text.xpath('//tr[starts-with(@id, "phu-luc-")]')) == len(plan.appendix.rows)
    assert not text.xpath('//*[contains(@class, "plan-pager")]')
    listed = parse(page_file(site, routes.PROGRESS))
    assert len(listed.xpath("//tr[@data-state]")) == len(plan.tasks)
    assert not listed.xpath('//*[contains(@class, "progress-pager")]')
    for task in plan.tasks:
        page = parse(page_file(site, routes.task(task.id)))
        assert page.xpath('//p[@class="task-page__where"]/a/@href') == [
            f"../../ke-hoach/#{task.id}"]
