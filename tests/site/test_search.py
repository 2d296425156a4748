"""Search forgives missing accents and punctuation: typed into the real search box in Chromium.

macros/search.py adds an accent-folded copy of each search entry after the build; assets/site.js
sends the query in NFC plus its folded form. "so noi vu", "Sở Nội vụ", "chiem hoa" and a query
typed in decomposed Unicode (as some keyboards send it) must all find the pages that name it.
Words end at punctuation too ("thôn, tổ dân phố"), a task is found by its number or id, and the
appendix is searched row by row.
"""
from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from macros.files.search import fold
from tests.conftest import ROOT
from tests.site.test_no_english import StrictLoader
from tests.support.browser import new_context

_CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=StrictLoader)
# The word separator of the index, as mkdocs.yml gives it (plugins.search.separator).
SEPARATOR = next(plugin["search"]["separator"] for plugin in _CONFIG["plugins"]
                 if isinstance(plugin, dict) and "search" in plugin)


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
    # Only the words whose spelling folding changes: "II" and "DUNG" are found as they are.
    assert plan["folded_title"] == "NOI THUC HIEN"
    assert sum("So Noi vu" in doc.get("folded_text", "") for doc in index["docs"]) >= 5


def search(page, base: str, query: str) -> list[tuple[str, str]]:
    """Type the query into the site's search box, as a reader does; return each result shown,
    best first: a page (one per result item) as its path and its text with its sections."""
    box = page.locator("input.md-search__input")
    if page.url != base:
        page.goto(base)
        box.click()
    else:  # the page of the previous search: its index is loaded; the box emptied, as a reader does
        box.click()
        box.fill("")
        box.press("End")  # Material reads the box on keyup: an empty box shows no result
        page.locator("li.md-search-result__item").first.wait_for(state="detached")
    box.press_sequentially(query, delay=5)
    # A key the reader lifts after typing: Material reads the box on keyup, and characters that
    # have no key of their own (ở, combining marks) are inserted without one.
    box.press("End")
    assert box.input_value() == query
    items = page.locator("li.md-search-result__item")
    # Results come for each keystroke; wait for those of the whole query: the theme links each
    # result with the words it matched (?h=...), the last word among them, cut at punctuation as
    # the index cuts it, a task id written with dots (as assets/site.js sends it).
    last = fold(unicodedata.normalize("NFC", query.split()[-1])).casefold()
    if re.fullmatch(r"[ivx]+(-\d+)+", last):
        last = last.replace("-", ".")
    last = [part for part in re.split(SEPARATOR, last) if part][-1]
    for _ in range(100):
        # Any link of the best result: a page found only through a section (the plan page, for
        # an appendix row) links the page itself with no words.
        links = items.first.locator("a") if items.count() else None
        hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())] if links else []
        matched = " ".join(h for href in hrefs for h in parse_qs(urlsplit(href).query).get("h", []))
        if last in fold(matched).casefold():
            break
        page.wait_for_timeout(100)
    found = []
    for i in range(items.count()):
        link = items.nth(i).locator("a.md-search-result__link").first.get_attribute("href")
        found.append((urlsplit(link).path, items.nth(i).text_content()))
    return found


def result_links(page, i: int = 0) -> list[str]:
    """The addresses of one result shown (a page, then its sections), path and #anchor."""
    links = page.locator("li.md-search-result__item").nth(i).locator("a")
    return [urlsplit(links.nth(j).get_attribute("href"))._replace(query="").geturl()
            for j in range(links.count())]


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


# Words end at punctuation, in the index and in the query alike.
def test_the_query_is_cut_into_words_as_the_index_is(site):
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["separator"] == SEPARATOR
    script = (ROOT / "docs" / "assets" / "site.js").read_text("utf-8")
    in_script = re.search(r'var SEPARATOR = new RegExp\(("(?:[^"\\]|\\.)*")\);', script)
    assert in_script and json.loads(in_script.group(1)) == SEPARATOR
    words = [w for w in re.split(SEPARATOR, "thôn, tổ dân phố (mục II.2.1.3; «2.1.3.»)") if w]
    assert words == ["thôn", "tổ", "dân", "phố", "mục", "II.2.1.3", "2.1.3"]


