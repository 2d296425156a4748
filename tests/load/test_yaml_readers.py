"""The two YAML readers of macros.load.yaml read the same data.

PyYAML (YAML 1.1) is the reference: its reading is the data, and its errors become Vietnamese
messages at their line. yaml_rs (YAML 1.2, much faster) reads a file first, and its reading is
kept only when nothing in the file is of a kind on which the two can differ. So whatever a file
holds, parse_yaml gives what PyYAML gives: the same values of the same types, or the same
problems. The real data files are read by yaml_rs, so `make validate` stays fast.
"""
from __future__ import annotations

import itertools
import random
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from macros.load import yaml as reader
from macros.load.errors import DataError
from tests.conftest import DATA, ROOT
from tests.support.synthetic import scale

FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def outcome(read, text: str):
    """What a reader makes of the text: the data, written with its types, or the problems."""
    try:
        return "data", repr(read(text))  # repr tells True from 1 and 1 from 1.0 and from "1"
    except DataError as error:
        return "problems", [(p.line, p.field, p.message) for p in error.problems]


def reference(text: str):
    return outcome(lambda t: reader._reference(t, "tệp", 1), text)


def parsed(text: str):
    return outcome(lambda t: reader.parse_yaml(t, "tệp")[0], text)


def fast(text: str):
    """yaml_rs's reading, when it is kept."""
    data = reader._fast(text)
    return None if data is reader._UNSURE else ("data", repr(data))


def real_files() -> list[tuple[str, str]]:
    """Every YAML text of the repository that the loader reads, as (name, text)."""
    files = sorted([*DATA.rglob("*.yaml"), *(ROOT / "tests" / "fixtures" / "demo").rglob("*.yaml")])
    texts = [(str(path.relative_to(ROOT)), path.read_text("utf-8")) for path in files]
    for post in sorted((ROOT / "docs" / "tin-tuc" / "posts").rglob("*.md")):
        texts.append((str(post.relative_to(ROOT)), FRONT_MATTER.match(post.read_text("utf-8"))[1]))
    return texts


@pytest.mark.parametrize(("name", "text"), real_files(), ids=[name for name, _ in real_files()])
def test_the_real_files_are_read_by_yaml_rs_and_read_alike(name, text):
    assert fast(text) is not None, f"{name} is read by PyYAML: the guard refuses something in it"
    assert fast(text) == reference(text)


def test_the_bad_data_fixtures_read_alike():
    text = (ROOT / "tests" / "fixtures" / "bad_data.yaml").read_text("utf-8")
    assert parsed(text) == reference(text)
    for fixture in yaml.safe_load(text):
        for part in ("find", "replace"):
            snippet = f"x:\n  {fixture[part]}\n" if ": " in fixture[part] else f"x: {fixture[part]}\n"
            assert parsed(snippet) == reference(snippet), snippet


def test_a_plan_three_times_the_size_is_read_by_yaml_rs_alike(tmp_path):
    data = scale(DATA, tmp_path / "data", 3)
    for name in ("plan.yaml", "agencies.yaml"):
        text = (data / name).read_text("utf-8")
        assert fast(text) is not None and fast(text) == reference(text), name


