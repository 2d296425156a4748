"""Plans for tests: the real loader, with the settings a build would take from its environment
given as arguments (as of today in Vietnam unless a test fixes the date), and the edition a
build would make of a plan (macros.views.edition)."""
from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from macros.load import load_plan
from macros.model.dates import today_in_vietnam
from macros.model.paging import PAGE_LIMIT
from macros.model.plan import Plan
from macros.views.edition import Edition

DATA = Path(__file__).resolve().parents[2] / "data"
# When a test's site is built, unless the test says otherwise: fixed, so views render the same.
BUILT = datetime(2020, 6, 1, 1, 0, tzinfo=UTC)


def load(root: Path = DATA, *, reports_dir: Path | None = None, as_of: date | None = None) -> Plan:
    return load_plan(root, reports_dir=reports_dir,
                     as_of=as_of or today_in_vietnam(datetime.now(tz=UTC)))


def edition(plan: Plan, *, built_at: datetime = BUILT, demo: bool = False,
            page_limit: int = PAGE_LIMIT) -> Edition:
    """The plan as a build shows it."""
    return Edition(plan, built_at, demo, page_limit)
