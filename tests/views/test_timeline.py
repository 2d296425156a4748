"""The timeline: every bar in the built HTML sits where the task's parsed dates put it on the
2018–2020 axis, the as-of date is marked, and the list by date carries the same facts."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup

from macros.model import timeframe as tf
from macros.model.roles import NO_TERM
from macros.site.render import render
from macros.views import timeline
from macros.views.calendar import TimelinePage
from tests.conftest import AS_OF, DATA, soup
from tests.support.plans import load

PLAN = load(DATA)
AXIS_FIRST, AXIS_LAST = date(2018, 1, 1), date(2020, 12, 31)
AXIS_DAYS = (AXIS_LAST - AXIS_FIRST).days + 1  # 1096: 2020 is a leap year


def percent(day: date) -> float:
    return (day - AXIS_FIRST).days / AXIS_DAYS * 100


def expected_span(task) -> tuple[date, date]:
    """From the task's parsed timeframe: the first day of its start period, or the plan's date
    when that is later or there is none, to its due date (or the axis end)."""
    schedule = task.schedule
    start = max(schedule.start_date or PLAN.document.date, PLAN.document.date)
    once = schedule.recurrence is tf.Recurrence.NONE and schedule.due
    return start, schedule.due_date if once else AXIS_LAST


def position(element) -> tuple[float, float]:
    style = dict(part.split(":") for part in element["style"].split(";") if part)
    return float(style["left"].rstrip("%")), float(style["width"].rstrip("%"))


@pytest.fixture(scope="module")
def page(dated_site):
    return soup(dated_site / "dong-thoi-gian" / "index.html")


def test_every_bar_matches_its_tasks_dates(page):
    bars = page.select("#theo-phan ~ .timeline .timeline__bar")
    dated = [t for t in PLAN.tasks if t.schedule]
    assert [b["data-task"] for b in bars] == [t.id for t in dated]
    assert len(bars) == 41  # 49 tasks, 8 of them with no timeframe (iii-3-1: line 100)
    for bar in bars:
        task = PLAN.task(bar["data-task"])
        start, end = expected_span(task)
        assert (bar["data-start"], bar["data-end"]) == (start.isoformat(), end.isoformat())
        left, width = position(bar)
        assert left == pytest.approx(percent(start), abs=1e-3), task.id
        assert left + width == pytest.approx(percent(end + timedelta(days=1)), abs=1e-3), task.id


def test_known_bars_by_hand(page):
    # II.2.1.1 "Hoàn thành trong tháng 7/2018": from the plan's date, 02/7/2018, to 31/7/2018.
    bar = page.select_one('#theo-phan ~ .timeline .timeline__bar[data-task="ii-2-1-1"]')
    assert position(bar) == pytest.approx((182 / 1096 * 100, 30 / 1096 * 100), abs=1e-3)
    assert "timeline__bar--once" in bar["class"]
    # II.3.5, ý 8 "thực hiện từ năm 2018 và hoàn thành năm 2020": the year 2018 began before the
    # plan existed, so the bar starts on the plan's date, 02/7/2018, and runs to 31/12/2020.
    whole = page.select_one('#theo-phan ~ .timeline .timeline__bar[data-task="ii-3-5-8"]')
    assert position(whole) == pytest.approx((182 / 1096 * 100, 914 / 1096 * 100), abs=1e-3)
    assert whole["data-start"] == "2018-07-02"
    # "Thường xuyên" is a band to the end of the axis.
    band = page.select_one('#theo-phan ~ .timeline .timeline__bar[data-task="ii-2-2-1"]')
    assert "timeline__bar--recurring" in band["class"]
    assert sum(position(band)) == pytest.approx(100, abs=1e-3)


def test_bars_by_lead_agency_repeat_for_each_lead(page):
    groups = page.select("#theo-co-quan ~ .timeline .timeline__group")
    seen: dict[str, list[str]] = {}
    for heading in groups:
        agency_id = re.sub(r"-\d+$", "", heading["id"].removeprefix("chu-tri-"))
        rows = heading.find_next_sibling("ol")
        task_ids = [b["data-task"] for b in rows.select(".timeline__bar")]
        # Each group says the plan's own term for the role of every task in it, or that the
        # text names the agency with none.
        term = heading.get_text().rsplit("(", 1)[1].rstrip(")")
        assert {PLAN.task(t).role("lead").term or NO_TERM for t in task_ids} == {term}, heading
        seen.setdefault(agency_id, []).extend(task_ids)
    for agency_id, task_ids in seen.items():
        assert sorted(task_ids) == sorted(
            t.id for t in PLAN.assigned.tasks_for(agency_id, "lead") if t.schedule)
    assert "so-noi-vu" in seen and "ubnd-huyen-thanh-pho" in seen


def test_the_as_of_date_is_marked(page):
    marks = page.select("#theo-phan ~ .timeline .timeline__line--now")
    assert len(marks) == 1 and marks[0]["data-date"] == AS_OF
    assert position_left(marks[0]) == pytest.approx(percent(date.fromisoformat(AS_OF)), abs=1e-3)
    assert "ngày 15 tháng 6 năm 2019" in page.select_one(".as-of").get_text()


def position_left(element) -> float:
    return float(re.search(r"left:([\d.]+)%", element["style"]).group(1))


def test_milestones_are_the_plan_date_and_the_yearly_reports(page):
    days = [li.time["datetime"] for li in page.select(".milestones li")]
    assert days[0] == "2018-07-02"
    assert "2019-05-20" in days and "2019-05-30" in days and "2020-11-30" in days
    assert "2018-05-20" not in days  # before the plan existed
    lines = page.select("#theo-phan ~ .timeline .timeline__line--milestone")
    assert len(lines) == len(days)


def test_year_scale(page):
    years = page.select("#theo-phan ~ .timeline .timeline__year")
    assert [y.get_text() for y in years] == ["2018", "2019", "2020"]
    assert position(years[2]) == pytest.approx((730 / 1096 * 100, 366 / 1096 * 100), abs=1e-3)


def test_the_list_by_date_has_every_dated_task_in_order(page):
    items = page.select(".timeline-list > li")
    tasks = [li["data-task"] for li in items if li.has_attr("data-task")]
    assert sorted(tasks) == sorted(t.id for t in PLAN.tasks if t.schedule)
    dues = [PLAN.task(t).due_date for t in tasks if PLAN.task(t).due_date
            and PLAN.task(t).recurrence is tf.Recurrence.NONE]
    assert dues == sorted(dues)
    # The as-of marker stands before the first task due on or after it.
    marker = [i for i, li in enumerate(items) if "timeline-list__now" in li.get("class", [])]
    assert len(marker) == 1
    after = items[marker[0] + 1]["data-task"]
    assert PLAN.task(after).due_date == date(2019, 12, 31)
    assert items[0].get_text(" ", strip=True) == f"Hạn 31/7/2018 {PLAN.task('ii-2-1-1').name}"


def test_tasks_without_a_timeframe_are_listed_apart(page):
    undated = [li["data-task"] for li in page.select("#khong-ghi-thoi-han ~ ul.task-list li")]
    assert undated == [t.id for t in PLAN.tasks if t.schedule is None]
    assert "iii-1-2" in undated


def test_an_agency_page_places_its_own_tasks(dated_site):
    page = soup(dated_site / "co-quan" / "so-tai-chinh" / "index.html")
    bars = page.select(".timeline__bar")
    view_tasks = {t.id for r in ("lead", "partners")
                  for t in PLAN.assigned.tasks_for("so-tai-chinh", r)}
    view_tasks |= {t.id for t in PLAN.assigned.tasks_for("cac-co-quan-don-vi", "lead")}
    view_tasks |= {t.id for t in PLAN.assigned.tasks_for("cac-co-quan-don-vi", "partners")}
    assert {b["data-task"] for b in bars} == {t for t in view_tasks if PLAN.task(t).schedule}
    for bar in bars:
        start, _ = expected_span(PLAN.task(bar["data-task"]))
        assert position(bar)[0] == pytest.approx(percent(start), abs=1e-3)


def test_as_of_outside_the_axis_is_said_not_drawn():
    # Rendered from the template with an as-of date years after 2020.
    line = timeline.build(PLAN, date(2026, 11, 26))
    view = TimelinePage(PLAN.document.date, line, timeline.by_part(PLAN, line),
                        timeline.by_lead(PLAN, line))
    html = BeautifulSoup(render("timeline.html", root="../", view=view), "html.parser")
    assert line.now is None and html.select_one(".timeline__line--now") is None
    assert "nằm ngoài trục thời gian" in html.select_one(".as-of").get_text()
    assert html.select_one(".timeline-list__now") is None  # every task was due before
