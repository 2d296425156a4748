"""The agency page and the agency index: what the body of the plan gives each agency (itself and
through the groups it belongs to), the Phụ lục rows that name it, kept apart, its reporting
duties and its next deadlines."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .. import routes
from ..model.facts import BodyEnded
from ..model.lifecycle import End
from ..model.news import News
from ..model.plan import Plan
from ..model.reporting import Deadline, next_deadlines
from ..model.roles import BODY_KINDS, KIND_LABELS, NO_TERM, kind_terms
from ..model.schema import Agency, Kind, Level
from ..model.status import DisplayState
from .common import (
    AsOfNotice,
    DutyView,
    Link,
    PostLine,
    TaskLine,
    agency_link,
    appendix_row,
    end_words,
    state_counts,
)
from .timeline import Timeline, ending_words

if TYPE_CHECKING:  # the edition holds the timeline: macros.views.edition imports what we import
    from .edition import Edition

NEXT_COUNT = 6  # how many coming deadlines an agency page lists


@dataclass(frozen=True)
class RoleTasks:
    """The tasks whose body names the agency for a kind of role: the site's group (`label`,
    never a term of the plan) and the plan's own terms its tasks use (`terms`)."""

    kind: str
    label: str  # "Được giao", "Phối hợp": the site's groups (macros.model.roles)
    anchor: str  # "lead", "partners": published anchors, never changed
    tasks: tuple[TaskLine, ...]
    terms: tuple[str, ...] = ()  # «Trách nhiệm thực hiện», «Chủ trì» (tiêu đề mục), NO_TERM


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
class ReportDate:
    """A date a report is due under a duty of part III."""

    label: str  # "Báo cáo định kỳ 15 ngày", "Báo cáo 6 tháng"
    reporters: tuple[Link, ...]
    send_to: Link
    moved_from: int | None  # the day the plan names, when the month is shorter


@dataclass(frozen=True)
class Due:
    """A coming date on a page: a report under a duty, or a task's deadline (the one that
    applies, with its label: the plan's, or the one a report revised it to)."""

    day: date
    report: ReportDate | None = None
    task_id: str | None = None
    task_href: str | None = None
    task_label: str | None = None
    deadline_label: str | None = None
    words: str | None = None  # the plan's words the deadline is computed from (not a revised one)


def report_due(plan: Plan, deadline: Deadline) -> Due:
    duty = deadline.duty
    return Due(deadline.day, report=ReportDate(
        deadline.label, tuple(agency_link(plan, a.id, short=True) for a in duty.reporters),
        agency_link(plan, duty.send_to.id, short=True),
        deadline.nominal_day if deadline.moved_to_month_end else None))


def task_deadlines(plan: Plan, tasks, first: date, end: End | None = None,
                   plan_wide: bool = False) -> list[Due]:
    """Deadlines on or after `first` of tasks done once (recurring tasks have none): the
    deadline that applies, as every page, feed and calendar gives it; none past the end of the
    body whose list it is (`end`), or, plan-wide, past the end of every lead."""
    out = []
    for task in plan.dated_tasks(tasks):
        facts = plan.facts(task)
        day = facts.projected_deadline if plan_wide else facts.deadline_for(end)
        if day is not None and day >= first:
            out.append(Due(day, task_id=task.id, task_href=routes.task(task.id),
                           task_label=task.label, deadline_label=facts.deadlines.label,
                           words=None if facts.deadlines.is_revised else _words(facts)))
    return sorted(out, key=lambda d: (d.day, d.task_id))


def _words(facts) -> str | None:
    return facts.dates.row_completion or facts.dates.words


def _terms(tasks, kind: str) -> tuple[str, ...]:
    """The plan's terms for a kind of role among these tasks, each once, in plan order."""
    terms = (task.role(kind) for task in tasks)
    return tuple(dict.fromkeys(
        (f"«{r.term}» (tiêu đề mục)" if r.heading else f"«{r.term}»") if r.term else NO_TERM
        for r in terms if r))


def _roles(edition: Edition, agency_id: str, end: End | None,
           prefix: str = "") -> tuple[RoleTasks, ...]:
    """The tasks given to `agency_id` by kind of role, each line as the page's body (with its
    `end`) sees it, with the plan's terms for that kind among them."""
    plan = edition.plan
    return tuple(
        RoleTasks(kind, KIND_LABELS[kind], f"{prefix}{kind}",
                  tuple(TaskLine.for_body(edition, t, end)
                        for t in plan.assigned.tasks_for(agency_id, kind)),
                  _terms(plan.assigned.tasks_for(agency_id, kind), kind))
        for kind in BODY_KINDS if plan.assigned.tasks_for(agency_id, kind)
    )


