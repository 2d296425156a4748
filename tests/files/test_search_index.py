"""The search index rewrite (macros.files.search.rewrite_index) gives the same bytes whether it
reads Material's file back or takes the entries still in the search plugin's memory."""
from __future__ import annotations

import copy
import json

from macros.files.search import rewrite_index

CONFIG = {
    "lang": ["vi"],
    "separator": r"[\s\-–—,;:!?]+|\.(?!\d)",
    "pipeline": ["stopWordFilter"],
    "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}},
}
DOCS = [
    {"location": "", "title": "Trang chủ", "text": "<p>Kế hoạch số 68/KH-UBND</p>"},
    {"location": "nhiem-vu/ii-2-1-3/", "title": "Nhiệm vụ II.2.1.3",
     "text": "<p>Sáp nhập các thôn, tổ dân phố; đổi mới tổ chức bộ máy</p>"},
    {"location": "co-quan/so-noi-vu/", "title": "Sở Nội vụ", "text": "<p>Đơn vị «chủ trì»</p>"},
]


def material_file(folder, config=CONFIG, docs=DOCS):
    """The index as Material writes it: ASCII-escaped, compact."""
    index = folder / "search" / "search_index.json"
    index.parent.mkdir(parents=True)
    index.write_text(json.dumps({"config": config, "docs": docs}, separators=(",", ":"),
                                default=str), "utf-8")
    return index


def test_from_memory_and_from_the_file_the_same_bytes(tmp_path):
    from_file = material_file(tmp_path / "a")
    rewrite_index(from_file)
    from_memory = material_file(tmp_path / "b")
    docs = copy.deepcopy(DOCS)
    rewrite_index(from_memory, docs)
    assert from_memory.read_bytes() == from_file.read_bytes()
    written = json.loads(from_file.read_text("utf-8"))
    # Written in one piece, as json.dumps would, in UTF-8 (not escaped), and rewritten.
    assert from_file.read_text("utf-8") == json.dumps(written, ensure_ascii=False,
                                                      separators=(",", ":"))
    assert written["config"]["fields"]["folded_title"] == CONFIG["fields"]["title"]
    task = next(doc for doc in written["docs"] if doc["location"] == "nhiem-vu/ii-2-1-3/")
    assert task["aliases"] == "ii.2.1.3 2.1.3"
    # Each changed word once, in the order it first comes («tổ» twice in the text).
    assert task["folded_text"] == "Sap nhap cac thon to dan pho doi moi chuc bo may"
    # The entries in memory were changed in place: the file is not read back whole.
    assert docs == written["docs"]


def test_a_file_in_another_shape_is_read_back_whole(tmp_path):
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    text = json.dumps({"docs": DOCS, "config": CONFIG}, separators=(",", ":"))
    index.write_text(text, "utf-8")
    rewrite_index(index, copy.deepcopy(DOCS[:1]))  # ignored: the file's own entries are used
    written = json.loads(index.read_text("utf-8"))
    assert [doc["location"] for doc in written["docs"]] == [doc["location"] for doc in DOCS]
