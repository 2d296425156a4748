"""The iCalendar feeds: they parse with real iCalendar libraries, pass vobject's RFC 5545
validation, and expand to the plan's deadlines, February included."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urljoin

import icalendar
import pytest
import vobject
from ical.calendar_stream import IcsCalendarStream

from tests.conftest import AS_OF, DATA, SITE_URL, soup
from tests.support.plans import load

PLAN = load(DATA)
PERIODIC, HALF_YEAR = "Báo cáo định kỳ 15 ngày", "Báo cáo 6 tháng"


def feeds(site: Path) -> list[Path]:
    return sorted((site / "lich").rglob("*.ics"))


def expand_ical(text: str, first: date, last: date) -> list[tuple[date, str]]:
    """Occurrences between two days, by the `ical` library's own recurrence engine."""
    calendar = IcsCalendarStream.calendar_from_ics(text)
    return sorted((e.start, e.summary) for e in
                  calendar.timeline_tz().overlapping(first, last + timedelta(days=1)))


def expand_vobject(text: str, first: date, last: date) -> list[tuple[date, str]]:
    """The same, by vobject (dateutil's rrule) after vobject's RFC 5545 validation."""
    calendar = vobject.readOne(text, validate=True)
    found = []
    for event in calendar.vevent_list:
        for start in event.getrruleset(addRDate=True) or [event.dtstart.value]:
            day = start.date() if isinstance(start, datetime) else start
            if first <= day <= last:
                found.append((day, event.summary.value))
    return sorted(found)


@pytest.fixture(scope="module")
def all_feed(dated_site) -> str:
    return (dated_site / "lich" / "ke-hoach.ics").read_bytes().decode("utf-8")


def test_every_feed_parses_and_validates(dated_site):
    paths = feeds(dated_site)
    # The whole plan, and each agency with a duty, or a dated task that the body of the plan or a
    # Phụ lục row gives it (the same 24 agencies as before roles were read by source: a published
    # calendar address never disappears).
    assert len(paths) == 1 + sum(PLAN.has_calendar(a.id) for a in PLAN.graph.agencies) == 25
    for path in paths:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        calendar = icalendar.Calendar.from_ical(raw)
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"].startswith("-//")
        events = list(calendar.walk("VEVENT"))
        assert events, path
        for component in calendar.walk():
            assert component.errors == [], (path, component.errors)
        for event in events:
            assert event["UID"] and isinstance(event["DTSTAMP"].dt, datetime)
            assert event["DTSTAMP"].dt.utcoffset() == timedelta(0)
            assert type(event["DTSTART"].dt) is date and type(event["DTEND"].dt) is date
            assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(days=1)
        vobject.readOne(text, validate=True)  # raises ValidateError on a broken RFC 5545 rule
        IcsCalendarStream.calendar_from_ics(text)  # strict, typed parse
        # Content lines end in CRLF and are folded at 75 octets (RFC 5545, 3.1).
        assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
        assert max(len(line) for line in raw.split(b"\r\n")) <= 75


def test_every_feed_names_its_refresh_interval_as_a_duration(dated_site):
    # RFC 7986, 5.7: REFRESH-INTERVAL is written with VALUE=DURATION.
    for path in feeds(dated_site):
        lines = path.read_bytes().decode("utf-8").split("\r\n")
        assert [line for line in lines if line.startswith("REFRESH-INTERVAL")] == [
            "REFRESH-INTERVAL;VALUE=DURATION:P1D"], path
        assert icalendar.Calendar.from_ical(path.read_bytes()).refresh_interval == timedelta(days=1)


def test_one_uid_is_one_event_in_every_feed(dated_site):
    """A client that merges calendars keeps one event per UID: a UID has the same title, day
    and description in every file it is in (a Phụ lục row's deadline, titled with its column,
    has a UID of its own)."""
    seen: dict[str, dict[tuple, set[str]]] = {}
    for path in feeds(dated_site):
        for event in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            what = (str(event["SUMMARY"]), event["DTSTART"].dt, str(event["DESCRIPTION"]))
            seen.setdefault(str(event["UID"]), {}).setdefault(what, set()).add(path.name)
    assert {uid: versions for uid, versions in seen.items() if len(versions) > 1} == {}
    # The same deadline in the plan's feed and, by its Phụ lục row, in an agency's feed.
    row_uids = [uid for uid in seen if uid.startswith("han-ii-3-1-2-phu-luc-3-")]
    assert "han-ii-3-1-2@ke-hoach-68-kh-ubnd-2018" in seen and len(row_uids) >= 3


