"""Pieces every page family shows the same way: a link, a role in its source's words, a task as
one line of a list or table, and what a task's timeframe means.

Views make every decision; templates only lay out what a view holds. Addresses are relative to
the site root (templates prefix the page's own `root`).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from .. import routes
from ..model import timeframe as tf
from ..model.dates import long_date, short_date
from ..model.facts import BodyEnded, Repetition, TaskFacts
from ..model.lifecycle import End
from ..model.plan import Plan, Task
from ..model.roles import Role
from ..model.status import DisplayState

if TYPE_CHECKING:  # the edition holds task lines: macros.views.edition imports this module
    from .edition import Edition


@dataclass(frozen=True)
class Link:
    href: str  # relative to the site root
    text: str
    note: str | None = None  # said beside the link: that the body ended, and by which document


def end_words(end: End) -> str:
    """A body's end as pages say it beside its name or at the top of its page: «không còn từ
    ngày 01 tháng 7 năm 2025, theo Nghị quyết số 203/2025/QH15 ngày 16/6/2025 của Quốc hội»."""
    return (f"không còn từ {long_date(end.date)}, theo "
            + "; ".join(source.citation for source in end.sources))


def task_in_plan(edition: Edition, task_id: str) -> str:
    """The task's place in the plan text, on the page that holds it (macros.model.paging)."""
    return routes.task_in_plan(task_id, edition.text_pages.of_task[task_id])


def appendix_row(edition: Edition, number: int) -> str:
    """A row of the Phụ lục, on the page of the plan text that holds it."""
    return routes.appendix_row(number, edition.text_pages.of_row[number])


def agency_link(plan: Plan, agency_id: str, short: bool = False) -> Link:
    agency = plan.agency(agency_id)
    name = (agency.short_name or agency.name) if short else agency.name
    return Link(routes.agency(agency_id), name)


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
        """Each body linked, with a note beside its name when it had ended (the model's end)."""
        # A label with no term names its heading itself («Được nêu tên ở tiêu đề mục II.3.1»).
        where = f"theo tiêu đề mục {role.heading}" if role.heading and role.term else None
        return cls(role.label, tuple(named_link(plan, a) for a in role.agencies), role.text, where,
                   role.note)


def named_link(plan: Plan, agency_id: str) -> Link:
    """A link to the body's page that says beside it when the body ended, and by which
    document, when it had by the as-of day."""
    end = plan.end_of(agency_id)
    return replace(agency_link(plan, agency_id), note=end_words(end) if end else None)


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
        parts.append(f"Hạn hoàn thành: {long_date(schedule.due.last)} ({schedule.due_rule})")
    else:
        parts.append("không ghi hạn hoàn thành")
    return "; ".join(parts)


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
    lead_term: str | None  # the body's own term for them: «Trách nhiệm thực hiện», «Thực hiện
    # (theo tiêu đề mục II.3.2)», «Chủ trì»; None when the body names no agency
    lead_names: str  # the same as text, for sorting
    when: str  # the deadline or the timeframe, short
    when_sort: str  # ISO date of the deadline, or "" when none (sorted last)
    when_source: str | None  # where the words are not the task's own: "theo Phụ lục, dòng 11",
    # "theo tiêu đề mục II.2.2"
    state: DisplayState | BodyEnded  # BodyEnded only in the list of a body that ended
    state_note: str | None  # "quá hạn 6 năm 10 tháng"
    last_report: date | None
    rows: tuple[int, ...]  # linked Phụ lục rows
    filter_agencies: tuple[str, ...]  # ids a filter by agency matches (leads and their members)

    @classmethod
    def for_body(cls, edition: Edition, task: Task, end: End | None) -> TaskLine:
        """The task's line in the list of a body: the plan-wide line, or, for a body that had
        ended, its state for that body (macros.model.facts.TaskFacts.for_body) and no date
        past the end."""
        line = edition.line(task)
        facts = edition.plan.facts(task)
        state = facts.for_body(end)
        if not isinstance(state, BodyEnded):
            return line
        if state.overdue_before_end:
            note = (f"từ {short_date(state.end.date)}; đã quá hạn từ trước, trang web chưa nhận "
                    + ("báo cáo hoàn thành" if state.reported else "báo cáo nào"))
        elif state.deadline:
            note = f"từ {short_date(state.end.date)}, trước hạn; hạn không còn được tính"
        else:
            note = f"từ {short_date(state.end.date)}; việc không còn được tính từ ngày đó"
        return replace(line, state=state, state_note=note)

    @classmethod
    def of(cls, plan: Plan, task: Task) -> TaskLine:
        """The task's line, as every list shows it; a build makes it once (Edition.line)."""
        facts = plan.facts(task)
        status = facts.status
        leads = tuple(agency_link(plan, a, short=True) for a in task.role_agencies("lead"))
        lead = task.role("lead")
        deadline = facts.deadlines.applies
        return cls(
            id=task.id, label=task.label, title=task.title, name=task.name,
            href=routes.task(task.id),
            summary=task.summary, leads=leads, lead_names="; ".join(link.text for link in leads),
            lead_term=lead.term_shown if lead else None,
            when=when_short(facts, task.schedule),
            when_sort=deadline.isoformat() if deadline else "",
            when_source=facts.dates.aside,
            state=status.state,
            state_note=f"quá hạn {facts.overdue_for}" if facts.overdue_for else None,
            last_report=status.last.date if status.last else None,
            rows=tuple(r.number for r in task.appendix_rows),
            filter_agencies=plan.assigned.answering_for(task),
        )


