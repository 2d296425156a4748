"""The agency page and the agency index: what the body of the plan gives each agency (itself and
through the groups it belongs to), the Phụ lục rows that name it, kept apart, its reporting
duties and its next deadlines."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from .. import routes
from ..model import timeframe as tf
from ..model.news import News, NewsPost
from ..model.plan import Plan, Task
from ..model.reporting import Deadline, Duty, next_deadlines
from ..model.roles import BODY_KINDS, KIND_LABELS
from ..model.schema import Agency, Kind, Level
from ..model.status import DisplayState
from .common import Link, TaskLine, agency_link, appendix_row, state_counts
from .timeline import Timeline, of_plan

NEXT_COUNT = 6  # how many coming deadlines an agency page lists


@dataclass(frozen=True)
class RoleTasks:
    kind: str
    label: str  # "Chủ trì, thực hiện", "Phối hợp"
    anchor: str
    tasks: tuple[TaskLine, ...]


@dataclass(frozen=True)
class Membership:
    """What a group asks of its members: the group, and its tasks by kind of role."""

    group: Agency
    link: Link
    roles: tuple[RoleTasks, ...]
    through: Link | None = None  # the member group that makes the agency part of this one


@dataclass(frozen=True)
class AppendixMention:
    """A Phụ lục row that names the agency, in the row's own column heading."""

    number: int
    href: str
    column: str  # "Cơ quan có thẩm quyền quyết định"
    content: str
    tasks: tuple[Link, ...]  # the tasks the row is linked to
    via: Link | None = None  # the group the row names, when it names a group of the agency


@dataclass(frozen=True)
class Due:
    """A coming deadline on an agency's page: a report or a task's due date."""

    day: date
    deadline: Deadline | None = None
    task: Task | None = None

    @property
    def words(self) -> str:
        """The plan's words the task's due date is computed from."""
        task = self.task
        return task.timeframe.text if task.timeframe else task.schedule_source.completion_text


def task_deadlines(tasks, first: date) -> list[Due]:
    """Due dates on or after `first` of tasks done once (recurring tasks have none)."""
    return sorted(
        (Due(t.due_date, task=t) for t in tasks
         if t.due_date and t.recurrence is tf.Recurrence.NONE and t.due_date >= first),
        key=lambda d: (d.day, d.task.id),
    )


def _roles(plan: Plan, agency_id: str, lines: dict[str, TaskLine],
           prefix: str = "") -> tuple[RoleTasks, ...]:
    return tuple(
        RoleTasks(kind, KIND_LABELS[kind], f"{prefix}{kind}",
                  tuple(lines[t.id] for t in plan.tasks_for(agency_id, kind)))
        for kind in BODY_KINDS if plan.tasks_for(agency_id, kind)
    )


