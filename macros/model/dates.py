"""Dates as Vietnamese administrative documents write them (Nghị định 30/2020/NĐ-CP):
"ngày 02 tháng 7 năm 2018": a leading zero for days below 10, and for months 1 and 2 only."""
from __future__ import annotations

import calendar
from datetime import date, datetime
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def long_date(day: date) -> str:
    """'ngày 02 tháng 7 năm 2018'."""
    return f"ngày {day.day:02d} tháng {_month(day)} năm {day.year}"


def short_date(day: date) -> str:
    """'02/7/2018', the numeric form used inside sentences and tables of the plan."""
    return f"{day.day:02d}/{_month(day)}/{day.year}"


def _month(day: date) -> str:
    # Only figures: Babel's format_date gave the same text (checked for 1900 to 2100) and took
    # a tenth of `make validate` to import.
    return f"{day.month:02d}" if day.month < 3 else str(day.month)


def today_in_vietnam(now: datetime | None = None) -> date:
    """The calendar date in Vietnam at the given instant (UTC+7, no daylight saving)."""
    moment = now or datetime.now(tz=VIETNAM)
    if moment.tzinfo is None:
        raise ValueError("a naive datetime has no time zone")
    return moment.astimezone(VIETNAM).date()


def time_in_vietnam(moment: datetime) -> str:
    """'14:05 ngày 26 tháng 11 năm 2026'."""
    local = moment.astimezone(VIETNAM)
    return f"{local:%H:%M} {long_date(local.date())}"


def duration_words(start: date, end: date) -> str:
    """The time from one day to a later one, in words: "6 năm 11 tháng", "3 tháng 5 ngày",
    "12 ngày"."""
    # Whole months: the most that, added to `start`, do not pass `end`; a month added to the last
    # day of a longer month ends on the last day of the shorter one (31/12 + 6 months is 30/6),
    # so a deadline on a month's last day counts whole months to other months' last days.
    months = (end.year - start.year) * 12 + end.month - start.month
    while months > 0 and _plus_months(start, months) > end:
        months -= 1
    days = (end - _plus_months(start, months)).days
    years, months = divmod(months, 12)
    parts = [f"{years} năm" if years else "", f"{months} tháng" if months else "",
             f"{days} ngày" if days and not years else ""]
    return " ".join(p for p in parts if p) or "0 ngày"


def _plus_months(start: date, months: int) -> date:
    year, month = divmod(start.month - 1 + months, 12)
    return _same_day(start.year + year, month + 1, start.day)


def _same_day(year: int, month: int, day: int) -> date:

    return date(year, month, min(day, calendar.monthrange(year, month)[1]))
