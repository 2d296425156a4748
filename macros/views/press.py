"""The press page: the tasks the plan gives the press, how to link and cite, the feeds."""
from __future__ import annotations

from dataclasses import dataclass

from .. import routes
from ..model.dates import long_date
from ..model.news import News, NewsPost
from ..model.plan import Task
from ..model.schema import Kind
from .common import task_in_plan
from .edition import Edition


@dataclass(frozen=True)
class PressTask:
    title: str  # "Nhiệm vụ III.3.1"
    text: str  # the task's words
    term: str  # the role's label: the body's term («Chủ trì»), or how it names the agency
    agency_names: str  # the body's own words naming them


@dataclass(frozen=True)
class ExampleTask:
    id: str
    label: str
    title: str


@dataclass(frozen=True)
class PressPage:
    press_tasks: tuple[PressTask, ...]  # tasks whose body names a press agency
    plan_number: str
    task_count: int
    example_agency: str  # the id of an agency that leads a task, for the address example
    numbered: ExampleTask  # an example of a numbered task
    in_plan: str  # the numbered task's place in the plan text
    in_plan_patterns: tuple[str, ...]  # how such an address is made: one form per kind of page
    bullet: ExampleTask  # an example of a bullet task
    base: str  # the site's public address, or "/"
    feeds: tuple[str, str] | None  # the news and state feeds, when the build knows the address
    first_post: NewsPost | None
    period_days: int | None
    citation: str

    @classmethod
    def of(cls, edition: Edition, news: News, site_url: str | None) -> PressPage:
        plan = edition.plan
        press = {a.id for a in plan.graph.agencies if a.kind is Kind.PRESS}
        tasks = []
        for task in plan.tasks:
            for role in task.roles:
                if press & set(role.agencies):
                    tasks.append(PressTask(task.title, task.text, role.label, role.text))
        numbered = next(t for t in plan.tasks if t.node.number)
        doc = plan.document
        base = site_url or "/"
        citation = (f"{doc.kind} số {doc.number} {long_date(doc.date)} của "
                    f"{plan.agency(doc.issuer).name}, mục {numbered.label}, "
                    f"{routes.absolute(base, routes.task(numbered.id))}")
        return cls(
            press_tasks=tuple(tasks),
            plan_number=doc.number,
            task_count=len(plan.tasks),
            example_agency=plan.lead_agencies[0].id,
            numbered=_example(numbered),
            in_plan=task_in_plan(edition, numbered.id),
            # A plan text in pages (never the real plan's) has the later pages' form as well.
            in_plan_patterns=(routes.task_in_plan("<mã nhiệm vụ>", 1),) + (
                (routes.task_in_plan("<mã nhiệm vụ>", "<số trang>"),)
                if edition.text_pages.paged else ()),
            bullet=_example(next(t for t in plan.tasks if t.node.bullet)),
            base=base,
            feeds=(routes.NEWS_FEED, routes.STATE_FEED) if site_url else None,
            first_post=news.posts[0] if news.posts else None,
            period_days=min((d.data.period_days for d in plan.duties), default=None),
            citation=citation,
        )


def _example(task: Task) -> ExampleTask:
    return ExampleTask(task.id, task.label, task.title)
