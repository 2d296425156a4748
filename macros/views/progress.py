"""The progress page: counts by state with a chart, filters, and the task tables.

The real plan's tasks fit on one page. A plan with more than `Edition.page_limit` tasks lists them
in pages (`tien-do/` first, with the figures, then `tien-do/trang-N/`): the tasks in the tables'
order (key tasks, then the others) cut every `page_limit` tasks. Each page has its own filters,
offering the agencies and states of its own rows, since the script that filters and sorts
(docs/assets/bang.js) works on the page it runs on.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import routes
from ..model.dates import short_date
from ..model.plan import Plan, Task
from ..model.site_info import ReportsSince
from ..model.status import DisplayState
from .common import AsOfNotice, Knowledge, PageLink, TaskLine
from .edition import Edition


@dataclass(frozen=True)
class ChartRow:
    state: DisplayState
    count: int
    width: float  # percent of all tasks


@dataclass(frozen=True)
class TaskTable:
    anchor: str
    caption: str
    lines: tuple[TaskLine, ...]  # the table's rows on this page
    with_rows: bool  # show the linked Phụ lục rows
    total: int = 0  # rows of the whole table, on every page
    first: int = 1  # the number of this page's first row in the whole table

    @property
    def last(self) -> int:
        return self.first + len(self.lines) - 1


def _tables(plan: Plan) -> tuple[tuple[str, str, tuple[Task, ...], bool], ...]:
    return (
        ("nhiem-vu-trong-tam", "Nhiệm vụ trọng tâm (theo Phụ lục của Kế hoạch)", plan.key_tasks,
         True),
        ("nhiem-vu-khac", "Các nhiệm vụ khác của Kế hoạch", plan.other_tasks, False),
    )


def page_count(edition: Edition) -> int:
    """How many pages the list takes (1 for the real plan)."""
    return max(1, -(-len(edition.plan.tasks) // edition.page_limit))


def title_of(edition: Edition, number: int) -> str:
    """The page's title (page 1's is its Markdown's own)."""
    return _title(number, page_count(edition))


def _option(plan: Plan, agency_id: str) -> str:
    """An agency as the filter offers it: its name, and the day it ended, when it had by the
    as-of day (the list shows the plan's states; the agency's own page, its state for it)."""
    end = plan.end_of(agency_id)
    name = plan.agency(agency_id).name
    return f"{name} (không còn từ {short_date(end.date)})" if end else name


def _title(number: int, count: int) -> str:
    return f"Tiến độ thực hiện, trang {number}/{count}"


@dataclass(frozen=True)
class ProgressPage:
    total: int
    overdue: int
    chart: tuple[ChartRow, ...]
    # (id, name) of every agency a task answers to; a body that ended says so beside its name
    agency_options: tuple[tuple[str, str], ...]
    state_options: tuple[DisplayState, ...]
    tables: tuple[TaskTable, ...]
    number: int = 1  # this page
    count: int = 1  # pages of the list
    limit: int = 0  # the most tasks on a page
    as_of_notice: AsOfNotice | None = None
    knowledge: Knowledge | None = None  # since when the site collects reports (page 1)

    @classmethod
    def of(cls, edition: Edition, number: int = 1,
           known: ReportsSince | None = None) -> ProgressPage:
        plan = edition.plan
        total = len(plan.tasks)
        counts = plan.counts_by_state(plan.tasks)
        count = page_count(edition)
        if not 1 <= number <= count:
            raise KeyError(number)
        # The tasks of this page: a run of the tables' rows, in order.
        start, stop = (number - 1) * edition.page_limit, number * edition.page_limit
        tables: list[TaskTable] = []
        shown: list[Task] = []
        offset = 0
        for anchor, caption, tasks, with_rows in _tables(plan):
            here = tasks[max(0, start - offset):max(0, stop - offset)]
            if here or count == 1:  # one page shows both tables, even an empty one
                lines = tuple(edition.line(t) for t in here)
                tables.append(TaskTable(anchor, caption, lines, with_rows, len(tasks),
                                        max(0, start - offset) + 1))
                shown += here
            offset += len(tasks)
        answering = {a for t in shown for a in plan.assigned.answering_for(t)}
        states = {plan.status(t).state for t in shown}
        return cls(
            as_of_notice=AsOfNotice.of(edition),
            total=total,
            overdue=dict(counts)[DisplayState.OVERDUE],
            chart=tuple(ChartRow(s, n, round(100 * n / total, 1) if total else 0.0)
                        for s, n in counts),
            agency_options=tuple((a.id, _option(plan, a.id)) for a in plan.graph.agencies
                                 if a.id in answering),
            state_options=tuple(s for s in DisplayState if s in states),
            tables=tuple(tables),
            number=number,
            count=count,
            limit=edition.page_limit,
            knowledge=Knowledge.of(known or ReportsSince(None)),
        )

    @property
    def paged(self) -> bool:
        return self.count > 1

    @property
    def title(self) -> str:
        return _title(self.number, self.count)

    @property
    def pages(self) -> tuple[PageLink, ...]:
        return tuple(PageLink(n, routes.progress_page(n), n == self.number)
                     for n in range(1, self.count + 1))

    @property
    def previous(self) -> str | None:
        return routes.progress_page(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return routes.progress_page(self.number + 1) if self.number < self.count else None
