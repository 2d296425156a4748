"""What each exit says beside a fact, read from the session builds (tests/conftest.py: `site`,
`demo_site`; nothing is built here): a demo build's calendars and tables say they are
illustrative; roles keep the plan's terms; a timeframe taken from the Phụ lục says so and keeps
its words; the state feed names the deadline as everything else does.
"""
from __future__ import annotations

import json
import re

import feedparser
from icalendar import Calendar

from macros import routes
from macros.views.edition import DEMO_MARK, DEMO_NOTICE
from tests.conftest import soup
from tests.support.spreadsheet import csv_rows, sheet

DEMO_COLUMN = "Dữ liệu minh họa"


def _calendars(site):
    return [site / routes.PLAN_CALENDAR, *sorted((site / "lich" / "co-quan").glob("*.ics"))]


def _uids(site) -> set[str]:
    return {str(event["UID"]) for path in _calendars(site)
            for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def test_the_demo_s_calendars_say_they_are_illustrative_and_never_share_a_uid(site, demo_site):
    paths = _calendars(demo_site)
    assert len(paths) > 5
    for path in paths:
        calendar = Calendar.from_ical(path.read_bytes())
        assert DEMO_MARK in str(calendar["NAME"]) and DEMO_NOTICE in str(calendar["DESCRIPTION"])
        assert str(calendar["UID"]).endswith("@minh-hoa.ke-hoach-68-kh-ubnd-2018"), path
        for event in calendar.walk("VEVENT"):
            assert str(event["SUMMARY"]).startswith(f"[{DEMO_MARK}] "), (path, event["UID"])
            assert DEMO_NOTICE in str(event["DESCRIPTION"]), (path, event["UID"])
            assert str(event["UID"]).endswith("@minh-hoa.ke-hoach-68-kh-ubnd-2018")
    # A calendar app holding both never takes a demo event for a real one.
    real = _uids(site)
    assert real and not real & _uids(demo_site)
    for path in _calendars(site):
        assert DEMO_MARK not in path.read_text("utf-8"), path


def test_every_row_of_the_tables_says_whether_it_is_illustrative(site, demo_site):
    for build, expected in ((site, "không"), (demo_site, "có")):
        for csv_path, xlsx_path in ((routes.TASKS_CSV, routes.TASKS_XLSX),
                                    (routes.REPORTS_CSV, routes.REPORTS_XLSX)):
            rows = csv_rows((build / csv_path).read_bytes())
            column = rows[0].index(DEMO_COLUMN)
            assert {row[column] for row in rows[1:]} <= {expected}, (build, csv_path)
            cells = list(sheet((build / xlsx_path).read_bytes()).values)
            assert cells[0][column] == DEMO_COLUMN
            assert {row[column] for row in cells[1:]} <= {expected}, (build, xlsx_path)
    # The demo has rows in both tables, each marked; the real site's reports table may be empty.
    assert len(csv_rows((demo_site / routes.REPORTS_CSV).read_bytes())) > 1
    records = json.loads((demo_site / routes.TASKS_JSON).read_text("utf-8"))["nhiem_vu"]
    assert all(record["minh_hoa"] is True for record in records)
    # The column is documented on the open data page like the others.
    page = soup(site / routes.OPEN_DATA / "index.html").get_text(" ")
    assert DEMO_COLUMN in page and "minh_hoa" in page


def test_lead_columns_say_they_are_the_site_s_group_of_the_plan_s_terms(site):
    headers = csv_rows((site / routes.TASKS_CSV).read_bytes())[0]
    assert not any("chủ trì, thực hiện" in h.casefold() for h in headers), headers
    group = [h for h in headers if "nhóm của trang web" in h]
    assert len(group) == 2 and all("«Trách nhiệm thực hiện», «Chủ trì» và cơ quan được nêu tên "
                                   "không kèm thuật ngữ" in h for h in group)
    # «Thực hiện» is no word the text uses for a role: no header gives it as one.
    assert not any("«Thực hiện»" in h for h in headers)
    # VP UBND tỉnh: II.2.1.1–6 under «Trách nhiệm thực hiện» (lines 26–41), II.3.2 ý 2 under
    # its section heading (line 74; its text starts «Phối hợp với…», line 76).
    page = soup(site / routes.agency("van-phong-ubnd-tinh") / "index.html")
    assert "chủ trì, thực hiện" not in page.get_text(" ").casefold()
    terms = {}
    for card in page.select(".task-list__card"):
        task_id = card.select_one("a.task-card__name")["href"].split("nhiem-vu/")[1].strip("/")
        terms[task_id] = card.select_one("dl.task-card dt").get_text()
    assert terms["ii-2-1-1"] == "Trách nhiệm thực hiện"
    assert terms["ii-3-2-2"] == "Được nêu tên ở tiêu đề mục II.3.2"
    assert page.find(id="lead") is not None  # the anchor published before stays


def _row(site, task_id):
    rows = csv_rows((site / routes.TASKS_CSV).read_bytes())
    return next(dict(zip(rows[0], row, strict=True)) for row in rows[1:] if row[0] == task_id)


def test_a_timeframe_from_the_phu_luc_keeps_its_words_and_says_the_text_is_silent(site):
    # II.3.4 (line 81) gives no timeframe; Phụ lục row 19 (lines 331–333) says «Thường xuyên».
    row = _row(site, "ii-3-4-1")
    assert (row["Thời hạn (nguyên văn)"], row["Nguồn thời hạn"]) == ("Thường xuyên",
                                                                     "phu-luc dong 19")
    text = soup(site / routes.task("ii-3-4-1") / "index.html").get_text(" ")
    assert "lời văn mục II.3.4 không ghi thời hạn" in text
    assert "Lặp lại: Thường xuyên (theo Phụ lục, dòng 19; lời văn Kế hoạch không ghi thời hạn)" \
        in " ".join(text.split())
    # III.3 (line 100): «thường xuyên» qualifies «đăng tải các tin, bài» only.
    row = _row(site, "iii-3-1")
    assert (row["Thời hạn (nguyên văn)"], row["Lặp lại"]) == ("", "khong-ghi")


def test_the_state_feed_names_the_deadline_and_says_the_site_computed_it(site):
    entries = feedparser.parse((site / routes.STATE_FEED).read_bytes()).entries
    passed = [e.summary for e in entries if "là ngày sau hạn hoàn thành" in e.summary]
    assert passed
    for text in passed:
        assert "hạn theo kế hoạch" not in text  # one label, as everywhere: «Hạn theo Kế hoạch»
        assert re.search(r"hạn hoàn thành \d{1,2}/\d{1,2}/\d{4} \((Hạn theo Kế hoạch, do trang "
                         r"web tính: ngày cuối cùng [^)]*văn bản không ghi ngày cụ thể|Hạn điều "
                         r"chỉnh, theo báo cáo)\)", text), text
