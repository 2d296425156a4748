"""The states readers see, derived from a task's reports, its deadline and the as-of date."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from .dates import duration_words
from .reports import Report, ReportedState


class DisplayState(Enum):
    """What readers see: one label, one CSS class (one colour) per state, everywhere."""

    # Before the deadline, or for a task without one: no report has been published yet.
    NO_REPORT = ("chua-co-bao-cao", "Chưa có báo cáo")
    NOT_STARTED = ("chua-trien-khai", "Chưa triển khai")
    IN_PROGRESS = ("dang-thuc-hien", "Đang thực hiện")
    # The deadline has passed and no completion report has been published: exactly that.
    OVERDUE = ("qua-han", "Quá hạn, chưa có báo cáo hoàn thành")
    PAUSED = ("tam-dung", "Tạm dừng")
    DONE_ON_TIME = ("hoan-thanh-dung-han", "Hoàn thành đúng hạn")
    DONE_LATE = ("hoan-thanh-cham", "Hoàn thành chậm")
    DONE = ("hoan-thanh", "Hoàn thành")
    OBSOLETE = ("khong-con-ap-dung", "Không còn áp dụng")

    @property
    def slug(self) -> str:
        return self.value[0]

    @property
    def label(self) -> str:
        return self.value[1]

    @property
    def order(self) -> int:
        """Position in the fixed order of states, for sorting."""
        return list(DisplayState).index(self)

    @property
    def colours(self) -> Colours:
        """The state's colours, the same on every page, in the stylesheet and on share images."""
        return _COLOURS[self]


@dataclass(frozen=True)
class Colours:
    """A state tag's colours (GOV.UK's tags: a light background, so it is not taken for a button,
    dark text, a border between the two; the label always says the state too), as #rrggbb."""

    background: str
    text: str
    border: str
    dashed: bool = False  # a dashed border: a state that is not the task's own

    @staticmethod
    def rgb(colour: str) -> tuple[int, int, int]:
        """#rrggbb as (red, green, blue), for drawing."""
        red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        return red, green, blue


# One colour per state: greys for no report, purple for not started, blue in progress, red
# overdue, yellow paused, greens done (on time, or not measured against a deadline), orange done
# late, brown no longer applies. Each text colour reads at 4.5:1 or more on its background.
_COLOURS = {
    DisplayState.NO_REPORT: Colours("#eef0f2", "#383f45", "#9aa3ab"),
    DisplayState.NOT_STARTED: Colours("#f3eefa", "#4a2a7a", "#a58ccc"),
    DisplayState.IN_PROGRESS: Colours("#e6f0fb", "#0b4a8b", "#7fa9d8"),
    DisplayState.OVERDUE: Colours("#fdecea", "#9a1c14", "#e08a84"),
    DisplayState.PAUSED: Colours("#fff5d6", "#6b4a00", "#d9b44a"),
    DisplayState.DONE_ON_TIME: Colours("#e7f5ea", "#185c2a", "#7fc08e"),
    DisplayState.DONE_LATE: Colours("#fdf0e3", "#7a3d00", "#dca06a"),
    DisplayState.DONE: Colours("#e9f6f2", "#1c5a4a", "#83c4b2"),
    DisplayState.OBSOLETE: Colours("#f4f1ee", "#55483d", "#b3a597"),
}


_DONE_STATES = {ReportedState.DONE, ReportedState.OBSOLETE}


@dataclass(frozen=True)
class TaskStatus:
    """Where one task stands at the as-of date. Every fact here is derived."""

    reports: tuple[Report, ...]
    original_due: date | None
    as_of: date

    @property
    def last(self) -> Report | None:
        return self.reports[-1] if self.reports else None

    @property
    def revised_due(self) -> date | None:
        """The latest deadline a report gives, when it differs from the plan's."""
        for report in reversed(self.reports):
            if report.revised_due:
                return report.revised_due if report.revised_due != self.original_due else None
        return None

    @property
    def due(self) -> date | None:
        return self.revised_due or self.original_due

    @property
    def is_overdue(self) -> bool:
        """The deadline has passed and no report says the task is done (or no longer applies).
        A task without a deadline is never overdue."""
        last = self.last
        return bool(self.due and self.as_of > self.due
                    and (last is None or last.state not in _DONE_STATES))

    @property
    def overdue_since(self) -> date | None:
        """The first day the task was overdue: the day after its deadline."""
        due = self.due
        return due + timedelta(days=1) if due and self.is_overdue else None

    @property
    def days_overdue(self) -> int | None:
        due = self.due
        return (self.as_of - due).days if due and self.is_overdue else None

    @property
    def overdue_for(self) -> str | None:
        """How long the task has been overdue, in words: "6 năm 11 tháng"."""
        due = self.due
        return duration_words(due, self.as_of) if due and self.is_overdue else None

    def at(self, day: date) -> TaskStatus:
        """Where the task stood on an earlier day: the reports published by then."""
        return TaskStatus(tuple(r for r in self.reports if r.date <= day), self.original_due, day)

    @property
    def state(self) -> DisplayState:
        last = self.last
        if last is None:
            return DisplayState.OVERDUE if self.is_overdue else DisplayState.NO_REPORT
        if last.state is ReportedState.OBSOLETE:
            return DisplayState.OBSOLETE
        if last.state is ReportedState.DONE:
            if self.due is None or last.completed_on is None:
                return DisplayState.DONE
            if last.completed_on <= self.due:
                return DisplayState.DONE_ON_TIME
            return DisplayState.DONE_LATE
        if self.is_overdue:
            return DisplayState.OVERDUE
        return {
            ReportedState.NOT_STARTED: DisplayState.NOT_STARTED,
            ReportedState.IN_PROGRESS: DisplayState.IN_PROGRESS,
            ReportedState.PAUSED: DisplayState.PAUSED,
        }[last.state]

    @property
    def percent(self) -> int | None:
        return self.last.percent if self.last else None
