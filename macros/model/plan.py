"""The plan as the site sees it: tasks flattened out of the document tree with the roles they
inherit, agencies with what the plan asks of them, and the key figures of the home page.

Built once from the validated models (macros.models); everything here is derived, never stored.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from . import naming
from .lifecycle import Lifecycle
from . import timeframe as tf
from .paging import PAGE_LIMIT, TextPages
from .reporting import Duty
from .reports import StatusFile
from .status import DisplayState, TaskStatus
from .roles import APPENDIX_KINDS, BODY_KINDS, Role
from .schema import (
    Agency,
    AppendixRow,
    Paragraph,
    PlanData,
    Registry,
    Responsibility,
    Section,
    TaskNode,
)

ROLES = APPENDIX_KINDS


@dataclass(frozen=True)
class TaskTimeframe:
    """A task's timeframe in the body's words: its own, or its section heading's (`heading`)."""

    text: str
    schedule: tf.Schedule
    heading: str | None = None  # "II.2.2" when the words are the section heading's
    line: bool = False  # written as "- Thời gian thực hiện: ..."

    @property
    def start(self) -> tf.Period | None:
        return self.schedule.start

    @property
    def due(self) -> tf.Period | None:
        return self.schedule.due

    @property
    def recurrence(self) -> tf.Recurrence:
        return self.schedule.recurrence


@dataclass(frozen=True)
class Task:
    node: TaskNode
    part: str
    sections: tuple[Section, ...]  # enclosing sections, outermost first
    position: int  # 1-based place among the tasks of its innermost section
    roles: tuple[Role, ...]  # from the body of the plan only
    timeframe: TaskTimeframe | None  # from the body of the plan only
    appendix_rows: tuple[AppendixRow, ...] = ()  # linked Phụ lục rows, each with its own roles

    @property
    def id(self) -> str:
        return self.node.task

    @property
    def text(self) -> str:
        return self.node.text

    @property
    def label(self) -> str:
        """Where the task stands in the plan: 'II.2.1.1', or 'II.3.1, ý 2' for a bullet."""
        if self.node.number:
            return f"{self.part}.{self.node.number}"
        where = f"{self.part}.{self.sections[-1].section}" if self.sections else self.part
        return f"{where}, ý {self.position}" if self.node.bullet else where

    @property
    def title(self) -> str:
        return f"Nhiệm vụ {self.label}"

    @cached_property
    def name(self) -> str:
        """The task's name in the plan's own words: its leading clause, then its number
        ("Hướng dẫn rà soát, … tổ dân phố — II.3.1, ý 2"); see macros.model.naming."""
        return naming.task_name(self.text, self.label)

    @property
    def summary(self) -> str:
        """The task's words, cut at a word boundary for tables and lists."""
        words, out = self.text.split(), ""
        for word in words:
            if len(out) + len(word) > 150:
                return out.rstrip(",;:") + " …"
            out = f"{out} {word}" if out else word
        return out

    @property
    def section_title(self) -> str:
        return self.sections[-1].title.rstrip(": ") if self.sections else ""

    @property
    def schedule_source(self) -> AppendixRow | None:
        """Where the task's dates come from when its body gives none: its first Phụ lục row."""
        if self.timeframe is None and self.appendix_rows:
            return self.appendix_rows[0]
        return None

    @property
    def schedule(self) -> tf.Schedule | None:
        """The periods the plan sets: the body's words first, else the first Phụ lục row's."""
        if self.timeframe:
            return self.timeframe.schedule
        row = self.schedule_source
        return row.schedule if row else None

    @property
    def due_date(self) -> date | None:
        """The deadline: the last day of the due period."""
        return self.schedule.due_date if self.schedule else None

    @property
    def recurrence(self) -> tf.Recurrence:
        return self.schedule.recurrence if self.schedule else tf.Recurrence.NONE

    def role(self, kind: str) -> Role | None:
        return next((r for r in self.roles if r.kind == kind), None)

    def role_agencies(self, kind: str) -> tuple[str, ...]:
        """Agency ids the body of the plan names for a kind of role (never the Phụ lục's)."""
        found = self.role(kind)
        return found.agencies if found else ()

    @property
    def appendix_roles(self) -> tuple[Role, ...]:
        return tuple(role for row in self.appendix_rows for role in row.roles)


