"""Messages a clerk can act on: every error the loader can raise is Vietnamese, with no English
from PyYAML, libyaml or pydantic, and names file, line and field (list items counted from 1).

The pydantic error types our models can raise are found by mutating the real data and a valid
report (tests/support/fuzz.py); each has an example below, run through the real loader."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from macros.load import errors as pyd_errors
from macros.load import yaml as yaml_reader
from macros.load.errors import DataError
from macros.load.yaml import read_yaml
from tests.conftest import DATA, copy_data
from tests.support.fuzz import error_types
from tests.support.plans import load

ENGLISH = {
    "input", "should", "valid", "field", "required", "string", "list", "dictionary", "instance",
    "error", "not", "allowed", "found", "expected", "mapping", "character", "could", "values",
    "token", "stream", "document", "context", "integer", "boolean", "pattern", "least", "most",
    "greater", "less", "equal", "item", "items", "extra", "inputs", "permitted", "or", "and",
    "the", "of", "with",  # not "in", "to": Vietnamese words too
    "unable", "parse", "fractional", "part",
    "got", "scanning", "parsing", "while", "did", "find", "indicator", "escape", "unknown",
    "alias", "constructor", "tag", "end", "unexpected", "another", "single", "datetimes",
}

REPORT = "state: đang thực hiện\npercent: 40\ndone: Đang làm.\nreporter: so-noi-vu\n"


def english_words(message: str) -> set[str]:
    """English words outside the «…» quotes (which hold the clerk's own values and field names)."""
    outside = re.sub(r"«[^»]*»", " ", message)
    return {w for w in re.findall(r"[A-Za-z]+", outside) if w.lower() in ENGLISH}


def report_problems(tmp_path: Path, text: str) -> list:
    folder = tmp_path / "tien-do" / "ii-2-1-1"
    folder.mkdir(parents=True)
    (folder / "2019-01-10.yaml").write_text(text, "utf-8")
    with pytest.raises(DataError) as caught:
        load(DATA, reports_dir=folder.parent, as_of=date(2019, 1, 31))
    return caught.value.problems


def data_problems(tmp_path: Path, file: str, change) -> list:
    data = copy_data(tmp_path)
    document, _ = read_yaml(data / file, file)
    change(document)
    (data / file).write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
    with pytest.raises(DataError) as caught:
        load(data)
    return caught.value.problems


def _agency(key, value):
    def change(doc):
        doc["agencies"][0][key] = value
    return change


# One example per pydantic error type: a report's text, or a change to agencies.yaml or plan.yaml.
# (type, report text or (file, change), field of the problem, what the message starts with)
PYDANTIC = {
    "missing": (REPORT.replace("done: Đang làm.\n", ""), "done", "Thiếu trường bắt buộc «done»"),
    "extra_forbidden": (REPORT + "ngay: 2019-01-10\n", "ngay", "Trường «ngay» không có"),
    "string_type": (REPORT.replace("Đang làm.", "2018"), "done",
                    "Giá trị phải là một đoạn văn bản"),
    "string_too_short": (REPORT.replace("Đang làm.", '""'), "done",
                         "Giá trị quá ngắn hoặc để trống"),
    "string_too_long": (REPORT.replace("so-noi-vu", "a" * 81), "reporter",
                        "Giá trị dài quá 80 ký tự"),
    "string_pattern_mismatch": (REPORT.replace("so-noi-vu", "Sở Nội vụ"), "reporter",
                                "Giá trị «Sở Nội vụ» không đúng dạng"),
    "date_from_datetime_parsing": (REPORT + "revised_due: 14/9/2018\n", "revised_due",
                                   "Ngày «14/9/2018» không hợp lệ"),
    "date_from_datetime_inexact": (REPORT + "revised_due: 20180914\n", "revised_due",
                                   "«20180914» không phải một ngày"),
    "date_type": (REPORT + "revised_due: [1]\n", "revised_due", "Giá trị phải là một ngày"),
    "int_parsing": (REPORT.replace("40", "40%"), "percent", "Giá trị phải là một số nguyên."),
    "int_type": (REPORT.replace("40", "[40]"), "percent", "Giá trị phải là một số nguyên."),
    "int_from_float": (REPORT.replace("40", "40.5"), "percent",
                       "Giá trị phải là một số nguyên, không có phần lẻ"),
    "greater_than_equal": (REPORT.replace("40", "-5"), "percent", "Giá trị phải từ 0 trở lên."),
    "less_than_equal": (REPORT.replace("40", "140"), "percent", "Giá trị phải không quá 100."),
    "enum": (REPORT.replace("đang thực hiện", "đang làm"), "state",
             "Giá trị «đang làm» không hợp lệ; chỉ được dùng: 'chưa triển khai'"),
    "list_type": (REPORT + "evidence: QĐ 12\n", "evidence", "Giá trị phải là một danh sách"),
    "model_type": (REPORT + "evidence:\n  - QĐ 12\n", "evidence[1]",
                   "Giá trị phải là một mục có các trường"),
    "bool_parsing": (("agencies.yaml", _agency("group", "có")), "agencies[1].group",
                     "Giá trị phải là true hoặc false."),
    "bool_type": (("agencies.yaml", _agency("group", [1])), "agencies[1].group",
                  "Giá trị phải là true hoặc false."),
    "too_short": (("agencies.yaml", _agency("spellings", [])), "agencies[1].spellings",
                  "Danh sách phải có ít nhất 1 phần tử."),
    "literal_error": (("plan.yaml", lambda doc: doc["parts"][0].__setitem__("number", "IV")),
                      "parts[1].number",
                      "Giá trị «IV» không hợp lệ; chỉ được dùng: 'I', 'II' hoặc 'III'"),
}


@pytest.fixture(scope="module")
def reachable() -> dict:
    return error_types()


def test_every_error_type_our_models_can_raise_has_an_example_and_a_translation(reachable):
    types = set(reachable) - {"du_lieu"}
    assert len(types) >= 20, types  # the search must reach deep, or this proves nothing
    assert types <= set(PYDANTIC), f"add an example and a message for: {types - set(PYDANTIC)}"
    assert set(PYDANTIC) <= set(pyd_errors._MESSAGES)


@pytest.mark.parametrize("kind", sorted(PYDANTIC))
def test_each_pydantic_error_reads_in_vietnamese(kind, tmp_path):
    source, field, starts = PYDANTIC[kind]
    if isinstance(source, str):
        problems = report_problems(tmp_path, source)
        file = "2019-01-10.yaml"
    else:
        problems = data_problems(tmp_path, *source)
        file = source[0]
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.file.endswith(file) and problem.field == field and problem.line >= 1
    assert problem.message.startswith(starts), problem.message
    assert english_words(problem.message) == set(), problem.message


# One example per problem text of the YAML reader that has its own message.
YAML = {
    "mapping values are not allowed": "done: Quyết định: số 12\n",
    "could not find expected ':'": "state: x\ndone\nreporter: y\n",
    "did not find expected key": "evidence:\n  - number: a\n url: b\n",
    "did not find expected '-' indicator": "evidence:\n  - number: a\n  url: b\n",
    "block sequence entries are not allowed": "evidence: - number: a\n",
    "found character that cannot start any token": "done: @x\n",
    "found undefined alias": "done: *x\n",
    "found undefined tag handle": "done: !x!y z\n",
    "could not determine a constructor": "done: !foo z\n",
    "found unexpected end of stream": 'done: "Đã làm\n',
    "did not find expected ',' or": "done: [a, b\n",
    "found unknown escape character": 'done: "a\\q"\n',
    "did not find expected hexdecimal number": 'done: "\\uZZZZ"\n',
    "but found another document": "state: x\n---\ndone: y\n",
    "found unexpected document indicator": 'done: "x\n---\ny"\n',
    "found unhashable key": "[a]: 1\n",
}


def test_every_yaml_message_has_an_example():
    assert set(YAML) == set(yaml_reader._MESSAGES)


@pytest.mark.parametrize("problem", sorted(YAML))
def test_each_yaml_error_reads_in_vietnamese(problem, tmp_path):
    problems = report_problems(tmp_path, YAML[problem])
    assert len(problems) == 1
    message = problems[0].message
    assert message == yaml_reader._MESSAGES[problem]
    assert problem not in message and english_words(message) == set(), message


@pytest.mark.parametrize(("name", "text", "line", "starts"), [
    ("duplicate-key", "state: x\nstate: y\n", 2, "Lỗi YAML: khóa «state» được viết hai lần"),
    ("control-character", "state: x\ndone: a\x01b\n", 2, "Tệp có một ký tự điều khiển"),
    ("tab-indent", "evidence:\n\t- number: a\n", 2,
     "Lỗi cách viết YAML: giá trị bắt đầu bằng một ký hiệu"),
    ("other", "done: 'a\n", 2, "Lỗi cách viết YAML"),
], ids=lambda v: v if isinstance(v, str) and v.isascii() and "\n" not in v else "")
def test_other_yaml_problems_read_in_vietnamese(tmp_path, name, text, line, starts):
    problems = report_problems(tmp_path, text)
    assert [p.line for p in problems] == [line]
    assert problems[0].message.startswith(starts) and english_words(problems[0].message) == set()


def test_a_file_that_is_not_utf8_reads_in_vietnamese(tmp_path):
    path = tmp_path / "tien-do" / "ii-2-1-1" / "2019-01-10.yaml"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"state: x\n" + "done: Đã làm\n".encode("utf-16-le"))
    with pytest.raises(DataError) as caught:
        load(DATA, reports_dir=path.parents[1], as_of=date(2019, 1, 31))
    assert caught.value.problems[0].line == 2
    message = caught.value.problems[0].message
    assert message.startswith("Tệp không phải UTF-8") and english_words(message) == set(), message