# Texts on which YAML 1.1 (PyYAML) and YAML 1.2 (yaml_rs) differ, or which PyYAML refuses and
# yaml_rs accepts: yaml_rs's reading must not be kept, and the reading is PyYAML's.
DIFFERING = {
    "yes is a boolean in YAML 1.1": ("done: yes\n", {"done": True}),
    "No is a boolean in YAML 1.1": ("done: No\n", {"done": False}),
    "on is a boolean in YAML 1.1": ("bullet: on\n", {"bullet": True}),
    "OFF is a boolean in YAML 1.1": ("bullet: OFF\n", {"bullet": False}),
    "a boolean key in YAML 1.1": ("yes: 1\n", {True: 1}),
    "0755 is octal in YAML 1.1": ("percent: 0755\n", {"percent": 493}),
    "012 is octal in YAML 1.1": ("day: 012\n", {"day": 10}),
    "-012 is octal in YAML 1.1": ("day: -012\n", {"day": -10}),
    "08 is text in YAML 1.1": ("day: 08\n", {"day": "08"}),
    "0o17 is text in YAML 1.1": ("day: 0o17\n", {"day": "0o17"}),
    "0X1F is text in YAML 1.1": ("day: 0X1F\n", {"day": "0X1F"}),
    "1:30 is sexagesimal in YAML 1.1": ("percent: 1:30\n", {"percent": 90}),
    "190:20:30 is sexagesimal in YAML 1.1": ("a: 190:20:30\n", {"a": 685230}),
    "a sexagesimal key": ("1:30: a\n", {90: "a"}),
    "a time is sexagesimal in YAML 1.1": ("a: 12:30:00\n", {"a": 45000}),
    "1e3 is text in YAML 1.1": ("percent: 1e3\n", {"percent": "1e3"}),
    "1.0e3 is text in YAML 1.1": ("percent: 1.0e3\n", {"percent": "1.0e3"}),
    ".iNf is text in YAML 1.1": ("a: .iNf\n", {"a": ".iNf"}),
    "_1 is text in YAML 1.1": ("a: _1\n", {"a": "_1"}),
    "-_1 is text in YAML 1.1": ("a: -_1\n", {"a": "-_1"}),
    "a float is kept out": ("percent: 40.5\n", {"percent": 40.5}),
    "a tab after a list dash": ("k:\n- 1\n-\t2\n", None),
    "a multi-line block at the top": ("|\n# x\na: 1\n", None),
    "U+2028 is a line break in YAML 1.1": ("done: a\n\u2028b: c\n", {"done": "a", "b": "c"}),
    "U+0085 is a line break in YAML 1.1": ("done: a\x85b\n", None),
    "a byte order mark": ("\ufeffdone: a\n", {"done": "a"}),
    "a directive": ("%YAML 1.1\n---\ndone: yes\n", {"done": True}),
    "lone CR line breaks": ("day: 08\rpercent: 1:30\r", {"day": "08", "percent": 90}),
}
REFUSED = {
    # text: what PyYAML says
    "= is the value key of YAML 1.1": ("done: =\n", "Lỗi cách viết YAML: giá trị bắt đầu bằng"),
    "<< is the merge key of YAML 1.1": ("<<: {a: 1}\n", "Lỗi cách viết YAML: giá trị bắt đầu bằng"),
    "a key written twice": ("state: x\nstate: y\n", "Lỗi YAML: khóa «state» được viết hai lần"),
    "a key written twice, once quoted": ("state: x\n'state': y\n", "Lỗi YAML: khóa «state»"),
    "true and 1 are one key": ("true: a\n1: b\n", "Lỗi YAML: khóa «1» được viết hai lần"),
    "null and ~ are one key": ("null: a\n~: b\n", "Lỗi YAML: khóa «None» được viết hai lần"),
    "1 and +1 are one key": ("1: a\n+1: b\n", "Lỗi YAML: khóa «1» được viết hai lần"),
    "two documents": ("state: x\n---\ndone: y\n", "Lỗi cách viết YAML: tệp chỉ được có một phần"),
    "a document end, then text": ("state: x\n...\ndone: y\n", "Lỗi cách viết YAML"),
    "a document end before the data": ("...\nstate: x\n", "Lỗi cách viết YAML"),
    "a directive PyYAML does not know": ("%YAML 2.0\n---\nstate: x\n", "Lỗi cách viết YAML"),
    "an empty key": ("state: x\n: y\n", "Lỗi cách viết YAML"),
    "an empty key in a list": ("a:\n  - :\n  - b\n", "Lỗi cách viết YAML"),
    "a key ending a flow list": ("a: [b:]\n", "Lỗi cách viết YAML"),
    "a colon starting a flow value": ("a: [:b]\n", "Lỗi cách viết YAML"),
    "a list as a key": ("[a]: 1\n", "Lỗi cách viết YAML: tên trường không được là một danh sách"),
    "a list as a key in a flow mapping": ("a: {[b]}\n", "Lỗi cách viết YAML: tên trường"),
    "a tag": ("done: !foo z\n", "Lỗi cách viết YAML: giá trị bắt đầu bằng"),
    "an alias": ("done: *x\n", "Lỗi cách viết YAML: giá trị bắt đầu bằng"),
    "a control character": ("state: x\ndone: a\x07b\n", "Tệp có một ký tự điều khiển"),
    "DEL": ("done: a\x7fb\n", "Tệp có một ký tự điều khiển"),
    "a C1 control character": ("done: a\x80b\n", "Tệp có một ký tự điều khiển"),
    "U+FFFF": ("done: a\uffffb\n", "Tệp có một ký tự điều khiển"),
    "a tab as indentation": ("evidence:\n\t- number: a\n", "Lỗi cách viết YAML: giá trị bắt đầu"),
    "a key longer than 1024 characters": ("x" * 1100 + ": 1\n", "Lỗi cách viết YAML"),
}


