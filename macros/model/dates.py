"""Dates as Vietnamese administrative documents write them (Nghị định 30/2020/NĐ-CP):
"ngày 02 tháng 7 năm 2018": a leading zero for days below 10, and for months 1 and 2 only."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def long_date(day: date) -> str:
    """'ngày 02 tháng 7 năm 2018'."""
    month = "MM" if day.month < 3 else "M"
    return format_date(day, f"'ngày' dd 'tháng' {month} 'năm' y", locale="vi")


def short_date(day: date) -> str:
    """'02/7/2018', the numeric form used inside sentences and tables of the plan."""
    month = "MM" if day.month < 3 else "M"
    return format_date(day, f"dd/{month}/y", locale="vi")


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
