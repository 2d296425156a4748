"""Plans for tests: the real loader, with the settings a build would take from its environment
given as arguments (as of today in Vietnam unless a test fixes the date)."""
from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from macros.load import load_plan
from macros.model.dates import today_in_vietnam
from macros.model.paging import PAGE_LIMIT
from macros.model.plan import Plan

DATA = Path(__file__).resolve().parents[2] / "data"


def load(root: Path = DATA, *, reports_dir: Path | None = None, as_of: date | None = None,
         built_at: datetime | None = None, demo: bool = False,
         page_limit: int = PAGE_LIMIT) -> Plan:
    built_at = built_at or datetime.now(tz=UTC)
    return load_plan(root, reports_dir=reports_dir, as_of=as_of or today_in_vietnam(built_at),
                     built_at=built_at, demo=demo, page_limit=page_limit)
