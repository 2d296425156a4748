"""mkdocs-macros module of the site: the macros that pages call by name.

Each macro renders one page family from the typed plan (macros.plan) through an autoescaped
template in macros/templates. Pages never receive raw data.
"""
from __future__ import annotations

from .opendata import REPORT_FIELDS, TASK_FIELDS
from .render import render, root_of
from .site import get_plan


def define_env(env) -> None:
    def context() -> dict:
        return {"plan": get_plan(env.conf), "root": root_of(env.page.url)}

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
        return render("task_page.html", task=ctx["plan"].task(task_id), **ctx)
