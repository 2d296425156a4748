"""A task's derived facts, each answered once, with a name: every page, feed, calendar, open data
file and preview formats these answers and never works them out again.

- `DateSource`: where the task's dates come from (its own words, its section heading, a Phụ lục
  row, a reporting duty of part III, or nowhere), with the words as written;
- `Repetition`: how it repeats, as its words say (once, from a start with no end, continuous,
  yearly, by a plan of its own, periodic reports, or not said);
- `Deadlines`: the deadline the plan's words give and the one a report revised it to, both
  named; `applies` is the one every state and date counts from;
- `StateChange`: one change of the state readers see, typed, with its cause;
- `BodyEnded`: a task as the list of a body that ended shows it;
- `TaskFacts`: all of them for one task.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import ClassVar

from .dates import duration_words, short_date
from .lifecycle import End
from .status import Colours, DisplayState, TaskStatus


class Source(Enum):
    """Where a task's dates come from. Values are the open data's codes."""

    TASK = "ke-hoach"  # the task's own words
    HEADING = "tieu-de-muc"  # the heading of its section
    APPENDIX = "phu-luc"  # a Phụ lục row (the body gives none)
    REPORTING = "che-do-bao-cao"  # the task's words are a reporting duty of part III
    NONE = "khong-ghi"


@dataclass(frozen=True)
class DateSource:
    """Where a task's dates come from, with the words as the plan writes them."""

    source: Source
    words: str | None = None  # the timeframe words, exactly as written
    heading: str | None = None  # "II.2.2" for a section heading
    row: int | None = None  # the Phụ lục row
    row_start: str | None = None  # a row's two time cells, as written
    row_completion: str | None = None

    @property
    def code(self) -> str | None:
        """The open data's value: "ke-hoach", "tieu-de-muc II.2.2", "phu-luc dong 11",
        "che-do-bao-cao"; None when the plan gives no dates."""
        if self.source is Source.HEADING:
            return f"{self.source.value} {self.heading}"
        if self.source is Source.APPENDIX:
            return f"{self.source.value} dong {self.row}"
        return None if self.source is Source.NONE else self.source.value

    @property
    def aside(self) -> str | None:
        """Where the words are, when they are not the task's own: "theo Phụ lục, dòng 11"."""
        if self.source is Source.HEADING:
            return f"theo tiêu đề mục {self.heading}"
        if self.source is Source.APPENDIX:
            return f"theo Phụ lục, dòng {self.row}"
        return None


class Repetition(Enum):
    """How a task repeats, as its words say. (code, label): the code is the open data's."""

    ONCE = ("mot-lan", "Một lần, có hạn hoàn thành")
    FROM_START = ("tu-thoi-diem-bat-dau", "Từ thời điểm bắt đầu, không ghi hạn hoàn thành")
    CONTINUOUS = ("thuong-xuyen", "Thường xuyên")
    YEARLY = ("hang-nam", "Hằng năm")
    PER_PLAN = ("theo-ke-hoach-rieng", "Theo kế hoạch riêng")
    PERIODIC = ("dinh-ky", "Báo cáo định kỳ")
    UNSTATED = ("khong-ghi", "Không ghi thời hạn")

    @property
    def code(self) -> str:
        return self.value[0]

    @property
    def label(self) -> str:
        return self.value[1]

    @property
    def has_deadline(self) -> bool:
        return self is Repetition.ONCE


ORIGINAL_LABEL = "Hạn theo Kế hoạch"  # computed by the site from the plan's words
REVISED_LABEL = "Hạn điều chỉnh"  # given by a status report


@dataclass(frozen=True)
class Deadlines:
    """The deadline the plan's words give (computed: the last day of the period they name) and
    the one a report revised it to. Every state, list, feed and calendar counts from `applies`;
    wherever both are shown, each carries its label."""

    original: date | None
    revised: date | None = None

    @property
    def applies(self) -> date | None:
        return self.revised or self.original

    @property
    def is_revised(self) -> bool:
        return self.revised is not None

    @property
    def label(self) -> str:
        """The label of the deadline that applies."""
        return REVISED_LABEL if self.is_revised else ORIGINAL_LABEL

    @property
    def short(self) -> str | None:
        """In a list or a table cell: "31/12/2019", "30/6/2021 (điều chỉnh; theo Kế hoạch:
        31/12/2020)"."""
        if self.applies is None:
            return None
        if not self.is_revised or self.revised is None:
            return short_date(self.applies)
        before = f"; theo Kế hoạch: {short_date(self.original)}" if self.original else ""
        return f"{short_date(self.revised)} (điều chỉnh{before})"


class Cause(Enum):
    REPORT = "bao-cao"  # a report recorded the new state
    DEADLINE = "qua-han"  # the deadline passed without a completion report


@dataclass(frozen=True)
class StateChange:
    """One change of the state readers see: on `day`, from `before` (None for the first) to
    `after`, because a report said so or because the deadline passed."""

    day: date
    before: DisplayState | None
    after: DisplayState
    cause: Cause
    deadline: date | None = None  # the deadline that passed, for Cause.DEADLINE


def history(status: TaskStatus) -> tuple[StateChange, ...]:
    """Every change of the state readers see, up to the as-of day: the days of the reports, and
    the day after the deadline when no completion report had been published by then. Nothing is
    said before the first report or deadline (the state is then «Chưa có báo cáo»)."""
    overdue_from = status.due + timedelta(days=1) if status.due else None
    report_days = {r.date for r in status.reports}
    days = set(report_days)
    if overdue_from and overdue_from <= status.as_of:
        days.add(overdue_from)
    out: list[StateChange] = []
    previous: DisplayState | None = None
    for day in sorted(days):
        state = status.at(day).state
        if state is DisplayState.NO_REPORT or state is previous:
            continue
        by_deadline = day == overdue_from and day not in report_days
        out.append(StateChange(day, previous, state,
                               Cause.DEADLINE if by_deadline else Cause.REPORT,
                               status.due if by_deadline else None))
        previous = state
    return tuple(out)


