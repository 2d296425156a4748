"""The plan's full text: the document tree as issued, with each task's links beside it."""
from __future__ import annotations

from dataclasses import dataclass

from .. import routes
from ..model.plan import Plan
from .common import Link, agency_link


@dataclass(frozen=True)
class TaskLinks:
    """What stands under a task in the full text: its page, its lead, its Phụ lục rows."""

    page: Link
    leads: tuple[Link, ...]
    lead_term: str | None
    rows: tuple[Link, ...]


@dataclass(frozen=True)
class PlanTextPage:
    plan: Plan
    tasks: dict[str, TaskLinks]

    @classmethod
    def of(cls, plan: Plan) -> PlanTextPage:
        out = {}
        for task in plan.tasks:
            lead = task.role("lead")
            out[task.id] = TaskLinks(
                Link(routes.task(task.id), f"Theo dõi nhiệm vụ {task.label}"),
                tuple(agency_link(plan, a, short=True) for a in lead.agencies) if lead else (),
                lead.term if lead else None,
                tuple(Link("#" + routes.appendix_row_anchor(r.number), f"Phụ lục, dòng {r.number}")
                      for r in task.appendix_rows),
            )
        return cls(plan, out)

    def row_tasks(self, row) -> tuple[Link, ...]:
        return tuple(Link("#" + t, self.plan.task(t).label) for t in row.tasks)