def when_short(facts: TaskFacts, schedule: tf.Schedule | None) -> str:
    """A task's time in a list or a table cell, from the model's answers: the deadline that
    applies ("31/12/2019", or a revised one labelled so), else how it repeats ("Thường xuyên",
    "Báo cáo định kỳ", "Từ năm 2018", "Không ghi")."""
    if facts.deadlines.short:
        return facts.deadlines.short
    if facts.repetition is Repetition.FROM_START and schedule and schedule.start:
        return f"Từ {schedule.start.words}"
    if facts.repetition is Repetition.UNSTATED:
        return "Không ghi"
    return schedule.recurrence.label if schedule else facts.repetition.label


@dataclass(frozen=True)
class PageLink:
    """A page of a list or text in pages, as a pager shows it."""

    number: int
    href: str  # as the template prints it: from the site root, or from the page that shows it
    current: bool


def state_counts(plan: Plan, tasks) -> tuple[tuple[DisplayState, int], ...]:
    """How many of these tasks are in each state that occurs, in the fixed order of states."""
    return tuple((state, count) for state, count in plan.counts_by_state(tasks) if count)


@dataclass(frozen=True)
class AsOfNotice:
    """How current the page is: the latest report, the day states count from, the build."""

    data_as_of: date | None
    as_of: date
    built_at: datetime

    @classmethod
    def of(cls, edition: Edition) -> AsOfNotice:
        plan = edition.plan
        return cls(plan.data_as_of, plan.as_of, edition.built_at)


@dataclass(frozen=True)
class Knowledge:
    """Since when the site collects reports (data/site.yaml `reports_since`, the model's
    ReportsSince), and so what «quá hạn» can mean: past the deadline the plan gives, with no
    completion report received here since that day. No page claims to know what came before."""

    since: date | None

    @classmethod
    def of(cls, known) -> Knowledge:
        return cls(known.day)

    @property
    def since_words(self) -> str:
        """The clause every exit adds where it speaks of lateness."""
        if self.since is None:
            return ("trang web chưa ghi nhận ngày bắt đầu nhận báo cáo, nên không biết các cơ "
                    "quan đã báo cáo gì trước khi trang web bắt đầu nhận báo cáo")
        return (f"trang web nhận báo cáo từ {long_date(self.since)}, không biết các cơ quan đã "
                "báo cáo gì trước ngày đó")

    @property
    def sentence(self) -> str:
        return (f"“Quá hạn” là đã qua thời hạn Kế hoạch ghi mà trang web chưa nhận được báo cáo "
                f"hoàn thành; {self.since_words}.")


