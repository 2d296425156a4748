"""The progress tables in a real Chromium: sorting by a column (aria-sort, announced in a polite
live region) and filtering by agency and state. Without JavaScript the controls stay hidden and
the tables are complete (tests/site/test_progress.py, tests/site/test_browser_pages.py)."""
from __future__ import annotations

import re

import pytest

from tests.support.browser import new_context, serve


@pytest.fixture(scope="module")
def progress(demo_site, chromium):
    """The demo's progress page (varied states), open in a browser with JavaScript on."""
    with serve(demo_site) as server:
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
    # Overdue in the demo as of 30/6/2019 (tests/site/test_progress.py): in progress, not
    # started, and without any report.
    assert sorted(shown.evaluate_all("rows => rows.map(r => r.children[0].dataset.value)")) == [
        "ii-2-1-4", "ii-3-1-2", "ii-3-5-1"]
    assert set(shown.evaluate_all("rows => rows.map(r => r.dataset.state)")) == {"qua-han"}
    assert "Đang hiển thị 3 nhiệm vụ." in filters.locator("[aria-live]").inner_text()
    filters.locator('select[data-filter="state"]').select_option("")
    filters.locator('select[data-filter="agencies"]').select_option("so-thong-tin-va-truyen-thong")
    agencies = shown.evaluate_all("rows => rows.map(r => r.dataset.agencies)")
    assert agencies and all("so-thong-tin-va-truyen-thong" in a.split() for a in agencies)
    filters.locator('select[data-filter="agencies"]').select_option("")
    assert shown.count() == total


# The real site at a phone's width and on a wide screen: the task tables become cards on a phone
# (docs/assets/style.css), with the same sorting and filtering.

from tests.support.browser import PHONE  # noqa: E402
from tests.support.plans import load  # noqa: E402

WIDE = {"width": 1280, "height": 800}
CARD_TASK = "ii-3-1-6"  # has a deadline, overdue on the real data
# On each page listing the task: its card, then its name, its deadline and its state, and how
# the column's name shown beside a fact is read (the table cell's data-label, shown before it by
# CSS, which innerText leaves out; the card's <dt>).
CARD_PARTS = {
    "tien-do/": (f'table.tasks tbody tr:has(a[href$="/{CARD_TASK}/"])',
                 "td.tasks__summary a", "td.tasks__when", "td.tasks__state",
                 "el => getComputedStyle(el, '::before').content"),
    "co-quan/so-noi-vu/": (f'li.task-list__card:has(> a[href$="/{CARD_TASK}/"])',
                           "a.task-card__name", ".task-card__when dd", ".task-card__state dd",
                           "el => el.previousElementSibling.textContent"),
}


@pytest.fixture
def open_page(chromium, server):
    contexts = []

    def opener(path: str, viewport: dict, **options):
        context, watch = new_context(chromium, server, viewport=viewport, **options)
        contexts.append((context, watch))
        page = context.new_page()
        page.goto(server.base + path)
        return page

    yield opener
    for context, watch in contexts:
        context.close()
        assert watch.errors == [] and watch.outside == []


def visible_tasks(page, rows: str) -> list[str]:
    """Task ids of the rows or cards a reader sees (laid out, not hidden)."""
    return page.locator(rows).evaluate_all(
        """els => els.filter(el => el.checkVisibility())
                     .map(el => el.querySelector("a[href*='nhiem-vu/']").getAttribute("href")
                                  .split("/").filter(Boolean).pop())""")


@pytest.mark.parametrize("path", list(CARD_PARTS))
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_on_a_phone_a_task_card_shows_name_deadline_and_state_without_sideways_scrolling(
        open_page, path, javascript):
    page = open_page(path, PHONE, is_mobile=True, has_touch=True, java_script_enabled=javascript)
    card_selector, *parts, label_of = CARD_PARTS[path]
    card = page.locator(card_selector)
    assert card.count() == 1
    card.evaluate("el => el.scrollIntoView({block: 'center'})")
    texts = []
    for selector in parts:
        part = card.locator(selector).first
        assert part.is_visible(), selector
        box = part.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (selector, box)
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (selector, box)
        # A cell's column name, shown before it (CSS generated content, not in innerText).
        label = part.evaluate(label_of) if selector != parts[0] else None
        texts.append((label, " ".join(part.inner_text().split())))
    (_, name), (deadline_label, deadline), (state_label, state) = texts
    assert name == ("Rà soát, sắp xếp, giảm các tổ chức phối hợp liên ngành, các Ban Quản lý dự án "
                    "cấp tỉnh — II.3.1, ý 6")
    assert "Hạn" in deadline_label and deadline.startswith("31/12/2019")
    assert "Trạng thái" in state_label
    assert re.fullmatch(r"Quá hạn, chưa có báo cáo hoàn thành quá hạn( \d+ năm)?( \d+ tháng)?( \d+ ngày)?",
                        state), state
    assert "Rà soát, sắp xếp, giảm các tổ chức phối hợp liên ngành" in card.inner_text()
    assert "Sở Nội vụ" in card.inner_text()
    width = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    assert width <= PHONE["width"]


