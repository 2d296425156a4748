"""The plan's full text: the document tree as issued, with each task's links beside it."""
from __future__ import annotations

from dataclasses import dataclass

from .. import routes
from ..model.dates import long_date
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
class DocumentIdentity:
    """The document's identity, summed up by the site from data/plan.yaml `document` (the
    source text itself opens with its heading: it carries no issuer, number or date)."""

    kind: str
    number: str
    issuer: Link
    date: str  # "ngày 02 tháng 7 năm 2018"
    place: str
    original: Link | None  # the official original, only when the data gives its address

    @classmethod
    def of(cls, plan: Plan) -> DocumentIdentity:
        doc = plan.document
        original = (Link(doc.original_url, f"{doc.kind} số {doc.number} (bản gốc chính thức)")
                    if doc.original_url else None)
        return cls(doc.kind, doc.number, agency_link(plan, doc.issuer), long_date(doc.date),
                   doc.place, original)


@dataclass(frozen=True)
class PlanTextPage:
    plan: Plan
    tasks: dict[str, TaskLinks]
    identity: DocumentIdentity

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
        return cls(plan, out, DocumentIdentity.of(plan))

    def row_tasks(self, row) -> tuple[Link, ...]:
        return tuple(Link("#" + t, self.plan.task(t).label) for t in row.tasks)
