"""The reporting calendar of part III and the timeline page."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .. import routes
from ..model import reporting
from ..model.plan import Plan
from ..model.schema import Standing
from .agency import Due, dues_in_month, report_due
from .common import DutyView, Link, TaskLine, agency_link
from .edition import Edition
from .timeline import Chunk, Group, Timeline, by_lead, by_part, chunks, ending_words

NEXT_PER_DUTY = 6  # coming due dates the calendar page lists for each reporting duty


@dataclass(frozen=True)
class DutyBlock:
    """A duty of the reporting calendar: its sentence, the task's words, its next dates."""

    id: str
    reporters: str  # short names, for the heading
    sentence: DutyView
    text: str  # the words of the task the duty is
    coming: tuple[Due, ...]


@dataclass(frozen=True)
class CalendarPage:
    as_of: date
    duties: tuple[DutyBlock, ...]  # each duty with its next dates
    month: tuple[Due, ...]  # what falls due in the as-of month
    feeds: tuple[Link, ...]  # one calendar file per agency that has dates
    all_feed: str
    subscribe_url: str | None  # the plan's calendar under the site's public address
    span: tuple[date, date]  # what the calendar files cover
    standing: Standing | None  # the latest record of the plan's validity, if any
    kinds: str  # "định kỳ 15 ngày, 6 tháng và hằng năm": the kinds of report part III orders
    # The days bodies ended (macros.model.lifecycle `ended_by`), each with its words and the
    # bodies' pages: no date of theirs is counted from that day.
    endings: tuple[tuple[date, str, tuple[Link, ...]], ...] = ()

    @classmethod
    def of(cls, plan: Plan, site_url: str | None) -> CalendarPage:
        as_of = plan.as_of
        return cls(
            as_of=as_of,
            duties=tuple(DutyBlock(
                d.id, ", ".join(a.short_name or a.name for a in d.reporters), DutyView.of(plan, d),
                plan.task(d.task_id).text,
                tuple(report_due(plan, x) for x in d.next_after(as_of, NEXT_PER_DUTY)))
                for d in plan.duties),
            month=tuple(dues_in_month(plan, as_of.year, as_of.month)),
            feeds=tuple(Link(routes.agency_calendar(a.id), agency_link(plan, a.id).text)
                        for a in plan.graph.agencies if plan.has_calendar(a.id)),
            all_feed=routes.PLAN_CALENDAR,
            subscribe_url=routes.absolute(site_url, routes.PLAN_CALENDAR) if site_url else None,
            span=reporting.horizon(plan.document.date, as_of, plan.last_task_day),
            standing=plan.data.standing[-1] if plan.data.standing else None,
            kinds=report_kinds(plan.duties),
            endings=tuple((e.date, ending_words(plan, e),
                           tuple(agency_link(plan, a) for a in e.bodies))
                          for e in plan.lifecycle.endings(as_of)),
        )


def report_kinds(duties) -> str:
    """The kinds of report the duties order, in words from their data: every period ("định kỳ 15
    ngày"), then each yearly label without its «Báo cáo» ("6 tháng", "hằng năm")."""
    kinds = [f"định kỳ {days} ngày" for days in sorted({d.period_days for d in duties})]
    for duty in duties:
        for when in duty.yearly:
            kind = when.label.removeprefix("Báo cáo ").strip()
            if kind not in kinds:
                kinds.append(kind)
    if not kinds:
        return ""
    return kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} và {kinds[-1]}"


@dataclass(frozen=True)
class TimelinePart:
    """One page of a timeline chart too large for one page."""

    chunk: Chunk
    count: int
    timeline: Timeline


@dataclass(frozen=True)
class TimelinePage:
    plan_date: date
    timeline: Timeline
    parts: list[Group]
    leads: list[Group]
    # The chart in pages, for a plan too large for one (none at 1x).
    chunks: list[Chunk] = field(default_factory=list)
    undated: tuple[TaskLine, ...] = ()  # tasks not on the axis: no timeframe, or a duty's dates

    @classmethod
    def of(cls, edition: Edition) -> TimelinePage:
        plan, line = edition.plan, edition.timeline
        return cls(plan.document.date, line, by_part(plan, line), by_lead(plan, line),
                   chunks(plan, line, edition.page_limit),
                   tuple(edition.line(plan.task(t)) for t in line.undated))
