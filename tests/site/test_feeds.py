"""The RSS feeds: news and state changes, valid (tests/support/feed_validation.py) and pointing home."""
from __future__ import annotations

from datetime import date, timedelta
from email.utils import parsedate_to_datetime

import feedparser
import pytest
import yaml

from macros.files.rss import DEMO_NOTICE, FeedItem, state_feed
from macros.load import load_news
from macros.model.dates import long_date
from macros.model.facts import Cause, StateChange
from macros.model.status import DisplayState
from macros.routes import NEWS_FEED, STATE_FEED, news_post
from macros.routes import task as task_url
from tests.conftest import DATA, DEMO, ROOT, TEST_SITE_URL, soup
from tests.support.feed_validation import feed_problems, local_file
from tests.support.plans import edition, load


@pytest.fixture(scope="module")
def plan():
    return load(DATA)


# Illustrative histories of two tasks, as the model types them (macros.model.facts.history).
IN_PROGRESS, DONE = DisplayState.IN_PROGRESS, DisplayState.DONE
FIXTURE_HISTORY = {
    "ii-2-1-1": [StateChange(date(2026, 1, 13), None, IN_PROGRESS, Cause.REPORT),
                 StateChange(date(2026, 2, 13), IN_PROGRESS, DONE, Cause.REPORT)],
    "iii-1-2": [StateChange(date(2026, 1, 27), None, IN_PROGRESS, Cause.REPORT)],
}


def fixture_changes(plan) -> list[FeedItem]:
    return [FeedItem(task_id, plan.task(task_id).title, task_url(task_id), change,
                     plan.facts(task_id).deadline_origin or "", date(2026, 1, 13), plan.as_of)
            for task_id, changes in FIXTURE_HISTORY.items() for change in changes]


@pytest.mark.parametrize("path", [NEWS_FEED, STATE_FEED])
def test_built_feeds_are_valid_rss(site, path):
    data = (site / path).read_bytes()
    assert feed_problems(data, TEST_SITE_URL + path) == []


@pytest.mark.parametrize("path", [NEWS_FEED, STATE_FEED])
def test_every_address_in_a_built_feed_is_a_page_of_the_site(site, path):
    parsed = feedparser.parse((site / path).read_bytes())
    links = [parsed.feed.link] + [entry.link for entry in parsed.entries]
    for link in links:
        target = local_file(site, TEST_SITE_URL, link)
        assert target is not None and target.is_file(), link


def test_news_feed_carries_every_post(site, plan):
    news = load_news(ROOT / "docs", plan)
    parsed = feedparser.parse((site / NEWS_FEED).read_bytes())
    assert parsed.feed.language == "vi"
    assert len(parsed.entries) == len(news.posts)
    for post, entry in zip(news.posts, parsed.entries, strict=True):
        assert entry.title == post.title
        assert entry.link == entry.id == TEST_SITE_URL + news_post(post.slug)
        assert entry.summary == post.description
        # The site's own posts carry no issuer.
        assert entry.get("author") == (plan.agency(post.agency).name if post.agency else None)
        assert [t.term for t in entry.tags] == post.categories
        published = parsedate_to_datetime(entry.published)
        assert published.date() == post.date and published.utcoffset() == timedelta(hours=7)


def test_state_feed_of_the_real_data_has_one_item_per_passed_deadline(site, plan):
    """The real data has no reports: its only changes are deadlines passing without a completion
    report, each dated the day after the deadline, in Vietnam."""
    parsed = feedparser.parse((site / STATE_FEED).read_bytes())
    assert parsed.feed.title.startswith("Thay đổi trạng thái")
    got = {(e.link.split("/nhiem-vu/")[1].split("/")[0], parsedate_to_datetime(e.published).date())
           for e in parsed.entries}
    dated = [t for t in plan.tasks if t.due_date and t.due_date < plan.as_of]
    assert got == {(t.id, t.due_date + timedelta(days=1)) for t in dated}
    assert len(got) == 15
    for entry in parsed.entries:
        assert entry.title.endswith(": Quá hạn, chưa có báo cáo hoàn thành")
        # What the site knew, and since when: never that it watched the deadline pass.
        assert "được công bố" not in entry.summary
        assert ("dữ liệu của trang web không có báo cáo hoàn thành nào ghi ngày đến hạn đó; "
                f"đến {long_date(plan.as_of)} trang web chưa có báo cáo nào") in entry.summary