@dataclass(frozen=True)
class NextReport:
    """The next date a report is due under a duty of part III, and the words that set it."""

    day: date
    duty_id: str
    words: str  # the duty's words: "trước ngày 15 và ngày 30 hằng tháng, …"
    label: str  # "Báo cáo định kỳ 15 ngày", "Báo cáo 6 tháng"


FINISHED = frozenset({DisplayState.DONE_ON_TIME, DisplayState.DONE_LATE, DisplayState.DONE,
                      DisplayState.OBSOLETE})


@dataclass(frozen=True)
class BodyEnded:
    """A task as the list of a body that ended shows it, when no report said it was done: a
    state of its own (the task's state is the task's, for every body that still exists), with
    the day the body ended and whether the deadline had passed before."""

    slug: ClassVar[str] = "co-quan-khong-con"
    label: ClassVar[str] = "Cơ quan không còn"
    # Greys, and a dashed border: not one of the task's own states.
    colours: ClassVar[Colours] = Colours("#f1f1f1", "#3d3d3d", "#8c8c8c", dashed=True)

    end: End
    deadline: date | None  # the deadline that applies
    reported: bool  # the site has a report on the task, of any state

    @property
    def overdue_before_end(self) -> bool:
        return self.deadline is not None and self.deadline < self.end.date


@dataclass(frozen=True)
class TaskFacts:
    """Every derived fact of one task, answered once per build."""

    dates: DateSource
    repetition: Repetition
    deadlines: Deadlines
    status: TaskStatus
    history: tuple[StateChange, ...]
    next_report: NextReport | None  # for a task whose lead reports under a duty, or that is one
    period_words: str | None = None  # a reporting task's period, as its text writes it
    # The bodies the task names (its body's roles, then the Phụ lục's) that had ended by the
    # as-of day, each with its end (macros.model.lifecycle), in the order they are named.
    ended: tuple[tuple[str, End], ...] = ()
    leads_end: End | None = None  # when every lead the body names had ended: the latest end
    due_rule: str | None = None  # how the plan's deadline is computed from its words

    @property
    def state(self) -> DisplayState:
        return self.status.state

    def end_of(self, agency_id: str) -> End | None:
        return next((end for named, end in self.ended if named == agency_id), None)

    def for_body(self, end: End | None) -> DisplayState | BodyEnded:
        """The state a body's own list shows: the task's, or, for a body that had ended with no
        report saying the task was done, that the body ended."""
        if end is None or self.state in FINISHED:
            return self.state
        return BodyEnded(end, self.deadlines.applies, bool(self.status.reports))

    def deadline_for(self, end: End | None) -> date | None:
        """The deadline that applies, while it is still a date for a body with that end: none
        when the body ended on or before it (nothing is projected past a body's end)."""
        day = self.deadlines.applies
        return day if day and (end is None or day < end.date) else None

    @property
    def projected_deadline(self) -> date | None:
        """The deadline plan-wide lists and calendars show: none when every lead ended first."""
        return self.deadline_for(self.leads_end)

    @property
    def overdue_until(self) -> date | None:
        """The last day lateness is counted to: the as-of day, or, when every lead the text names
        had ended, the day before that end (nothing is counted past a body's end); None when the
        task is not overdue, or its leads ended before its deadline."""
        status = self.status
        if not status.is_overdue or status.due is None:
            return None
        until = status.as_of
        if self.leads_end is not None:
            until = min(until, self.leads_end.date - timedelta(days=1))
        return until if until > status.due else None

    @property
    def overdue_days(self) -> int | None:
        """How many days past the deadline, counted to `overdue_until`."""
        until, due = self.overdue_until, self.status.due
        return (until - due).days if until and due else None

    @property
    def overdue_for(self) -> str | None:
        """How long past the deadline, in words ("6 năm 11 tháng"), counted to `overdue_until`;
        when the leads ended, says the day it is counted to and why: «6 năm 5 tháng, tính đến
        30/6/2025 (cơ quan được giao không còn từ 01/7/2025)»."""
        until, due = self.overdue_until, self.status.due
        if until is None or due is None:
            return None
        words = duration_words(due, until)
        if self.leads_end is not None and until < self.status.as_of:
            words += (f", tính đến {short_date(until)} (cơ quan được giao không còn từ "
                      f"{short_date(self.leads_end.date)})")
        return words

    @property
    def deadline_origin(self) -> str | None:
        """The deadline that applies, named, and where it comes from, in the words every exit
        uses: «Hạn theo Kế hoạch, do trang web tính: ngày cuối cùng của năm 2019, theo lời văn
        «hoàn thành trong năm 2019»; văn bản không ghi ngày cụ thể», or «Hạn điều chỉnh, theo
        báo cáo»."""
        deadlines = self.deadlines
        if deadlines.applies is None:
            return None
        if deadlines.is_revised:
            return f"{REVISED_LABEL}, theo báo cáo"
        where = (f" của Phụ lục, dòng {self.dates.row}" if self.dates.source is Source.APPENDIX
                 else "")
        return (f"{ORIGINAL_LABEL}, do trang web tính: {self.due_rule}, theo lời văn "
                f"«{self.dates.words}»{where}; văn bản không ghi ngày cụ thể")
