"""Search forgives missing accents and punctuation: typed into the real search box in Chromium.

macros/files/search.py adds an accent-folded copy of each search entry after the build;
assets/site.js sends the query in NFC plus its folded form. "so noi vu", "Sở Nội vụ", "chiem hoa"
and a query typed in decomposed Unicode (as some keyboards send it) must all find the pages that
name it.
Words end at punctuation too ("thôn, tổ dân phố"), a task is found by its number or id, and the
appendix is searched row by row. A passage of the plan, typed with or without accents, gives the
task that holds it first (assets/site.js sorts the results on the words in order), and the
site's lunr.vi keeps every Vietnamese letter.
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
    assert sum({"So", "Noi", "vu"} <= set(doc.get("folded_text", "").split())
               for doc in index["docs"]) >= 5
    # Each word once: the order of the words is read from the text itself (assets/site.js).
    for doc in index["docs"]:
        for field in ("folded_title", "folded_text"):
            words = doc.get(field, "").split()
            assert len(words) == len(set(words)), (doc["location"], field)


# The addresses of the links of the best result shown (none while there is no result).
FIRST_RESULT_LINKS = """() => {
  const item = document.querySelector("li.md-search-result__item");
  return item ? [...item.querySelectorAll("a")].map(a => a.getAttribute("href") || "") : [];
}"""

# Each result shown, best first: its page's address and its text with its sections.
RESULTS = """() => [...document.querySelectorAll("li.md-search-result__item")].map(item =>
  [item.querySelector("a.md-search-result__link").getAttribute("href"), item.textContent])"""


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
    # Pasted but for its last letter, then that letter typed: each keystroke is a search of its
    # own (13 ms a key), and the reader's result is the one for the whole query, which the theme
    # searches on the keyup of the last key. Typing key by key, as an input method does, is
    # tested apart (_highlighted).
    box.fill(query[:-1])
    box.press_sequentially(query[-1:])
    # A key the reader lifts after typing: Material reads the box on keyup, and characters that
    # have no key of their own (ở, combining marks) are inserted without one.
    box.press("End")
    assert box.input_value() == query
    # Results come for each keystroke; wait for those of the whole query: the theme links each
    # result with the words it matched (?h=...), and every word of the query is among them, cut
    # at punctuation as the index cuts it, a task id written with dots (as assets/site.js sends
    # it). A word of an earlier keystroke is a prefix ("thuo"), not the word.
    wanted = set()
    for typed in fold(unicodedata.normalize("NFC", query)).casefold().split():
        word = typed.replace("-", ".") if re.fullmatch(r"[ivx]+(-\d+)+", typed) else typed
        wanted.update(part for part in re.split(SEPARATOR, word) if part)
    for _ in range(500):
        # Any link of the best result: a page found only through a section (the plan page, for
        # an appendix row) links the page itself with no words. Read in one call, every 20 ms.
        hrefs = page.evaluate(FIRST_RESULT_LINKS)
        matched = " ".join(h for href in hrefs for h in parse_qs(urlsplit(href).query).get("h", []))
        if wanted <= set(fold(matched).casefold().split()):
            break
        page.wait_for_timeout(20)
    # Every result read at once: the theme renders the list again for the key lifted last.
    return [(urlsplit(link).path, text) for link, text in page.evaluate(RESULTS)]


def result_links(page, i: int = 0) -> list[str]:
    """The addresses of one result shown (a page, then its sections), path and #anchor."""
    links = page.locator("li.md-search-result__item").nth(i).locator("a")
    return [urlsplit(href)._replace(query="").geturl() for href in _hrefs(links)]


def _hrefs(links) -> list[str]:
    """The links' addresses, read at once: the theme may render the list again between reads."""
    return links.evaluate_all("links => links.map(a => a.getAttribute('href') || '')")


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


