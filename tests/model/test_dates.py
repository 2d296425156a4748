from datetime import UTC, date, datetime, timedelta

import pytest
from babel.dates import format_date

from macros.model.dates import duration_words, long_date, short_date, today_in_vietnam


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2018, 7, 2), "ngày 02 tháng 7 năm 2018"),
        (date(2019, 1, 25), "ngày 25 tháng 01 năm 2019"),
        (date(2020, 2, 9), "ngày 09 tháng 02 năm 2020"),
        (date(2018, 12, 31), "ngày 31 tháng 12 năm 2018"),
        (date(2018, 3, 10), "ngày 10 tháng 3 năm 2018"),
    ],
)
def test_administrative_date_form(day, text):
    assert long_date(day) == text


def test_short_form():
    assert short_date(date(2018, 7, 2)) == "02/7/2018"
    assert short_date(date(2018, 2, 3)) == "03/02/2018"


def test_the_forms_are_babels_vietnamese_patterns():
    # The dates were formatted by Babel (format_date, locale vi); the figures alone are the same.
    day = date(2017, 1, 1)
    while day.year < 2036:
        month = "MM" if day.month < 3 else "M"
        assert long_date(day) == format_date(day, f"'ngày' dd 'tháng' {month} 'năm' y", locale="vi")
        assert short_date(day) == format_date(day, f"dd/{month}/y", locale="vi")
        day += timedelta(days=1)


def test_vietnam_date_runs_ahead_of_utc():
    # 23:30 in Vietnam is still 16:30 UTC of the same day; 00:30 in Vietnam is the previous UTC day.
    utc_evening = datetime(2019, 12, 30, 17, 30, tzinfo=UTC)
    assert today_in_vietnam(utc_evening) == date(2019, 12, 31)
    assert today_in_vietnam(utc_evening - timedelta(hours=1, minutes=1)) == date(2019, 12, 30)
    with pytest.raises(ValueError, match="no time zone"):
        today_in_vietnam(datetime(2019, 12, 30, 17, 30))  # noqa: DTZ001 (naive on purpose)


@pytest.mark.parametrize(("start", "end", "words"), [
    # A deadline on a month's last day: whole months to other months' last days.
    (date(2018, 12, 31), date(2025, 6, 30), "6 năm 6 tháng"),  # ii-3-5-1, counted to its end
    (date(2018, 7, 31), date(2026, 11, 30), "8 năm 4 tháng"),
    (date(2019, 1, 31), date(2019, 2, 28), "1 tháng"),
    (date(2019, 12, 31), date(2020, 2, 29), "2 tháng"),
    (date(2018, 12, 31), date(2026, 12, 6), "7 năm 11 tháng"),
    # Otherwise the same day of the month, then the days left.
    (date(2019, 3, 15), date(2019, 4, 14), "30 ngày"),
    (date(2019, 3, 15), date(2019, 4, 15), "1 tháng"),
    (date(2019, 3, 15), date(2019, 5, 20), "2 tháng 5 ngày"),
    (date(2019, 3, 31), date(2020, 3, 30), "11 tháng 30 ngày"),
    (date(2019, 6, 30), date(2019, 6, 30), "0 ngày"),
])
def test_durations_count_whole_months_then_days(start, end, words):
    assert duration_words(start, end) == words
