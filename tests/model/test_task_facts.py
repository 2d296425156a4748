"""The model's one answer for each fact of a real task, held to the source's lines."""
from __future__ import annotations

from datetime import date

import pytest

from macros.model.facts import Repetition, Source
from tests.support.plans import load

PLAN = load(as_of=date(2026, 12, 1))


@pytest.mark.parametrize(("task_id", "repetition", "source"), [
    ("iii-1-2", Repetition.PERIODIC, Source.REPORTING),  # line 95: «Định kỳ 15 ngày …»
    ("iii-2-2", Repetition.PERIODIC, Source.REPORTING),  # line 98: «… định kỳ 15 ngày …»
    ("ii-2-1-5", Repetition.FROM_START, Source.TASK),  # line 39: «Thực hiện từ năm 2018», no end
    ("iii-2-1", Repetition.UNSTATED, Source.NONE),  # line 97: no timeframe
    ("ii-2-1-1", Repetition.ONCE, Source.TASK),
])
def test_repetition_and_where_the_dates_come_from(task_id, repetition, source):
    facts = PLAN.facts(task_id)
    assert (facts.repetition, facts.dates.source) == (repetition, source)


def test_a_reporting_task_has_one_next_date_its_own_duty():
    # III.2 (line 98): Sở Nội vụ reports «trước ngày 15 và ngày 30 hằng tháng»; it is also a
    # member of the bodies that report before the 13th (line 95), which is not this task's date.
    assert PLAN.facts("iii-2-2").next_report.day == date(2026, 12, 15)
    assert PLAN.facts("iii-1-2").next_report.day == date(2026, 12, 13)


def test_the_period_is_quoted_as_each_line_writes_it():
    assert PLAN.facts("iii-1-2").period_words == "Định kỳ 15 ngày báo cáo 1 lần"  # line 95
    assert PLAN.facts("iii-2-2").period_words == "định kỳ 15 ngày báo cáo 1 lần"  # line 98
