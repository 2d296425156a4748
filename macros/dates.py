"""Dates as Vietnamese administrative documents write them (Nghị định 30/2020/NĐ-CP):
"ngày 02 tháng 7 năm 2018": a leading zero for days below 10, and for months 1 and 2 only."""
from __future__ import annotations

import os
from collections.abc import Mapping
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


AS_OF_VARIABLE = "PLAN_AS_OF"


def as_of_date(environ: Mapping[str, str] | None = None) -> date:
    """The date from which the site counts "next due" dates and places "today" on the timeline:
    today in Vietnam, unless PLAN_AS_OF=YYYY-MM-DD fixes it (tests, demo builds, rebuilds of an old
    state). The one place the site decides what "today" is."""
    value = (os.environ if environ is None else environ).get(AS_OF_VARIABLE, "").strip()
    if not value:
        return today_in_vietnam()
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise ValueError(
            f"{AS_OF_VARIABLE}=«{value}» không phải một ngày. Cách sửa: viết theo dạng "
            "NĂM-THÁNG-NGÀY, ví dụ 2019-06-15, hoặc bỏ biến này để dùng ngày hôm nay."
        ) from None
