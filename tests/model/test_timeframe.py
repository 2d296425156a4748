"""The timeframe parser, on every phrase the plan uses."""
from datetime import date

import pytest

from macros.model.schema import _words_in
from macros.model.timeframe import Precision, Recurrence, Schedule, UnknownTimeframe, combine, parse

N, C, Y, P = Recurrence.NONE, Recurrence.CONTINUOUS, Recurrence.YEARLY, Recurrence.PER_PLAN

# Every timeframe phrase of the document, as written, with what it means.
PHRASES = [
    # Part II, 2.1: "- Thời gian thực hiện: ..." lines
    ("Hoàn thành trong tháng 7/2018", None, date(2018, 7, 31), N),
    ("Hoàn thành trong năm 2018", None, date(2018, 12, 31), N),
    ("Thực hiện từ năm 2018 và hoàn thành trong năm 2019", date(2018, 1, 1), date(2019, 12, 31), N),
    ("Thực hiện từ năm 2018 và hoàn thành vào Quý I năm 2019", date(2018, 1, 1),
     date(2019, 3, 31), N),
    ("Thực hiện từ năm 2018", date(2018, 1, 1), None, N),
    ("Thực hiện từ năm 2019 và hoàn thành trong năm 2020", date(2019, 1, 1), date(2020, 12, 31), N),
    # Part II, 2.2 heading
    ("thực hiện thường xuyên", None, None, C),
    # Part II, 3.x: phrases in brackets
    ("hoàn thành trong năm 2018", None, date(2018, 12, 31), N),
    ("thực hiện từ năm 2018", date(2018, 1, 1), None, N),
    ("thực hiện từ năm 2019", date(2019, 1, 1), None, N),
    ("thực hiện từ năm 2018 và hoàn thành trong năm 2019", date(2018, 1, 1), date(2019, 12, 31), N),
    ("Hoàn thành trong năm 2019", None, date(2019, 12, 31), N),
    ("tiếp tục thực hiện theo kế hoạch", None, None, P),
    ("hoàn thành trước năm 2020", None, date(2019, 12, 31), N),
    ("thực hiện từ năm 2018 và hoàn thành năm 2019", date(2018, 1, 1), date(2019, 12, 31), N),
    ("thực hiện từ năm 2018 và hoàn thành năm 2020", date(2018, 1, 1), date(2020, 12, 31), N),
    # Part III
    ("thường xuyên", None, None, C),
    # Appendix time columns
    ("Tháng 7/2018", date(2018, 7, 1), date(2018, 7, 31), N),
    ("Trong năm 2018", date(2018, 1, 1), date(2018, 12, 31), N),
    ("Từ Quý II/2018", date(2018, 4, 1), None, N),
    ("Từ năm 2018", date(2018, 1, 1), None, N),
    ("Từ năm 2018 ", date(2018, 1, 1), None, N),  # row 4 of the appendix ends in a space
    ("Trong năm 2019", date(2019, 1, 1), date(2019, 12, 31), N),
    ("Trong năm 2020", date(2020, 1, 1), date(2020, 12, 31), N),
    ("Từ năm 2019", date(2019, 1, 1), None, N),
    ("Xong trước năm 2020", None, date(2019, 12, 31), N),
    ("Hoàn thành trong năm 2020", None, date(2020, 12, 31), N),
    ("Thực hiện theo Kế hoạch", None, None, P),
    ("Thường xuyên", None, None, C),
    ("Thực hiện hằng năm", None, None, Y),
    # Part II, 2.2.9: the task's own words
    ("Hằng năm", None, None, Y),
]


def dates_of(schedule: Schedule):
    return schedule.start_date, schedule.due_date, schedule.recurrence


@pytest.mark.parametrize(("phrase", "start", "due", "recurrence"), PHRASES)
def test_every_phrase_of_the_document(phrase, start, due, recurrence):
    assert dates_of(parse(phrase)) == (start, due, recurrence)


def test_the_table_covers_every_phrase_in_the_data():
    from tests.conftest import DATA
    from tests.support.plans import load

    plan = load(DATA)
    used = {t.timeframe.text for t in plan.tasks if t.timeframe}
    used |= {row.start for row in plan.appendix.rows}
    used |= {row.completion for row in plan.appendix.rows}
    assert used <= {phrase for phrase, *_ in PHRASES}


@pytest.mark.parametrize(
    "phrase",
    ["Sớm nhất có thể", "Hoàn thành trong tháng 13/2018", "Từ Quý V/2018", "trong năm", "2019",
     "Hoàn thành trong năm 2018 hoặc 2019", ""],
)
def test_unknown_phrases_are_errors_not_guesses(phrase):
    with pytest.raises(UnknownTimeframe):
        parse(phrase)


def test_quarters_and_decomposed_unicode():
    import unicodedata

    assert parse("Hoàn thành vào Quý IV năm 2019").due_date == date(2019, 12, 31)
    assert parse("Từ Quý III/2018").start_date == date(2018, 7, 1)
    assert parse(unicodedata.normalize("NFD", "Thực hiện hằng năm")).recurrence is Y


def test_appendix_columns_combine():
    assert dates_of(combine("Từ Quý II/2018", "Trong năm 2018")) == (
        date(2018, 4, 1), date(2018, 12, 31), N)
    assert dates_of(combine("Từ năm 2018", "Từ năm 2018")) == (date(2018, 1, 1), None, N)
    assert dates_of(combine("Thường xuyên", "Thường xuyên")) == (None, None, C)


# A period keeps the precision of its words: "năm 2018" is a year, not 1 January 2018.
@pytest.mark.parametrize(("phrase", "start", "due"), [
    ("Hoàn thành trong tháng 7/2018", None, (Precision.MONTH, "tháng 7/2018")),
    ("Thực hiện từ năm 2018", (Precision.YEAR, "năm 2018"), None),
    ("Thực hiện từ năm 2018 và hoàn thành vào Quý I năm 2019", (Precision.YEAR, "năm 2018"),
     (Precision.QUARTER, "quý I/2019")),
    ("Từ Quý II/2018", (Precision.QUARTER, "quý II/2018"), None),
    ("Xong trước năm 2020", None, (Precision.YEAR, "năm 2019")),
])
def test_periods_keep_the_precision_of_their_words(phrase, start, due):
    schedule = parse(phrase)
    if start:
        assert (schedule.start.precision, schedule.start.words) == start
    else:
        assert schedule.start is None
    assert (schedule.due.precision, schedule.due.words) == due if due else schedule.due is None


def test_the_due_date_says_how_it_was_computed():
    assert parse("hoàn thành trong năm 2019").due_rule == "ngày cuối cùng của năm 2019"
    assert parse("Xong trước năm 2020").due_rule == "ngày cuối cùng trước năm 2020"
    assert parse("Hoàn thành vào Quý I năm 2019").due_rule == "ngày cuối cùng của quý I/2019"
    assert parse("Thực hiện từ năm 2018").due_rule is None


@pytest.mark.parametrize(("phrase", "text", "found"), [
    ("thực hiện từ năm 2018", "Các cơ quan thực hiện từ năm 2018.", True),  # as it stands
    ("Thực hiện từ năm 2018", "các cơ quan thực hiện  từ\nnăm 2018.", True),  # case, spaces
    ("Hoàn thành trong năm 2019.", "… và hoàn thành trong năm 2019", True),  # final full stop
    ("Thực hiện từ năm 2019", "Các cơ quan thực hiện từ năm 2018.", False),
])
def test_a_timeframe_phrase_is_found_in_its_text_whatever_its_case_and_spaces(phrase, text, found):
    assert _words_in(phrase, text) is found