def test_state_feed_with_changes_is_valid_and_newest_first(plan):
    data = state_feed(fixture_changes(plan), edition(plan), TEST_SITE_URL)
    assert feed_problems(data, TEST_SITE_URL + STATE_FEED) == []
    entries = feedparser.parse(data).entries
    assert [e.title for e in entries] == [
        "Nhiệm vụ II.2.1.1: Đang thực hiện → Hoàn thành",
        "Nhiệm vụ III.1, ý 2: Đang thực hiện",
        "Nhiệm vụ II.2.1.1: Đang thực hiện",
    ]
    assert entries[0].link == TEST_SITE_URL + "nhiem-vu/ii-2-1-1/"
    assert entries[0].summary == ("Ngày 13 tháng 02 năm 2026, báo cáo ghi nhận Nhiệm vụ II.2.1.1 "
                                  "chuyển từ trạng thái “Đang thực hiện” sang “Hoàn thành”.")
    assert len({e.id for e in entries}) == 3


# The validator itself must catch what makes a feed invalid.
BROKEN = [
    ("no description", b"<description>", b"<summary>"),
    ("relative link", b"<link>https://example.org/ke-hoach-68/tin-tuc/</link>", b"<link>/</link>"),
    ("bad date", b"Thu, 26 Nov 2026", b"26/11/2026"),
    ("not well-formed", b"</channel>", b"</chanel>"),
    ("wrong self link", b'rss.xml" rel="self"', b'khac.xml" rel="self"'),
]


@pytest.mark.parametrize("broken", BROKEN, ids=[b[0] for b in BROKEN])
def test_validator_rejects_a_broken_feed(site, broken):
    _, find, replace = broken
    data = (site / NEWS_FEED).read_bytes()
    assert find in data
    assert feed_problems(data.replace(find, replace, 1), TEST_SITE_URL + NEWS_FEED) != []


def test_the_press_page_links_the_feeds_and_no_page_has_alternate_links(site):
    # Material fetches a sitemap.xml beside every <link rel="alternate"> (its language versions):
    # feed links there would 404 on every page, so the feeds are linked in pages instead.
    links = {a["href"] for a in soup(site / "bao-chi" / "index.html").select("a[href]")}
    assert {f"../{NEWS_FEED}", f"../{STATE_FEED}"} <= links, links
    for page in site.rglob("*.html"):
        assert not soup(page).select('head link[rel="alternate"]'), page


def test_state_feed_from_the_status_layer(demo_site, plan):
    """The demo's illustrative report logs, through the real status layer, into the built feed."""
    site = demo_site
    data = (site / STATE_FEED).read_bytes()
    assert feed_problems(data, TEST_SITE_URL + STATE_FEED) == []
    # Read the report files independently: one item per report whose state differs from the one
    # before, while the task is not overdue (an overdue task stays overdue until a completion
    # report).
    demo_plan = load(DATA, reports_dir=DEMO, as_of=date(2019, 6, 30))
    expected, deadlines = set(), set()
    for folder in DEMO.iterdir():
        previous = None
        due = demo_plan.status(folder.name).due
        for report in sorted(folder.glob("*.yaml")):
            state = yaml.safe_load(report.read_text("utf-8"))["state"].strip().lower()
            late = due and date.fromisoformat(report.stem) > due and state not in (
                "hoàn thành", "không còn áp dụng")
            if state != previous and not late:
                expected.add((folder.name, report.stem))
            previous = state
    # And one item the day after each deadline passed without a completion report by then.
    for task in demo_plan.tasks:
        status = demo_plan.status(task)
        if status.due and status.due < demo_plan.as_of and status.at(status.due).state.slug not in (
                "hoan-thanh-dung-han", "hoan-thanh", "khong-con-ap-dung"):
            deadlines.add((task.id, str(status.due + timedelta(days=1))))
    parsed = feedparser.parse(data)
    got = {(e.link.split("/nhiem-vu/")[1].split("/")[0],
            parsedate_to_datetime(e.published).date().isoformat()) for e in parsed.entries}
    assert got == expected | deadlines and len(parsed.entries) == len(got) >= 5
    assert deadlines - expected  # the demo has tasks that passed their deadline
    dates = [parsedate_to_datetime(e.published) for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    # The demo says it is illustrative in the channel and in every item.
    assert parsed.feed.title.startswith("Bản trình diễn")
    assert all(e.summary.endswith(DEMO_NOTICE) for e in parsed.entries)
    for entry in parsed.entries:
        page = local_file(site, TEST_SITE_URL, entry.link)
        assert entry.link.endswith("#bao-cao") and soup(page).find(id="bao-cao") is not None