@dataclass(frozen=True)
class LifeEvent:
    """A recorded change in the body's life, as its page states it."""

    day: date
    kind: str  # "Kết thúc hoạt động", "Sắp xếp lại, văn bản không nêu cơ quan kết thúc"
    source: Link | str  # the document's citation, linked where it has a public address
    note: str | None  # the site's words
    new_name: str | None
    successors: tuple[Link, ...]


@dataclass(frozen=True)
class Life:
    """What the page says at its top of the body's life since the plan: when and by which
    documents it ended (`ended`, from the model's end; for a group, by its members), its own
    recorded changes, and the bodies before and after it."""

    # («Cơ quan này không còn từ ngày …, theo Nghị quyết số …», the site's note on it)
    ended: tuple[str, str | None] | None
    events: tuple[LifeEvent, ...]
    successors: tuple[Link, ...]
    predecessors: tuple[Link, ...]

    @classmethod
    def of(cls, plan: Plan, agency_id: str, end: End | None) -> Life | None:
        events = tuple(LifeEvent(
            e.date, e.kind.label,
            Link(e.source.url, e.source.citation) if e.source.url else e.source.citation,
            e.note, e.new_name, tuple(agency_link(plan, s) for s in e.successors))
            for e in plan.events_of(agency_id)
            # The event that ended the body is said once, in `ended`, with its note.
            if not (end and e in end.events and not end.by_members))
        before = tuple(agency_link(plan, p) for p in plan.predecessors_of(agency_id))
        after = tuple(agency_link(plan, s) for s in plan.successors_of(agency_id))
        ended = None
        if end is not None:
            who = "Mọi thành viên của nhóm" if end.by_members else "Cơ quan này"
            notes = "" if end.by_members else " ".join(
                f"Ghi chú của trang web: {e.note}" for e in end.events if e.note)
            ended = (f"{who} {end_words(end)}.", notes or None)
        if not (ended or events or before):
            return None
        return cls(ended, events, after, before)


@dataclass(frozen=True)
class DutyLine:
    duty: DutyView
    via: Link | None = None  # the group the agency reports as a member of


@dataclass(frozen=True)
class AgencyPage:
    id: str
    agency: Agency  # the registry's record, as validated
    as_of: date
    groups: tuple[Link, ...]
    members: tuple[Link, ...]
    roles: tuple[RoleTasks, ...]
    memberships: tuple[Membership, ...]
    figures: tuple[tuple[int, str], ...]
    state_counts: tuple
    appendix: tuple[AppendixMention, ...]
    reports_under: tuple[DutyLine, ...]  # the reporting duties it reports under
    receives: tuple[DutyLine, ...]  # the duties whose reports are sent to it
    has_duties: bool
    next_due: tuple[Due, ...]
    has_feed: bool
    feed: str
    has_tasks: bool
    timeline: Timeline
    undated: tuple[Link, ...]  # its tasks not on the timeline
    nothing_assigned: bool
    as_of_notice: AsOfNotice  # how current the page is, as task pages say it
    posts: tuple[PostLine, ...] = ()
    life: Life | None = None  # its life since the plan, when anything is recorded
    ended_on: date | None = None  # the first day it no longer existed, by the as-of day

    @classmethod
    def of(cls, edition: Edition, agency_id: str, news: News | None = None) -> AgencyPage:
        plan = edition.plan
        agency = plan.agency(agency_id)
        tasks = plan.assigned.owed_by(agency_id)
        end = plan.end_of(agency_id)
        memberships: list[Membership] = []
        for group in plan.graph.groups_above(agency_id):
            through = next((m.group for m in memberships if m.group.id in group.members), None)
            if agency_id in group.members:
                through = None
            memberships.append(Membership(
                group, agency_link(plan, group.id),
                _roles(edition, group.id, end, prefix=f"nhom-{group.id}-"),
                agency_link(plan, through.id) if through else None))
        appendix = []
        for named in [None, *plan.graph.groups_above(agency_id)]:
            for row, role in plan.assigned.appendix_rows_naming(named.id if named else agency_id):
                appendix.append(AppendixMention(
                    row.number, appendix_row(edition, row.number), role.label, row.content.strip(),
                    tuple(Link(routes.task(t), f"Nhiệm vụ {plan.task(t).label}")
                          for t in row.tasks),
                    agency_link(plan, named.id) if named else None))
        # A body that ended: its tasks stay (what the plan asked), in their state for it, and
        # nothing is counted as overdue or due after its end.
        states = [plan.facts(t).for_body(end) for t in tasks]
        overdue = sum(1 for s in states if s is DisplayState.OVERDUE)
        named_counts = [(len(plan.assigned.tasks_for(agency_id, kind)),
                         f"{kind_terms(kind)}, được nêu tên riêng") for kind in BODY_KINDS]
        # Every role the text gives (a «Phối hợp» task too): not «được giao», which is the
        # site's name for the lead terms alone.
        figures = [(len(tasks), "nhiệm vụ lời văn nêu tên (mọi vai trò), kể cả với tư cách "
                    "thành viên nhóm" if memberships else "nhiệm vụ lời văn nêu tên (mọi vai trò)"),
                   *([] if end else [(overdue, "quá hạn, chưa có báo cáo hoàn thành")]),
                   *named_counts,
                   (sum(1 for m in appendix if m.via is None), "lần được nêu tên trong Phụ lục")]
        duties = plan.duties.of(agency_id)
        going_on = [] if end else [d for d in duties if plan.duty_goes_on(d)]
        reports = [report_due(plan, d) for d in next_deadlines(going_on, plan.as_of, NEXT_COUNT)]
        next_due = sorted(reports + task_deadlines(plan, tasks, plan.as_of, end),
                          key=lambda d: d.day)[:NEXT_COUNT]
        line = edition.timeline.of_tasks(t.id for t in tasks)
        return cls(
            id=agency_id, agency=agency, as_of=plan.as_of,
            groups=tuple(agency_link(plan, g.id) for g in plan.graph.groups_of(agency_id)),
            members=tuple(agency_link(plan, m.id) for m in plan.graph.members_of(agency_id)),
            roles=_roles(edition, agency_id, end),
            memberships=tuple(memberships),
            figures=tuple(figures),
            state_counts=_state_counts(plan, tasks, states) if end else state_counts(plan, tasks),
            appendix=tuple(appendix),
            reports_under=tuple(
                DutyLine(DutyView.of(plan, d), agency_link(plan, g.id) if g else None)
                for d, g in plan.duties.reported_by(agency_id)),
            receives=tuple(DutyLine(DutyView.of(plan, d))
                           for d in plan.duties.received_by(agency_id)),
            has_duties=bool(duties) and end is None,
            next_due=tuple(next_due),
            has_feed=plan.has_calendar(agency_id),
            feed=routes.agency_calendar(agency_id),
            has_tasks=bool(tasks),
            timeline=line,
            undated=tuple(Link(routes.task(t), f"nhiệm vụ {plan.task(t).label}")
                          for t in line.undated),
            nothing_assigned=not tasks and not duties,
            posts=tuple(PostLine.of(plan, p) for p in news.posts_for_agency(agency_id))
            if news else (),
            life=Life.of(plan, agency_id, end),
            ended_on=end.date if end else None,
            as_of_notice=AsOfNotice.of(edition),
        )