@dataclass(frozen=True)
class YearlyReport:
    label: str
    day: int
    month: int


@dataclass(frozen=True)
class DutyView:
    """A reporting duty of part III, as its sentence shows it."""

    reporters: tuple[Link, ...]  # short names
    recipients: tuple[Link, ...]
    send_to: Link | None  # when it is not one of the recipients
    period_days: int
    monthly_days: tuple[int, ...]
    shortened_days: tuple[int, ...]
    yearly: tuple[YearlyReport, ...]
    task_href: str
    task_label: str

    @classmethod
    def of(cls, plan: Plan, duty) -> DutyView:
        def short(agency) -> Link:
            return agency_link(plan, agency.id, short=True)
        return cls(
            reporters=tuple(short(a) for a in duty.reporters),
            recipients=tuple(short(a) for a in duty.recipients),
            send_to=short(duty.send_to) if duty.send_to not in duty.recipients else None,
            period_days=duty.period_days, monthly_days=duty.monthly_days,
            shortened_days=duty.shortened_days,
            yearly=tuple(YearlyReport(y.label, y.day, y.month) for y in duty.yearly),
            task_href=routes.task(duty.task_id), task_label=plan.task(duty.task_id).label)


@dataclass(frozen=True)
class PostLine:
    """A news post in a list: its date, title, address and the body that issued it (none for
    the site's own posts)."""

    date: date
    title: str
    href: str
    issuer: str | None

    @classmethod
    def of(cls, plan: Plan, post) -> PostLine:
        issuer = plan.agency(post.agency).name if post.agency else None
        return cls(post.date, post.title, routes.news_post(post.slug), issuer)


@dataclass(frozen=True)
class DocumentRef:
    """A document the plan carries out, as the page lists it."""

    kind: str
    number: str
    date: date
    issuer: str
    note: str | None
    short_name: str

    @classmethod
    def all_of(cls, plan: Plan) -> tuple[DocumentRef, ...]:
        return tuple(cls(r.kind, r.number, r.date, plan.agency(r.issuer).name, r.note,
                         r.short_name) for r in plan.data.implements)


@dataclass(frozen=True)
class LaterLine:
    """A document issued since the plan (macros.model.lifecycle.Later), as the plan page and the
    home page list it: its citation, the site's description, and its own words only where the
    data records them (with where they were read)."""

    citation: Link | str  # linked where the document has a public address
    title: str | None  # its trích yếu, as recorded
    description: str  # the site's words
    quote: str | None
    quote_where: str | None  # «Trích yếu», read at …
    quote_href: str | None

    @classmethod
    def all_of(cls, plan: Plan) -> tuple[LaterLine, ...]:
        out = []
        for doc in plan.later_documents:
            source, quote = doc.source, doc.quote
            out.append(cls(
                Link(source.url, source.citation) if source.url else source.citation,
                source.title, doc.description,
                quote.text if quote else None,
                f"{quote.part}, theo {quote.read_at}" if quote else None,
                quote.url if quote else None))
        return tuple(out)


@dataclass(frozen=True)
class OpenDataPage:
    """The open data page: how current the files are, and what each field means (the fields
    come from macros.files.opendata, passed in by the site layer)."""

    as_of_notice: AsOfNotice
    plan_number: str
    task_fields: tuple
    report_fields: tuple
    operator: object  # macros.views.operator.Operator, or None


@dataclass(frozen=True)
class StaffPeople:
    """Who runs the site and reviews reports (data/site.yaml), and the repository."""

    info: object  # macros.model.site_info.SiteInfo
    repo: object  # macros.site.repository's pages, or None
    managing_agency: str | None  # its name

    @classmethod
    def of(cls, plan: Plan, info, repo) -> StaffPeople:
        return cls(info, repo, plan.agency(info.managing_agency).name
                   if info.managing_agency else None)
