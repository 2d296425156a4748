"""The reporting duties of part III as dates: the plan's days, February's last day, and the next
due dates from an as-of date."""
from __future__ import annotations

import calendar
from datetime import date

import pytest

from macros.model.reporting import day_in_month, horizon, next_deadlines
from macros.settings import as_of
from tests.conftest import DATA, build_site
from tests.support.plans import load

PLAN = load(DATA)
AGENCIES, SO_NOI_VU = PLAN.duties  # the order of data/plan.yaml


def days(duty, first, last):
    return [(d.day, d.label) for d in duty.between(first, last)]


def test_duties_read_from_the_plan_text():
    assert AGENCIES.monthly_days == (13, 27)
    assert [(y.day, y.month) for y in AGENCIES.yearly] == [(20, 5), (15, 11)]
    assert [a.id for a in AGENCIES.reporters] == ["cac-co-quan-don-vi"]
    assert AGENCIES.send_to.id == "so-noi-vu"
    assert SO_NOI_VU.monthly_days == (15, 30)
    assert [(y.day, y.month) for y in SO_NOI_VU.yearly] == [(30, 5), (30, 11)]
    assert SO_NOI_VU.shortened_days == (30,) and AGENCIES.shortened_days == ()


@pytest.mark.parametrize(("year", "last_day"), [(2019, 28), (2020, 29)])
def test_february_the_30th_falls_on_the_last_day(year, last_day):
    first, last = date(year, 2, 1), date(year, 2, day_in_month(year, 2, 31).day)
    assert days(AGENCIES, first, last) == [
        (date(year, 2, 13), "Báo cáo định kỳ 15 ngày"),
        (date(year, 2, 27), "Báo cáo định kỳ 15 ngày")]
    feb = SO_NOI_VU.between(first, last)
    assert [d.day for d in feb] == [date(year, 2, 15), date(year, 2, last_day)]
    assert feb[1].moved_to_month_end and feb[1].nominal_day == 30
    assert not feb[0].moved_to_month_end


def test_may_and_november_add_the_six_month_and_yearly_reports():
    may = days(SO_NOI_VU, date(2019, 5, 1), date(2019, 5, 31))
    assert may == [(date(2019, 5, 15), "Báo cáo định kỳ 15 ngày"),
                   (date(2019, 5, 30), "Báo cáo định kỳ 15 ngày"),
                   (date(2019, 5, 30), "Báo cáo 6 tháng")]
    november = days(AGENCIES, date(2019, 11, 1), date(2019, 11, 30))
    assert november == [(date(2019, 11, 13), "Báo cáo định kỳ 15 ngày"),
                        (date(2019, 11, 15), "Báo cáo hằng năm"),
                        (date(2019, 11, 27), "Báo cáo định kỳ 15 ngày")]


def test_every_month_of_three_years_has_two_reports_per_duty():
    for duty in PLAN.duties:
        periodic = [d for d in duty.between(date(2018, 1, 1), date(2020, 12, 31)) if not d.yearly]
        assert len(periodic) == 72
        for deadline in periodic:
            month_days = calendar.monthrange(deadline.day.year, deadline.day.month)[1]
            assert deadline.day.day == min(deadline.nominal_day, month_days)


def test_next_deadlines_count_from_the_as_of_date_inclusive():
    found = next_deadlines(PLAN.duties, date(2020, 2, 15), 4)
    assert [(d.day, d.duty.id) for d in found] == [
        (date(2020, 2, 15), "bao-cao-cua-so-noi-vu"),
        (date(2020, 2, 27), "bao-cao-cua-cac-co-quan"),
        (date(2020, 2, 29), "bao-cao-cua-so-noi-vu"),
        (date(2020, 3, 13), "bao-cao-cua-cac-co-quan"),
    ]


def test_duties_have_no_end_so_next_dates_exist_years_later():
    found = next_deadlines(PLAN.duties, date(2031, 12, 28), 3)
    assert [d.day for d in found] == [date(2031, 12, 30), date(2032, 1, 13), date(2032, 1, 15)]


def test_horizon_reaches_past_the_as_of_year_and_the_last_task():
    assert horizon(date(2018, 7, 2), date(2019, 3, 1), date(2020, 12, 31)) == (
        date(2018, 7, 2), date(2021, 12, 31))
    end = horizon(date(2018, 7, 2), date(2026, 11, 26), date(2020, 12, 31))[1]
    assert end == date(2027, 12, 31)


def test_as_of_date_from_the_environment():
    assert as_of({"PLAN_AS_OF": "2019-06-15"}) == date(2019, 6, 15)
    assert isinstance(as_of({}), date)
    with pytest.raises(ValueError, match="PLAN_AS_OF=«15/6/2019» không phải một ngày"):
        as_of({"PLAN_AS_OF": "15/6/2019"})


def test_a_bad_as_of_date_stops_the_build_with_a_clear_message(tmp_path):
    result = build_site(tmp_path / "site", PLAN_AS_OF="2019-02-30")
    assert result.returncode != 0
    assert "PLAN_AS_OF=«2019-02-30» không phải một ngày" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
