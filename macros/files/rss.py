"""RSS 2.0 feeds: the news (/tin-tuc/rss.xml) and the changes of state of tasks (/tien-do/rss.xml).

Written with feedgen rather than mkdocs-rss-plugin: the plugin logs an error when site_url is
unset, which stops every strict local build, and it cannot make a feed of state changes, which
come from data, not pages. A feed needs absolute addresses, so both are published only when the
build knows the site's address (site_url; the deploy workflow sets SITE_URL).

The state feed is built from a plain list of StateChange; `changes_from_history` turns one task's
dated reports into that list, and `plan_state_changes` does so for every report log of the plan.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from .. import routes
from ..model.dates import VIETNAM, long_date, short_date
from ..model.news import News
from ..model.plan import Plan
from ..model.status import DisplayState

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator

DEMO_NOTICE = "Số liệu minh họa, không phải báo cáo thật của cơ quan nào."


@dataclass(frozen=True)
class StateChange:
    """A task whose reported state changed: what the state feed publishes."""

    task_id: str
    task_title: str  # the task's name: "Xây dựng kế hoạch thực hiện … — II.2.1.1"
    date: date  # the date of the report that recorded the new state
    old_state: str | None  # Vietnamese label; None for a task's first report
    new_state: str
    url: str  # the page showing the change, relative to the site root ("nhiem-vu/ii-2-1-1/")
    deadline: date | None = None  # set when the change is the deadline passing, not a report

    @property
    def title(self) -> str:
        if self.old_state is None:
            return f"{self.task_title}: {self.new_state}"
        return f"{self.task_title}: {self.old_state} → {self.new_state}"

    @property
    def text(self) -> str:
        when = long_date(self.date).capitalize()
        if self.deadline is not None:
            before = f" (trước đó: «{self.old_state}»)" if self.old_state else ""
            return (f"{when}, {self.task_title} đã qua hạn hoàn thành ngày "
                    f"{short_date(self.deadline)} mà chưa có báo cáo hoàn thành nào được công bố"
                    f"{before}.")
        if self.old_state is None:
            return f"{when}, báo cáo đầu tiên ghi nhận {self.task_title} ở trạng thái «{self.new_state}»."
        return (
            f"{when}, báo cáo ghi nhận {self.task_title} chuyển từ trạng thái «{self.old_state}» "
            f"sang «{self.new_state}»."
        )

    @property
    def guid(self) -> str:
        return f"{self.task_id}/{self.date.isoformat()}/{self.new_state}"


def changes_from_history(
    task_id: str, task_title: str, url: str, reports: Iterable[tuple]
) -> list[StateChange]:
    """One change each time a task's state differs from the one before it. Each item of the
    history is (day, state) for a report, or (day, state, deadline) for the deadline passing."""
    changes: list[StateChange] = []
    previous: str | None = None
    for day, state, *deadline in sorted(reports, key=lambda report: report[0]):
        if state != previous:
            changes.append(StateChange(task_id, task_title, day, previous, state, url,
                                       deadline[0] if deadline else None))
        previous = state
    return changes


def plan_state_changes(plan: Plan) -> list[StateChange]:
    """Every change of a task's state up to the as-of date, each pointing at the report history
    on its task's page: the states its reports record, and the day after its deadline when no
    completion report was published by then (the state a reader sees changes on that day)."""
    changes: list[StateChange] = []
    for task in plan.tasks:
        status = plan.status(task)
        overdue_from = status.due + timedelta(days=1) if status.due else None
        days = {r.date for r in status.reports}
        if overdue_from and overdue_from <= plan.as_of:
            days.add(overdue_from)
        history = []
        for day in sorted(days):
            state = status.at(day).state
            # Before any report and before the deadline there is nothing to announce.
            if state is DisplayState.NO_REPORT:
                continue
            by_deadline = day == overdue_from and day not in {r.date for r in status.reports}
            history.append((day, state.label, status.due) if by_deadline else (day, state.label))
        changes += changes_from_history(task.id, task.name, routes.task_reports(task.id),
                                        history)
    return changes


def _moment(day: date) -> datetime:
    # A report or a post is dated by the day, in Vietnam.
    return datetime.combine(day, time(0, 0), tzinfo=VIETNAM)


def _channel(title: str, description: str, site_url: str, page: str, path: str) -> FeedGenerator:
    # feedgen is imported here, not with this module: only a build that knows the site's address
    # writes feeds (a pull request's or a local build writes none).
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    feed.load_extension("dc")
    feed.title(title)
    feed.description(description)
    # feedgen takes the last link as the channel's <link>: the self link goes first.
    feed.link(href=site_url + path, rel="self")
    feed.link(href=site_url + page, rel="alternate")
    feed.language("vi")
    return feed


def _plan_name(plan: Plan) -> str:
    document = plan.document
    issuer = plan.agency(document.issuer).name
    return f"Kế hoạch số {document.number} {long_date(document.date)} của {issuer}"


def news_feed(news: News, plan: Plan, site_url: str) -> bytes:
    feed = _channel(
        f"Tin tức – Kế hoạch {plan.document.number}",
        f"Tin tức về việc thực hiện {_plan_name(plan)}.",
        site_url, routes.NEWS, routes.NEWS_FEED,
    )
    for post in news.posts:
        item = feed.add_entry(order="append")
        item.title(post.title)
        item.link(href=site_url + routes.news_post(post.slug))
        item.guid(site_url + routes.news_post(post.slug), permalink=True)
        item.pubDate(_moment(post.date))
        item.description(post.description)
        for category in post.categories:
            item.category(term=category)
        item.dc.dc_creator(plan.agency(post.agency).name)
    # Set, never left to feedgen, which would write the wall clock: rebuilds stay identical.
    feed.lastBuildDate(_moment(news.posts[0].date) if news.posts else plan.built_at)
    return feed.rss_str(pretty=True)


def state_feed(changes: Iterable[StateChange], plan: Plan, site_url: str) -> bytes:
    """The feed of state changes, newest first, belonging to the progress page. A demo
    build's reports are illustrative, and its feed says so in the channel and in every item."""
    ordered = sorted(changes, key=lambda c: (c.date, c.task_id), reverse=True)
    demo = f" {DEMO_NOTICE}" if plan.demo else ""
    feed = _channel(
        ("Bản trình diễn – " if plan.demo else "")
        + f"Thay đổi trạng thái nhiệm vụ – Kế hoạch {plan.document.number}",
        f"Mỗi lần một nhiệm vụ của {_plan_name(plan)} chuyển trạng thái theo báo cáo tiến độ."
        + demo,
        site_url, routes.PROGRESS, routes.STATE_FEED,
    )
    for change in ordered:
        item = feed.add_entry(order="append")
        item.title(change.title)
        item.link(href=site_url + change.url)
        item.guid(change.guid, permalink=False)
        item.pubDate(_moment(change.date))
        item.description(change.text + demo)
    feed.lastBuildDate(_moment(ordered[0].date) if ordered else plan.built_at)
    return feed.rss_str(pretty=True)
