"""Dates as Vietnamese administrative documents write them (Nghị định 30/2020/NĐ-CP):
"ngày 02 tháng 7 năm 2018": a leading zero for days below 10, and for months 1 and 2 only."""
from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime, timezone
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


def build_instant(env: Mapping[str, str] | None = None) -> datetime:
    """When the site is built: now, or SOURCE_DATE_EPOCH (seconds since 1970, UTC) for a
    reproducible build."""
    env = os.environ if env is None else env
    epoch = env.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(tz=timezone.utc)


AS_OF_VARIABLE = "PLAN_AS_OF"


def as_of(env: Mapping[str, str] | None = None) -> date:
    """The one place the site decides what "today" is, for derived states, "next due" dates and
    the timeline: PLAN_AS_OF=YYYY-MM-DD when set (tests, demo builds, rebuilds of an old state),
    else the build instant's date in Vietnam."""
    env = os.environ if env is None else env
    value = env.get(AS_OF_VARIABLE, "").strip()
    if not value:
        return today_in_vietnam(build_instant(env))
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise ValueError(
            f"{AS_OF_VARIABLE}=«{value}» không phải một ngày. Cách sửa: viết theo dạng "
            "NĂM-THÁNG-NGÀY, ví dụ 2019-06-15, hoặc bỏ biến này để dùng ngày hôm nay."
        ) from None


def time_in_vietnam(moment: datetime) -> str:
    """'14:05 ngày 26 tháng 11 năm 2026'."""
    local = moment.astimezone(VIETNAM)
    return f"{local:%H:%M} {long_date(local.date())}"
