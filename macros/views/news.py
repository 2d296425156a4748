"""What the site says under a news post: when it was published, who issued it (only for a
document a body issued: the site's own posts carry no issuer), the tasks and bodies it
concerns."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import routes
from ..model.plan import Plan
from .common import Link


@dataclass(frozen=True)
class TaskRef:
    href: str
    title: str
    summary: str


@dataclass(frozen=True)
class PostAbout:
    date: date
    issuer: Link | str | None  # a link when the site has the body's page
    tasks: tuple[TaskRef, ...]
    agencies: tuple[Link | str, ...]
    address: str

    @classmethod
    def of(cls, plan: Plan, post, pages: set[str], address: str) -> PostAbout:
        def ref(agency_id: str) -> Link | str:
            name, url = plan.agency(agency_id).name, routes.agency(agency_id)
            return Link(url, name) if url in pages else name

        return cls(
            date=post.date,
            issuer=ref(post.agency) if post.agency else None,
            tasks=tuple(TaskRef(routes.task(t), plan.task(t).title, plan.task(t).summary)
                        for t in post.tasks),
            agencies=tuple(ref(a) for a in post.agencies),
            address=address,
        )
