"""What an agency's page shows, derived from the plan: the tasks it is named for in each role,
what it owes as a member of a group, its reporting duties and its next deadlines."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from .. import routes
from ..model import timeframe as tf
from ..model.plan import ROLES, Plan, Task
from ..model.reporting import Deadline, Duty, next_deadlines
from ..model.schema import Agency, Kind, Level

NEXT_COUNT = 6  # how many coming deadlines an agency page lists


@dataclass(frozen=True)
class RoleTasks:
    role: str
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class Membership:
    """What a group asks of its members: the group, and its tasks by role."""

    group: Agency
    roles: tuple[RoleTasks, ...]
    through: Agency | None = None  # the member group that makes the agency part of this one


@dataclass(frozen=True)
class Due:
    """A coming deadline on an agency's page: a report or a task's due date."""

    day: date
    deadline: Deadline | None = None
    task: Task | None = None


def roles_of(plan: Plan, agency_id: str) -> tuple[RoleTasks, ...]:
    return tuple(RoleTasks(role, plan.tasks_for(agency_id, role)) for role in ROLES
                 if plan.tasks_for(agency_id, role))


def task_deadlines(tasks, first: date) -> list[Due]:
    """Due dates on or after `first` of tasks done once (recurring tasks have none)."""
    return sorted(
        (Due(t.due, task=t) for t in tasks
         if t.due and t.recurrence is tf.Recurrence.NONE and t.due >= first),
        key=lambda d: (d.day, d.task.id),
    )


@dataclass(frozen=True)
class AgencyView:
    plan: Plan
    agency: Agency
    as_of: date

    @property
    def id(self) -> str:
        return self.agency.id

    @cached_property
    def roles(self) -> tuple[RoleTasks, ...]:
        return roles_of(self.plan, self.id)

    @cached_property
    def memberships(self) -> tuple[Membership, ...]:
        out: list[Membership] = []
        for group in self.plan.groups_above(self.id):
            through = next((m.group for m in out if m.group.id in group.members), None)
            if self.id in group.members:
                through = None
            out.append(Membership(group, roles_of(self.plan, group.id), through))
        return tuple(out)

    @property
    def groups(self) -> tuple[Agency, ...]:
        return self.plan.groups_of(self.id)

    @property
    def members(self) -> tuple[Agency, ...]:
        return self.plan.members_of(self.id)

    @cached_property
    def tasks(self) -> tuple[Task, ...]:
        """Every task the agency is named for, itself or through its groups, in plan order."""
        return self.plan.tasks_owed_by(self.id)

    def count(self, role: str) -> int:
        return len(self.plan.tasks_for(self.id, role))

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


def index(plan: Plan) -> list[tuple[Level, list[tuple[Kind, list[Agency]]]]]:
    """Agencies by level, then by kind, each in registry order."""
    out = []
    for level in Level:
        kinds = []
        for kind in Kind:
            found = [a for a in plan.registry.agencies if a.level is level and a.kind is kind]
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
