"""Search forgives missing accents: typed into the real search box in Chromium.

macros/search.py adds an accent-folded copy of each search entry after the build; assets/site.js
sends the query in NFC plus its folded form. "so noi vu", "Sở Nội vụ", "chiem hoa" and a query
typed in decomposed Unicode (as some keyboards send it) must all find the pages that name it.
"""
from __future__ import annotations

import json
import unicodedata
from urllib.parse import parse_qs, urlsplit

import pytest

from macros.files.search import fold
from tests.support.browser import new_context


def test_fold_drops_every_vietnamese_mark_and_the_bar_of_d():
    assert fold("Sở Nội vụ") == "So Noi vu"
    assert fold("Đài Phát thanh và Truyền hình tỉnh") == "Dai Phat thanh va Truyen hinh tinh"
    assert fold("huyện Chiêm Hóa") == fold("huyện Chiêm Hoá") == "huyen Chiem Hoa"
    assert fold(unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh")) == "Uy ban nhan dan tinh"


def test_the_index_holds_a_folded_copy_of_each_entry(site):
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    fields = index["config"]["fields"]
    assert fields["folded_title"] == fields["title"] and fields["folded_text"] == fields["text"]
    for doc in index["docs"]:
        if "folded_text" in doc:
            assert "<" not in doc["folded_text"]  # markup dropped: the copy is never shown
    plan = next(doc for doc in index["docs"] if doc["location"] == "ke-hoach/#phan-ii")
    assert plan["title"] == "II. NỘI DUNG THỰC HIỆN"
    assert plan["folded_title"] == "II. NOI DUNG THUC HIEN"
    assert sum("So Noi vu" in doc.get("folded_text", "") for doc in index["docs"]) >= 5


def search(page, base: str, query: str) -> list[tuple[str, str]]:
    """Type the query into the site's search box, as a reader does; return each result shown,
    best first: a page (one per result item) as its path and its text with its sections."""
    page.goto(base)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=5)
    # A key the reader lifts after typing: Material reads the box on keyup, and characters that
    # have no key of their own (ở, combining marks) are inserted without one.
    box.press("End")
    assert box.input_value() == query
    items = page.locator("li.md-search-result__item")
    # Results come for each keystroke; wait for those of the whole query: the theme links each
    # result with the words it matched (?h=...), the last word among them.
    last = fold(unicodedata.normalize("NFC", query.split()[-1])).casefold()
    for _ in range(100):
        href = items.first.locator("a").first.get_attribute("href") if items.count() else ""
        matched = " ".join(parse_qs(urlsplit(href or "").query).get("h", []))
        if last in fold(matched).casefold():
            break
        page.wait_for_timeout(100)
    found = []
    for i in range(items.count()):
        link = items.nth(i).locator("a.md-search-result__link").first.get_attribute("href")
        found.append((urlsplit(link).path, items.nth(i).text_content()))
    return found


def mentions(text: str, phrase: str) -> bool:
    return fold(phrase).casefold() in fold(" ".join(text.split())).casefold()


@pytest.fixture(scope="module")
def search_page(chromium, server):
    context, watch = new_context(chromium, server)
    page = context.new_page()
    yield page
    context.close()
    assert watch.errors == [] and watch.outside == []


def pages_titled(site, phrase: str) -> set[str]:
    """Pages whose own title is the phrase (an agency page, once agencies have pages)."""
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    return {doc["location"] for doc in index["docs"]
            if "#" not in doc["location"] and doc["title"].casefold() == phrase.casefold()}


@pytest.mark.parametrize("query, phrase", [
    ("so noi vu", "Sở Nội vụ"),
    ("Sở Nội vụ", "Sở Nội vụ"),
    (unicodedata.normalize("NFD", "Sở Nội vụ"), "Sở Nội vụ"),
    ("chiem hoa", "Chiêm Hóa"),
    (unicodedata.normalize("NFD", "Chiêm Hóa"), "Chiêm Hóa"),
], ids=["no-accents", "accents", "decomposed", "no-accents-district", "decomposed-district"])
def test_search_finds_the_page_with_or_without_accents(search_page, server, site, query, phrase):
    results = search(search_page, server.base, query)
    path, text = results[0]
    assert mentions(text, phrase), results[:3]
    titled = pages_titled(site, phrase)
    if titled:  # a page of its own (an agency's page) ranks first
        assert any(path.endswith("/" + location) for location in titled), (titled, results[:3])


@pytest.mark.parametrize("typed, bare", [("Chiêm Hóa", "chiem hoa"), ("Sở Nội vụ", "so noi vu")])
def test_accents_typed_or_not_find_the_same_pages(search_page, server, typed, bare):
    def found(query: str) -> tuple[str, set[str]]:
        # The theme shows the first ten pages and the total; exact spellings rank first.
        shown = {path for path, _ in search(search_page, server.base, query)}
        return search_page.locator(".md-search-result__meta").inner_text(), shown

    (count_typed, typed_pages), (count_bare, bare_pages) = found(typed), found(bare)
    assert count_typed == count_bare and any(ch.isdigit() for ch in count_bare)
    if len(bare_pages) < 10:
        assert typed_pages == bare_pages


def test_every_word_of_an_accent_free_query_must_match(search_page, server, site):
    # "hoa" alone is also the start of "hoạch" (Kế hoạch, on every page): with "chiem" it finds
    # only the pages naming Chiêm Hóa. The snippet shown may end before the name, so each result
    # page is checked in the index: some part of it names Chiêm Hóa.
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    results = search(search_page, server.base, "chiem hoa")
    prefix = urlsplit(server.base).path
    assert results
    for path, _ in results:
        location = path[len(prefix):]
        text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]
                        if doc["location"].split("#")[0] == location)
        assert mentions(text, "Chiêm Hóa"), (location, text[:200])
    assert len(results) < len({d["location"].split("#")[0] for d in index["docs"]}) / 2


def test_a_word_not_on_the_site_finds_nothing(search_page, server):
    search_page.goto(server.base)
    box = search_page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("xyzzyq", delay=5)
    # The theme's Vietnamese words for "no matching document": the search ran and found nothing.
    search_page.locator(".md-search-result__meta", has_text="Không tìm thấy").wait_for()
    assert search_page.locator("li.md-search-result__item").count() == 0