@dataclass(frozen=True)
class Plan:
    data: PlanData
    registry: Registry
    tasks: tuple[Task, ...]
    agencies: dict[str, Agency] = field(hash=False)
    as_of: date  # the day derived states count from (macros.settings)
    logs: dict[str, StatusFile] = field(default_factory=dict, hash=False)
    built_at: datetime | None = None  # when the site was built (shown on pages)
    demo: bool = False  # the reports are illustrative, not real
    # The most entries on one page of a list that grows with the plan (macros.model.paging).
    page_limit: int = PAGE_LIMIT

    @cached_property
    def text_pages(self) -> TextPages:
        """The plan text in pages: one for the real plan; which page holds each task, part and
        Phụ lục row."""
        return TextPages(self.data, self.page_limit)

    def status(self, task: Task | str) -> TaskStatus:
        """Where a task stands at the as-of date, derived from its report log (once per task:
        every page that lists the task asks)."""
        task_id = task if isinstance(task, str) else task.id
        found = self._statuses.get(task_id)
        if found is None:
            log = self.logs.get(task_id)
            found = self._statuses[task_id] = TaskStatus(
                reports=tuple(log.reports) if log else (),
                original_due=self.task(task_id).due_date,
                as_of=self.as_of,
            )
        return found

    @cached_property
    def lifecycle(self) -> Lifecycle:
        """The bodies' life since the plan (ended, merged, renamed) and the documents issued
        since that bear on it: macros.model.lifecycle."""
        return Lifecycle.of(self.registry, self.data.later_documents)

    @cached_property
    def _statuses(self) -> dict[str, TaskStatus]:
        return {}

    @property
    def data_as_of(self) -> date | None:
        """The date of the latest report: how current the status data is."""
        days = [log.reports[-1].date for log in self.logs.values()]
        return max(days) if days else None

    @property
    def state_counts(self) -> list[tuple[DisplayState, int]]:
        """How many tasks are in each state, in the order states are listed everywhere."""
        return self.counts_by_state(self.tasks)

    def counts_by_state(self, tasks) -> list[tuple[DisplayState, int]]:
        counts = Counter(self.status(task).state for task in tasks)
        return [(state, counts[state]) for state in DisplayState]

    def next_report_due(self, task: Task) -> date | None:
        """The next day a report on this task is due: the earliest next deadline of the reporting
        duties of its lead agencies (directly or as members of a group that reports)."""
        leads = set(task.role_agencies("lead"))
        for agency_id in list(leads):
            leads |= {group.id for group in self.groups_above(agency_id)}
        upcoming = [duty.next_after(self.as_of)[0].day
                    for duty in self.duties if leads & set(duty.data.reporters)]
        return min(upcoming) if upcoming else None

    @property
    def lead_agencies(self) -> tuple[Agency, ...]:
        """Agencies that lead at least one task, in registry order."""
        leads = {a for t in self.tasks for a in t.role_agencies("lead")}
        return tuple(a for a in self.registry.agencies if a.id in leads)

    @property
    def key_tasks(self) -> tuple[Task, ...]:
        """The tasks the appendix names as key contents, in plan order."""
        return tuple(task for task in self.tasks if task.appendix_rows)

    @property
    def other_tasks(self) -> tuple[Task, ...]:
        return tuple(task for task in self.tasks if not task.appendix_rows)

    @property
    def document(self):
        return self.data.document

    @property
    def appendix(self):
        return self.data.appendix

    @cached_property
    def _task_index(self) -> dict[str, Task]:
        return {task.id: task for task in self.tasks}

    def task(self, task_id: str) -> Task:
        return self._task_index[task_id]

    def agency(self, agency_id: str) -> Agency:
        return self.agencies[agency_id]

    def groups_of(self, agency_id: str) -> tuple[Agency, ...]:
        return self._groups_by_member.get(agency_id, ())

    @cached_property
    def _groups_by_member(self) -> dict[str, tuple[Agency, ...]]:
        index: dict[str, list[Agency]] = {}
        for group in self.registry.agencies:
            for member in group.members:
                index.setdefault(member, []).append(group)
        return {member: tuple(groups) for member, groups in index.items()}

    def groups_above(self, agency_id: str) -> tuple[Agency, ...]:
        """Every group the agency belongs to, directly or through a group that is itself a member
        (a district committee → "UBND huyện, thành phố" → "Các cơ quan, đơn vị"), nearest first."""
        found: list[Agency] = []
        frontier = [agency_id]
        while frontier:
            nxt = []
            for member in frontier:
                for group in self.groups_of(member):
                    if group not in found:
                        found.append(group)
                        nxt.append(group.id)
            frontier = nxt
        return tuple(found)

    def agencies_answering_for(self, task: Task) -> tuple[str, ...]:
        """Every agency the body of the plan names for the task, itself or as a member (at any
        depth) of a group it names, in registry order: the agencies whose pages list the task."""
        return self._answering[task.id]

    @cached_property
    def _registry_order(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.registry.agencies)}

    def in_registry_order(self, agency_ids) -> tuple[str, ...]:
        """Agency ids in the order of the registry (data/agencies.yaml), each once."""
        return tuple(sorted(set(agency_ids), key=self._registry_order.__getitem__))

    @cached_property
    def _answering(self) -> dict[str, tuple[str, ...]]:
        order = self._registry_order
        out = {}
        for task in self.tasks:
            found: set[str] = set()
            frontier = [a for role in task.roles for a in role.agencies]
            while frontier:
                agency_id = frontier.pop()
                if agency_id not in found:
                    found.add(agency_id)
                    frontier.extend(self.agency(agency_id).members)
            out[task.id] = tuple(sorted(found, key=order.__getitem__))
        return out

    def members_of(self, group_id: str) -> tuple[Agency, ...]:
        return tuple(self.agency(m) for m in self.agency(group_id).members)

    @cached_property
    def duties(self) -> tuple[Duty, ...]:
        """The reporting duties of part III, with their agencies resolved."""
        return tuple(
            Duty(duty, order, tuple(self.agency(a) for a in duty.reporters),
                 tuple(self.agency(a) for a in duty.to), self.agency(duty.send_to))
            for order, duty in enumerate(self.data.reporting)
        )

    def duties_for_task(self, task: Task) -> tuple[Duty, ...]:
        """The reporting duties whose words are this task's: its schedule is theirs."""
        return tuple(d for d in self.duties if d.task_id == task.id)

    def duties_reported_by(self, agency_id: str) -> tuple[tuple[Duty, Agency | None], ...]:
        """Duties the agency reports under: its own, then those of its groups (with the group)."""
        own = [(d, None) for d in self.duties if agency_id in d.data.reporters]
        via = [(d, g) for g in self.groups_above(agency_id) for d in self.duties
               if g.id in d.data.reporters]
        return tuple(own + via)

    def duties_received_by(self, agency_id: str) -> tuple[Duty, ...]:
        return tuple(d for d in self.duties
                     if agency_id == d.data.send_to or agency_id in d.data.to)

    @property
    def last_task_day(self):
        days = [day for t in self.tasks if t.schedule
                for day in (t.schedule.start_date, t.schedule.due_date) if day]
        return max(days, default=None)

    def tasks_owed_by(self, agency_id: str) -> tuple[Task, ...]:
        """Every task the agency is named for, itself or through the groups it belongs to, in
        plan order."""
        found = self._owed.get(agency_id)
        if found is None:
            # From the role index, not a pass over every task: asked once per agency and more.
            ids = {agency_id} | {group.id for group in self.groups_above(agency_id)}
            owed = {task.id: task for role in BODY_KINDS for a in ids for task in self.tasks_for(a, role)}
            found = self._owed[agency_id] = tuple(
                sorted(owed.values(), key=lambda task: self._task_order[task.id]))
        return found

    @cached_property
    def _owed(self) -> dict[str, tuple[Task, ...]]:
        return {}

    @cached_property
    def _task_order(self) -> dict[str, int]:
        return {task.id: order for order, task in enumerate(self.tasks)}

    def duties_of(self, agency_id: str) -> tuple[Duty, ...]:
        """Duties on the agency's calendar: those it reports under (itself or through a group),
        then those it receives."""
        found: list[Duty] = []
        for duty in [d for d, _ in self.duties_reported_by(agency_id)] + list(
                self.duties_received_by(agency_id)):
            if duty not in found:
                found.append(duty)
        return tuple(found)

    def appendix_tasks_of(self, agency_id: str) -> tuple[tuple[Task, AppendixRow, Role], ...]:
        """Tasks linked to a Phụ lục row that names the agency (or a group it belongs to), with
        the row and the column naming it: what the Phụ lục, a source of its own, asks of it."""
        ids = {agency_id} | {group.id for group in self.groups_above(agency_id)}
        # Each (row, column) once, in the table's order, even when it names several of `ids`.
        cells = sorted({cell for i in ids for cell in self._appendix_cells.get(i, ())})
        rows = self.appendix.rows
        return tuple((self.task(t), rows[r], rows[r].roles[c]) for r, c in cells
                     for t in rows[r].tasks)

    @cached_property
    def _appendix_cells(self) -> dict[str, tuple[tuple[int, int], ...]]:
        """Agency id -> the (row, column) places of the Phụ lục that name it: one pass over the
        table per build, not one per agency."""
        index: dict[str, list[tuple[int, int]]] = {}
        for r, row in enumerate(self.appendix.rows):
            for c, role in enumerate(row.roles):
                for agency_id in dict.fromkeys(role.agencies):
                    index.setdefault(agency_id, []).append((r, c))
        return {agency_id: tuple(cells) for agency_id, cells in index.items()}

    def has_calendar(self, agency_id: str) -> bool:
        """Whether the agency has dates: a reporting duty, or a task done once with a due date
        that the body of the plan or a Phụ lục row gives it."""
        tasks = list(self.tasks_owed_by(agency_id)) + [
            t for t, _, _ in self.appendix_tasks_of(agency_id)]
        return bool(self.duties_of(agency_id)) or any(
            t.due_date and t.recurrence is tf.Recurrence.NONE for t in tasks)

    def tasks_for(self, agency_id: str, role: str) -> tuple[Task, ...]:
        """Tasks whose body names the agency for a kind of role (never the Phụ lục's)."""
        return self._tasks_by_role.get((agency_id, role), ())

    def appendix_rows_naming(self, agency_id: str) -> tuple[tuple[AppendixRow, Role], ...]:
        """The Phụ lục rows that name the agency, each with the column (role) naming it."""
        rows = self.appendix.rows
        return tuple((rows[r], rows[r].roles[c]) for r, c in self._appendix_cells.get(agency_id, ()))

    @cached_property
    def _tasks_by_role(self) -> dict[tuple[str, str], tuple[Task, ...]]:
        # Every agency page asks for its tasks by role: one pass over the tasks per build, not
        # one per question (which made the build grow with agencies x tasks).
        index: dict[tuple[str, str], list[Task]] = {}
        for task in self.tasks:
            for role in task.roles:
                for agency_id in role.agencies:
                    index.setdefault((agency_id, role.kind), []).append(task)
        return {key: tuple(tasks) for key, tasks in index.items()}

    @property
    def key_figures(self) -> dict[str, int]:
        schedules = [t.schedule for t in self.tasks]
        return {
            "tasks": len(self.tasks),
            "appendix_rows": len(self.appendix.rows),
            "agencies": sum(1 for a in self.registry.agencies if not a.group),
            "lead_agencies": len({a for t in self.tasks for a in t.role_agencies("lead")}),
            "with_due_date": sum(1 for s in schedules if s and s.due),
            "recurring": sum(
                1 for s in schedules if s and s.recurrence is not tf.Recurrence.NONE
            ),
            "start_only": sum(1 for s in schedules if s and not s.due
                              and s.recurrence is tf.Recurrence.NONE),
            # A task whose words are a reporting duty's has its dates in the reporting calendar.
            "reporting": sum(1 for t in self.tasks if self.duties_for_task(t)),
            "without_timeframe": sum(1 for t in self.tasks
                                     if t.schedule is None and not self.duties_for_task(t)),
            "without_lead": sum(1 for t in self.tasks if not t.role_agencies("lead")),
            "overdue": sum(1 for t in self.tasks if self.status(t).is_overdue),
            "implements": len(self.data.implements),
        }


