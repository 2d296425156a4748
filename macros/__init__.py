"""mkdocs-macros module of the site: the macros that pages call by name.

Each macro renders one page family from the typed plan (macros.plan) through an autoescaped
template in macros/templates. Pages never receive raw data.
"""
from __future__ import annotations

from . import routes
from .files.opendata import REPORT_FIELDS, TASK_FIELDS
from .model import reporting
from .site.build import get_news, get_plan
from .site.render import render
from .views import agency as agencies
from .views import timeline

NEXT_PER_DUTY = 6  # coming due dates the calendar page lists for each reporting duty


def define_env(env) -> None:
    def context() -> dict:
        return {"plan": get_plan(env.conf), "news": get_news(env.conf),
                "root": routes.root_of(env.page.url)}

    @env.macro
    def home_page():
        return render("home.html", **context())

    @env.macro
    def plan_text():
        return render("plan_text.html", **context())

    @env.macro
    def progress_page():
        return render("progress.html", **context())

    @env.macro
    def open_data_fields():
        return render("open_data.html", task_fields=TASK_FIELDS, report_fields=REPORT_FIELDS,
                      **context())

    @env.macro
    def task_page(task_id: str):
        ctx = context()
        task = ctx["plan"].task(task_id)
        return render("task_page.html", task=task, **ctx)

    @env.macro
    def plan_figure(name: str) -> int:
        """One of the plan's key figures, computed from the data (for prose such as news)."""
        return get_plan(env.conf).key_figures[name]

    @env.macro
    def plan_implements():
        return render("implements.html", **context())

    @env.macro
    def press_page():
        # Feeds exist only when the build knows the site's address (macros.feeds).
        ctx = context()
        site_url = env.conf.site_url or ""
        numbered = next(t for t in ctx["plan"].tasks if t.node.number)
        bullet = next(t for t in ctx["plan"].tasks if t.node.bullet)
        return render("press.html", base=site_url or "/", examples=(numbered, bullet),
                      feeds=(routes.NEWS_FEED, routes.STATE_FEED) if site_url else (), **ctx)

    @env.macro
    def agency_page(agency_id: str):
        ctx = context()
        as_of = ctx["plan"].as_of
        view = agencies.AgencyView(ctx["plan"], ctx["plan"].agency(agency_id), as_of)
        return render("agency_page.html", view=view, as_of=as_of,
                      timeline=timeline.of_plan(ctx["plan"]), **ctx)

    @env.macro
    def agency_index():
        ctx = context()
        return render("agency_index.html", groups=agencies.index(ctx["plan"]), **ctx)

    @env.macro
    def timeline_page():
        ctx = context()
        plan = ctx["plan"]
        line = timeline.of_plan(plan)
        return render("timeline.html", timeline=line, parts=timeline.by_part(plan, line),
                      leads=timeline.by_lead(plan, line), **ctx)

    @env.macro
    def reporting_calendar():
        ctx = context()
        as_of = ctx["plan"].as_of
        plan = ctx["plan"]
        views = [agencies.AgencyView(plan, a, as_of) for a in plan.registry.agencies]
        return render(
            "reporting_calendar.html", as_of=as_of,
            next={d.id: d.next(as_of, NEXT_PER_DUTY) for d in plan.duties},
            month=agencies.dues_in_month(plan, as_of.year, as_of.month),
            feeds=[v for v in views if v.has_feed], all_feed=routes.PLAN_CALENDAR,
            site_url=_site_url(env.conf),
            span=reporting.horizon(plan.document.date, as_of, plan.last_task_day), **ctx)


def _site_url(config) -> str | None:
    url = config.get("site_url")
    return (url if url.endswith("/") else url + "/") if url else None