@pytest.mark.parametrize("name", DIFFERING)
def test_yaml_1_1_is_what_counts(name):
    text, expected = DIFFERING[name]
    assert fast(text) is None
    if expected is not None:
        assert reader.parse_yaml(text, "tệp")[0] == expected
        assert parsed(text) == ("data", repr(expected))
    assert parsed(text) == reference(text)


@pytest.mark.parametrize("name", REFUSED)
def test_what_pyyaml_refuses_is_refused_in_vietnamese(name):
    text, says = REFUSED[name]
    assert fast(text) is None
    kind, problems = parsed(text)
    assert kind == "problems" and problems[0][2].startswith(says), problems
    assert parsed(text) == reference(text)


@pytest.mark.parametrize("text", [
    "date: 2018-07-02\n", "date: 2018-07-02 10:00:00\n", "date: 2018-07-02T10:00:00+07:00\n",
], ids=["date", "date and time", "ISO instant"])
def test_dates_stay_text(text):
    value = reader.parse_yaml(text, "tệp")[0]
    assert all(isinstance(v, str) for v in value.values())
    assert parsed(text) == reference(text)


def test_dates_and_plain_numbers_keep_the_fast_reading():
    text = "date: 2018-07-02\npercent: 40\nnumber: '1'\nbullet: true\nnote:\n"
    assert fast(text) == ("data", repr({"date": "2018-07-02", "percent": 40, "number": "1",
                                        "bullet": True, "note": None}))


@pytest.mark.parametrize("text", [
    unicodedata.normalize("NFD", "done: Đã ban hành Quyết định\nreporter: sở nội vụ\n"),
    'done: "Đa\\u0303 ban ha\\u0300nh"\n',  # escapes that write decomposed letters (PyYAML)
], ids=["decomposed text", "escapes"])
def test_text_values_are_read_in_nfc(text):
    data, _ = reader.parse_yaml(text, "tệp")
    assert all(unicodedata.is_normalized("NFC", value) for value in data.values())
    assert data["done"].startswith("Đã ban hành")


