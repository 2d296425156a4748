"""The plan as the site sees it: tasks flattened out of the document tree with the roles they
inherit, agencies with what the plan asks of them, and the key figures of the home page.

Built once from the validated models (macros.model.schema); everything here is derived, never
stored.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from . import naming
from . import timeframe as tf
from .facts import DateSource, Deadlines, NextReport, Repetition, Source, TaskFacts, history
from .graph import AgencyGraph, Assignments
from .lifecycle import End, Event, Later, Lifecycle
from .reporting import Duties, Duty
from .reports import ReportLog
from .roles import Role
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
from .status import DisplayState, TaskStatus


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
class Figures:
    """The plan's key figures, computed from the data (the home page and `plan_figure`). The
    tasks are this site's split of the plan's text: the plan itself states no count."""

    tasks: int
    appendix_rows: int
    agencies: int
    lead_agencies: int
    with_due_date: int
    recurring: int
    start_only: int
    reporting: int
    without_timeframe: int
    without_lead: int
    overdue: int
    implements: int


@dataclass(frozen=True)
class Plan:
    """The plan as the site sees it, in parts along their jobs: its document and tasks, the
    agency graph (`graph`), what it gives each body (`assigned`), the reporting duties
    (`duties`), and each task's derived facts (`facts`)."""

    data: PlanData
    tasks: tuple[Task, ...]
    graph: AgencyGraph
    assigned: Assignments
    duties: Duties
    as_of: date  # the day derived states count from (macros.settings)
    report_logs: dict[str, ReportLog] = field(default_factory=dict, hash=False)

    @cached_property
    def lifecycle(self) -> Lifecycle:
        """The bodies' life since the plan (ended, merged, renamed) and the documents issued
        since that bear on it: macros.model.lifecycle."""
        return Lifecycle.of(self.graph.registry, self.data.later_documents)

    def end_of(self, agency_id: str) -> End | None:
        """The body's end, when it came by the as-of day: from that day no page, list or
        calendar projects the body's deadlines or reports (macros.model.lifecycle)."""
        end = self.lifecycle.end_of(agency_id)
        return end if end is not None and end.date <= self.as_of else None

    # What every page and file says of the bodies' life and of later documents: what had come
    # by the as-of day (a build of an earlier day says nothing of what came after it).

    def events_of(self, agency_id: str) -> tuple[Event, ...]:
        """The body's recorded changes that had taken effect by the as-of day."""
        return tuple(e for e in self.lifecycle.events_of(agency_id) if e.date <= self.as_of)

    @property
    def events(self) -> tuple[Event, ...]:
        """Every recorded change that had taken effect by the as-of day, in registry order."""
        return tuple(e for e in self.lifecycle.events if e.date <= self.as_of)

    def successors_of(self, agency_id: str) -> tuple[str, ...]:
        """The bodies the sources name as taking over from this one, by the as-of day."""
        return tuple(dict.fromkeys(s for e in self.events_of(agency_id) for s in e.successors))

    def predecessors_of(self, agency_id: str) -> tuple[str, ...]:
        """The bodies this one took over from by the as-of day, in registry order."""
        return tuple(p for p in self.lifecycle.predecessors_of(agency_id)
                     if agency_id in self.successors_of(p))

    @property
    def later_documents(self) -> tuple[Later, ...]:
        """The documents issued since the plan that bear on it, issued by the as-of day."""
        return tuple(d for d in self.lifecycle.later if d.source.date <= self.as_of)

    def duty_goes_on(self, duty: Duty) -> bool:
        """Whether a reporting duty still has a reporter that exists on the as-of day."""
        return any(self.end_of(a.id) is None for a in duty.reporters)

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
        return self.graph.agency(agency_id)

    @cached_property
    def _facts(self) -> dict[str, TaskFacts]:
        return {task.id: _facts_of(self, task) for task in self.tasks}

    def facts(self, task: Task | str) -> TaskFacts:
        """Every derived fact of a task (macros.model.facts), answered once per build."""
        return self._facts[task if isinstance(task, str) else task.id]

    def status(self, task: Task | str) -> TaskStatus:
        """Where a task stands at the as-of date, derived from its report log."""
        return self.facts(task).status

    @property
    def data_as_of(self) -> date | None:
        """The date of the latest report: how current the status data is."""
        days = [log.reports[-1].date for log in self.report_logs.values()]
        return max(days) if days else None

    def counts_by_state(self, tasks) -> list[tuple[DisplayState, int]]:
        """How many of these tasks are in each state, in the order states are listed everywhere."""
        counts = Counter(self.status(task).state for task in tasks)
        return [(state, counts[state]) for state in DisplayState]

    @property
    def lead_agencies(self) -> tuple[Agency, ...]:
        """Agencies that lead at least one task, in registry order."""
        leads = {a for t in self.tasks for a in t.role_agencies("lead")}
        return tuple(a for a in self.graph.agencies if a.id in leads)

    @property
    def key_tasks(self) -> tuple[Task, ...]:
        """The tasks the appendix names as key contents, in plan order."""
        return tuple(task for task in self.tasks if task.appendix_rows)

    @property
    def other_tasks(self) -> tuple[Task, ...]:
        return tuple(task for task in self.tasks if not task.appendix_rows)

    @property
    def last_task_day(self):
        days = [day for t in self.tasks for day in (
            t.schedule.start_date if t.schedule else None, self.facts(t).deadlines.applies) if day]
        return max(days, default=None)

    def dated_tasks(self, tasks) -> tuple[Task, ...]:
        """Of these tasks, those done once with a deadline: each is one date on calendars."""
        return tuple(t for t in tasks if self.facts(t).repetition.has_deadline)

    def has_calendar(self, agency_id: str) -> bool:
        """Whether the agency has dates: a reporting duty, or a task done once with a deadline
        that the body of the plan or a Phụ lục row gives it (before its end, if it ended)."""
        tasks = list(self.assigned.owed_by(agency_id)) + [
            t for t, _, _ in self.assigned.appendix_tasks_of(agency_id)]
        end = self.end_of(agency_id)
        return bool(self.duties.of(agency_id)) or any(
            self.facts(t).deadline_for(end) for t in self.dated_tasks(tasks))

    @cached_property
    def figures(self) -> Figures:
        facts = [self.facts(t) for t in self.tasks]
        return Figures(
            tasks=len(self.tasks),
            appendix_rows=len(self.appendix.rows),
            agencies=sum(1 for a in self.graph.agencies if not a.group),
            lead_agencies=len({a for t in self.tasks for a in t.role_agencies("lead")}),
            with_due_date=sum(1 for f in facts if f.deadlines.original),
            recurring=sum(1 for f in facts if f.repetition in RECURRING),
            start_only=sum(1 for f in facts if f.repetition is Repetition.FROM_START),
            # A task whose words are a reporting duty's has its dates in the reporting calendar.
            reporting=sum(1 for f in facts if f.repetition is Repetition.PERIODIC),
            without_timeframe=sum(1 for f in facts if f.repetition is Repetition.UNSTATED),
            without_lead=sum(1 for t in self.tasks if not t.role_agencies("lead")),
            overdue=sum(1 for f in facts if f.status.is_overdue),
            implements=len(self.data.implements),
        )