def test_the_validator_rejects_a_broken_feed(all_feed):
    # The check above can fail: the same feed without a DTSTAMP is refused.
    broken = re.sub(r"DTSTAMP:[0-9TZ]+\r\n", "", all_feed, count=1)
    with pytest.raises(vobject.base.ValidateError, match="DTSTAMP"):
        vobject.readOne(broken, validate=True)


@pytest.mark.parametrize("expand", [expand_ical, expand_vobject])
@pytest.mark.parametrize(("year", "last_day"), [(2019, 28), (2020, 29)])
def test_february_expands_to_the_plan_days(all_feed, expand, year, last_day):
    found = expand(all_feed, date(year, 2, 1), date(year, 2, last_day))
    assert [(d.day, s.split(":")[0]) for d, s in found] == [
        (13, PERIODIC), (15, PERIODIC), (27, PERIODIC), (last_day, PERIODIC)]
    assert "Sở Nội vụ báo cáo" in found[3][1]  # the 30th of Sở Nội vụ, on February's last day


@pytest.mark.parametrize("expand", [expand_ical, expand_vobject])
def test_may_has_the_six_month_reports(all_feed, expand):
    found = [(d.day, s.split(":")[0]) for d, s in expand(all_feed, date(2019, 5, 1), date(2019, 5, 31))]
    assert Counter(found) == Counter([(13, PERIODIC), (15, PERIODIC), (20, HALF_YEAR),
                                      (27, PERIODIC), (30, PERIODIC), (30, HALF_YEAR)])


def test_feed_expands_to_exactly_the_model_deadlines(all_feed):
    """Over the whole horizon the recurring events give the duties' dates, one for one."""
    first, last = PLAN.document.date, date(2021, 12, 31)  # the horizon for AS_OF in 2019
    assert "UNTIL=20211231" in all_feed
    found = Counter(d for d, s in expand_ical(all_feed, first, last + timedelta(days=400))
                    if not s.startswith("Hạn hoàn thành"))
    expected = Counter(d.day for duty in PLAN.duties for d in duty.between(first, last))
    assert found == expected
    assert sum(expected.values()) == 4 * 42 + 14  # Jul 2018 – Dec 2021, plus the yearly reports


def test_task_deadlines_are_all_day_events(all_feed):
    found = expand_ical(all_feed, date(2018, 1, 1), date(2020, 12, 31))
    deadlines = sorted((d, s) for d, s in found if s.startswith("Hạn hoàn thành"))
    expected = sorted(t.due_date for t in PLAN.tasks if t.due_date and t.recurrence.value == "mot-lan")
    assert [d for d, _ in deadlines] == expected
    assert (f"Hạn hoàn thành: {PLAN.task('ii-2-1-1').name} (trách nhiệm thực hiện: Các cơ quan, "
            "đơn vị)"
            in [s for _, s in deadlines])
    calendar = icalendar.Calendar.from_ical(all_feed)
    task_event = next(e for e in calendar.walk("VEVENT") if e["UID"].startswith("han-ii-2-1-1@"))
    assert task_event["URL"] == SITE_URL + "nhiem-vu/ii-2-1-1/"
    assert PLAN.task("ii-2-1-1").text in task_event["DESCRIPTION"]