def _walk(
    nodes: list, part: str, sections: tuple[Section, ...]
) -> Iterator[tuple[TaskNode, tuple[Section, ...], int]]:
    position = 0
    for node in nodes:
        if isinstance(node, TaskNode):
            position += 1
            yield node, sections, position
        elif isinstance(node, Section):
            yield from _walk(node.content, part, (*sections, node))
        elif not isinstance(node, Paragraph):  # pragma: no cover - the schema allows no other
            raise TypeError(node)


def _section_label(part: str, section: Section) -> str:
    return f"{part}.{section.section}"


def body_roles(node: TaskNode, part: str, sections: tuple[Section, ...]) -> tuple[Role, ...]:
    """The roles the body of the plan gives a task, in its words: the task's own lead, or the
    agency its section heading names; and the partners its sentence names."""
    roles = []
    if node.lead:
        term = node.lead.term or ("Trách nhiệm thực hiện" if node.lines else "Thực hiện")
        roles.append(_role("lead", term, node.lead))
    else:
        section = next((s for s in reversed(sections) if s.lead), None)
        if section is not None:
            roles.append(_role("lead", node.lead_term or "Thực hiện", section.lead,
                               heading=_section_label(part, section)))
    if node.partners:
        roles.append(_role("partners", node.partners.term or "Phối hợp với", node.partners))
    return tuple(roles)


