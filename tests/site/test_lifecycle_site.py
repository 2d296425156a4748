"""The bodies that ended, and what the site knows since when, in the real build (as of today:
the district level ended on 01/7/2025, Nghị quyết số 203/2025/QH15) and in the build dated
15/6/2019, which must say nothing of it. Reads the session builds (tests/conftest.py)."""
from __future__ import annotations

import json
import re
from datetime import date

import feedparser
from icalendar import Calendar

from macros import routes
from tests.conftest import soup

END = date(2025, 7, 1)
NQ_203 = "Nghị quyết số 203/2025/QH15 ngày 16/6/2025 của Quốc hội"
NQ_202 = "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội"
NOT_RECORDED = "chưa ghi nhận ngày bắt đầu nhận báo cáo"


def _text(node) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


def _page(site, path):
    return soup(site / path / "index.html").select_one("article")


def test_a_district_bodys_page_says_it_ended_and_projects_nothing(site):
    page = _page(site, routes.agency("ubnd-huyen-ham-yen"))
    top = _text(page.select_one(".agency-life"))
    assert f"không còn từ ngày 01 tháng 7 năm 2025, theo {NQ_203}" in top
    assert page.find(id="han-sap-toi") is None  # no «Hạn sắp tới»
    text = _text(page)
    assert "Trước ngày" not in text and "quá hạn, chưa có báo cáo hoàn thành" not in text
    cards = page.select(".task-list__card")
    assert len(cards) == 20  # the tasks stay listed
    for card in cards:
        tag = card.select_one(".task-card__state .state")
        assert tag["class"] == ["state", "state--co-quan-khong-con"], _text(card)
        assert "01/7/2025" in _text(tag.parent)
    # The overdue ones say they were overdue before the body ended, with nothing reported here.
    overdue = [c for c in cards if "đã quá hạn từ trước" in _text(c)]
    assert len(overdue) == 9
    assert all("trang web chưa nhận báo cáo nào" in _text(c) for c in overdue)


def test_the_group_whose_members_all_ended_says_so(site):
    top = _text(_page(site, routes.agency("ubnd-huyen-thanh-pho")).select_one(".agency-life"))
    assert top.startswith("Mọi thành viên của nhóm không còn từ ngày 01 tháng 7 năm 2025")


def test_the_index_marks_the_bodies_that_ended(site):
    """The seven district bodies and their group say it beside their names on /co-quan/; the
    province's bodies, arranged by 202/2025/QH15 with no end recorded, say nothing of it."""
    entries = {li.a["href"].rstrip("/").rsplit("/", 1)[-1]: _text(li)
               for li in _page(site, routes.AGENCY_INDEX).select("ul.agency-list li")}
    ended = {agency for agency, text in entries.items() if "không còn" in text}
    assert ended == {"ubnd-thanh-pho-tuyen-quang", "ubnd-huyen-chiem-hoa", "ubnd-huyen-lam-binh",
                     "ubnd-huyen-na-hang", "ubnd-huyen-ham-yen", "ubnd-huyen-yen-son",
                     "ubnd-huyen-son-duong", "ubnd-huyen-thanh-pho"}
    assert "(không còn từ 01/7/2025)" in entries["ubnd-huyen-ham-yen"]
    top = _text(_page(site, routes.AGENCY_INDEX).select_one(".agency-life"))
    assert f"UBND huyện, thành phố không còn, theo {NQ_203}" in top


def test_the_province_changed_and_goes_on(site):
    page = _page(site, routes.agency("ubnd-tinh"))
    top = _text(page.select_one(".agency-life"))
    assert "sắp xếp lại, văn bản không nêu cơ quan kết thúc" in top
    assert "vẫn hoạt động" not in top and "vẫn tiếp tục" not in top and NQ_202 in top
    assert "không còn" not in top.split("Ghi chú")[0]
    assert page.find(id="han-sap-toi") is not None  # its dates go on


