"""RSS 2.0 feeds: the news (/tin-tuc/rss.xml) and the changes of state of tasks (/tien-do/rss.xml).

Written with feedgen rather than mkdocs-rss-plugin: the plugin logs an error when site_url is
unset, which stops every strict local build, and it cannot make a feed of state changes, which
come from data, not pages. A feed needs absolute addresses, so both are published only when the
build knows the site's address (site_url; the deploy workflow sets SITE_URL).

The state feed formats the model's typed history of each task (macros.model.facts.StateChange):
`plan_state_changes` makes one item per change, saying what the site knew and since when.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from .. import routes
from ..model.dates import VIETNAM, long_date, short_date
from ..model.facts import Cause, StateChange
from ..model.news import News
from ..model.plan import Plan
from ..model.site_info import ReportsSince
from ..views.common import Knowledge
from ..views.edition import DEMO_NOTICE, Edition

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator

__all__ = ["DEMO_NOTICE", "FeedItem", "news_feed", "plan_state_changes", "state_feed"]


@dataclass(frozen=True)
class FeedItem:
    """One item of the state feed: a change of a task's state (macros.model.facts.StateChange,
    the model's typed history), with what the site knew of the task when it says so."""

    task_id: str
    task_title: str  # the task's name: "Xây dựng kế hoạch thực hiện … — II.2.1.1"
    url: str  # the page showing the change, relative to the site root
    change: StateChange
    # The deadline that applies, named, and where it comes from (TaskFacts.deadline_origin):
    # «Hạn theo Kế hoạch, do trang web tính: …» or «Hạn điều chỉnh, theo báo cáo».
    deadline_origin: str
    first_report: date | None  # the date of the first report the site has on the task
    as_of: date  # the day the site's data counts up to
    since_words: str = ""  # since when the site collects reports (macros.views.common.Knowledge)

    @property
    def date(self) -> date:
        return self.change.day

    @property
    def title(self) -> str:
        before, after = self.change.before, self.change.after
        if before is None:
            return f"{self.task_title}: {after.label}"
        return f"{self.task_title}: {before.label} → {after.label}"

    @property
    def text(self) -> str:
        # “Quá hạn” is stated as what it is: past the deadline, no completion report received
        # here, and since when the site collects reports (not recorded: it says so).
        # «» hold only the plan's own words; a state is the site's label, in “”.
        change, when = self.change, long_date(self.change.day).capitalize()
        if change.cause is Cause.DEADLINE and change.deadline:
            before = f" (trước đó: “{change.before.label}”)" if change.before else ""
            known = (f"báo cáo đầu tiên trang web có về nhiệm vụ này ghi ngày "
                     f"{short_date(self.first_report)}" if self.first_report else
                     f"đến {long_date(self.as_of)} trang web chưa có báo cáo nào về nhiệm vụ này")
            return (f"{when} là ngày sau hạn hoàn thành {short_date(change.deadline)} "
                    f"({self.deadline_origin}) của {self.task_title}. Trạng thái trên "
                    f"trang web là “{change.after.label}”{before} vì dữ liệu của trang web không "
                    f"có báo cáo hoàn thành nào ghi ngày đến hạn đó; {known}; "
                    f"{self.since_words}.")
        if change.before is None:
            return (f"{when}, báo cáo đầu tiên ghi nhận {self.task_title} ở trạng thái "
                    f"“{change.after.label}”.")
        return (f"{when}, báo cáo ghi nhận {self.task_title} chuyển từ trạng thái "
                f"“{change.before.label}” sang “{change.after.label}”.")

    @property
    def guid(self) -> str:
        return f"{self.task_id}/{self.change.day.isoformat()}/{self.change.after.label}"


def plan_state_changes(plan: Plan, known: ReportsSince | None = None) -> list[FeedItem]:
    """Every change of a task's state up to the as-of date (the model's history of each task),
    each pointing at the report history on its task's page, and saying since when the site
    collects reports (`known`, data/site.yaml)."""
    since = Knowledge.of(known or ReportsSince(None)).since_words
    items: list[FeedItem] = []
    for task in plan.tasks:
        facts = plan.facts(task)
        reports = facts.status.reports
        for change in facts.history:
            items.append(FeedItem(task.id, task.name, routes.task_reports(task.id), change,
                                  facts.deadline_origin or "", reports[0].date if reports else None,
                                  plan.as_of, since))
    return items


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


def news_feed(news: News, edition: Edition, site_url: str) -> bytes:
    plan = edition.plan
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
        # Only a body's own document has an issuer; the site's own posts have none.
        if post.agency:
            item.dc.dc_creator(plan.agency(post.agency).name)
    # Set, never left to feedgen, which would write the wall clock: rebuilds stay identical.
    feed.lastBuildDate(_moment(news.posts[0].date) if news.posts else edition.built_at)
    return feed.rss_str(pretty=True)


def state_feed(changes: Iterable[FeedItem], edition: Edition, site_url: str,
               known: ReportsSince | None = None) -> bytes:
    """The feed of state changes, newest first, belonging to the progress page. A demo
    build's reports are illustrative, and its feed says so in the channel and in every item."""
    plan = edition.plan
    ordered = sorted(changes, key=lambda c: (c.date, c.task_id), reverse=True)
    demo = f" {DEMO_NOTICE}" if edition.demo else ""
    feed = _channel(
        ("Bản trình diễn – " if edition.demo else "")
        + f"Thay đổi trạng thái nhiệm vụ – Kế hoạch {plan.document.number}",
        f"Mỗi lần một nhiệm vụ của {_plan_name(plan)} chuyển trạng thái theo báo cáo tiến độ."
        f" {Knowledge.of(known or ReportsSince(None)).sentence}" + demo,
        site_url, routes.PROGRESS, routes.STATE_FEED,
    )
    for change in ordered:
        item = feed.add_entry(order="append")
        item.title(change.title)
        item.link(href=site_url + change.url)
        item.guid(change.guid, permalink=False)
        item.pubDate(_moment(change.date))
        item.description(change.text + demo)
    feed.lastBuildDate(_moment(ordered[0].date) if ordered else edition.built_at)
    return feed.rss_str(pretty=True)