def test_nfc_text_is_read_as_it_is():
    text = (DATA / "agencies.yaml").read_text("utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert reader.parse_yaml(text, "tệp")[0] == reader._reference(text, "tệp", 1)


def test_every_character_pyyaml_refuses_sends_the_file_to_pyyaml():
    everything = "".join(map(chr, range(0x110000)))
    refused = yaml.reader.Reader.NON_PRINTABLE.findall(everything)
    line_breaks_and_more = ["\t", "\x85", "\u2028", "\u2029", "\ufeff"]  # YAML 1.1 only, or BOM
    assert len(refused) > 2000
    for char in [*refused, *line_breaks_and_more]:
        assert reader._fast(f"done: a{char}b\n") is reader._UNSURE, hex(ord(char))


def test_the_text_of_the_data_keeps_the_fast_reading():
    text = "".join(sorted(set((DATA / "plan.yaml").read_text("utf-8") + "«»“”‘’–…°\xa0")))
    assert not reader._odd_character(text.replace("\n", "").encode())


# Plain values over the characters numbers, booleans and nulls are made of, in every place a value
# stands in a block file: whatever yaml_rs reads and is kept, PyYAML reads the same.
WORDS = ["yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "n",
         "true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "null", "Null", "NULL", "nULL",
         "~", "<<", "=", ".inf", ".Inf", ".INF", ".iNf", "-.inf", "+.inf", ".nan", ".NaN", ".NAN",
         ".nAn", "-.nan", "0o17", "0O17", "0x1F", "0X1F", "0b101", "0B101", "1_000", "_1", "+_1",
         "1:30", "190:20:30", "1:30.5", "1.0e3", "1.0e+3", "1e+3", "._5", "12:30:00",
         "2018-07-02", "2018-07-02T10:00:00Z", "123456789012345678901234567890"]
CONTEXTS = ["a: {}\n", "{}: a\n", "- {}\n", "a:\n  b: {}\n", "a: {} # c\n", "a:\n  - x\n  - {}\n",
            "a: x\n  {}\n", "a: {}\r\nb: c\r\n", "a: {}\rb: c\r", "{}: a\rb: c\r"]


def test_plain_values_read_alike():
    tokens = {"".join(t) for n in (1, 2, 3) for t in itertools.product("0189_.:+-eExoOb", repeat=n)}
    kept = 0
    for token in sorted(tokens | set(WORDS)):
        for context in CONTEXTS:
            text = context.format(token)
            if (found := fast(text)) is not None:
                kept += 1
                assert found == reference(text), text
    assert kept > 10_000  # most of them are read by yaml_rs, and the test compares something


# Random edits of block documents like the data files, with the characters YAML gives a meaning.
SAMPLES = [
    "state: đang thực hiện\npercent: 40\ndone: Đang làm, xong 2 việc.\nreporter: so-noi-vu\n"
    "evidence:\n  - number: QĐ 12\n    date: 2019-01-08\n    url: https://example.org/a\n"
    "corrections:\n  - date: 2019-01-15\n    reason: Sửa số.\nnote: |\n  Dòng một.\n"
    "  Dòng hai: có dấu hai chấm.\ntags:\n- a\n- \"c d\"\n- 'e'\nlong: >-\n  một\n  hai\n\n  ba\n"
    "plain: dòng một\n  dòng hai\n\n  dòng ba\n",
    (DATA / "plan.yaml").read_text("utf-8")[:2000],
    (DATA / "agencies.yaml").read_text("utf-8")[-2000:].split("\n", 1)[1],
]
EDITS = [*":-#&*!|>'\"%@`? \n\t\r.0123456789_+=~<eExoyYnN", "\n  ", ": ", "- ", "\n- ", "? ",
         "...", "---", "\n---", "\n...", "--- ", "\\", "\\n", "\ufeff", "\x85", "\u2028",
         "\n    ", "|", "|-", ">", ">+", "\n  - ", ":\n", " #", "[", "]", "{", "}", ", ", "\xa0"]


def test_edited_documents_read_alike():
    rng = random.Random(68)
    kept = 0
    for _ in range(8000):
        text = rng.choice(SAMPLES)
        for _ in range(rng.randint(1, 3)):
            at, edit = rng.randrange(len(text) + 1), rng.choice(EDITS)
            choice = rng.random()
            if choice < 0.5:
                text = text[:at] + edit + text[at:]
            elif choice < 0.8:
                text = text[:at] + edit + text[at + 1:]
            else:
                text = text[:at] + text[at + rng.randint(1, 3):]
        if (found := fast(text)) is not None:
            kept += 1
            assert found == reference(text), text
    assert kept > 800  # about one in eight edits leaves a file yaml_rs's reading is kept for
