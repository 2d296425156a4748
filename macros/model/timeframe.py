"""Parse the timeframe phrases of the plan ("Hoàn thành trong tháng 7/2018", "Từ Quý II/2018", ...).

Every phrase maps to a Schedule: a start, a due date and a recurrence. The grammar is closed on
purpose: a phrase it does not know raises UnknownTimeframe, so a typo in the data is an error and
never a guess.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import Enum


class Recurrence(str, Enum):
    """How a task repeats. Values are the ones written in data files."""

    NONE = "none"  # done once (it may still have no due date: "Thực hiện từ năm 2018")
    CONTINUOUS = "continuous"  # "Thường xuyên"
    YEARLY = "yearly"  # "Thực hiện hằng năm"
    PER_PLAN = "per_plan"  # "Thực hiện theo Kế hoạch": dates set by another plan

    @property
    def label(self) -> str:
        return _RECURRENCE_LABELS[self]


_RECURRENCE_LABELS = {
    Recurrence.NONE: "Một lần",
    Recurrence.CONTINUOUS: "Thường xuyên",
    Recurrence.YEARLY: "Hằng năm",
    Recurrence.PER_PLAN: "Theo kế hoạch riêng",
}


@dataclass(frozen=True)
class Schedule:
    start: date | None = None
    due: date | None = None
    recurrence: Recurrence = Recurrence.NONE


class UnknownTimeframe(ValueError):
    """The phrase is not one the grammar knows."""


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

# A period of time: a year, a month of a year, or a quarter of a year.
_PERIOD = (
    r"(?:năm (?P<{p}year>\d{{4}})"
    r"|tháng (?P<{p}month>\d{{1,2}})/(?P<{p}myear>\d{{4}})"
    r"|quý (?P<{p}quarter>iv|iii|ii|i)(?:/| năm )(?P<{p}qyear>\d{{4}}))"
)
_START = r"(?:thực hiện )?từ " + _PERIOD.format(p="s")
_DUE = r"(?:(?:hoàn thành|xong) )?(?:(?:trong|vào) )?" + _PERIOD.format(p="d")
_BEFORE = r"(?:hoàn thành|xong) trước năm (?P<byear>\d{4})"

_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"{_START} và {_DUE}"), "range"),
    (re.compile(_START), "start"),
    (re.compile(_BEFORE), "before"),
    (re.compile(r"(?:hoàn thành|xong) (?:(?:trong|vào) )?" + _PERIOD.format(p="d")), "due"),
    (re.compile(r"(?:trong )?" + _PERIOD.format(p="d")), "within"),
    (re.compile(r"(?:thực hiện )?thường xuyên"), "continuous"),
    (re.compile(r"thực hiện hằng năm"), "yearly"),
    (re.compile(r"(?:tiếp tục )?thực hiện theo kế hoạch"), "per_plan"),
]


def normalize(phrase: str) -> str:
    """NFC, lower case, single spaces, no surrounding spaces or final full stop."""
    text = unicodedata.normalize("NFC", phrase).casefold()
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(".").strip()


def _bounds(match: re.Match[str], prefix: str) -> tuple[date, date]:
    """First and last day of the period captured under the given group prefix."""
    groups = match.groupdict()
    if groups.get(prefix + "year"):
        year = int(groups[prefix + "year"])
        return date(year, 1, 1), date(year, 12, 31)
    if groups.get(prefix + "month"):
        month, year = int(groups[prefix + "month"]), int(groups[prefix + "myear"])
        if not 1 <= month <= 12:
            raise UnknownTimeframe(f"tháng {month} không tồn tại")
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    quarter, year = _ROMAN[groups[prefix + "quarter"]], int(groups[prefix + "qyear"])
    first_month, last_month = 3 * quarter - 2, 3 * quarter
    return (
        date(year, first_month, 1),
        date(year, last_month, calendar.monthrange(year, last_month)[1]),
    )


def parse(phrase: str) -> Schedule:
    """Map a timeframe phrase to its Schedule, or raise UnknownTimeframe."""
    text = normalize(phrase)
    for pattern, form in _FORMS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        if form == "range":
            return Schedule(start=_bounds(match, "s")[0], due=_bounds(match, "d")[1])
        if form == "start":
            return Schedule(start=_bounds(match, "s")[0])
        if form == "before":
            return Schedule(due=date(int(match["byear"]) - 1, 12, 31))
        if form == "due":
            return Schedule(due=_bounds(match, "d")[1])
        if form == "within":
            first, last = _bounds(match, "d")
            return Schedule(start=first, due=last)
        return Schedule(recurrence=Recurrence(_RECURRENCE_OF_FORM[form]))
    raise UnknownTimeframe(phrase)


_RECURRENCE_OF_FORM = {"continuous": "continuous", "yearly": "yearly", "per_plan": "per_plan"}


def combine(start_phrase: str, completion_phrase: str) -> Schedule:
    """The schedule of an appendix row: its start column gives the start, its completion column the
    due date and the recurrence ("Từ năm 2018" as completion leaves the task open-ended)."""
    begin, end = parse(start_phrase), parse(completion_phrase)
    recurrence = end.recurrence if end.recurrence is not Recurrence.NONE else begin.recurrence
    return Schedule(start=begin.start, due=end.due, recurrence=recurrence)
