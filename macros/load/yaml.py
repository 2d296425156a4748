"""YAML with line numbers: every value's path mapped to the line it stands on, so that a problem
can be reported at its line.

PyYAML reads every file, with libyaml's parser (CSafeLoader) where it is installed: its errors are
translated into Vietnamese (_MESSAGES) and its nodes give the lines. Validation of a plan ten
times the real one stays well under half a second with it (`make bench`).
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from ..model.schema import nfc_values
from .errors import DataError, Path_, Problem

try:  # libyaml's parser: about ten times faster
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # a PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):
    """A safe loader that rejects a key written twice in one mapping (PyYAML keeps the last)
    and leaves dates as text, so that the models check them and say what is wrong in
    Vietnamese."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_PLAIN_TEXT = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG  # "tag:yaml.org,2002:str"


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        # A plain text key is its own value: no need to build it twice.
        key = (key_node.value if key_node.tag == _PLAIN_TEXT else
               loader.construct_object(key_node, deep=True))
        if not isinstance(key, (str, int, float, bool, type(None))):
            raise yaml.constructor.ConstructorError(None, None, "found unhashable key",
                                                    key_node.start_mark)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"khóa «{key}» được viết hai lần trong cùng một mục (lần đầu ở dòng {seen[key]})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _line_map(node: Any, path: Path_, lines: dict[Path_, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*path, key_node.value)
            _line_map(value_node, child, lines)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _line_map(item, (*path, index), lines)


def read_yaml(path: Path, display: str) -> tuple[Any, Mapping[Path_, int]]:
    """Parse a YAML file into plain data and a map from each value's path to its line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError([Problem(display, 1, "", "Không tìm thấy tệp dữ liệu này.")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError([Problem(display, line, "", "Tệp không phải UTF-8. Cách sửa: lưu lại tệp "
                                 "với bảng mã UTF-8 (Unicode).")]) from None
    return _read(text, display, 1)


def parse_yaml(text: str, display: str, first_line: int = 1) -> tuple[Any, Mapping[Path_, int]]:
    """Parse YAML text that starts at `first_line` of its file (front matter starts at line 2)."""
    return _read(text, display, first_line)


def _read(text: str, display: str, first_line: int) -> tuple[Any, Mapping[Path_, int]]:
    data = _parse(text, display, first_line)
    if "\\" in text or not unicodedata.is_normalized("NFC", text):
        # Only an escape ("\\u0301") can put text that is not NFC into NFC text: every other
        # value is a piece of the text, or pieces joined by spaces or line breaks.
        data = nfc_values(data)
    return data, _Lines(text, first_line)


def _parse(text: str, display: str, first_line: int) -> Any:
    """The data as PyYAML reads it, or a DataError in Vietnamese at the line of the problem."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + first_line) if mark else first_line
        raise DataError([Problem(display, line, "", _yaml_problem(error))]) from None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + first_line
        raise DataError([Problem(display, line, "", _unreadable(error))]) from None
    return data


class _Lines(Mapping[Path_, int]):
    """Each value's path -> its line, worked out only when a problem is reported: the text is
    parsed again then. On valid data (every build) the map is never needed, and walking every
    node for it took a tenth of the validation time."""

    def __init__(self, text: str, first_line: int) -> None:
        self._text, self._first = text, first_line
        self._map: dict[Path_, int] | None = None

    def _lines(self) -> dict[Path_, int]:
        if self._map is None:
            loader = _Loader(self._text)
            try:
                node = loader.get_single_node()
            finally:
                loader.dispose()
            lines: dict[Path_, int] = {}
            if node is not None:
                _line_map(node, (), lines)
            self._map = {path: line + self._first - 1 for path, line in lines.items()}
        return self._map

    def __getitem__(self, path: Path_) -> int:
        return self._lines()[path]

    def __iter__(self) -> Iterator[Path_]:
        return iter(self._lines())

    def __len__(self) -> int:
        return len(self._lines())


