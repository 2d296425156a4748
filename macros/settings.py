"""What a build takes from its environment, read in one place: the data folder, the reports
folder, the as-of date, the build instant and the page limit. Every other module receives these
as values."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from .model.dates import today_in_vietnam
from .model.paging import PAGE_LIMIT

AS_OF_VARIABLE = "PLAN_AS_OF"
PAGE_LIMIT_VARIABLE = "PLAN_PAGE_LIMIT"


class SettingsError(ValueError):
    """A setting that cannot be used; the message is Vietnamese, for whoever runs the build."""


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    reports_dir: Path | None  # PLAN_REPORTS_DIR: the demo build's illustrative reports
    as_of: date
    built_at: datetime
    page_limit: int = PAGE_LIMIT  # PLAN_PAGE_LIMIT: the most entries on a page of a long list

    @classmethod
    def from_env(cls, project_dir: Path | None = None,
                 env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        built_at = build_instant(env)
        data = env.get("PLAN_DATA_DIR")
        reports = env.get("PLAN_REPORTS_DIR")
        return cls(
            data_dir=(Path(data).resolve() if data
                      else (project_dir or Path.cwd()).resolve() / "data"),
            reports_dir=Path(reports).resolve() if reports else None,
            as_of=as_of(env, built_at),
            built_at=built_at,
            page_limit=page_limit(env),
        )


def build_instant(env: Mapping[str, str]) -> datetime:
    """When the site is built: now, or SOURCE_DATE_EPOCH (seconds since 1970, UTC) for a
    reproducible build."""
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC)
        except ValueError:
            raise SettingsError(
                f"SOURCE_DATE_EPOCH=«{epoch}» không phải một số giây. Cách sửa: ghi một số "
                "nguyên (số giây kể từ năm 1970), hoặc bỏ biến này."
            ) from None
    return datetime.now(tz=UTC)


def as_of(env: Mapping[str, str], built_at: datetime | None = None) -> date:
    """The one place the site decides what "today" is, for derived states, "next due" dates and
    the timeline: PLAN_AS_OF=YYYY-MM-DD when set (tests, demo builds, rebuilds of an old state),
    else the build instant's date in Vietnam."""
    value = env.get(AS_OF_VARIABLE, "").strip()
    if not value:
        return today_in_vietnam(built_at or build_instant(env))
    try:
        # A calendar day, with no time of day to place in a time zone.
        return datetime.strptime(value, "%Y-%m-%d").date()  # noqa: DTZ007
    except ValueError:
        raise SettingsError(
            f"{AS_OF_VARIABLE}=«{value}» không phải một ngày. Cách sửa: viết theo dạng "
            "NĂM-THÁNG-NGÀY, ví dụ 2019-06-15, hoặc bỏ biến này để dùng ngày hôm nay."
        ) from None


def page_limit(env: Mapping[str, str]) -> int:
    """The most entries on one page of a list that grows with the plan (macros.model.paging):
    PLAN_PAGE_LIMIT when set (tests page a small plan with it), else PAGE_LIMIT, which the real
    plan is far below."""
    value = env.get(PAGE_LIMIT_VARIABLE, "").strip()
    if not value:
        return PAGE_LIMIT
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise SettingsError(
            f"{PAGE_LIMIT_VARIABLE}=«{value}» không phải một số nguyên dương. Cách sửa: ghi số "
            f"mục tối đa trên một trang, ví dụ {PAGE_LIMIT}, hoặc bỏ biến này."
        )
    return int(value)
