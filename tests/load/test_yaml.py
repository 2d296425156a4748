"""macros.load.yaml: PyYAML (YAML 1.1) reads the data, with Vietnamese messages at their line.

What counts is YAML 1.1 as PyYAML reads it: the values on which a YAML 1.2 reader would differ
(`yes`, `0755`, `1:30`, ...) are read as PyYAML reads them, and what it refuses is refused in
Vietnamese. Dates stay text (the models check them), and every value is NFC.
"""
from __future__ import annotations

import re
import unicodedata

import pytest

from macros.load import yaml as reader
from macros.load.errors import DataError
from macros.model.schema import nfc_values
from tests.conftest import DATA, ROOT

FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def parsed(text: str):
    """What the reader makes of the text: the data, written with its types, or the problems."""
    try:
        return "data", repr(reader.parse_yaml(text, "tệp")[0])  # repr tells True from 1
    except DataError as error:
        return "problems", [(p.line, p.field, p.message) for p in error.problems]


def real_files() -> list[tuple[str, str]]:
    """Every YAML text of the repository that the loader reads, as (name, text)."""
    files = sorted([*DATA.rglob("*.yaml"), *(ROOT / "tests" / "fixtures" / "demo").rglob("*.yaml")])
    texts = [(str(path.relative_to(ROOT)), path.read_text("utf-8")) for path in files]
    for post in sorted((ROOT / "docs" / "tin-tuc" / "posts").rglob("*.md")):
        texts.append((str(post.relative_to(ROOT)), FRONT_MATTER.match(post.read_text("utf-8"))[1]))
    return texts


# Texts that a YAML 1.2 reader would read otherwise, or accept: what counts is YAML 1.1, as
# PyYAML reads it.
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
    if expected is None:
        assert parsed(text)[0] == "problems"
    else:
        assert parsed(text) == ("data", repr(expected))  # with its types: True, 1, 1.0, "1"


@pytest.mark.parametrize("name", REFUSED)
def test_what_pyyaml_refuses_is_refused_in_vietnamese(name):
    text, says = REFUSED[name]
    kind, problems = parsed(text)
    assert kind == "problems" and problems[0][2].startswith(says), problems


@pytest.mark.parametrize("text", [
    "date: 2018-07-02\n", "date: 2018-07-02 10:00:00\n", "date: 2018-07-02T10:00:00+07:00\n",
], ids=["date", "date and time", "ISO instant"])
def test_dates_stay_text(text):
    value = reader.parse_yaml(text, "tệp")[0]
    assert all(isinstance(v, str) for v in value.values())


def test_plain_numbers_booleans_and_nulls_keep_their_types():
    text = "date: 2018-07-02\npercent: 40\nnumber: '1'\nbullet: true\nnote:\n"
    assert parsed(text) == ("data", repr({"date": "2018-07-02", "percent": 40, "number": "1",
                                          "bullet": True, "note": None}))


@pytest.mark.parametrize("text", [
    unicodedata.normalize("NFD", "done: Đã ban hành Quyết định\nreporter: sở nội vụ\n"),
    'done: "Đa\\u0303 ban ha\\u0300nh"\n',  # escapes that write decomposed letters (PyYAML)
], ids=["decomposed text", "escapes"])
def test_text_values_are_read_in_nfc(text):
    data, _ = reader.parse_yaml(text, "tệp")
    assert all(unicodedata.is_normalized("NFC", value) for value in data.values())
    assert data["done"].startswith("Đã ban hành")


def test_the_real_files_are_nfc_and_read_as_they_are():
    for name, text in real_files():
        assert unicodedata.is_normalized("NFC", text), name
        data = reader.parse_yaml(text, name)[0]
        assert type(data) is dict and data == nfc_values(data), name