_INDENT = ("Lỗi cách viết YAML: thụt lề không đều hoặc thiếu dấu hai chấm. Các dòng cùng cấp phải "
           "thẳng hàng và mỗi dòng là «tên: giá trị». Cách sửa: xem dòng này và dòng ngay phía "
           "trên, đếm số dấu cách ở đầu dòng, kiểm tra dấu hai chấm sau tên trường.")
_COLON = ("Lỗi cách viết YAML: có dấu hai chấm và dấu cách («: ») ở giữa một giá trị, hoặc thụt "
          'lề sai. Cách sửa: đặt cả văn bản trong ngoặc kép, ví dụ done: "Đã ban hành Quyết '
          'định số 12: về việc …", hoặc thụt lề cho thẳng hàng với các dòng cùng cấp.')
_UNCLOSED = ("Lỗi cách viết YAML: một dấu ngoặc kép, ngoặc đơn, ngoặc vuông hoặc ngoặc nhọn được "
             "mở mà không đóng. Cách sửa: thêm dấu đóng; văn bản bắt đầu bằng dấu ngoặc vuông "
             "hoặc ngoặc nhọn thì đặt cả văn bản trong ngoặc kép.")
_SYMBOL = ("Lỗi cách viết YAML: giá trị bắt đầu bằng một ký hiệu đặc biệt (phím Tab, @, `, !, & "
           "hoặc *). Cách sửa: thụt lề bằng dấu cách, không dùng phím Tab; văn bản bắt đầu bằng "
           "ký hiệu thì đặt trong ngoặc kép.")
_ESCAPE = ("Lỗi cách viết YAML: trong ngoặc kép, dấu \\ phải đi cùng một ký tự đặc biệt. Cách "
           "sửa: dùng ngoặc đơn ' ' thay cho ngoặc kép, hoặc viết hai dấu \\\\.")
_DOCUMENTS = ("Lỗi cách viết YAML: tệp chỉ được có một phần dữ liệu, nhưng có dòng «---» hoặc "
              "«...» ở giữa tệp. Cách sửa: xóa dòng đó.")

# Every problem PyYAML and libyaml can report, as the start of their English text, with what staff
# read instead: no English reaches them. Texts not listed get the general message.
_MESSAGES = {
    "mapping values are not allowed": _COLON,
    "could not find expected ':'": _INDENT,
    "did not find expected key": _INDENT,
    "did not find expected '-' indicator": _INDENT,
    "block sequence entries are not allowed": _INDENT,
    "found character that cannot start any token": _SYMBOL,
    "found undefined alias": _SYMBOL,
    "found undefined tag handle": _SYMBOL,
    "could not determine a constructor": _SYMBOL,
    "found unexpected end of stream": _UNCLOSED,
    "did not find expected ',' or": _UNCLOSED,
    "found unknown escape character": _ESCAPE,
    "did not find expected hexdecimal number": _ESCAPE,
    "but found another document": _DOCUMENTS,
    "found unexpected document indicator": _DOCUMENTS,
    "found unhashable key": ("Lỗi cách viết YAML: tên trường không được là một danh sách hay một "
                             "mục. Cách sửa: tên trường là một từ, ví dụ «state»."),
}
_GENERAL = ("Lỗi cách viết YAML ở dòng này hoặc dòng ngay phía trên. Cách sửa: kiểm tra thụt lề "
            "(dùng dấu cách, không dùng phím Tab), dấu hai chấm sau tên trường, và đặt văn bản có "
            "dấu hai chấm hoặc dấu # trong ngoặc kép.")


def _yaml_problem(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    if "viết hai lần" in problem:
        return f"Lỗi YAML: {problem}. Cách sửa: xóa một trong hai dòng."
    for start, message in _MESSAGES.items():
        if problem.startswith(start) or (error.context or "").startswith(start):
            return message
    return _GENERAL


def _unreadable(error: yaml.reader.ReaderError) -> str:
    return (f"Tệp có một ký tự điều khiển không in được (mã U+{error.character:04X}), thường do "
            "chép từ phần mềm khác. Cách sửa: xóa ký tự đó, hoặc gõ lại dòng này.")
