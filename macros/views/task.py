"""The task page: the task's words, who the plan names for it in each source's own terms, when it
is due and how that date was computed, where it stands, and its reports."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model.dates import long_date
from ..model.facts import ORIGINAL_LABEL, REVISED_LABEL, Source, TaskFacts
from ..model.news import News
from ..model.plan import Plan, Task
from ..model.reports import Report
from ..model.site_info import ReportsSince
from ..model.status import DisplayState
from .common import (
    AsOfNotice,
    Knowledge,
    Link,
    PostLine,
    RoleView,
    TaskLine,
    appendix_row,
    schedule_meaning,
    task_in_plan,
)
from .edition import Edition
from .report_form import NewFilePages, ReportForm


@dataclass(frozen=True)
class TimeframeRow:
    """One source's words on when the task is done, and what they mean."""

    source: str  # "Kế hoạch, mục II.3.1, ý 2", "Tiêu đề mục II.2.2", "Phụ lục, dòng 3"
    href: str | None  # where the words stand in the plan text
    words: str  # the words, quoted as written (each cell apart for a Phụ lục row)
    meaning: str


@dataclass(frozen=True)
class AppendixBlock:
    """A Phụ lục row linked to the task: a record of its own, with its own roles."""

    number: int
    href: str
    heading: str  # "Theo Phụ lục, dòng 7 — chung cho nhiệm vụ II.3.1, ý 6 và II.3.5, ý 6"
    content: str
    roles: tuple[RoleView, ...]
    start_text: str
    completion_text: str


# A report row has a field named `date`: the type, under another name.
Day = date


@dataclass(frozen=True)
class ReportRow:
    date: Day
    state: str
    completed_on: Day | None
    revised_due: Day | None
    percent: int | None
    done: str
    note: str | None
    evidence: tuple[Link | str, ...]  # a link when the document is public
    reporter: str


@dataclass(frozen=True)
class TaskPage:
    id: str
    label: str  # "II.2.1.1"
    name: str  # the task's name (macros.model.naming)
    text: str  # the task's words, as written
    line: TaskLine
    where: str
    in_plan_href: str
    state: DisplayState
    state_note: str | None  # how long it has been overdue, or None
    leads_note: str | None  # that every body the text gives the task ended, and when
    percent: int | None
    last_report: str | None
    next_report: date | None
    repetition: str  # how the task repeats, in words (macros.model.facts.Repetition)
    roles: tuple[RoleView, ...]
    roles_note: str | None
    timeframes: tuple[TimeframeRow, ...]
    due_sentence: str | None  # how the deadline was computed, in words
    sources_differ: bool
    revised_due: date | None
    deadline_labels: tuple[str, str]  # (the plan's deadline, the revised one): their names
    appendix: tuple[AppendixBlock, ...]
    reports: tuple[ReportRow, ...]
    posts: tuple[PostLine, ...]
    as_of_notice: AsOfNotice
    form: ReportForm  # «Báo cáo tiến độ»: the report form, or the guide without JavaScript

    @classmethod
    def of(cls, edition: Edition, task_id: str, news: News,
           repo: NewFilePages | None = None, known: ReportsSince | None = None) -> TaskPage:
        """`known`: since when the site collects reports (data/site.yaml), which the page says
        where it speaks of lateness, as home, progress and the state feed do."""
        plan = edition.plan
        task = plan.task(task_id)
        facts = plan.facts(task)
        status = facts.status
        where = f"Mục {task.label} của Kế hoạch số {plan.document.number}"
        if task.section_title:
            where += f", thuộc «{task.section_title}»"
        last = status.last
        return cls(
            id=task.id, label=task.label, name=task.name, text=task.text,
            line=edition.line(task),
            where=where,
            in_plan_href=task_in_plan(edition, task.id),
            state=status.state,
            state_note=_state_note(facts, plan.as_of,
                                   Knowledge.of(known or ReportsSince(None))),
            leads_note=_leads_ended(facts),
            percent=status.percent,
            last_report=(f"{long_date(last.date)}, {plan.agency(last.reporter).name}"
                         if last else None),
            next_report=(facts.next_report.day if facts.next_report and not status.due
                         else None),
            repetition=_repetition(facts),
            roles=tuple(RoleView.of(plan, role) for role in task.roles),
            roles_note=None if task.roles else (
                "Lời văn của Kế hoạch không nêu tên cơ quan thực hiện nhiệm vụ này."
                + (" Cơ quan được nêu trong Phụ lục ở dưới." if task.appendix_rows else "")),
            timeframes=_timeframes(edition, task) + _reporting(edition, task),
            due_sentence=_due_sentence(task, facts),
            sources_differ=_sources_differ(task),
            revised_due=status.revised_due,
            deadline_labels=(ORIGINAL_LABEL, REVISED_LABEL),
            appendix=tuple(_appendix_block(edition, task, row) for row in task.appendix_rows),
            reports=tuple(_report_row(plan, r) for r in status.reports),
            posts=tuple(PostLine.of(plan, p) for p in news.posts_for_task(task.id)),
            as_of_notice=AsOfNotice.of(edition),
            form=ReportForm.of(plan, task, repo),
        )


def _state_note(facts: TaskFacts, as_of: date, knowledge: Knowledge) -> str | None:
    """What the state means, where it speaks of reports the site has not received: past the
    deadline with no completion report, or no report at all; both say since when the site
    collects reports, so that neither reads as "nobody reported since the plan"."""
    status = facts.status
    if facts.overdue_for and status.due:
        return (f"{facts.deadlines.label} là ngày {long_date(status.due).removeprefix('ngày ')}; "
                f"đã quá hạn {facts.overdue_for}. Đến {long_date(as_of)}, trang web chưa có báo "
                f"cáo hoàn thành nào của nhiệm vụ này; {knowledge.since_words}.")
    if not status.reports:
        return (f"Đến {long_date(as_of)}, trang web chưa nhận báo cáo nào của nhiệm vụ này; "
                f"{knowledge.since_words}.")
    return None


