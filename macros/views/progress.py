"""The progress page: counts by state with a chart, filters, and the task tables."""
from __future__ import annotations

from dataclasses import dataclass

from ..model.plan import Plan
from ..model.status import DisplayState
from .common import TaskLine


@dataclass(frozen=True)
class ChartRow:
    state: DisplayState
    count: int
    width: float  # percent of all tasks


@dataclass(frozen=True)
class TaskTable:
    anchor: str
    caption: str
    lines: tuple[TaskLine, ...]
    with_rows: bool  # show the linked Phụ lục rows


@dataclass(frozen=True)
class ProgressPage:
    total: int
    overdue: int
    chart: tuple[ChartRow, ...]
    agency_options: tuple[tuple[str, str], ...]  # (id, name) of every agency a task answers to
    state_options: tuple[DisplayState, ...]
    tables: tuple[TaskTable, ...]

    @classmethod
    def of(cls, plan: Plan) -> ProgressPage:
        total = len(plan.tasks)
        counts = plan.state_counts
        lines = {t.id: TaskLine.of(plan, t) for t in plan.tasks}
        answering = {a for t in plan.tasks for a in plan.agencies_answering_for(t)}
        return cls(
            total=total,
            overdue=dict(counts)[DisplayState.OVERDUE],
            chart=tuple(ChartRow(s, n, round(100 * n / total, 1) if total else 0.0)
                        for s, n in counts),
            agency_options=tuple((a.id, a.name) for a in plan.registry.agencies
                                 if a.id in answering),
            state_options=tuple(s for s, n in counts if n),
            tables=(
                TaskTable("nhiem-vu-trong-tam", "Nhiệm vụ trọng tâm (theo Phụ lục của Kế hoạch)",
                          tuple(lines[t.id] for t in plan.key_tasks), True),
                TaskTable("nhiem-vu-khac", "Các nhiệm vụ khác của Kế hoạch",
                          tuple(lines[t.id] for t in plan.other_tasks), False),
            ),
        )