def test_on_a_wide_screen_the_tasks_are_a_table_with_sortable_headers(open_page):
    page = open_page("tien-do/", WIDE)
    table = page.locator("table.tasks").first
    assert table.evaluate("el => getComputedStyle(el).display") == "table"
    assert table.locator("tbody tr").first.evaluate("el => getComputedStyle(el).display") == "table-row"
    buttons = table.locator("thead th button.sort-button")
    assert buttons.count() == 5 and all(buttons.nth(i).is_visible() for i in range(5))
    # The row header reads "Nhiệm vụ II.3.1, ý 6" to a screen reader, shows the number only.
    name = table.locator(f'th.tasks__name a[href$="/{CARD_TASK}/"]')
    assert name.locator(".tasks__word").bounding_box()["width"] <= 1
    assert " ".join(name.text_content().split()) == "Nhiệm vụ II.3.1, ý 6"


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "wide"])
def test_sorting_works_on_a_phone_and_a_wide_screen(open_page, viewport):
    page = open_page("tien-do/", viewport)
    table = page.locator("table.tasks").first
    button = table.locator("thead th").nth(3).locator("button.sort-button")
    assert button.is_visible()
    button.click()
    days = column(page, 0, 3)
    assert days == sorted(days)
    button.click()
    assert column(page, 0, 3) == sorted(days, reverse=True)


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "wide"])
def test_filtering_by_a_district_shows_the_tasks_of_its_agency_page(open_page, viewport):
    plan = load()
    district = "ubnd-huyen-chiem-hoa"
    listed = set(visible_tasks(open_page(f"co-quan/{district}/", viewport),
                               "ul.task-list--cards > li"))
    page = open_page("tien-do/", viewport)
    select = page.locator('select[data-filter="agencies"]')
    options = dict(select.locator("option").evaluate_all(
        "options => options.map(o => [o.value, o.textContent.trim()])"))
    # Every district committee (each member of the group "UBND huyện, thành phố") can be chosen,
    # each saying beside its name that it ended (Nghị quyết 203/2025/QH15).
    districts = plan.graph.members_of("ubnd-huyen-thanh-pho")
    assert len(districts) == 7
    ended = " (không còn từ 01/7/2025)"
    assert {a.id: a.name + ended for a in districts}.items() <= options.items()
    assert options[district] == "Ủy ban nhân dân huyện Chiêm Hóa" + ended
    every = visible_tasks(page, "table.tasks tbody tr")
    assert len(every) == len(plan.tasks)
    select.select_option(label="Ủy ban nhân dân huyện Chiêm Hóa" + ended)
    shown = visible_tasks(page, "table.tasks tbody tr")
    assert 0 < len(shown) < len(every)
    assert sorted(shown) == sorted(listed)
    assert f"Đang hiển thị {len(shown)} nhiệm vụ." in page.locator(".table-filters").inner_text()


def test_the_chart_has_a_bar_for_each_state_with_tasks_and_only_counts_on_a_phone(progress):
    rows = progress.locator("table.chart__table tbody tr")
    counts = rows.locator("td.num").all_inner_texts()
    bars = rows.evaluate_all("rs => rs.map(r => r.querySelector('.chart__bar') !== null)")
    assert "0" in counts and bars == [count != "0" for count in counts]  # no stub for nothing
    assert progress.locator(".chart__cell").first.is_visible()
    phone = progress.context.new_page()
    phone.set_viewport_size(PHONE)
    phone.goto(progress.url)
    assert phone.locator("table.chart__table td.num").first.is_visible()
    assert not phone.locator(".chart__cell").first.is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.close()
