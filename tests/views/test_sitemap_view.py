"""The day each page's data last changed (macros.views.sitemap): the plan's date, a task's latest
report, an agency's tasks' latest report, a post's date; nothing for a page without data."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from macros import routes
from macros.load.news import load_news
from macros.views.sitemap import last_changed
from tests.conftest import ROOT
from tests.support.plans import edition, load

DEMO = Path(__file__).resolve().parents[1] / "fixtures" / "demo" / "tien-do"


def test_without_reports_every_page_of_the_plan_is_dated_by_the_plan():
    plan = load(as_of=date(2026, 12, 1))
    news = load_news(ROOT / "docs", plan)
    days = last_changed(edition(plan), news)
    issued = plan.document.date
    assert issued == date(2018, 7, 2)
    for address in (routes.PLAN_TEXT, routes.PROGRESS, routes.HOME, routes.TIMELINE,
                    routes.task("ii-2-2-3"), routes.agency("so-noi-vu")):
        assert days[address] == issued, address
    for post in news.posts:
        assert days[routes.news_post(post.slug)] == post.date
    assert days[routes.NEWS] == max(post.date for post in news.posts)
    assert routes.STAFF_GUIDE not in days  # written by hand: no day to give


def test_a_report_dates_its_task_its_agencies_and_the_figures():
    plan = load(reports_dir=DEMO, as_of=date(2019, 6, 30))
    days = last_changed(edition(plan), load_news(ROOT / "docs", plan))
    reported = {task_id: max(r.date for r in log.reports)
                for task_id, log in plan.report_logs.items()}
    assert reported
    for task in plan.tasks:
        assert days[routes.task(task.id)] == reported.get(task.id, plan.document.date)
    latest = max(reported.values())
    assert days[routes.PROGRESS] == days[routes.HOME] == latest
    assert days[routes.PLAN_TEXT] == plan.document.date  # the plan as issued does not change
    for agency in plan.graph.agencies:
        owed = [reported[t.id] for t in plan.assigned.owed_by(agency.id) if t.id in reported]
        assert days[routes.agency(agency.id)] == max([plan.document.date, *owed])
