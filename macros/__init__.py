"""mkdocs-macros module of the site: the macros that pages call by name.

Each macro renders one page family from the typed plan (macros.plan) through an autoescaped
template in macros/templates. Pages never receive raw data.
"""
from __future__ import annotations

from .feeds import NEWS_FEED, STATE_FEED
from .opendata import REPORT_FIELDS, TASK_FIELDS
from .render import render, root_of
from .sharing import describe
from .site import get_news, get_plan


def define_env(env) -> None:
    def context() -> dict:
        return {"plan": get_plan(env.conf), "news": get_news(env.conf),
                "root": root_of(env.page.url)}

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
        describe(env.page, f"{task.title}: {task.summary}")
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
                      feeds=(NEWS_FEED, STATE_FEED) if site_url else (), **ctx)
