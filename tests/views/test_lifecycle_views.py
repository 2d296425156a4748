"""What readers see of a body's life, on a small plan in memory (tests/support/small_plan.py)
with a made-up merge: Ban B merged into Ban A on 01/01/2019, by a made-up decision of the
province. The ended body's page, the successor's, the task lists, the coming dates and the
calendars, each read from the views and the real templates and files."""
from __future__ import annotations

import copy
from datetime import UTC, date, datetime

from bs4 import BeautifulSoup
from icalendar import Calendar

from macros import routes
from macros.files import ics
from macros.load import plan_from_mappings
from macros.model.facts import BodyEnded
from macros.model.news import News
from macros.model.status import DisplayState
from macros.site.render import render
from macros.views.agency import AgencyIndex, AgencyPage, dues_in_month
from macros.views.calendar import CalendarPage
from macros.views.progress import ProgressPage
from macros.views.task import TaskPage
from tests.support.plans import edition
from tests.support.small_plan import AGENCIES, plan_data

MERGER = {"kind": "hop-nhat", "date": "2019-01-01", "successors": ["ban-a"],
          "source": {"kind": "Quyết định", "number": "9/QĐ-TN", "date": "2018-12-20",
                     "issuer": "ubnd"}}


def merged_plan(as_of: date = date(2020, 6, 1)):
    agencies = copy.deepcopy(AGENCIES)
    agencies["agencies"][2]["events"] = [MERGER]  # ban-b
    return plan_from_mappings(agencies, plan_data(), as_of=as_of)


def _page(view) -> str:
    return str(render("agency_page.html", view=view, root="../../"))


def test_the_ended_body_says_when_and_by_which_document_and_links_its_successor():
    plan = merged_plan()
    view = AgencyPage.of(edition(plan), "ban-b")
    assert view.ended_on == date(2019, 1, 1)
    html = _page(view)
    top = html.split('class="agency-life"', 1)[1].split("</div>", 1)[0]
    assert "không còn từ ngày 01 tháng 01 năm 2019" in top
    assert "Quyết định số 9/QĐ-TN ngày 20/12/2018 của Ủy ban nhân dân tỉnh" in top
    assert f'href="../../{routes.agency("ban-a")}"' in top and "Cơ quan kế thừa" in top


def test_the_successor_links_back():
    html = _page(AgencyPage.of(edition(merged_plan()), "ban-a"))
    top = html.split('class="agency-life"', 1)[1].split("</div>", 1)[0]
    assert "Kế thừa từ" in top and f'href="../../{routes.agency("ban-b")}"' in top
    assert "không còn" not in top  # Ban A goes on


def test_the_index_says_beside_a_body_that_it_ended_and_above_by_which_document():
    def entries(plan):
        html = str(render("agency_index.html", view=AgencyIndex.of(plan), root="../"))
        return {li.a.get_text(): li.get_text(" ", strip=True)
                for li in BeautifulSoup(html, "html.parser").select("ul.agency-list li")}

    ended = entries(merged_plan())
    assert ended["Ban B"].startswith("Ban B (không còn từ 01/01/2019)")
    assert "không còn" not in ended["Ban A"]
    # The document is said once, above the lists.
    html = str(render("agency_index.html", view=AgencyIndex.of(merged_plan()), root="../"))
    top = BeautifulSoup(html, "html.parser").select_one(".agency-life").get_text(" ", strip=True)
    assert top.startswith("Ngày 01 tháng 01 năm 2019 : Ban B không còn, theo Quyết định số "
                          "9/QĐ-TN ngày 20/12/2018 của Ủy ban nhân dân tỉnh.")
    # As of a day before the end, nothing of it is said.
    before = merged_plan(date(2018, 10, 1))
    assert not any("không còn" in e for e in entries(before).values())
    assert "không còn" not in str(render("agency_index.html", view=AgencyIndex.of(before),
                                         root="../"))


def test_the_progress_filter_says_beside_a_body_that_it_ended():
    options = dict(ProgressPage.of(edition(merged_plan())).agency_options)
    assert options["ban-b"] == "Ban B (không còn từ 01/01/2019)" and options["ban-a"] == "Ban A"
    before = dict(ProgressPage.of(edition(merged_plan(date(2018, 10, 1)))).agency_options)
    assert before["ban-b"] == "Ban B"


def test_nothing_is_said_before_the_end_came():
    """As of a day before the merger, the page is as it was: nothing of the future is shown."""
    view = AgencyPage.of(edition(merged_plan(as_of=date(2018, 10, 1))), "ban-b")
    assert view.life is None and view.ended_on is None
    assert any(d.task_id == "t-2" for d in view.next_due)


def test_the_ended_bodys_list_keeps_its_tasks_in_a_state_of_its_own():
    plan = merged_plan()
    view = AgencyPage.of(edition(plan), "ban-b")
    lines = [line for group in view.roles for line in group.tasks]
    assert [line.id for line in lines] == ["t-2"]  # what the plan asked stays listed
    assert isinstance(lines[0].state, BodyEnded)
    # Its deadline (31/12/2019) came after the end: not a date for Ban B.
    assert not lines[0].state.overdue_before_end
    assert "hạn không còn được tính" in lines[0].state_note
    assert view.next_due == () and not view.has_duties
    assert all("quá hạn" not in label for _, label in view.figures)
    html = _page(view)
    assert 'id="han-sap-toi"' not in html and "state--co-quan-khong-con" in html
    # The task itself is the task of Ban A too, which goes on: its state is unchanged.
    assert plan.status("t-2").state is DisplayState.OVERDUE
    assert plan.facts("t-2").projected_deadline == date(2019, 12, 31)