def _leads_ended(facts: TaskFacts) -> str | None:
    """A task whose every lead ended (overdue or not): when, and that nothing of the task is
    counted for them from that day (macros.model.facts.TaskFacts.leads_end)."""
    end = facts.leads_end
    if end is None:
        return None
    return (f"Mọi cơ quan được lời văn giao nhiệm vụ này không còn từ {long_date(end.date)} "
            "(xem phần Trách nhiệm); từ ngày đó trang web không tính hạn, kỳ báo cáo hay thời gian "
            "quá hạn nào của nhiệm vụ cho các cơ quan này.")


def _timeframes(edition: Edition, task: Task) -> tuple[TimeframeRow, ...]:
    plan = edition.plan
    rows = []
    if task.timeframe:
        tf_ = task.timeframe
        source = (f"Tiêu đề mục {tf_.heading} (chung cho các nhiệm vụ của mục)" if tf_.heading
                  else f"Kế hoạch, mục {task.label}")
        rows.append(TimeframeRow(source, task_in_plan(edition, task.id), f"«{tf_.text}»",
                                 schedule_meaning(tf_.schedule)))
    # When the body gives no timeframe, the row its dates come from says so beside its words.
    dates = plan.facts(task).dates
    silent = dates.row if dates.source is Source.APPENDIX else None
    for row in task.appendix_rows:
        words = (f"Thời gian thực hiện: «{row.start_text}»; thời gian hoàn thành: "
                 f"«{row.completion_text}»")
        source = f"Phụ lục, dòng {row.number}"
        if row.number == silent:
            source += f" (lời văn mục {task.label} không ghi thời hạn; thời hạn lấy theo dòng này)"
        rows.append(TimeframeRow(source, appendix_row(edition, row.number), words,
                                 schedule_meaning(row.schedule)))
    return tuple(rows)


def _repetition(facts: TaskFacts) -> str:
    """How the task repeats, and where the words are when they are not the task's own: «Thường
    xuyên (theo Phụ lục, dòng 19; lời văn Kế hoạch không ghi thời hạn)»."""
    if facts.dates.source is Source.APPENDIX:
        return (f"{facts.repetition.label} ({facts.dates.aside}; lời văn Kế hoạch không ghi "
                "thời hạn)")
    if facts.dates.source is Source.HEADING:
        return f"{facts.repetition.label} ({facts.dates.aside})"
    return facts.repetition.label


def _reporting(edition: Edition, task: Task) -> tuple[TimeframeRow, ...]:
    """A task whose words are a reporting duty: its schedule, quoted as written, and its next
    date (the model's one answer, as at the top of the page)."""
    plan = edition.plan
    facts = plan.facts(task)
    rows = []
    for duty in plan.duties.for_task(task.id):
        period = f"«{facts.period_words}» … " if facts.period_words else ""
        following = (f"; kỳ báo cáo tiếp theo: trước {long_date(facts.next_report.day)}"
                     if facts.next_report else "")
        rows.append(TimeframeRow(
            f"Kế hoạch, mục {task.label} (chế độ báo cáo)", task_in_plan(edition, task.id),
            f"{period}«{duty.data.words}»",
            f"Báo cáo định kỳ{following}. Xem lịch báo cáo."))
    return tuple(rows)


def _due_sentence(task: Task, facts: TaskFacts) -> str | None:
    """How the plan's deadline was computed from its words, named as the plan's."""
    source, deadline = facts.dates, facts.deadlines.original
    if (deadline is None or task.schedule is None
            or source.source not in (Source.TASK, Source.HEADING, Source.APPENDIX)):
        return None
    where = f"Phụ lục (dòng {source.row})" if source.source is Source.APPENDIX else "Kế hoạch"
    words = source.row_completion if source.source is Source.APPENDIX else source.words
    return (f"{ORIGINAL_LABEL}: {long_date(deadline)}, do trang web tính: đó là "
            f"{task.schedule.due_rule}, theo lời văn «{words}» của {where}. Văn bản không ghi "
            "ngày cụ thể.")


def _sources_differ(task: Task) -> bool:
    """The body and a Phụ lục row give different timeframes."""
    if task.timeframe is None:
        return False
    mine = task.timeframe.schedule
    return any((row.schedule.due_date, row.schedule.recurrence) != (mine.due_date, mine.recurrence)
               for row in task.appendix_rows)


def _appendix_block(edition: Edition, task: Task, row) -> AppendixBlock:
    plan = edition.plan
    heading = f"Theo Phụ lục, dòng {row.number}"
    if len(row.tasks) > 1:
        heading += " — chung cho nhiệm vụ " + "; ".join(
            plan.task(t).label for t in row.tasks)
    return AppendixBlock(row.number, appendix_row(edition, row.number), heading,
                         row.content.strip(), tuple(RoleView.of(plan, r) for r in row.roles),
                         row.start_text, row.completion_text)


def _report_row(plan: Plan, report: Report) -> ReportRow:
    return ReportRow(
        date=report.date, state=report.state.label, completed_on=report.completed_on,
        revised_due=report.revised_due, percent=report.percent, done=report.done,
        note=report.note,
        evidence=tuple(Link(e.url, e.number) if e.url else e.number for e in report.evidence),
        reporter=plan.agency(report.reporter).name,
    )
