"""Parse the timeframe phrases of the plan ("Hoàn thành trong tháng 7/2018", "Từ Quý II/2018", ...).

Every phrase maps to a Schedule: the period work starts in, the period it is due in, and a
recurrence. A period keeps the precision its words have (a month, a quarter, a year): "từ năm
2018" starts in the year 2018, not on 1 January 2018. A due date is the last day of the due
period. The grammar is closed on purpose: a phrase it does not know raises UnknownTimeframe, so a
typo in the data is an error and never a guess.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache


class Recurrence(StrEnum):
    """How a task repeats, read from its words. Values are the codes of the open data."""

    NONE = "mot-lan"  # done once (it may still have no due date: "Thực hiện từ năm 2018")
    CONTINUOUS = "thuong-xuyen"  # "Thường xuyên"
    YEARLY = "hang-nam"  # "Thực hiện hằng năm"
    PER_PLAN = "theo-ke-hoach-rieng"  # "Thực hiện theo Kế hoạch": dates set by another plan

    @property
    def label(self) -> str:
        return _RECURRENCE_LABELS[self]


_RECURRENCE_LABELS = {
    Recurrence.NONE: "Một lần",
    Recurrence.CONTINUOUS: "Thường xuyên",
    Recurrence.YEARLY: "Hằng năm",
    Recurrence.PER_PLAN: "Theo kế hoạch riêng",
}


class Precision(StrEnum):
    """How precise a period's words are. Values appear in the open data."""

    MONTH = "thang"
    QUARTER = "quy"
    YEAR = "nam"


@dataclass(frozen=True)
class Period:
    """A stretch of time as the plan's words name it: its precision, first and last day."""

    precision: Precision
    first: date
    last: date
    # The words that name the period, exactly as the phrase writes them ("Quý I năm 2019",
    # "trước năm 2020"); not part of what the period is.
    written: str | None = field(default=None, compare=False)

    @property
    def code(self) -> str:
        """The period as a value of the open data, no more precise than its words: "2018",
        "2018-07", "2019-Q1"."""
        if self.precision is Precision.YEAR:
            return str(self.first.year)
        if self.precision is Precision.MONTH:
            return f"{self.first.year}-{self.first.month:02d}"
        return f"{self.first.year}-Q{(self.first.month + 2) // 3}"

    @property
    def words(self) -> str:
        """The period in the site's words: "năm 2018", "tháng 7/2018", "quý I/2019" (the
        plan's own words are `written`)."""
        if self.precision is Precision.YEAR:
            return f"năm {self.first.year}"
        if self.precision is Precision.MONTH:
            return f"tháng {self.first.month}/{self.first.year}"
        roman = {1: "I", 2: "II", 3: "III", 4: "IV"}[(self.first.month + 2) // 3]
        return f"quý {roman}/{self.first.year}"


@dataclass(frozen=True)
class Schedule:
    start: Period | None = None
    due: Period | None = None
    recurrence: Recurrence = Recurrence.NONE
    before: int | None = None  # "xong trước năm 2020": the due period is the year before it

    @property
    def start_date(self) -> date | None:
        """The first day of the start period (may precede the plan's own date)."""
        return self.start.first if self.start else None

    @property
    def due_date(self) -> date | None:
        """The last day of the due period: the deadline."""
        return self.due.last if self.due else None

    @property
    def due_rule(self) -> str | None:
        """How the due date was computed from the words, in Vietnamese."""
        if self.due is None:
            return None
        if self.before:
            return f"ngày cuối cùng trước năm {self.before}"
        return f"ngày cuối cùng của {self.due.words}"


class UnknownTimeframe(ValueError):
    """The phrase is not one the grammar knows."""


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

# A period of time: a year, a month of a year, or a quarter of a year.
_PERIOD = (
    r"(?P<{p}period>năm (?P<{p}year>\d{{4}})"
    r"|tháng (?P<{p}month>\d{{1,2}})/(?P<{p}myear>\d{{4}})"
    r"|quý (?P<{p}quarter>iv|iii|ii|i)(?:/| năm )(?P<{p}qyear>\d{{4}}))"
)
_START = r"(?:thực hiện )?từ " + _PERIOD.format(p="s")
_DUE = r"(?:(?:hoàn thành|xong) )?(?:(?:trong|vào) )?" + _PERIOD.format(p="d")
_BEFORE = r"(?:hoàn thành|xong) (?P<bperiod>trước năm (?P<byear>\d{4}))"

_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"{_START} và {_DUE}"), "range"),
    (re.compile(_START), "start"),
    (re.compile(_BEFORE), "before"),
    (re.compile(r"(?:hoàn thành|xong) (?:(?:trong|vào) )?" + _PERIOD.format(p="d")), "due"),
    (re.compile(r"(?:trong )?" + _PERIOD.format(p="d")), "within"),
    (re.compile(r"(?:thực hiện )?thường xuyên"), "continuous"),
    (re.compile(r"(?:thực hiện )?hằng năm"), "yearly"),
    (re.compile(r"(?:tiếp tục )?thực hiện theo kế hoạch"), "per_plan"),
]