def _state_counts(plan: Plan, tasks, states) -> tuple:
    """The states of a body's list, counted in the fixed order, the body's own state first."""
    ended = sum(1 for s in states if isinstance(s, BodyEnded))
    rest = [t for t, s in zip(tasks, states, strict=True) if not isinstance(s, BodyEnded)]
    return (((BodyEnded, ended),) if ended else ()) + state_counts(plan, rest)


@dataclass(frozen=True)
class IndexEntry:
    link: Link
    group: bool
    lead: int
    partners: int
    ended: date | None = None  # the first day the body no longer existed, by the as-of day


@dataclass(frozen=True)
class AgencyIndex:
    plan_number: str
    groups: tuple  # (level, ((kind, entries), ...)), as `index` gives them
    # The days bodies ended, each with its words and documents, said once above the lists (the
    # reporting calendar's and the timeline's words); each body's entry says its day.
    endings: tuple[tuple[date, str], ...] = ()

    @classmethod
    def of(cls, plan: Plan) -> AgencyIndex:
        endings = plan.lifecycle.endings(plan.as_of)
        return cls(plan.document.number, tuple(index(plan)),
                   tuple((e.date, ending_words(plan, e)) for e in endings))


def index(plan: Plan) -> list[tuple[Level, list[tuple[Kind, list[IndexEntry]]]]]:
    """Agencies by level, then by kind, each in registry order, with its body-role counts and,
    for a body that ended by the as-of day, when and by which document."""
    out = []
    for level in Level:
        kinds = []
        for kind in Kind:
            found = [IndexEntry(agency_link(plan, a.id), a.group,
                                len(plan.assigned.tasks_for(a.id, "lead")),
                                len(plan.assigned.tasks_for(a.id, "partners")),
                                end.date if (end := plan.end_of(a.id)) else None)
                     for a in plan.graph.agencies if a.level is level and a.kind is kind]
            if found:
                kinds.append((kind, found))
        if kinds:
            out.append((level, kinds))
    return out


def dues_in_month(plan: Plan, year: int, month: int) -> list[Due]:
    """Everything that falls due in a month: reports of every duty that goes on and tasks'
    deadlines, none past the end of every body that owed it."""
    reports = [report_due(plan, d) for duty in plan.duties if plan.duty_goes_on(duty)
               for d in duty.deadlines_in_month(year, month)]
    first = date(year, month, 1)
    tasks = [d for d in task_deadlines(plan, plan.tasks, first, plan_wide=True)
             if (d.day.year, d.day.month) == (year, month)]
    return sorted(reports + tasks, key=lambda d: (d.day, d.task_id is not None))