def test_the_district_calendar_holds_nothing_after_the_end(site):
    calendar = Calendar.from_ical((site / routes.agency_calendar("ubnd-huyen-ham-yen"))
                                  .read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert events  # what was due before the end stays
    for event in events:
        assert event.decoded("DTSTART") < END, event["SUMMARY"]
        if "RRULE" in event:
            assert event["RRULE"]["UNTIL"][0] < END, event["UID"]


def test_the_plan_calendar_goes_on_for_the_bodies_that_remain(site):
    calendar = Calendar.from_ical((site / routes.PLAN_CALENDAR).read_bytes())
    untils = [e["RRULE"]["UNTIL"][0] for e in calendar.walk("VEVENT") if "RRULE" in e]
    assert untils and all(u > END for u in untils)  # every duty has a reporter still there


def test_task_pages_note_the_end_beside_the_bodys_name(site):
    page = _page(site, routes.task("ii-3-5-1"))
    notes = [_text(n) for n in page.select(".roles .ended-note")]
    # Beside the body's name in the plan's roles, and again in the Phụ lục row that names it.
    assert notes == [f"(không còn từ ngày 01 tháng 7 năm 2025, theo {NQ_203})"] * 2
    assert notes[0] in _text(page.select_one(".roles"))
    link = page.select_one(".roles .ended-note").find_previous_sibling("a")
    assert link.get_text() == "Ủy ban nhân dân các huyện, thành phố"
    state = _text(page.find(id="trang-thai").find_next("p", attrs={"data-search-exclude": True}))
    assert ("Mọi cơ quan được lời văn giao nhiệm vụ này không còn từ ngày 01 tháng 7 năm 2025"
            in _text(page.find(id="trang-thai").find_next("p", class_="note")))
    # Lateness counted to the day before the end, not on to the as-of day.
    assert "tính đến 30/6/2025 (cơ quan được giao không còn từ 01/7/2025)" in state
    # A task with no deadline, led only by the districts: no next report projected, and the
    # page says why, as the overdue ones do.
    start_only = _text(_page(site, routes.task("ii-3-5-2")))
    assert "Kỳ báo cáo tiếp theo" not in start_only
    assert "Mọi cơ quan được lời văn giao nhiệm vụ này không còn từ ngày 01 tháng 7" in start_only


def test_the_reporting_calendar_and_the_timeline_mark_the_day(site):
    mark = _page(site, routes.CALENDAR).select_one(".agency-life")
    assert mark.time["datetime"] == END.isoformat()
    assert f"UBND huyện, thành phố không còn, theo {NQ_203}" in _text(mark)
    marks = {li.time["datetime"]: _text(li) for li in
             _page(site, routes.TIMELINE).select(".milestones li")}
    assert NQ_203 in marks[END.isoformat()]


def test_the_dated_build_says_nothing_of_the_end(dated_site):
    page = _page(dated_site, routes.agency("ubnd-huyen-ham-yen"))
    assert page.select_one(".agency-life") is None
    assert page.find(id="han-sap-toi") is not None
    assert not _page(dated_site, routes.task("ii-3-5-1")).select(".ended-note")
    assert END.isoformat() not in str(_page(dated_site, routes.TIMELINE))
    assert "không còn" not in _text(_page(dated_site, routes.AGENCY_INDEX))
    # Nor its open data, nor the documents issued since: what came by the as-of day only.
    bodies = json.loads((dated_site / routes.AGENCIES_JSON).read_text("utf-8"))["co_quan"]
    assert not any(b["khong_con_tu"] or b["thay_doi"] or b["ke_thua"] or b["tien_than"]
                   for b in bodies)
    assert len((dated_site / routes.AGENCY_EVENTS_CSV).read_text("utf-8-sig").splitlines()) == 1
    for page in (soup(dated_site / "index.html"), _page(dated_site, routes.PLAN_TEXT)):
        assert page.find(id="van-ban-sau") is None and "121-KL/TW" not in _text(page)


def test_later_documents_on_the_plan_and_home_pages(site):
    for path in (routes.PLAN_TEXT, ""):
        page = _page(site, path) if path else soup(site / "index.html").select_one("article")
        section = page.find(id="van-ban-sau").parent
        items = [_text(li) for li in section.select(".later-documents li")]
        assert len(items) == 2, path
        assert items[0].startswith("Kết luận số 121-KL/TW ngày 24/01/2025 của Ban Chấp hành "
                                   "Trung ương Đảng:")
        assert "«" not in items[0]  # no quotation where the data records none
        assert ("Nguyên văn: «về tiếp tục xây dựng, hoàn thiện tổ chức bộ máy của hệ thống chính "
                "trị trong thời gian tới»") in items[1]
        assert "Báo điện tử VietnamPlus, bài ngày 21/11/2025" in items[1]


def test_home_progress_task_pages_and_state_feed_say_since_when_reports_are_collected(site):
    home = soup(site / "index.html").select_one("article")
    assert NOT_RECORDED in _text(home.select_one(".knowledge"))
    assert NOT_RECORDED in _text(_page(site, routes.PROGRESS).select_one(".knowledge"))
    # A task past its deadline (II.2.1.1: «Hoàn thành trong tháng 7/2018», no report).
    note = _text(_page(site, routes.task("ii-2-1-1")))
    assert "đã quá hạn" in note and NOT_RECORDED in note
    # A task with no report at all (III.1 ý 2, the 15-day reports, line 95): the same words, so
    # «Chưa có báo cáo» never reads as "nobody has reported since 2018".
    unreported = _text(_page(site, routes.task("iii-1-2")))
    assert "trang web chưa nhận báo cáo nào của nhiệm vụ này" in unreported
    assert NOT_RECORDED in unreported
    feed = feedparser.parse((site / routes.STATE_FEED).read_bytes())
    assert NOT_RECORDED in feed.feed.description
    lateness = [e for e in feed.entries if "ngày sau hạn hoàn thành" in e.summary]
    assert lateness and all(NOT_RECORDED in e.summary for e in lateness)