RECURRING = (Repetition.CONTINUOUS, Repetition.YEARLY, Repetition.PER_PLAN)


def _date_source(task: Task, duties: tuple[Duty, ...]) -> DateSource:
    if task.timeframe:
        kind = Source.HEADING if task.timeframe.heading else Source.TASK
        return DateSource(kind, task.timeframe.text.strip(), heading=task.timeframe.heading)
    row = task.schedule_source
    if row is not None:
        return DateSource(Source.APPENDIX, row.completion_text, row=row.number,
                          row_start=row.start_text, row_completion=row.completion_text)
    if duties:
        return DateSource(Source.REPORTING, duties[0].data.words)
    return DateSource(Source.NONE)


def _repetition(task: Task, duties: tuple[Duty, ...]) -> Repetition:
    schedule = task.schedule
    if schedule is None:
        return Repetition.PERIODIC if duties else Repetition.UNSTATED
    if schedule.recurrence is not tf.Recurrence.NONE:
        return {tf.Recurrence.CONTINUOUS: Repetition.CONTINUOUS,
                tf.Recurrence.YEARLY: Repetition.YEARLY,
                tf.Recurrence.PER_PLAN: Repetition.PER_PLAN}[schedule.recurrence]
    return Repetition.ONCE if schedule.due else Repetition.FROM_START


def period_words(text: str, days: int) -> str | None:
    """A reporting period as the task's text writes it, case included: «định kỳ 15 ngày báo cáo
    1 lần» (III.2) or «Định kỳ 15 ngày báo cáo 1 lần» (III.1)."""
    match = re.search(rf"định kỳ {days} ngày(?: báo cáo 1 lần)?", text, re.IGNORECASE)
    return match[0] if match else None