# Phrases of the plan that carry punctuation, typed without it, with and without accents: the
# task page that holds each phrase (the only task that does) comes before the plan page.
PHRASES = [
    ("tự đảm bảo kinh phí hoạt động; Nhà nước chỉ cấp kinh phí", "nhiem-vu/ii-2-1-9/"),
    ("tổ chức trung gian; giải thể hoặc sắp xếp lại", "nhiem-vu/ii-2-1-5/"),
    ("phân cấp, phân quyền đi đôi với giám sát quyền lực", "nhiem-vu/ii-2-2-1/"),
    ("trùng lắp, chồng chéo về chức năng", "nhiem-vu/ii-2-1-3/"),
    ("thuộc và trực thuộc như: Chi cục, ban", "nhiem-vu/ii-2-1-4/"),
    ("mô hình mới về tổ chức, kiêm nhiệm", "nhiem-vu/ii-2-1-6/"),
    ("doanh nghiệp, các tổ chức xã hội đảm nhiệm", "nhiem-vu/ii-2-1-8/"),
]


def _typed(phrase: str, accents: bool) -> str:
    """The phrase as a reader types it: no punctuation; with accents or without."""
    words = " ".join(w for w in re.split(SEPARATOR, phrase) if w)
    return words if accents else fold(words)


@pytest.mark.parametrize("accents", [True, False], ids=["accents", "no-accents"])
@pytest.mark.parametrize("phrase, expected", PHRASES, ids=[e for _, e in PHRASES])
def test_a_phrase_typed_without_its_punctuation_finds_its_task_first(
        search_page, server, site, phrase, expected, accents):
    query = _typed(phrase, accents)
    assert query != phrase  # the phrase has punctuation the reader leaves out
    results = search(search_page, server.base, query)
    assert results, query
    assert results[0][0].endswith("/" + expected), (query, [p for p, _ in results[:3]])


@pytest.mark.parametrize("query", [
    "thôn tổ dân phố", "thon to dan pho", unicodedata.normalize("NFD", "thôn tổ dân phố"),
    "thôn, tổ dân phố",
], ids=["accents", "no-accents", "decomposed", "with-comma"])
def test_thon_to_dan_pho_finds_the_pages_that_say_thon_comma_to_dan_pho(
        search_page, server, site, query):
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    holding = {doc["location"].split("#")[0] for doc in index["docs"]
               if "thôn, tổ dân phố" in doc["text"]}
    prefix = urlsplit(server.base).path
    found = {path[len(prefix):] for path, _ in search(search_page, server.base, query)}
    assert len(holding) >= 3
    # Every page shown holds the phrase, and the pages holding it are shown (up to ten).
    assert found and found <= holding, (found - holding)
    assert len(found) == min(len(holding), 10), (holding - found)


@pytest.mark.parametrize("query", ["2.1.3", "II.2.1.3", "ii.2.1.3", "ii-2-1-3", "Nhiệm vụ II.2.1.3"])
def test_a_task_number_or_id_finds_the_task_page_first(search_page, server, query):
    results = search(search_page, server.base, query)
    assert results and results[0][0].endswith("/nhiem-vu/ii-2-1-3/"), [p for p, _ in results[:3]]


def test_a_bullet_task_is_found_by_its_id(search_page, server):
    # "Nhiệm vụ II.3.1, ý 2": its id, as in its address.
    results = search(search_page, server.base, "ii-3-1-2")
    assert results and results[0][0].endswith("/nhiem-vu/ii-3-1-2/"), [p for p, _ in results[:3]]


def test_the_appendix_is_indexed_row_by_row(site):
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    rows = [doc for doc in index["docs"] if doc["location"].startswith("ke-hoach/#phu-luc-")]
    assert [doc["location"] for doc in rows] == [f"ke-hoach/#phu-luc-{n}" for n in range(1, 22)]
    row = rows[2]
    assert row["title"] == "Phụ lục, dòng 3"
    assert row["text"].startswith("<p>Rà soát, xây dựng Đề án sáp nhập các thôn, tổ dân phố</p>")
    assert "<p>Thời gian thực hiện: Từ Quý II/2018</p>" in row["text"]
    # The appendix section keeps its heading and preamble, not the whole table again.
    section = next(doc for doc in index["docs"] if doc["location"] == "ke-hoach/#phu-luc")
    assert "Rà soát, xây dựng Đề án sáp nhập" not in section["text"]
    assert section["text"].endswith("(21 nội dung)")


@pytest.mark.parametrize("query, row", [
    ("Phụ lục, dòng 7", 7),
    ("phu luc dong 7", 7),
    ("sáp nhập thôn tổ dân phố Quý II/2018", 3),
    ("sap nhap thon to dan pho quy II/2018", 3),
])
def test_an_appendix_row_is_a_result_of_its_own(search_page, server, query, row):
    search(search_page, server.base, query)
    links = result_links(search_page, 0)
    assert urlsplit(links[0]).path.endswith("/ke-hoach/"), links
    assert links[1].endswith(f"/ke-hoach/#phu-luc-{row}"), links