def _role(kind: str, term: str, resp: Responsibility, heading: str | None = None) -> Role:
    return Role(kind, term, resp.text.strip().rstrip(".;"), tuple(resp.agencies), heading,
                note=resp.note)


def body_timeframe(node: TaskNode, part: str,
                   sections: tuple[Section, ...]) -> TaskTimeframe | None:
    if node.timeframe:
        return TaskTimeframe(node.timeframe.text, node.timeframe.schedule, line=node.timeframe.line)
    section = next((s for s in reversed(sections) if s.timeframe), None)
    if section is None:
        return None
    return TaskTimeframe(section.timeframe.text, section.timeframe.schedule,
                         heading=_section_label(part, section))


def build(registry: Registry, data: PlanData, **status) -> Plan:
    rows_of: dict[str, list[AppendixRow]] = {}
    for row in data.appendix.rows:
        for task_id in row.tasks:
            rows_of.setdefault(task_id, []).append(row)
    tasks = []
    for part in data.parts:
        for node, sections, position in _walk(part.content, part.number, ()):
            tasks.append(Task(
                node, part.number, sections, position,
                body_roles(node, part.number, sections),
                body_timeframe(node, part.number, sections),
                tuple(rows_of.get(node.task, ())),
            ))
    return Plan(data, registry, tuple(tasks), {a.id: a for a in registry.agencies}, **status)