@dataclass(frozen=True)
class AgencyPage:
    plan: Plan
    agency: Agency
    posts: tuple[NewsPost, ...] = ()

    @classmethod
    def of(cls, plan: Plan, agency_id: str, news: News | None = None) -> AgencyPage:
        return cls(plan, plan.agency(agency_id), news.posts_for_agency(agency_id) if news else ())

    @property
    def id(self) -> str:
        return self.agency.id

    @property
    def as_of(self) -> date:
        return self.plan.as_of

    @cached_property
    def _lines(self) -> dict[str, TaskLine]:
        return {t.id: TaskLine.of(self.plan, t) for t in self.tasks}

    @cached_property
    def roles(self) -> tuple[RoleTasks, ...]:
        return _roles(self.plan, self.id, self._lines)

    @cached_property
    def memberships(self) -> tuple[Membership, ...]:
        out: list[Membership] = []
        for group in self.plan.groups_above(self.id):
            through = next((m.group for m in out if m.group.id in group.members), None)
            if self.id in group.members:
                through = None
            out.append(Membership(
                group, agency_link(self.plan, group.id),
                _roles(self.plan, group.id, self._lines, prefix=f"nhom-{group.id}-"),
                agency_link(self.plan, through.id) if through else None))
        return tuple(out)

    @property
    def groups(self) -> tuple[Link, ...]:
        return tuple(agency_link(self.plan, g.id) for g in self.plan.groups_of(self.id))

    @property
    def members(self) -> tuple[Link, ...]:
        return tuple(agency_link(self.plan, m.id) for m in self.plan.members_of(self.id))

    @cached_property
    def tasks(self) -> tuple[Task, ...]:
        """Every task the body names the agency for, itself or through its groups."""
        return self.plan.tasks_owed_by(self.id)

    @property
    def figures(self) -> tuple[tuple[int, str], ...]:
        """The counts at the top of the page, each with its words: first everything the agency
        answers for (itself and through its groups) and how much of it is overdue, then what the
        plan names it for by name."""
        named = [(len(self.plan.tasks_for(self.id, kind)),
                  f"{KIND_LABELS[kind].lower()}, được nêu tên riêng") for kind in BODY_KINDS]
        out = [(len(self.tasks), "nhiệm vụ được giao, kể cả với tư cách thành viên nhóm"
                if self.memberships else "nhiệm vụ được giao"),
               (self.overdue, "quá hạn, chưa có báo cáo hoàn thành")]
        out += named
        out.append((sum(1 for m in self.appendix if m.via is None), "lần được nêu tên trong Phụ lục"))
        return tuple(out)

    @property
    def overdue(self) -> int:
        return sum(1 for t in self.tasks if self.plan.status(t).state is DisplayState.OVERDUE)

    @property
    def state_counts(self):
        return state_counts(self.plan, self.tasks)

    @cached_property
    def appendix(self) -> tuple[AppendixMention, ...]:
        """The rows naming the agency, then those naming a group it belongs to."""
        out = []
        for named in [None, *self.plan.groups_above(self.id)]:
            for row, role in self.plan.appendix_rows_naming(named.id if named else self.id):
                out.append(AppendixMention(
                    row.number, appendix_row(self.plan, row.number), role.term, row.content.strip(),
                    tuple(Link(routes.task(t), f"Nhiệm vụ {self.plan.task(t).label}")
                          for t in row.tasks),
                    agency_link(self.plan, named.id) if named else None))
        return tuple(out)

    @property
    def reports(self) -> tuple[tuple[Duty, Agency | None], ...]:
        return self.plan.duties_reported_by(self.id)

    @property
    def receives(self) -> tuple[Duty, ...]:
        return self.plan.duties_received_by(self.id)

    @property
    def duties(self) -> tuple[Duty, ...]:
        """Duties on this agency's calendar: those it reports under and those it receives."""
        return self.plan.duties_of(self.id)

    @cached_property
    def next_due(self) -> list[Due]:
        reports = [Due(d.day, deadline=d)
                   for d in next_deadlines(self.duties, self.as_of, NEXT_COUNT)]
        tasks = task_deadlines(self.tasks, self.as_of)
        return sorted(reports + tasks, key=lambda d: d.day)[:NEXT_COUNT]

    @property
    def has_feed(self) -> bool:
        return self.plan.has_calendar(self.id)

    @property
    def feed(self) -> str:
        return routes.agency_calendar(self.id)

    @cached_property
    def timeline(self) -> Timeline:
        return of_plan(self.plan).of_tasks(t.id for t in self.tasks)

    @property
    def nothing_assigned(self) -> bool:
        return not self.tasks and not self.duties


@dataclass(frozen=True)
class IndexEntry:
    link: Link
    group: bool
    lead: int
    partners: int


def index(plan: Plan) -> list[tuple[Level, list[tuple[Kind, list[IndexEntry]]]]]:
    """Agencies by level, then by kind, each in registry order, with its body-role counts."""
    out = []
    for level in Level:
        kinds = []
        for kind in Kind:
            found = [IndexEntry(agency_link(plan, a.id), a.group,
                                len(plan.tasks_for(a.id, "lead")),
                                len(plan.tasks_for(a.id, "partners")))
                     for a in plan.registry.agencies if a.level is level and a.kind is kind]
            if found:
                kinds.append((kind, found))
        if kinds:
            out.append((level, kinds))
    return out


def dues_in_month(plan: Plan, year: int, month: int) -> list[Due]:
    """Everything that falls due in a month: reports of every duty and tasks' due dates."""
    reports = [Due(d.day, deadline=d) for duty in plan.duties
               for d in duty.deadlines_in_month(year, month)]
    first = date(year, month, 1)
    tasks = [d for d in task_deadlines(plan.tasks, first)
             if (d.day.year, d.day.month) == (year, month)]
    return sorted(reports + tasks, key=lambda d: (d.day, d.task is not None))