def normalize(phrase: str) -> str:
    """NFC, lower case, single spaces, no surrounding spaces or final full stop."""
    text = " ".join(unicodedata.normalize("NFC", phrase).casefold().split())
    return text.rstrip(".").strip()


def year_period(year: int, written: str | None = None) -> Period:
    return Period(Precision.YEAR, date(year, 1, 1), date(year, 12, 31), written)


def _as_written(phrase: str) -> str:
    """The phrase as `normalize` makes it, with its letters' case kept: the spans of a match on
    the normalized phrase are the same in this one (case folding keeps Vietnamese letters one
    character each)."""
    return " ".join(unicodedata.normalize("NFC", phrase).split()).rstrip(".").strip()


def _written(match: re.Match[str], group: str, original: str) -> str:
    start, end = match.span(group)
    return original[start:end]


def _period(match: re.Match[str], prefix: str, original: str) -> Period:
    """The period captured under the given group prefix, with its words as `original` writes
    them."""
    groups = match.groupdict()
    written = _written(match, prefix + "period", original)
    if groups.get(prefix + "year"):
        return year_period(int(groups[prefix + "year"]), written)
    if groups.get(prefix + "month"):
        month, year = int(groups[prefix + "month"]), int(groups[prefix + "myear"])
        if not 1 <= month <= 12:
            raise UnknownTimeframe(f"tháng {month} không tồn tại")
        return Period(Precision.MONTH, date(year, month, 1),
                      date(year, month, calendar.monthrange(year, month)[1]), written)
    quarter, year = _ROMAN[groups[prefix + "quarter"]], int(groups[prefix + "qyear"])
    first_month, last_month = 3 * quarter - 2, 3 * quarter
    return Period(Precision.QUARTER, date(year, first_month, 1),
                  date(year, last_month, calendar.monthrange(year, last_month)[1]), written)


@cache
def parse(phrase: str) -> Schedule:
    """Map a timeframe phrase to its Schedule, or raise UnknownTimeframe. The plan says the same
    few phrases again and again ("Thực hiện từ năm 2018"): each is parsed once (a Schedule is
    immutable)."""
    text, original = normalize(phrase), _as_written(phrase)
    if len(text) != len(original):  # pragma: no cover - no Vietnamese letter folds to two
        original = text
    for pattern, form in _FORMS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        if form == "range":
            return Schedule(start=_period(match, "s", original),
                            due=_period(match, "d", original))
        if form == "start":
            return Schedule(start=_period(match, "s", original))
        if form == "before":
            # The year before the one named: its words are "trước năm 2020", as written.
            year = int(match["byear"])
            return Schedule(due=year_period(year - 1, _written(match, "bperiod", original)),
                            before=year)
        if form == "due":
            return Schedule(due=_period(match, "d", original))
        if form == "within":
            period = _period(match, "d", original)
            return Schedule(start=period, due=period)
        return Schedule(recurrence=Recurrence(_RECURRENCE_OF_FORM[form]))
    raise UnknownTimeframe(phrase)


_RECURRENCE_OF_FORM = {"continuous": Recurrence.CONTINUOUS, "yearly": Recurrence.YEARLY,
                       "per_plan": Recurrence.PER_PLAN}


@cache
def combine(start_phrase: str, completion_phrase: str) -> Schedule:
    """The schedule of an appendix row: its start column gives the start period, its completion
    column the due period and the recurrence ("Từ năm 2018" as completion leaves it open-ended).
    Cached like parse: the appendix repeats its pairs of phrases."""
    begin, end = parse(start_phrase), parse(completion_phrase)
    recurrence = end.recurrence if end.recurrence is not Recurrence.NONE else begin.recurrence
    return Schedule(start=begin.start, due=end.due, recurrence=recurrence, before=end.before)