def test_an_overdue_task_of_an_ended_body_says_it_ended_before_any_report():
    """Ban B ends on 01/01/2020, after t-2's deadline (31/12/2019): overdue before it ended."""
    agencies = copy.deepcopy(AGENCIES)
    agencies["agencies"][2]["events"] = [{**MERGER, "date": "2020-01-01"}]
    plan = plan_from_mappings(agencies, plan_data(), as_of=date(2020, 6, 1))
    line = AgencyPage.of(edition(plan), "ban-b").roles[0].tasks[0]
    assert line.state.overdue_before_end
    assert line.state_note == "từ 01/01/2020; đã quá hạn từ trước, trang web chưa nhận báo cáo nào"


def test_the_task_page_notes_the_end_beside_the_bodys_name():
    plan = merged_plan()
    view = TaskPage.of(edition(plan), "t-2", News((), {}))
    partners = next(r for r in view.roles if r.term == "Phối hợp với")
    assert partners.agencies[0].note == ("không còn từ ngày 01 tháng 01 năm 2019, theo Quyết định "
                                         "số 9/QĐ-TN ngày 20/12/2018 của Ủy ban nhân dân tỉnh")
    lead = next(r for r in view.roles if r.term == "Chủ trì")
    assert lead.agencies[0].note is None
    html = str(render("task_page.html", view=view, root="../../"))
    assert "(không còn từ ngày 01 tháng 01 năm 2019, theo Quyết định số 9/QĐ-TN" in html


def _events(content: bytes) -> list:
    return list(Calendar.from_ical(content).walk("VEVENT"))


def test_calendars_project_nothing_past_the_end():
    """Ban A leads t-2 and goes on: the plan's calendar keeps its deadline. If Ban A had ended
    too, before the deadline, no calendar would hold it."""
    plan = merged_plan()
    stamp = datetime(2020, 6, 1, tzinfo=UTC)
    feeds = dict(ics.feeds(edition(plan, built_at=stamp), None))
    uids = [str(e["UID"]) for e in _events(feeds[routes.PLAN_CALENDAR])]
    assert any(u.startswith("han-t-2@") for u in uids)
    ban_b = feeds.get(routes.agency_calendar("ban-b"))
    assert ban_b is None or not any(str(e["UID"]).startswith("han-t-2") for e in _events(ban_b))

    agencies = copy.deepcopy(AGENCIES)
    agencies["agencies"][1]["events"] = [{**MERGER, "successors": ["ubnd"]}]  # ban-a
    both = plan_from_mappings(agencies, plan_data(), as_of=date(2020, 6, 1))
    assert both.facts("t-2").projected_deadline is None
    uids = [str(e["UID"]) for e in _events(dict(ics.feeds(edition(both, built_at=stamp), None))[
        routes.PLAN_CALENDAR])]
    assert not any(u.startswith("han-t-2@") for u in uids)
    assert dues_in_month(both, 2019, 12) == []


def test_the_reporting_calendar_marks_the_day_bodies_ended():
    view = CalendarPage.of(merged_plan(), None)
    assert [(day, words) for day, words, _ in view.endings] == [
        (date(2019, 1, 1), ("Ban B không còn, theo Quyết định số 9/QĐ-TN ngày 20/12/2018 của "
                            "Ủy ban nhân dân tỉnh"))]
    html = str(render("reporting_calendar.html", view=view, root="../"))
    assert '<time datetime="2019-01-01">' in html


def test_lateness_is_counted_only_until_every_lead_ended():
    """A task whose every lead ended: how long it was past its deadline is counted to the day
    before the end, never on to the as-of day (nothing is counted past a body's end)."""
    agencies = copy.deepcopy(AGENCIES)
    agencies["agencies"][1]["events"] = [  # ban-a, the only lead of t-1 (due 31/12/2018)
        {"kind": "ket-thuc", "date": "2019-06-01",
         "source": {"kind": "Quyết định", "number": "9/QĐ-TN", "date": "2019-05-20",
                    "issuer": "ubnd"}}]
    ended = plan_from_mappings(agencies, plan_data(), as_of=date(2020, 6, 1))
    going = plan_from_mappings(AGENCIES, plan_data(), as_of=date(2020, 6, 1))
    facts, before = ended.facts("t-1"), going.facts("t-1")
    assert before.overdue_until == date(2020, 6, 1) and before.overdue_for == "1 năm 5 tháng"
    assert facts.overdue_until == date(2019, 5, 31)
    assert facts.overdue_days == (date(2019, 5, 31) - date(2018, 12, 31)).days
    assert facts.overdue_for == ("5 tháng, tính đến 31/5/2019 (cơ quan được giao không còn từ "
                                 "01/6/2019)")
    page = TaskPage.of(edition(ended), "t-1", News((), {}))
    assert page.state_note and facts.overdue_for in page.state_note
    assert "1 năm 5 tháng" not in page.state_note
    assert page.leads_note.startswith("Mọi cơ quan được lời văn giao nhiệm vụ này không còn từ "
                                      "ngày 01 tháng 6 năm 2019")
    assert TaskPage.of(edition(going), "t-1", News((), {})).leads_note is None
