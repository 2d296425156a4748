"""The timeline: every task placed on a time axis, computed here so that templates only print
positions.

Positions are percentages of the axis (its first day at 0 %, the day after its last day at
100 %). A bar runs from the start of its first day to the end of its last day. What a bar means:

- a task with a start and a due period: from its start to the last day of the due period;
- a task with only a due period: from the day the plan was issued to the due date;
- a task with only a start ("Thực hiện từ năm 2018"): from its start to the end of the axis, open;
- a recurring task ("Thường xuyên", "Hằng năm", "Theo kế hoạch riêng"): a band from its start
  (or the plan's date) to the end of the axis;
- a task with no timeframe at all is not placed; pages list it apart.

A start is a period ("năm 2018"), not a day. Where the period begins before the plan's own date,
the bar starts on the plan's date: no task of the plan started before the plan existed. Bars are
labelled with the plan's words for their periods, never with a made-up first day.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from ..model import timeframe as tf
from ..model.paging import PAGE_LIMIT
from ..model.roles import NO_TERM


@dataclass(frozen=True)
class Axis:
    first: date
    last: date  # inclusive

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def x(self, day: date) -> float:
        """Percent of the axis at the start of `day`."""
        return round((day - self.first).days / self.days * 100, 4)

    def contains(self, day: date) -> bool:
        return self.first <= day <= self.last

    @property
    def years(self) -> list[tuple[int, float, float]]:
        """(year, left, width) of each year on the axis, for the scale."""
        out = []
        for year in range(self.first.year, self.last.year + 1):
            start = max(date(year, 1, 1), self.first)
            end = min(date(year, 12, 31), self.last) + timedelta(days=1)
            out.append((year, self.x(start), round(self.x(end) - self.x(start), 4)))
        return out


def axis_for(days: list[date]) -> Axis:
    """Whole years, from the first year any date falls in to the last."""
    return Axis(date(min(days).year, 1, 1), date(max(days).year, 12, 31))


@dataclass(frozen=True)
class Bar:
    id: str  # the task's
    label: str  # "II.2.1.1"
    name: str  # the task's name
    part: str  # where the task stands: its part, and its innermost section's number and title
    section: str | None
    section_title: str
    start: date
    end: date  # inclusive
    kind: str  # "once", "open" (no due date) or "recurring"
    from_plan_date: bool  # the bar starts on the plan's date (no start given, or an earlier one)
    left: float
    width: float
    when: str  # when the bar runs, in the plan's words for its periods and the model's deadline


def _when(kind: str, schedule, facts, end: date) -> str:
    """When the bar runs: the start period in the plan's words, the deadline that applies (a
    revised one labelled so), or how the task repeats."""
    start = f"Từ {schedule.start.words}" if schedule.start else None
    if kind == "once":
        due = f"hạn {facts.deadlines.short}"
        return f"{start}, {due}" if start and schedule.start != schedule.due else due.capitalize()
    if kind == "open":
        return f"{start}, không ghi hạn hoàn thành"
    label = schedule.recurrence.label
    return f"{label}, {start.lower()}" if start else label


def bar_for(task, facts, axis: Axis, plan_date: date) -> Bar | None:
    schedule = task.schedule
    if schedule is None:
        return None
    given = schedule.start_date
    start = max(given, plan_date) if given else plan_date
    deadline = facts.deadlines.applies
    if schedule.recurrence is not tf.Recurrence.NONE:
        kind, end = "recurring", axis.last
    elif deadline is None:
        kind, end = "open", axis.last
    else:
        kind, end = "once", deadline
    left = axis.x(start)
    width = round(axis.x(end + timedelta(days=1)) - left, 4)
    return Bar(task.id, task.label, task.name, task.part,
               task.sections[-1].section if task.sections else None, task.section_title,
               start, end, kind, start == plan_date, left, width, _when(kind, schedule, facts, end))


@dataclass(frozen=True)
class Milestone:
    day: date
    label: str
    x: float

    @property
    def on_axis(self) -> bool:
        """Whether the chart can draw it (the list of marks names every one)."""
        return 0 <= self.x < 100


@dataclass(frozen=True)
class Group:
    anchor: str
    title: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Timeline:
    axis: Axis
    bars: tuple[Bar, ...]  # in the plan's order
    undated: tuple[str, ...]  # ids of the tasks with no timeframe
    milestones: tuple[Milestone, ...]
    as_of: date

    @property
    def now(self) -> float | None:
        """Where the as-of date falls, or None when it lies outside the axis."""
        return self.axis.x(self.as_of) if self.axis.contains(self.as_of) else None

    @property
    def chronological(self) -> list[Bar]:
        """Bars by due date (open and recurring ones last), then by start: the phone form."""
        order = {"once": 0, "open": 1, "recurring": 2}
        return sorted(self.bars, key=lambda b: (order[b.kind], b.end, b.start))

    @property
    def now_index(self) -> int | None:
        """Where the as-of date falls in the chronological list: before the first task due on
        or after it (None when every dated task is due earlier)."""
        for index, bar in enumerate(self.chronological):
            if bar.kind == "once" and bar.end >= self.as_of:
                return index
        return None

    def of_tasks(self, task_ids) -> Timeline:
        """The same axis and milestones, for some tasks only (an agency's page)."""
        # Looked up, not filtered from every bar: each agency page asks.
        bars, undated = self._places
        task_ids = list(task_ids)
        wanted = sorted({bars[i] for i in task_ids if i in bars})
        unplaced = sorted({undated[i] for i in task_ids if i in undated})
        return Timeline(self.axis, tuple(self.bars[i] for i in wanted),
                        tuple(self.undated[i] for i in unplaced), self.milestones, self.as_of)

    @cached_property
    def _places(self) -> tuple[dict[str, int], dict[str, int]]:
        return ({b.id: i for i, b in enumerate(self.bars)},
                {t: i for i, t in enumerate(self.undated)})


def build(plan, as_of: date) -> Timeline:
    plan_date = plan.document.date
    milestones = [(plan_date, "Ban hành Kế hoạch")]
    deadlines = [plan.facts(t).deadlines for t in plan.tasks]
    days = [plan_date] + [day for d in deadlines for day in (d.original, d.revised) if day]
    axis = axis_for(days)
    for duty in plan.duties:
        for deadline in duty.between(plan_date, axis.last):
            if deadline.yearly:
                milestones.append((deadline.day, deadline.label))
    # The days bodies the plan names ended (macros.model.lifecycle), up to the as-of day.
    for ending in plan.lifecycle.endings(as_of):
        milestones.append((ending.date, ending_words(plan, ending)))
    bars = tuple(b for b in (bar_for(t, plan.facts(t), axis, plan_date) for t in plan.tasks) if b)
    undated = tuple(t.id for t in plan.tasks if t.schedule is None)
    marks = tuple(Milestone(day, label, axis.x(day)) for day, label in sorted(set(milestones)))
    return Timeline(axis, bars, undated, marks, as_of)


def ending_words(plan, ending) -> str:
    """«UBND huyện, thành phố không còn, theo Nghị quyết số 203/2025/QH15 ngày 16/6/2025 của
    Quốc hội»: a day bodies ended, as the timeline and the reporting calendar mark it."""
    names = ", ".join(plan.agency(a).short_name or plan.agency(a).name for a in ending.bodies)
    return f"{names} không còn, theo " + "; ".join(s.citation for s in ending.sources)


def by_part(plan, timeline: Timeline) -> list[Group]:
    """Bars grouped by the innermost section of the plan that holds the task."""
    groups: dict[str, list[Bar]] = {}
    titles: dict[str, str] = {}
    part_titles = {p.number: p.title for p in plan.data.parts}
    for bar in timeline.bars:
        if bar.section:
            number = f"{bar.part}.{bar.section}"
            title = f"{number}. {bar.section_title}"
        else:
            number, title = bar.part, f"{bar.part}. {part_titles[bar.part]}"
        anchor = "phan-" + number.lower().replace(".", "-")
        groups.setdefault(anchor, []).append(bar)
        titles[anchor] = title
    return [Group(anchor, titles[anchor], tuple(bars)) for anchor, bars in groups.items()]


def by_lead(plan, timeline: Timeline) -> list[Group]:
    """Bars grouped by the agency the body of the plan names for the task's lead, in registry
    order, each group titled with the agency and the plan's own term for its role («Chủ trì»,
    «Trách nhiệm thực hiện»), or that the body names it with no term (roles.NO_TERM): one group
    per agency and term; a task with several leads is in each."""
    groups: dict[tuple[str, str], list[Bar]] = {}
    for bar in timeline.bars:  # one pass, not one per agency
        lead = plan.task(bar.id).role("lead")
        for agency_id in dict.fromkeys(lead.agencies if lead else ()):
            groups.setdefault((agency_id, lead.term or NO_TERM), []).append(bar)
    order = plan.graph.order
    # The anchors are the ones published before («chu-tri-<id>»): kept, they are addresses.
    return [Group(f"chu-tri-{agency_id}" + ("" if i == 0 else f"-{i + 1}"),
                  f"{plan.agency(agency_id).name} ({term})", tuple(bars))
            for i, ((agency_id, term), bars) in _numbered(sorted(
                groups.items(), key=lambda item: order[item[0][0]]))]


def _numbered(items):
    """Each item with its rank among the items of the same agency (anchors stay unique)."""
    seen: dict[str, int] = {}
    for item in items:
        agency_id = item[0][0]
        yield seen.get(agency_id, 0), item
        seen[agency_id] = seen.get(agency_id, 0) + 1


# Bars on one page of the chart. The real plan (49 tasks) and even ten times it fit on one page;
# beyond, the whole chart would pass 1 MiB (6 MiB at 100 times the plan), so it is split into
# pages of whole sections (dong-thoi-gian/trang-N/) and the timeline page lists them. The same
# limit as the plan text's and the progress list's pages; a build passes its plan's
# (`Edition.page_limit`, which PLAN_PAGE_LIMIT may lower).
CHART_LIMIT = PAGE_LIMIT


@dataclass(frozen=True)
class Chunk:
    number: int  # from 1
    groups: tuple[Group, ...]  # whole sections, in the plan's order
    timeline: Timeline  # the same axis and milestones, these bars only


def chunks(plan, timeline: Timeline, limit: int = CHART_LIMIT) -> list[Chunk]:
    """The chart's pages when it has more than `limit` bars, else none (one page, as always)."""
    if len(timeline.bars) <= limit:
        return []
    pages: list[list[Group]] = [[]]
    count = 0
    for group in by_part(plan, timeline):
        if pages[-1] and count + len(group.bars) > limit:
            pages.append([])
            count = 0
        pages[-1].append(group)
        count += len(group.bars)
    return [Chunk(number, tuple(groups),
                  timeline.of_tasks([bar.id for group in groups for bar in group.bars]))
            for number, groups in enumerate(pages, 1)]

