"""Calendar rules of a reporting duty expand to exactly its deadlines: no day twice, whatever
days of the month the duty names ("ngày 30" and "ngày 31" both fall on a short month's last
day). Expanded by two recurrence engines, as the site tests do."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from macros.files.ics import Events, feed
from macros.model.reporting import Duty
from macros.model.schema import ReportingDuty
from tests.site.test_ics import expand_ical, expand_vobject
from tests.support.plans import edition, load

PLAN = load()


def duty_on(days: list[int]) -> Duty:
    data = ReportingDuty.model_construct(
        id="thu", task="iii-2-2", reporters=["so-noi-vu"], to=["ubnd-tinh"], send_to="ubnd-tinh",
        period_days=15, monthly_days=days, yearly=[])
    agency = PLAN.agency
    return Duty(data, 0, (agency("so-noi-vu"),), (agency("ubnd-tinh"),), agency("ubnd-tinh"))


@pytest.mark.parametrize("days", [[30, 31], [29, 30, 31], [15, 31], [13, 27], [28, 29]])
@pytest.mark.parametrize("expand", [expand_ical, expand_vobject])
def test_month_end_days_never_give_two_events_on_one_day(days, expand):
    duty = duty_on(days)
    span = (date(2018, 7, 2), date(2021, 12, 31))
    events = Events(edition(PLAN, built_at=datetime(2020, 1, 1, tzinfo=UTC)), span, None)
    text = feed(events, name="thử", key="thu", duties=[duty], tasks=[]).decode("utf-8")
    found = [d for d, _ in expand(text, *span)]
    assert len(found) == len(set(found)), sorted(d for d in found if found.count(d) > 1)
    assert found == [d.day for d in duty.between(*span)]
