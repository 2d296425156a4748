"""The day each page's data last changed: the sitemap's <lastmod> (overrides/sitemap.xml).

MkDocs stamps every page with the build day, so every build told search engines that every page
had changed. A page's day comes from what it shows instead: the plan's date for the plan as
issued (its text, the timeline, the reporting calendar, the agency index), the latest report of a
task for its page, of an agency's tasks for the agency's page, of any task for the pages of
figures, and a post's date for a post. A page with no data (the staff guide, written by hand)
gets no <lastmod>: the sitemap protocol makes it optional, and a day would be made up.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .. import routes
from ..model.news import News
from . import progress, timeline
from .edition import Edition


def _latest(days: Iterable[date | None]) -> date | None:
    known = [day for day in days if day is not None]
    return max(known) if known else None


def _since(first: date, days: Iterable[date | None]) -> date:
    """The latest of `first` and the days known."""
    return max([first, *(day for day in days if day is not None)])


def last_changed(edition: Edition, news: News) -> dict[str, date]:
    """The day each page last changed, by the page's address (routes); pages without data are
    left out."""
    plan = edition.plan
    text_pages = edition.text_pages.count
    progress_pages = progress.page_count(edition)
    timeline_pages = len(timeline.chunks(plan, edition.timeline, edition.page_limit))
    issued = plan.document.date
    reported = {task_id: log.reports[-1].date for task_id, log in plan.report_logs.items()}
    status = _since(issued, reported.values())
    posted = _latest(post.date for post in news.posts)
    out: dict[str, date] = {}
    for address in (routes.AGENCY_INDEX, routes.CALENDAR, routes.TIMELINE):
        out[address] = issued
    for number in range(1, text_pages + 1):
        out[routes.plan_text_page(number)] = issued
    for number in range(1, timeline_pages + 1):
        out[routes.timeline_page(number)] = issued
    for address in (routes.HOME, routes.OPEN_DATA):
        out[address] = status
    for number in range(1, progress_pages + 1):
        out[routes.progress_page(number)] = status
    out[routes.PRESS] = _since(status, [posted])
    if posted:
        out[routes.NEWS] = posted
    for post in news.posts:
        out[routes.news_post(post.slug)] = post.date
    for task in plan.tasks:
        out[routes.task(task.id)] = reported.get(task.id) or issued
    for agency in plan.graph.agencies:
        owed = plan.assigned.owed_by(agency.id)
        out[routes.agency(agency.id)] = _since(issued, (reported.get(t.id) for t in owed))
    return out
