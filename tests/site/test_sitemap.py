"""The sitemap and page descriptions of the real build (issue 19): every address in the sitemap
is linked from a page; each <lastmod> is a day from the data, never the build day; each page has
a description of its own; generated pages are not listed as left out of the navigation."""
from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

from macros.load.news import load_news
from macros.model.dates import today_in_vietnam
from tests.conftest import ROOT, TEST_SITE_URL, soup
from tests.support.plans import load

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(site) -> dict[str, str | None]:
    """Each address of the sitemap, relative to the site, and its lastmod (None: none)."""
    root = ET.parse(site / "sitemap.xml").getroot()
    found = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        assert loc.startswith(TEST_SITE_URL), loc
        lastmod = url.find("s:lastmod", NS)
        found[loc[len(TEST_SITE_URL):]] = lastmod.text if lastmod is not None else None
    return found


def page_file(site, address: str):
    return site / address / "index.html"


def test_every_address_in_the_sitemap_is_linked_from_another_page(site):
    listed = sitemap(site)
    linked: set[str] = set()
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        here = TEST_SITE_URL + (rel.removesuffix("index.html"))
        for a in soup(path).find_all("a", href=True):
            target = urlsplit(urljoin(here, a["href"]))._replace(query="", fragment="").geturl()
            if target.startswith(TEST_SITE_URL) and target != here:
                linked.add(target[len(TEST_SITE_URL):])
    assert "tin-tuc/luu-tru/2026/" not in listed
    assert (site / "tin-tuc" / "luu-tru" / "2026" / "index.html").is_file()  # still published
    assert sorted(set(listed) - linked - {""}) == []


def test_each_lastmod_is_a_day_of_the_data(site):
    plan = load()
    news = load_news(ROOT / "docs", plan)
    data_days = {plan.document.date.isoformat(), *(p.date.isoformat() for p in news.posts)}
    data_days |= {r.date.isoformat() for log in plan.report_logs.values() for r in log.reports}
    listed = sitemap(site)
    assert listed["ke-hoach/"] == listed["nhiem-vu/ii-2-2-3/"] == "2018-07-02"
    for post in news.posts:
        assert listed[f"tin-tuc/{post.slug}/"] == post.date.isoformat()
    assert listed["huong-dan-cap-nhat/"] is None  # written by hand: no day from data
    assert {day for day in listed.values() if day} <= data_days
    # Not the build day, in UTC or in Vietnam, unless the data has that day too.
    now = datetime.now(UTC)
    for today in {now.date().isoformat(), today_in_vietnam(now).isoformat()}:
        assert today not in listed.values() or today in data_days


def test_each_page_has_a_description_of_its_own(site):
    described = {}
    for address in sitemap(site):
        meta = soup(page_file(site, address)).find("meta", attrs={"name": "description"})
        assert meta is not None and meta["content"].strip(), address
        described[address] = " ".join(meta["content"].split())
    shared = {text: [a for a, t in described.items() if t == text] for text in described.values()}
    assert {text: where for text, where in shared.items() if len(where) > 1} == {}
    site_wide = " ".join(re.search(r"site_description: >-\n((?:  .*\n)+)",
                                   (ROOT / "mkdocs.yml").read_text("utf-8")).group(1).split())
    # Only the home page, which is the whole site, says what the site is.
    assert [a for a, text in described.items() if text == site_wide] == [""]


def test_generated_pages_are_not_listed_as_left_out_of_the_navigation(real_build):
    _, result = real_build
    log = (result.stdout or "") + result.stderr  # MkDocs logs to stderr
    assert "nhiem-vu/ii-1-1.md" not in log and "co-quan/so-noi-vu.md" not in log
