"""Search that forgives missing accents and punctuation, finds tasks by number, and shows the
appendix row by row.

Material's search (lunr, `lang: vi`) matches words exactly as written, accents included, and cuts
words with the `separator` of mkdocs.yml (`plugins.search.separator`: spaces and punctuation,
but not the dots inside a number such as 2.1.3). After the build, rewrite_index() changes
search/search_index.json:

- the appendix (Phụ lục) on /ke-hoach/ becomes one entry per row (`ke-hoach/#phu-luc-<n>`,
  "Phụ lục, dòng <n>"), instead of one block of the whole table (for a plan text in pages, on
  each page that holds rows: `ke-hoach/trang-<k>/#phu-luc-<n>`);
- each task page gets an `aliases` field: its id with dots (ii.2.1.3, ii.3.1.2) and its number
  without the part (2.1.3), so "2.1.3", "II.2.1.3" and "ii-2-1-3" find it first;
- each title and text gets an accent-folded copy (the words whose spelling changes, each once,
  in the order they first come) as extra fields that lunr indexes beside the originals.

docs/assets/site.js folds and splits the reader's query the same way, and writes a task id
("ii-2-1-3") with dots. The original fields are untouched, so results still show and highlight
the text as written. The copy holds each word once: whether the words come in the order typed is
read by site.js from the original text, which the page already holds (it sorts the worker's
results on it), so repeating them here would only weigh on every first visit (5.6 KiB of the
58 KiB index, compressed).
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

from lxml import html as lxml_html

from .. import routes

# The extra fields and their weights: the same as the fields they copy.
FOLDED_FIELDS = {"title": "folded_title", "text": "folded_text"}
ALIASES = "aliases"
_TAG = re.compile(r"<[^>]*>")

TASK_BOOST = 2
_TASK_NUMBER = re.compile(r"\b[IVX]+\.(\d+(?:\.\d+)*)")


# After NFD every Vietnamese mark is one of these combining characters (grave, acute, tilde, hook,
# dot below, circumflex, breve, horn).
_MARKS = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Vietnamese text without its accents: NFD, drop the combining marks, đ→d, Đ→D.

    The browser does exactly this (docs/assets/site.js); keep the two in step."""
    bare = _MARKS.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


def rewrite_index(index_file: Path, docs: list[dict] | None = None) -> None:
    """Rewrite Material's search index: appendix rows, task aliases, folded copies.

    `docs`: the entries the search plugin has just written, still in its memory. They are then
    changed in place and the file is not read back whole (only its small `config`): at 100 times
    the plan, reading back a 30 MB index and writing it as one string doubled the build's peak
    memory. The file is written entry by entry."""
    config = _written_config(index_file) if docs is not None else None
    if config is None:
        index = json.loads(index_file.read_text("utf-8"))
    else:
        index = {"config": config, "docs": docs}
    site = index_file.parent.parent
    if (site / routes.PLAN_TEXT / "index.html").exists():
        split_appendix_pages(index, site)
    add_task_aliases(index)
    add_folded_fields(index)
    _write(index, index_file)


_CONFIG_PREFIX = '{"config":'


def _written_config(index_file: Path) -> dict | None:
    """The `config` of the index Material wrote ({"config": {...}, "docs": [...]}), read from the
    file's first lines; None if the file does not start that way."""
    with index_file.open(encoding="utf-8") as stream:
        head = stream.read(1 << 16)
    if not head.startswith(_CONFIG_PREFIX):
        return None
    try:
        config, end = json.JSONDecoder().raw_decode(head, len(_CONFIG_PREFIX))
    except json.JSONDecodeError:
        return None
    return config if head.startswith(',"docs":', end) else None


def _write(index: dict, index_file: Path) -> None:
    """The index as compact JSON in UTF-8, the same bytes as one json.dumps, without holding the
    whole text in memory."""
    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)

    with index_file.open("w", encoding="utf-8") as out:
        out.write("{")
        for number, (key, value) in enumerate(index.items()):
            out.write(("," if number else "") + dumps(key) + ":")
            if key != "docs":
                out.write(dumps(value))
                continue
            out.write("[")
            for position, doc in enumerate(value):
                out.write(("," if position else "") + dumps(doc))
            out.write("]")
        out.write("}")


def _appendix_section(location: str) -> bool:
    """The entry of the Phụ lục's heading on a page of the plan text."""
    address, _, anchor = location.partition("#")
    return anchor == routes.APPENDIX_ANCHOR and routes.plan_text_page_number(address) is not None


def _appendix_row(location: str) -> bool:
    address, _, anchor = location.partition("#")
    return routes.appendix_row_number(anchor) is not None and \
        routes.plan_text_page_number(address) is not None


