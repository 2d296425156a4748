"""No page, feed, calendar or open-data file gives a date before the plan's own date (02/7/2018)
for the plan's tasks: "thực hiện từ năm 2018" is a year, not 1 January 2018, and nothing of the
plan started before the plan existed.

Dates the plan's own words quote (the documents it carries out, "ngày 25/10/2017") are its text,
not dates the site gives a task: the plan page, quotations (blockquote), the plan's words in lists
(class plan-words) and the list of documents are left out of the pages' check.
"""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import icalendar
import pytest

from tests.conftest import soup

PLAN_DATE = date(2018, 7, 2)
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
SHORT = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
LONG = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")


def dates_in(text: str) -> list[date]:
    found = [date(int(y), int(m), int(d)) for y, m, d in ISO.findall(text)]
    found += [date(int(y), int(m), int(d)) for d, m, y in SHORT.findall(text)]
    found += [date(int(y), int(m), int(d)) for d, m, y in LONG.findall(text)]
    return found


def test_the_check_reads_all_three_forms():
    assert dates_in("2018-01-01, 1/1/2018 và ngày 01 tháng 01 năm 2018") == [date(2018, 1, 1)] * 3


def page_dates(path) -> list[date]:
    page = soup(path)
    main = page.select_one("article") or page
    for quoted in main.select("blockquote, .implements, .plan-words"):
        quoted.decompose()
    found = dates_in(main.get_text(" "))
    for element in main.select("[datetime], [data-start], [data-end]"):
        for attribute in ("datetime", "data-start", "data-end"):
            if element.has_attr(attribute):
                found += dates_in(element[attribute])
    return found


@pytest.mark.parametrize("folder", ["nhiem-vu", "co-quan", "dong-thoi-gian", "tien-do",
                                    "lich-bao-cao", ""])
def test_pages_give_no_task_date_before_the_plan(dated_site, site, folder):
    for built in (dated_site, site):
        pages = sorted((built / folder).rglob("index.html")) if folder else [built / "index.html"]
        assert pages
        for path in pages:
            early = [d for d in page_dates(path) if d < PLAN_DATE]
            assert early == [], (path.relative_to(built), early)


def test_calendars_start_no_earlier_than_the_plan(dated_site):
    calendars = sorted((dated_site / "lich").rglob("*.ics"))
    assert calendars
    for path in calendars:
        for event in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            start = event.decoded("DTSTART")
            assert start >= PLAN_DATE, (path.name, event["SUMMARY"], start)


def test_feeds_and_open_data_give_no_earlier_date(dated_site):
    state_feed = (dated_site / "tien-do" / "rss.xml").read_text("utf-8")
    for stamp in re.findall(r"<pubDate>([^<]+)</pubDate>", state_feed):
        year = int(re.search(r"\d{4}", stamp).group())
        assert year >= 2018
    document = json.loads((dated_site / "du-lieu" / "nhiem-vu.json").read_text("utf-8"))
    early = [(task["ma"], d) for task in document["nhiem_vu"]
             for d in dates_in(json.dumps({k: v for k, v in task.items() if k != "noi_dung"}))
             if d < PLAN_DATE]
    assert early == []
    # Periods keep the precision of their words: a year is a year.
    ii_2_1_3 = next(t for t in document["nhiem_vu"] if t["ma"] == "ii-2-1-3")
    assert ii_2_1_3["bat_dau"] == {"do_chinh_xac": "nam", "gia_tri": "2018", "loi_van": "năm 2018"}
    rows = list(csv.reader(io.StringIO((dated_site / "du-lieu" / "nhiem-vu.csv")
                                       .read_bytes().decode("utf-8-sig"))))
    text_column = rows[0].index("Nội dung")
    early = [d for row in rows[1:] for i, cell in enumerate(row) if i != text_column
             for d in dates_in(cell) if d < PLAN_DATE]
    assert early == []
