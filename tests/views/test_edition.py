"""One build's edition of the plan (macros/views/edition.py): the build settings live on it, not
on the model, so one loaded plan serves editions built differently."""
from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from icalendar import Calendar

from macros import routes
from macros.files import ics, opendata
from macros.model.plan import Plan
from macros.views.common import AsOfNotice
from macros.views.edition import DEMO_NOTICE, Edition
from macros.views.progress import ProgressPage
from tests.support.small_plan import small_plan

BUILD_SETTINGS = {"built_at", "demo", "page_limit"}


def test_the_model_holds_no_build_setting():
    assert not BUILD_SETTINGS & {f.name for f in dataclasses.fields(Plan)}
    assert {f.name for f in dataclasses.fields(Edition)} >= BUILD_SETTINGS


def test_one_plan_serves_editions_built_differently():
    plan = small_plan()
    early = datetime(2020, 6, 1, 1, 0, tzinfo=UTC)
    late = datetime(2021, 1, 2, 3, 4, tzinfo=UTC)
    real, demo = Edition(plan, early), Edition(plan, late, demo=True, page_limit=1)

    assert AsOfNotice.of(real).built_at == early and AsOfNotice.of(demo).built_at == late
    assert (real.text_pages.count, demo.text_pages.count) == (1, 4)
    assert (ProgressPage.of(real).count, ProgressPage.of(demo).count) == (1, 3)

    def uids(edition: Edition) -> set[str]:
        feed = dict(ics.feeds(edition, None))[routes.PLAN_CALENDAR]
        return {str(e["UID"]) for e in Calendar.from_ical(feed).walk("VEVENT")}

    assert all(u.endswith("@" + ics.UID_DOMAIN) for u in uids(real))
    assert all(u.endswith("@" + ics.DEMO_UID_DOMAIN) for u in uids(demo))
    assert '"minh_hoa": false' in opendata.as_json(real)
    assert '"minh_hoa": true' in opendata.as_json(demo)
    assert DEMO_NOTICE not in "".join(v.decode() for _, v in ics.feeds(real, None))
    # The plan itself is the same object, its facts answered once for both editions.
    assert real.plan is demo.plan and real.plan.facts("t-1") is demo.plan.facts("t-1")


def test_an_edition_makes_each_task_line_and_the_timeline_once():
    shown = Edition(small_plan(), datetime(2020, 6, 1, tzinfo=UTC))
    task = shown.plan.task("t-2")
    assert shown.line(task) is shown.line(task) and shown.timeline is shown.timeline
    # A new edition (a new build) works them out again: nothing outlives its build.
    again = Edition(shown.plan, shown.built_at)
    assert again.line(task) == shown.line(task) and again.line(task) is not shown.line(task)