def _facts_of(plan: Plan, task: Task) -> TaskFacts:
    duties = plan.duties.for_task(task.id)
    log = plan.report_logs.get(task.id)
    status = TaskStatus(reports=tuple(log.reports) if log else (),
                        original_due=task.due_date, as_of=plan.as_of)
    own = (duties[0].next_after(plan.as_of)[0]
           if duties and plan.duty_goes_on(duties[0]) else None)
    # A reporting task's next date is its own duty's; another task's, its leads' duties' (of
    # the leads that still exist: nothing is projected past a body's end).
    leads = task.role_agencies("lead")
    active = [a for a in leads if plan.end_of(a) is None]
    coming = own or (plan.duties.next_for(active, plan.as_of)
                     if not status.due and active else None)
    named = dict.fromkeys(a for role in (*task.roles, *task.appendix_roles) for a in role.agencies)
    ended = tuple((a, end) for a in named if (end := plan.end_of(a)) is not None)
    lead_ends = [end for a in leads if (end := plan.end_of(a)) is not None]
    # The day the task's leads ended: when every lead has ended, the last of them.
    leads_end = (max(lead_ends, key=lambda e: e.date)
                 if leads and len(lead_ends) == len(leads) else None)
    return TaskFacts(
        dates=_date_source(task, duties),
        repetition=_repetition(task, duties),
        deadlines=Deadlines(status.original_due, status.revised_due),
        status=status,
        history=history(status),
        next_report=NextReport(coming.day, coming.duty.id, coming.duty.data.words, coming.label)
        if coming else None,
        period_words=period_words(task.text, duties[0].period_days) if duties else None,
        ended=ended,
        leads_end=leads_end,
        due_rule=task.schedule.due_rule if task.schedule else None,
    )


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
        term = node.lead.term or ("Trách nhiệm thực hiện" if node.lines else None)
        roles.append(_role("lead", term, node.lead))
    else:
        section = next((s for s in reversed(sections) if s.lead), None)
        if section is not None and section.lead is not None:
            roles.append(_role("lead", node.lead_term, section.lead,
                               heading=_section_label(part, section)))
    if node.partners:
        roles.append(_role("partners", node.partners.term or "Phối hợp với", node.partners))
    return tuple(roles)


def _role(kind: str, term: str | None, resp: Responsibility, heading: str | None = None) -> Role:
    return Role(kind, term, resp.text.strip().rstrip(".;"), tuple(resp.agencies), heading,
                note=resp.note)


def body_timeframe(node: TaskNode, part: str,
                   sections: tuple[Section, ...]) -> TaskTimeframe | None:
    if node.timeframe:
        return TaskTimeframe(node.timeframe.text, node.timeframe.schedule, line=node.timeframe.line)
    section = next((s for s in reversed(sections) if s.timeframe), None)
    if section is None or section.timeframe is None:
        return None
    return TaskTimeframe(section.timeframe.text, section.timeframe.schedule,
                         heading=_section_label(part, section))


def plan_tasks(data: PlanData) -> tuple[Task, ...]:
    """Every task of the plan in document order, with its roles, timeframe and Phụ lục rows (the
    loader asks them for their deadlines before it reads the reports)."""
    rows_of: dict[str, list[AppendixRow]] = {}
    for row in data.appendix.rows:
        for task_id in row.tasks:
            rows_of.setdefault(task_id, []).append(row)
    return tuple(
        Task(node, part.number, sections, position, body_roles(node, part.number, sections),
             body_timeframe(node, part.number, sections), tuple(rows_of.get(node.task, ())))
        for part in data.parts for node, sections, position in _walk(part.content, part.number, ()))


def build(registry: Registry, data: PlanData, tasks: tuple[Task, ...] | None = None,
          **status) -> Plan:
    if tasks is None:
        tasks = plan_tasks(data)
    graph = AgencyGraph.of(registry)
    duties = Duties(tuple(
        Duty(duty, order, tuple(graph.agency(a) for a in duty.reporters),
             tuple(graph.agency(a) for a in duty.to), graph.agency(duty.send_to))
        for order, duty in enumerate(data.reporting)), graph.groups_above)
    return Plan(data, tasks, graph, Assignments(graph, tasks, tuple(data.appendix.rows)),
                duties, **status)
