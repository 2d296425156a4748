"""mkdocs-macros module of the site: the macros hand-written pages call by name.

Each macro is one line: the page family's view (macros.views) rendered through its autoescaped
template in macros/templates. Pages never receive raw data. Task and agency pages, generated from
the data, are rendered by the hooks (macros.site.hooks) without going through this module.
"""
from __future__ import annotations

from ..files.opendata import REPORT_FIELDS, TASK_FIELDS
from ..views.agency import AgencyIndex
from ..views.calendar import CalendarPage, TimelinePage
from ..views.common import AsOfNotice, DocumentRef, OpenDataPage, StaffPeople
from ..views.home import HomePage
from ..views.operator import Operator
from ..views.plan_text import PlanTextPage
from ..views.press import PressPage
from ..views.progress import ProgressPage
from .build import build_of
from .render import page_renderer


def define_env(env) -> None:
    # render(template, view=...): the page's template with its view and its root; each block
    # is kept by the build, which keeps it out of Markdown (macros.site.direct).
    build = lambda: build_of(env.conf)  # noqa: E731
    render = page_renderer(lambda: env.page,
                           keep=lambda page, block: build().pages.keep(page.file.src_uri, block))
    plan = lambda: build().plan  # noqa: E731
    edition = lambda: build().edition  # noqa: E731

    known = lambda: build().site_info.reports_known_since  # noqa: E731
    env.macro(lambda: render("home.html", view=HomePage.of(edition(), known())), "home_page")
    env.macro(lambda: render("plan_text.html", view=PlanTextPage.of(edition())), "plan_text")
    env.macro(lambda: render("progress.html", view=ProgressPage.of(edition(), 1, known())),
              "progress_page")
    env.macro(lambda: render("open_data.html", view=OpenDataPage(
        AsOfNotice.of(edition()), plan().document.number, tuple(TASK_FIELDS), tuple(REPORT_FIELDS),
        Operator.of(plan(), build().site_info))), "open_data_fields")
    env.macro(lambda name: getattr(plan().figures, name), "plan_figure")
    env.macro(lambda: render("implements.html", view=DocumentRef.all_of(plan())),
              "plan_implements")
    env.macro(lambda: render("press.html", view=PressPage.of(
        edition(), build().news, env.conf.site_url)), "press_page")
    env.macro(lambda: render("agency_index.html", view=AgencyIndex.of(plan())), "agency_index")
    env.macro(lambda: render("timeline.html", view=TimelinePage.of(edition())), "timeline_page")
    env.macro(lambda: render("reporting_calendar.html", view=CalendarPage.of(
        plan(), env.conf.site_url)), "reporting_calendar")
    # Who runs the site, who reviews reports, where the repository is (the staff guide).
    env.macro(lambda: render("_staff_people.html", view=StaffPeople.of(
        plan(), build().site_info, build().repository)), "staff_people")
