"""Phones and wide screens (issue 19), in Chromium: the home page's first screen at 360×740 says
what the plan is and where it stands; a wide table says it scrolls and keeps its caption whole;
controls are 44 px tall on a phone; the counts above the progress list follow its filters; the
status chart's bars can be read at 1280 px."""
from __future__ import annotations

import pytest

from tests.support.browser import PHONE, new_context

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def phone(chromium, server):
    context, watch = new_context(chromium, server, viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()
    assert watch.errors == [] and watch.outside == []


@pytest.fixture
def desktop(chromium, server):
    context, watch = new_context(chromium, server, viewport=DESKTOP)
    yield context.new_page()
    context.close()
    assert watch.errors == [] and watch.outside == []


def box(locator) -> dict:
    return locator.evaluate("el => { const r = el.getBoundingClientRect();"
                            " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,"
                            " width: r.width, height: r.height}; }")


def test_the_home_page_first_screen_says_what_the_plan_is_and_where_it_stands(phone, server):
    phone.goto(server.base)
    lead = box(phone.locator(".home .lead"))
    counts = phone.locator(".home .state-summary li")
    assert counts.count() >= 1
    assert lead["top"] < PHONE["height"]
    # Every count by state is on the first screen, below what the plan is.
    for i in range(counts.count()):
        shown = box(counts.nth(i))
        assert lead["bottom"] <= shown["top"] and shown["bottom"] <= PHONE["height"], shown


def test_a_wide_table_says_it_scrolls_and_keeps_its_caption_whole(phone, server):
    phone.goto(server.base + "ke-hoach/")
    phone.wait_for_load_state("load")
    scroll = phone.locator(".table-scroll:has(table.appendix)")
    sizes = scroll.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert sizes[0] > sizes[1], sizes  # the table is wider than its box
    before = scroll.evaluate("el => el.previousElementSibling && el.previousElementSibling.textContent")
    assert before == "Kéo ngang để xem hết bảng"
    assert scroll.evaluate("el => !el.previousElementSibling.hidden && el.previousElementSibling.offsetHeight > 0")
    caption, frame = box(phone.locator("table.appendix caption")), box(scroll)
    assert frame["left"] <= caption["left"] and caption["right"] <= frame["right"] + 0.5, (caption, frame)
    # Nothing of the caption's words is cut: its text fits in its own box.
    assert phone.locator("table.appendix caption").evaluate("el => el.scrollWidth <= el.clientWidth + 1")


def test_the_cue_goes_when_the_table_fits(phone, server):
    phone.goto(server.base + "ke-hoach/")
    phone.wait_for_load_state("load")
    cue = phone.locator(".table-scroll:has(table.appendix)").evaluate_handle(
        "el => el.previousElementSibling")
    assert cue.evaluate("el => el.classList.contains('scroll-cue') && !el.hidden")
    # The table made to fit its box, as on a wide screen: the cue is hidden at the next resize.
    phone.evaluate("""() => { const t = document.querySelector("table.appendix");
        t.style.minWidth = "0"; t.style.width = "100%"; t.style.tableLayout = "fixed";
        t.style.wordBreak = "break-all"; window.dispatchEvent(new Event("resize")); }""")
    assert cue.evaluate("el => el.hidden")


def test_controls_are_44_px_tall_on_a_phone(phone, server):
    phone.goto(server.base + "tien-do/")
    controls = phone.locator(".table-filters select, .sort-button")
    assert controls.count() >= 4
    for i in range(controls.count()):
        if controls.nth(i).is_visible():
            assert box(controls.nth(i))["height"] >= 44, controls.nth(i).evaluate("el => el.outerHTML")


def chart_counts(page) -> dict[str, int]:
    return page.evaluate("""() => Object.fromEntries(
        [...document.querySelectorAll("figure.chart tbody tr[data-chart-state]")]
          .map(row => [row.dataset.chartState, Number(row.querySelector(".num").textContent)]))""")


def shown_states(page) -> dict[str, int]:
    return page.evaluate("""() => {
        const counts = {};
        document.querySelectorAll("table.tasks tbody tr").forEach(row => {
          if (!row.hidden) counts[row.dataset.state] = (counts[row.dataset.state] || 0) + 1; });
        return counts; }""")


def test_the_counts_above_the_list_follow_the_filter(phone, server):
    phone.goto(server.base + "tien-do/")
    whole = chart_counts(phone)
    assert {k: v for k, v in whole.items() if v} == shown_states(phone)
    caption = phone.locator("figure.chart figcaption").text_content()
    agencies = phone.locator('[data-filter="agencies"] option')
    # An agency with some of the tasks, not all.
    for i in range(1, agencies.count()):
        phone.locator('[data-filter="agencies"]').select_option(index=i)
        if 0 < sum(shown_states(phone).values()) < sum(whole.values()):
            break
    shown = shown_states(phone)
    assert 0 < sum(shown.values()) < sum(whole.values())
    assert {k: v for k, v in chart_counts(phone).items() if v} == shown
    assert "theo bộ lọc" in phone.locator("figure.chart figcaption").text_content()
    phone.locator('[data-filter="agencies"]').select_option(index=0)
    assert chart_counts(phone) == whole
    assert phone.locator("figure.chart figcaption").text_content() == caption


def table_captions(page) -> list[tuple[str, int, int]]:
    """Each task table's caption, with the rows it shows and the rows it has."""
    return page.evaluate("""() => [...document.querySelectorAll("table.tasks")].map(table => [
        table.caption.textContent, [...table.tBodies[0].rows].filter(r => !r.hidden).length,
        table.tBodies[0].rows.length])""")


def test_the_table_caption_and_the_address_follow_the_filters(desktop, server):
    # Filtered to «5 nhiệm vụ», the table's caption still said «28 nhiệm vụ»; and a filtered
    # list could not be shared: the filters are now in the address, and restored from it.
    desktop.goto(server.base + "tien-do/")
    whole = table_captions(desktop)
    assert whole and all(f": {rows} nhiệm vụ" in text for text, _, rows in whole)
    agencies = desktop.locator('[data-filter="agencies"]')
    states = desktop.locator('[data-filter="state"]')
    total = sum(rows for _, _, rows in whole)
    # An agency with some of the tasks, then one state among them: both filters at work.
    for i in range(1, agencies.locator("option").count()):
        agencies.select_option(index=i)
        if 1 < sum(shown_states(desktop).values()) < total:
            break
    agency = agencies.input_value()
    by_state = shown_states(desktop)
    state = max(by_state, key=by_state.get)
    states.select_option(state)
    shown = table_captions(desktop)
    count = sum(here for _, here, _ in shown)
    assert 0 < count < total
    for text, here, rows in shown:
        assert text.endswith(f": {here} trong {rows} nhiệm vụ, theo bộ lọc"), text
    assert desktop.locator(".table-filters__count").text_content() == f"Đang hiển thị {count} nhiệm vụ."
    address = desktop.url
    assert address.endswith(f"tien-do/?co-quan={agency}&trang-thai={state}"), address

    # The address, opened anew (shared, bookmarked, reloaded), shows the same filtered list.
    other = desktop.context.new_page()
    other.goto(address)
    assert other.locator('[data-filter="agencies"]').input_value() == agency
    assert other.locator('[data-filter="state"]').input_value() == state
    assert table_captions(other) == shown
    assert shown_states(other) == shown_states(desktop)
    other.close()

    # Back to everything: the captions and the address are the page's own again.
    agencies.select_option("")
    states.select_option("")
    assert table_captions(desktop) == whole
    assert desktop.url == server.base + "tien-do/"

    # A filter of the address that names nothing on the page is dropped, from the list and
    # from the address; the other still applies.
    desktop.goto(server.base + "tien-do/?co-quan=khong-co&trang-thai=" + state)
    assert desktop.locator('[data-filter="agencies"]').input_value() == ""
    assert desktop.locator('[data-filter="state"]').input_value() == state
    with_state = desktop.locator(f'table.tasks tbody tr[data-state="{state}"]').count()
    assert shown_states(desktop) == {state: with_state}
    assert desktop.url == server.base + "tien-do/?trang-thai=" + state


def test_the_status_chart_bars_can_be_read_at_1280(desktop, server):
    desktop.goto(server.base + "tien-do/")
    rows = desktop.locator("figure.chart tbody tr[data-chart-state]")
    widths = {}
    for i in range(rows.count()):
        count = int(rows.nth(i).locator(".num").text_content())
        bar = rows.nth(i).locator(".chart__bar")
        if count:
            widths[count] = box(bar)["width"]
    largest = max(widths)
    assert widths[largest] >= 150, widths  # not a sliver
    for count, width in widths.items():  # and in proportion
        assert abs(width / widths[largest] - count / largest) < 0.05, widths
