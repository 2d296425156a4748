"""Search that forgives missing accents: "so noi vu" finds "Sở Nội vụ".

Material's search (lunr, `lang: vi`) matches words exactly as written, accents included. After the
build, each entry of search/search_index.json gets an accent-folded copy of its title and text as
two extra fields that lunr indexes beside the originals; docs/assets/search.js folds the query the
same way in the browser. The original fields are untouched, so results still show and highlight
the text as written.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

# The extra fields and their weights: the same as the fields they copy.
FOLDED_FIELDS = {"title": "folded_title", "text": "folded_text"}
_TAG = re.compile(r"<[^>]*>")


# After NFD every Vietnamese mark is one of these combining characters (grave, acute, tilde, hook,
# dot below, circumflex, breve, horn).
_MARKS = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Vietnamese text without its accents: NFD, drop the combining marks, đ→d, Đ→D.

    The browser does exactly this (docs/assets/site.js); keep the two in step."""
    bare = _MARKS.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


def add_folded_fields(index_file: Path) -> None:
    """Rewrite Material's search index with a folded copy of each title and text."""
    index = json.loads(index_file.read_text("utf-8"))
    fields = index["config"]["fields"]
    for source, target in FOLDED_FIELDS.items():
        fields[target] = dict(fields[source])
    for doc in index["docs"]:
        for source, target in FOLDED_FIELDS.items():
            # Markup only separates words: the folded copy is never shown, so text alone will do.
            plain = _TAG.sub(" ", doc.get(source) or "")
            folded = " ".join(fold(plain).split())
            if folded != " ".join(plain.split()):
                doc[target] = folded
    index_file.write_text(
        json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