@pytest.mark.parametrize(("query", "phrase"), [
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


@pytest.mark.parametrize(("typed", "bare"), [("Chiêm Hóa", "chiem hoa"), ("Sở Nội vụ", "so noi vu")])
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
@pytest.mark.parametrize(("phrase", "expected"), PHRASES, ids=[e for _, e in PHRASES])
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


# A passage from across the plan, as a reader remembers it, and the only task that holds it: typed
# with accents and without, the task's page comes first (issue 19). The last words of several
# end in ạ…ỹ (chế, nghệ, thể, cửa), the letters lunr-languages' trimmer used to cut off.
PASSAGES = [
    ("Thực hiện nghiêm việc tinh giản biên chế", "nhiem-vu/ii-2-2-3/"),
    ("kiên quyết cơ cấu lại đội ngũ cán bộ", "nhiem-vu/ii-2-2-3/"),
    ("tạo đồng thuận trong xã hội", "nhiem-vu/ii-1-2/"),
    ("học tập, quán triệt đầy đủ các nội dung", "nhiem-vu/ii-1-1/"),
    ("số lượng cấp phó tối đa", "nhiem-vu/ii-2-1-2/"),
    ("giảm đầu mối thuộc và trực thuộc", "nhiem-vu/ii-2-1-4/"),
    ("giải thể hoặc sắp xếp lại", "nhiem-vu/ii-2-1-5/"),
    ("kiêm nhiệm một số chức danh lãnh đạo", "nhiem-vu/ii-2-1-6/"),
    ("dịch vụ công mà Nhà nước không nhất thiết", "nhiem-vu/ii-2-1-8/"),
    ("Nhà nước chỉ cấp kinh phí", "nhiem-vu/ii-2-1-9/"),
    ("quy định, quy chế, đảm bảo dân chủ", "nhiem-vu/ii-2-2-1/"),
    ("đề cao trách nhiệm giải trình", "nhiem-vu/ii-2-2-1/"),
    ("xây dựng bộ phận một cửa hiện đại", "nhiem-vu/ii-2-2-2/"),
    ("định mức tiết kiệm chi thường xuyên", "nhiem-vu/ii-2-2-4/"),
    ("khoa học công nghệ", "nhiem-vu/ii-2-2-5/"),
    ("hạ tầng công nghệ thông tin đã được đầu tư", "nhiem-vu/ii-2-2-5/"),
    ("cách làm hay, hiệu quả để phổ biến nhân rộng", "nhiem-vu/ii-2-2-6/"),
    ("thế lực thù địch và phần tử xấu", "nhiem-vu/ii-2-2-7/"),
    ("biểu dương, khen thưởng những tổ chức, cá nhân", "nhiem-vu/ii-2-2-8/"),
    ("xếp loại hằng năm đối với tập thể", "nhiem-vu/ii-2-2-9/"),
    ("tăng quy mô đơn vị hành chính cấp huyện", "nhiem-vu/ii-3-1-4/"),
    ("chế độ, chính sách thu hút người có trình độ cao", "nhiem-vu/ii-3-1-7/"),
    ("mức phụ cấp người hoạt động không chuyên trách", "nhiem-vu/ii-3-1-9/"),
    ("tăng chỉ số cải cách hành chính", "nhiem-vu/ii-3-1-10/"),
    ("hợp nhất 03 Văn phòng thành một Văn phòng", "nhiem-vu/ii-3-2-2/"),
    ("khoán kinh phí chi phụ cấp theo định mức", "nhiem-vu/ii-3-3-2/"),
    ("sử dụng ngân sách nhà nước", "nhiem-vu/ii-3-3-3/"),
    ("mô hình tự quản ở cộng đồng dân cư", "nhiem-vu/ii-3-5-7/"),
    ("Trung tâm hành chính công thành phố Tuyên Quang", "nhiem-vu/ii-3-5-8/"),
    ("lập dự toán kinh phí triển khai", "nhiem-vu/iii-1-1/"),
    ("gửi Sở Nội vụ trước ngày 13 và ngày 27", "nhiem-vu/iii-1-2/"),
    ("đôn đốc, kiểm tra và đánh giá kết quả", "nhiem-vu/iii-2-1/"),
    ("mở các chuyên trang, chuyên mục", "nhiem-vu/iii-3-1/"),
]


def _words(text: str) -> str:
    """Text as the search compares it: markup dropped, folded, lower case, cut into words."""
    bare = fold(re.sub(r"<[^>]*>", " ", text)).casefold()
    return " ".join(word for word in re.split(SEPARATOR, bare) if word)


def test_each_passage_is_held_by_its_task_alone(site):
    # The expected first result is a fact of the text: the one task page that holds the words.
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    tasks = {doc["location"]: f' {_words(doc["title"] + " " + doc["text"])} '
             for doc in index["docs"]
             if doc["location"].startswith("nhiem-vu/") and "#" not in doc["location"]}
    assert len(PASSAGES) >= 20
    for phrase, expected in PASSAGES:
        holding = [task for task, words in tasks.items() if f" {_words(phrase)} " in words]
        assert holding == [expected], (phrase, holding)


@pytest.mark.parametrize("accents", [True, False], ids=["accents", "no-accents"])
@pytest.mark.parametrize(("phrase", "expected"), PASSAGES, ids=[p for p, _ in PASSAGES])
def test_a_passage_finds_its_task_first(search_page, server, phrase, expected, accents):
    query = _typed(phrase, accents)
    results = search(search_page, server.base, query)
    assert results and results[0][0].endswith("/" + expected), (query, [p for p, _ in results[:3]])


# The numbering, as the plan writes it and without its part.
NUMBERS = ["2.2.3", "II.2.2.3", "ii-2-2-3", "Nhiệm vụ II.2.2.3", "mục II.2.2.3"]


@pytest.mark.parametrize("query", NUMBERS)
def test_the_number_of_a_task_finds_it_first(search_page, server, query):
    results = search(search_page, server.base, query)
    assert results and results[0][0].endswith("/nhiem-vu/ii-2-2-3/"), [p for p, _ in results[:3]]


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


@pytest.mark.parametrize(("query", "row"), [
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


def test_a_phrase_many_tasks_hold_finds_the_task_it_names_first(search_page, server, site):
    # «tinh giản biên chế» is in six tasks; the one whose own name says it comes first (it used
    # to come third, under pages matching «Chủ», «chặn»: issue 19).
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    named = [doc["location"] for doc in index["docs"] if doc["location"].startswith("nhiem-vu/")
             and "tinh giản biên chế" in doc["title"]]
    assert named == ["nhiem-vu/ii-2-2-3/"]
    for query in ("tinh giản biên chế", "tinh gian bien che"):
        results = search(search_page, server.base, query)
        assert results[0][0].endswith("/nhiem-vu/ii-2-2-3/"), [p for p, _ in results[:3]]


def _vietnamese_letters() -> list[str]:
    """Every letter of Vietnamese, lower and upper case, precomposed (NFC) and decomposed (NFD)."""
    tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    letters = {unicodedata.normalize("NFC", v + t) for v in vowels for t in tones} | {"đ"}
    letters |= {letter.upper() for letter in letters}
    return sorted(letters | {unicodedata.normalize("NFD", letter) for letter in letters})


def test_the_search_worker_keeps_every_vietnamese_letter_and_stems_nothing(search_page, server):
    # Material's own worker script and the lunr.vi the site serves, run in a worker of their own
    # in Chromium: a word keeps its last and first letter, whatever it is; punctuation the
    # separator leaves ("50%") is trimmed; the query pipeline does not stem «này» into "nài".
    search_page.goto(server.base)
    letters = _vietnamese_letters()
    assert len(letters) >= 2 * 2 * 67
    outcome = search_page.evaluate("""async (letters) => {
      const config = JSON.parse(document.getElementById("__config").textContent);
      const worker = new URL(config.search, location.href);
      const lunrDir = new URL("../lunr/min/", worker);
      const source = `
        importScripts(${JSON.stringify(worker.href)});
        importScripts(${JSON.stringify(lunrDir + "lunr.stemmer.support.min.js")},
                      ${JSON.stringify(lunrDir + "lunr.vi.min.js")});
        const letters = ${JSON.stringify(letters)};
        const trim = word => lunr.vi.trimmer(new lunr.Token(word)).toString();
        const cut = letters.filter(l => trim("ch" + l) !== "ch" + l || trim(l + "ch") !== l + "ch");
        let query;
        lunr(function () {
          this.use(lunr.vi);
          this.ref("id");
          query = this.searchPipeline.run([new lunr.Token("này"), new lunr.Token("chế")]).map(String);
        });
        postMessage({cut, query, percent: trim("50%"), number: trim("2.2.3")});`;
      const blob = new Blob([source], {type: "text/javascript"});
      return await new Promise((resolve, reject) => {
        const w = new Worker(URL.createObjectURL(blob));
        w.onmessage = event => resolve(event.data);
        w.onerror = event => reject(new Error(event.message));
      });
    }""", letters)
    assert outcome == {"cut": [], "query": ["này", "chế"], "percent": "50", "number": "2.2.3"}


# What the theme highlights: in the results, and on the page a result opens (?h=...), whole words
# as the page writes them (docs/assets/site.js gives each result the words of its own text).
def _highlighted(page, base: str, query: str, last: str) -> list[list[str]]:
    """Type the query as an input method does, with no key lifted after its last letter (a toned
    letter chosen on a phone or composed by Telex comes with an input event only); return the
    words of each result's links (?h=), once the last word typed is among them."""
    page.goto(base)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=5)
    assert box.input_value() == query
    items = page.locator("li.md-search-result__item")
    previous: list[str] = []
    for _ in range(50):
        hrefs = _hrefs(items.locator("a"))
        words = [parse_qs(urlsplit(href).query, keep_blank_values=True).get("h", [""])[0].split()
                 for href in hrefs]
        # The list once the theme is done with the last key: the first result may already be
        # the new one while the items below are still those of the query one letter short.
        if words and last in words[0] and hrefs == previous:
            return words
        previous = hrefs
        page.wait_for_timeout(100)
    raise AssertionError(f"the results never matched the whole query {query!r}: {words[:3]}")


def _marks(page, href: str) -> list[str]:
    page.goto(href)
    page.locator("mark[data-md-highlight]").first.wait_for()
    return [m.casefold() for m in page.locator("mark[data-md-highlight]").all_inner_texts()]


@pytest.mark.parametrize("query", ["tinh giản biên chế", "thôn, tổ dân phố"])
def test_a_query_is_highlighted_in_whole_words_as_typed(search_page, server, query):
    # «chế» used to be searched as "ch" (its last letter comes with no keyup, which is when the
    # theme reads the box): every "ch…" word was marked, in the results and on the page
    # (?h=tinh+giản+biên+ch, 25 marks on the task page).
    typed = [w for w in re.split(SEPARATOR, query.casefold()) if w]
    results = _highlighted(search_page, server.base, query, typed[-1])
    for words in results:
        assert words and set(words) <= set(typed), (query, words)
    href = search_page.locator("li.md-search-result__item a").first.get_attribute("href")
    marks = _marks(search_page, href)
    assert marks and all(set(mark.split()) <= set(typed) for mark in marks), marks
    shown = search_page.locator("li.md-search-result__item mark").all_inner_texts()
    assert all(m.casefold() in typed for m in shown), shown


def test_words_typed_without_accents_highlight_the_pages_spelling(search_page, server):
    # "so noi vu" used to pass ?h=so+noi+vu, which marks no «Sở Nội vụ» (the page's highlighter
    # compares letters with their accents): the page's own spelling is passed.
    results = _highlighted(search_page, server.base, "so noi vu", "vụ")
    assert results[0] == ["sở", "nội", "vụ"], results[0]
    href = search_page.locator("li.md-search-result__item a").first.get_attribute("href")
    assert "sở nội vụ" in _marks(search_page, href)


@pytest.mark.parametrize("query", ["so noi vu", "phụ lục", "Phụ lục, dòng 7"])
def test_no_result_opens_its_page_with_nothing_to_highlight(search_page, server, query):
    # A page found through its sections alone (the plan page, for an appendix row) had no words
    # of its own and was linked with an empty ?h=.
    search(search_page, server.base, query)
    hrefs = _hrefs(search_page.locator("li.md-search-result__item a"))
    assert hrefs
    for href in hrefs:
        assert parse_qs(urlsplit(href).query).get("h"), href
