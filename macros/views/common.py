"""Pieces every page family shows the same way: a link, a role in its source's words, a task as
one line of a list or table, and what a task's timeframe means.

Views make every decision; templates only lay out what a view holds. Addresses are relative to
the site root (templates prefix the page's own `root`).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .. import routes
from ..model import timeframe as tf
from ..model.dates import long_date, short_date
from ..model.plan import Plan, Task
from ..model.roles import Role
from ..model.status import DisplayState


@dataclass(frozen=True)
class Link:
    href: str  # relative to the site root
    text: str


def task_in_plan(plan: Plan, task_id: str) -> str:
    """The task's place in the plan text, on the page that holds it (macros.model.paging)."""
    return routes.task_in_plan(task_id, plan.text_pages.of_task[task_id])


def appendix_row(plan: Plan, number: int) -> str:
    """A row of the Phụ lục, on the page of the plan text that holds it."""
    return routes.appendix_row(number, plan.text_pages.of_row[number])


def agency_link(plan: Plan, agency_id: str, short: bool = False) -> Link:
    agency = plan.agency(agency_id)
    return Link(routes.agency(agency_id), (agency.short_name or agency.name) if short else agency.name)


@dataclass(frozen=True)
class RoleView:
    """A role as its source words it: the term, the agencies (linked), and where the words are."""

    term: str
    agencies: tuple[Link, ...]
    words: str  # the source's words naming the agencies
    where: str | None  # "theo tiêu đề mục II.3.1", when the agency is named by a heading
    note: str | None  # the site's note on the words

    @classmethod
    def of(cls, plan: Plan, role: Role) -> RoleView:
        where = f"theo tiêu đề mục {role.heading}" if role.heading else None
        return cls(role.term, tuple(agency_link(plan, a) for a in role.agencies), role.text, where,
                   role.note)


def schedule_meaning(schedule: tf.Schedule | None) -> str:
    """What a timeframe's words mean, in full: the recurrence, or the start and due periods with
    the deadline they give."""
    if schedule is None:
        return "Không ghi thời hạn"
    if schedule.recurrence is not tf.Recurrence.NONE:
        return schedule.recurrence.label
    parts = []
    if schedule.start and schedule.start != schedule.due:
        parts.append(f"Bắt đầu: {schedule.start.words}")
    if schedule.due:
        parts.append(f"Hạn hoàn thành: {long_date(schedule.due_date)} ({schedule.due_rule})")
    else:
        parts.append("không ghi hạn hoàn thành")
    return "; ".join(parts)


def schedule_short(schedule: tf.Schedule | None) -> str:
    """The same in a table cell: "31/12/2019", "Từ năm 2018", "Thường xuyên", "Không ghi"."""
    if schedule is None:
        return "Không ghi"
    if schedule.recurrence is not tf.Recurrence.NONE:
        return schedule.recurrence.label
    if schedule.due:
        return short_date(schedule.due_date)
    return f"Từ {schedule.start.words}" if schedule.start else "Không ghi"


@dataclass(frozen=True)
class TaskLine:
    """A task as one line of a list or one row of a table, with everything a row shows."""

    id: str
    label: str
    title: str
    name: str  # the task's name in the plan's words, then its number (macros.model.naming)
    href: str
    summary: str
    leads: tuple[Link, ...]  # the body's lead agencies, short names
    lead_names: str  # the same as text, for sorting
    when: str  # the deadline or the timeframe, short
    when_sort: str  # ISO date of the deadline, or "" when none (sorted last)
    when_source: str | None  # where the words are not the task's own: "theo Phụ lục, dòng 11",
    # "theo tiêu đề mục II.2.2"
    state: DisplayState
    state_note: str | None  # "quá hạn 6 năm 10 tháng"
    last_report: date | None
    rows: tuple[int, ...]  # linked Phụ lục rows
    filter_agencies: tuple[str, ...]  # ids a filter by agency matches (leads and their members)

    @classmethod
    def of(cls, plan: Plan, task: Task) -> TaskLine:
        """The task's line, made once per plan: the progress list, the home page, every agency
        and timeline page that lists the task show the same line."""
        return _lines.get(plan, task.id, lambda: cls._of(plan, task))

    @classmethod
    def _of(cls, plan: Plan, task: Task) -> TaskLine:
        status = plan.status(task)
        leads = tuple(agency_link(plan, a, short=True) for a in task.role_agencies("lead"))
        row = task.schedule_source
        if status.revised_due:
            when = f"{short_date(status.revised_due)} (điều chỉnh)"
        elif task.schedule is None and plan.duties_for_task(task):
            when = "Báo cáo định kỳ"
        else:
            when = schedule_short(task.schedule)
        return cls(
            id=task.id, label=task.label, title=task.title, name=task.name,
            href=routes.task(task.id),
            summary=task.summary, leads=leads, lead_names="; ".join(link.text for link in leads),
            when=when, when_sort=status.due.isoformat() if status.due else "",
            when_source=(f"theo Phụ lục, dòng {row.number}" if row else
                         f"theo tiêu đề mục {task.timeframe.heading}"
                         if task.timeframe and task.timeframe.heading else None),
            state=status.state,
            state_note=f"quá hạn {status.overdue_for}" if status.is_overdue else None,
            last_report=status.last.date if status.last else None,
            rows=tuple(r.number for r in task.appendix_rows),
            filter_agencies=plan.agencies_answering_for(task),
        )


@dataclass(frozen=True)
class PageLink:
    """A page of a list or text in pages, as a pager shows it."""

    number: int
    href: str  # as the template prints it: from the site root, or from the page that shows it
    current: bool


class PerPlan:
    """Values worked out once for the plan being built, by key: a build has one plan (a new
    build, or a rebuild under `mkdocs serve`, has a new one), and many pages ask the same."""

    def __init__(self) -> None:
        self._plan: Plan | None = None
        self._values: dict = {}

    def get(self, plan: Plan, key, make: Callable[[], object]):
        if self._plan is not plan:
            self._plan, self._values = plan, {}
        if key not in self._values:
            self._values[key] = make()
        return self._values[key]


_lines = PerPlan()  # task lines, by task id


def state_counts(plan: Plan, tasks) -> tuple[tuple[DisplayState, int], ...]:
    """How many of these tasks are in each state that occurs, in the fixed order of states."""
    return tuple((state, count) for state, count in plan.counts_by_state(tasks) if count)
