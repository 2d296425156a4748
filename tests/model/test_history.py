"""A task's state history, typed (macros.model.facts.history): one change each time the state
readers see differs, from reports or from the deadline passing."""
from __future__ import annotations

from datetime import date

from macros.model.facts import Cause
from macros.model.status import DisplayState
from tests.support.small_plan import small_plan


def _report(day: str, state: str, **more) -> dict:
    return {"date": day, "state": state, "done": "Đã làm.", "reporter": "ban-a", **more}


def test_changes_are_recorded_only_when_the_state_differs():
    plan = small_plan(as_of=date(2018, 12, 1), reports={"t-1": {"reports": [
        _report("2018-07-13", "đang thực hiện"), _report("2018-07-27", "đang thực hiện"),
        _report("2018-08-13", "hoàn thành", completed_on="2018-08-10")]}})
    changes = plan.facts("t-1").history
    assert [(c.day, c.before, c.after, c.cause) for c in changes] == [
        (date(2018, 7, 13), None, DisplayState.IN_PROGRESS, Cause.REPORT),
        (date(2018, 8, 13), DisplayState.IN_PROGRESS, DisplayState.DONE_ON_TIME, Cause.REPORT),
    ]


def test_a_deadline_passing_without_a_completion_report_is_a_change_with_its_deadline():
    plan = small_plan(as_of=date(2020, 6, 1))
    [change] = plan.facts("t-2").history
    assert (change.day, change.before, change.after, change.cause, change.deadline) == (
        date(2020, 1, 1), None, DisplayState.OVERDUE, Cause.DEADLINE, date(2019, 12, 31))
    # Before the deadline, nothing has changed.
    assert small_plan(as_of=date(2019, 12, 31)).facts("t-2").history == ()


def test_a_revised_deadline_is_the_one_that_applies_everywhere():
    plan = small_plan(as_of=date(2020, 6, 1), reports={"t-2": {"reports": [
        _report("2019-11-01", "đang thực hiện", revised_due="2020-12-31",
                evidence=[{"number": "Văn bản số 1 cho phép điều chỉnh hạn"}])]}})
    facts = plan.facts("t-2")
    assert (facts.deadlines.original, facts.deadlines.revised, facts.deadlines.applies) == (
        date(2019, 12, 31), date(2020, 12, 31), date(2020, 12, 31))
    assert facts.deadlines.label == "Hạn điều chỉnh"
    assert facts.deadlines.short == "31/12/2020 (điều chỉnh; theo Kế hoạch: 31/12/2019)"
    assert facts.state is DisplayState.IN_PROGRESS