def test_a_district_feed_has_its_group_duties_and_tasks(dated_site):
    text = (dated_site / "lich" / "co-quan" / "ubnd-huyen-chiem-hoa.ics").read_text("utf-8")
    found = expand_ical(text, date(2019, 2, 1), date(2019, 2, 28))
    assert [d.day for d, _ in found] == [13, 27]  # it reports with "Các cơ quan, đơn vị" only
    dues = {d for d, s in expand_ical(text, date(2018, 1, 1), date(2020, 12, 31))
            if s.startswith("Hạn hoàn thành")}
    assert date(2020, 12, 31) in dues  # its own task, II.3.5 ý 8
    assert date(2018, 7, 31) in dues  # II.2.1.1, given to "Các cơ quan, đơn vị"
    so_noi_vu = (dated_site / "lich" / "co-quan" / "so-noi-vu.ics").read_text("utf-8")
    assert [d.day for d, _ in expand_ical(so_noi_vu, date(2019, 2, 1), date(2019, 2, 28))
            if not _.startswith("Hạn")] == [13, 15, 27, 28]


def test_uids_are_stable_between_builds(site, dated_site):
    def uids(root: Path) -> set[str]:
        calendar = icalendar.Calendar.from_ical((root / "lich" / "ke-hoach.ics").read_bytes())
        return {str(e["UID"]) for e in calendar.walk("VEVENT")}

    assert uids(site) == uids(dated_site)  # different as-of dates, same events
    assert "bao-cao-cua-so-noi-vu-ngay-30-cuoi-thang@ke-hoach-68-kh-ubnd-2018" in uids(site)


def test_feeds_are_linked_from_the_pages(dated_site):
    page = soup(dated_site / "lich-bao-cao" / "index.html")
    links = [a["href"] for a in page.select('.calendar-page a[href$=".ics"]')]
    assert len(links) == 25
    for href in links:
        assert (dated_site / urljoin("lich-bao-cao/", href)).exists(), href
    assert f"{SITE_URL}lich/ke-hoach.ics" in page.select_one("#dang-ky ~ ul").get_text()
    agency = soup(dated_site / "co-quan" / "so-noi-vu" / "index.html")
    assert agency.select_one('a[href="../../lich/co-quan/so-noi-vu.ics"]') is not None
    assert soup(dated_site / "co-quan" / "quoc-hoi" / "index.html").select_one(
        'a[href$=".ics"]') is None  # nothing falls due for it: no feed


def test_calendar_page_next_dates_from_the_as_of_date(dated_site):
    page = soup(dated_site / "lich-bao-cao" / "index.html")
    assert AS_OF == "2019-06-15"

    def next_days(duty_id: str) -> list[str]:
        heading = page.find(id=f"{duty_id}-tiep-theo")
        return [t["datetime"] for t in heading.find_next_sibling("ol").select("time")]

    assert next_days("bao-cao-cua-cac-co-quan")[:3] == ["2019-06-27", "2019-07-13", "2019-07-27"]
    # «trước ngày 15»: on the 15th itself that report is past; the next is due before the 30th
    # (as on the task pages, Plan.next_report_due).
    assert next_days("bao-cao-cua-so-noi-vu")[:3] == ["2019-06-30", "2019-07-15", "2019-07-30"]
    assert page.find(id="bao-cao-cua-so-noi-vu-tiep-theo").find_next_sibling("ol").li \
        .get_text().startswith("Trước ngày 30 tháng 6 năm 2019:")
    month = [t["datetime"] for t in page.find(id="thang-nay").find_next_sibling("ol").select("time")]
    assert month == ["2019-06-13", "2019-06-15", "2019-06-27", "2019-06-30"]


def test_an_agency_named_only_in_the_phu_luc_has_those_deadlines_labelled(dated_site):
    text = (dated_site / "lich" / "co-quan" / "ban-thuong-vu-tinh-uy.ics").read_text("utf-8")
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert events and all("(Phụ lục, dòng " in str(e["SUMMARY"]) for e in events)
    assert any("cơ quan có thẩm quyền cho ý kiến" in str(e["SUMMARY"]) for e in events)


def test_a_reporting_task_page_gives_its_next_date_after_truoc(dated_site):
    # III.1 ý 2: «trước ngày 13 và ngày 27 hằng tháng»; as of 15/6/2019 the next is the 27th.
    text = soup(dated_site / "nhiem-vu" / "iii-1-2" / "index.html").get_text(" ", strip=True)
    assert "kỳ báo cáo tiếp theo: trước ngày 27 tháng 6 năm 2019" in text