def split_appendix_pages(index: dict, site: Path) -> None:
    """The rows of the Phụ lục, on each page of the plan text that holds some (the real plan's
    text is one page)."""
    sections = [doc["location"] for doc in index["docs"] if _appendix_section(doc["location"])]
    if not sections:
        raise ValueError(f"search index: no appendix ({routes.APPENDIX_ANCHOR}) on the plan text")
    for location in sections:
        page = site / location.partition("#")[0] / "index.html"
        split_appendix(index, page.read_text("utf-8"), location)


def _text(element) -> str:
    return " ".join(element.text_content().split())


def split_appendix(index: dict, page_html: str, location: str) -> None:
    """One entry per row of the appendix table, after the appendix section's own entry (at
    `location`), which keeps its text up to the table's caption. The rows are read from the
    built page."""
    docs = index["docs"]
    at = next((i for i, doc in enumerate(docs) if doc["location"] == location), None)
    rows = lxml_html.fromstring(page_html).xpath(
        f'//tr[starts-with(@id, "{routes.appendix_row_anchor("")}")]')
    if at is None or not rows:
        raise ValueError(f"search index: no appendix ({location}) or no rows to split")
    page = routes.plan_text_page_number(location.partition("#")[0])
    table = rows[0].xpath("ancestor::table[1]")[0]
    labels = [_text(cell) for cell in table.xpath("./thead/tr[1]/th")]
    caption = _text(table.xpath("./caption")[0])
    section = docs[at]
    end = section["text"].find(caption)
    if end < 0:
        raise ValueError(f"search index: the appendix caption «{caption}» is not in its entry")
    section["text"] = section["text"][: end + len(caption)]
    entries = []
    for row in rows:
        # The task links inside the content cell ("Nhiệm vụ: II.3.1, ý 2") get a line of their own.
        links = row.xpath('./td[1]//span[contains(@class, "ui-links")]')
        tasks = [_text(span) for span in links]
        for span in links:
            span.drop_tree()
        number, content, *rest = (_text(cell) for cell in row.xpath("./th|./td"))
        parts = [content, *tasks]
        parts += [f"{label}: {value}" for label, value in zip(labels[2:], rest) if value]
        entries.append({
            "location": routes.appendix_row(routes.appendix_row_number(row.get("id")), page),
            "title": f"Phụ lục, dòng {number}",
            "text": "".join(f"<p>{html.escape(part, quote=False)}</p>" for part in parts),
        })
    docs[at + 1:at + 1] = entries


def add_task_aliases(index: dict) -> None:
    """Each task page's id with dots (ii.2.1.3, ii.3.1.2) and its number without the part
    (2.1.3, from the title "Nhiệm vụ II.2.1.3"), as a field weighted like the title."""
    index["config"]["fields"][ALIASES] = dict(index["config"]["fields"]["title"])
    for doc in index["docs"]:
        task_id = routes.task_id_of(doc["location"])
        if task_id is None:
            continue
        aliases = [task_id.replace("-", ".")]
        number = _TASK_NUMBER.search(doc["title"])
        if number and number.group(1) not in aliases:
            aliases.append(number.group(1))
        doc[ALIASES] = " ".join(aliases)
        # A task's own page is the best answer for words of its text, which the plan page repeats
        # in long sections that collect more matches (lunr does not weigh by length here).
        doc["boost"] = TASK_BOOST


def add_folded_fields(index: dict) -> None:
    """A folded copy of each title and text: the words whose spelling folding changes, each
    once (a word spelled the same is already found in the original field)."""
    fields = index["config"]["fields"]
    separator = re.compile(index["config"]["separator"])
    for source, target in FOLDED_FIELDS.items():
        fields[target] = dict(fields[source])
    # Each distinct word folded once: a site repeats a vocabulary of a few thousand words.
    spelled: dict[str, str] = {}

    def folded_words(text: str) -> list[str]:
        out: dict[str, None] = {}
        for word in separator.split(text):
            if word:
                bare = spelled.get(word)
                if bare is None:
                    bare = spelled[word] = fold(word)
                if bare != word:
                    out[bare] = None
        return list(out)

    for doc in index["docs"]:
        folded = {}
        for source, target in FOLDED_FIELDS.items():
            # Markup only separates words: the folded copy is never shown, so text alone will do.
            folded[target] = folded_words(_TAG.sub(" ", doc.get(source) or ""))
        if _appendix_row(doc["location"]):
            # A row's title is a label, not its subject: folded, "dòng" is "dong", as "động" is,
            # and weighed as a title it would rank every row first for "hoat dong". Its folded
            # words weigh as text (the title as written still weighs as a title).
            folded["folded_text"] = list(dict.fromkeys(folded.pop("folded_title") + folded["folded_text"]))
        for target, words in folded.items():
            if words:
                doc[target] = " ".join(words)
