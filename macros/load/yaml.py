"""YAML with line numbers: every value's path mapped to the line it stands on, so that a problem
can be reported at its line.

PyYAML is the reference: what it reads is the data, its errors are translated into Vietnamese
(_MESSAGES) and its nodes give the lines. It builds every value in Python, though, which took
three quarters of `make validate` on a plan 100 times the real one. yaml_rs (Rust) reads the same
file about fifteen times faster, but it reads YAML 1.2 where PyYAML reads YAML 1.1, and the two
differ on some plain values (`yes`, `on`, `0755`, `1:30`, `1e3`, `=`, `<<`), on tags, tabs,
control characters and a few more. So a file is read by yaml_rs first, and that reading is kept
only when nothing in the file is of a kind on which the two can differ (_fast); anything else,
every error included, is read again by PyYAML, which says what is wrong and where
(tests/load/test_yaml_readers.py holds the two to the same result).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import yaml_rs

from ..model.schema import nfc_values
from .errors import DataError, Path_, Problem

if TYPE_CHECKING:
    import yaml


@cache
def _pyyaml() -> tuple[ModuleType, type]:
    """PyYAML and the loader built on it. Imported when first needed (about 10 ms): a file that
    yaml_rs reads needs PyYAML only if a problem is reported."""
    import yaml  # third-party, on first use; none of our modules is imported here

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser: ~10x faster
        """A safe loader that rejects a key written twice in one mapping (PyYAML keeps the last)
        and leaves dates as text, so that the models check them and say what is wrong in
        Vietnamese."""

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers
                if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    plain_text = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG  # "tag:yaml.org,2002:str"

    def construct_mapping(loader: Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            # A plain text key is its own value: no need to build it twice.
            key = (key_node.value if key_node.tag == plain_text else
                   loader.construct_object(key_node, deep=True))
            if not isinstance(key, (str, int, float, bool, type(None))):
                raise yaml.constructor.ConstructorError(None, None, "found unhashable key",
                                                        key_node.start_mark)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"khóa «{key}» được viết hai lần trong cùng một mục (lần đầu ở dòng "
                    f"{seen[key]})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line + 1
        return loader.construct_mapping(node, deep=deep)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return yaml, Loader


def _line_map(node: Any, path: Path_, lines: dict[Path_, int]) -> None:
    yaml, _ = _pyyaml()
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*path, key_node.value)
            _line_map(value_node, child, lines)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _line_map(item, (*path, index), lines)


def read_yaml(path: Path, display: str) -> tuple[Any, dict[Path_, int]]:
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
    return _read(text, raw, display, 1)


def parse_yaml(text: str, display: str, first_line: int = 1) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML text that starts at `first_line` of its file (front matter starts at line 2)."""
    return _read(text, text.encode("utf-8", "surrogatepass"), display, first_line)


def _read(text: str, raw: bytes, display: str, first_line: int) -> tuple[Any, dict[Path_, int]]:
    """The text and its UTF-8 bytes (a valid encoding of it)."""
    data = _fast(text, raw)
    if data is not _UNSURE and unicodedata.is_normalized("NFC", text):
        # yaml_rs's reading is kept only for a file without escapes: every value is a piece of
        # the text, or pieces joined by spaces or line breaks, and a piece of NFC text is NFC.
        return data, _Lines(text, first_line)
    if data is _UNSURE:
        data = _reference(text, display, first_line)
    return nfc_values(data), _Lines(text, first_line)


def _reference(text: str, display: str, first_line: int) -> Any:
    """The data as PyYAML reads it, or a DataError in Vietnamese at the line of the problem."""
    yaml, loader_class = _pyyaml()
    try:
        # One parse gives both the nodes (for line numbers) and the data built from them.
        loader = loader_class(text)
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


# --- The fast reading, and when it is kept ------------------------------------------------------

_UNSURE = object()  # yaml_rs's reading is not kept: PyYAML reads the file

# Characters on which the readers may differ: tabs, control characters (PyYAML refuses them),
# U+0085, U+2028 and U+2029 (line breaks in YAML 1.1 only), U+FEFF, U+FFFE, U+FFFF and
# surrogates. They are looked for in the UTF-8 bytes, where each one but the single-byte controls
# starts with a byte Python's re finds fast: three times faster than a class of characters.
_NOT_CONTROL = bytes(byte for byte in range(256) if byte in b"\n\r" or 0x20 <= byte != 0x7f)
_ODD_SEQUENCES = [
    re.compile(rb"\xc2[\x80-\x9f]"),  # U+0080 to U+009F, U+0085 among them
    re.compile(rb"\xe2\x80[\xa8\xa9]"),  # U+2028, U+2029
    re.compile(rb"\xed[\xa0-\xbf]"),  # surrogates (only text given as such can hold them)
    re.compile(rb"\xef(?:\xbb\xbf|\xbf[\xbe\xbf])"),  # U+FEFF, U+FFFE, U+FFFF
]


def _odd_character(raw: bytes) -> bool:
    return bool(raw.translate(None, _NOT_CONTROL)) or any(
        pattern.search(raw) for pattern in _ODD_SEQUENCES)


# Rare text, looked for first (a plain `in`), then, when the text alone is not enough, where it
# would mean something to YAML. The data files are block YAML: «- » lists and «key: value» lines.
_RARE: list[tuple[str, re.Pattern[str] | None]] = [
    # Flow collections ([a, b], {a: b}): YAML 1.2 allows there what PyYAML refuses (`[a:]`,
    # `{a: :b}`, a key over two lines, a list as a key).
    ("[", None), ("]", None), ("{", None), ("}", None),
    ("\\", None),  # escapes in double quotes (YAML 1.2 added some); the data files have none
    # A line break that is a lone CR (old Mac files): the patterns below end values at \n.
    ("\r", re.compile(r"\r(?!\n)")),
    # Each pattern starts with its rare text and looks behind it, which Python's re finds fast.
    # The end of a document: yaml_rs skips one before the data, PyYAML refuses the data after it.
    ("...", re.compile(r"\.\.\.(?<![^\n]\.\.\.)")),
    ("%", re.compile(r"%(?<![^\n]%)")),  # a directive: yaml_rs accepts `%YAML 2.0`, PyYAML not
    ("!", re.compile(r"!(?<![^\s]!)")),  # a tag
    ("&", re.compile(r"&(?<![^\s]&)")),  # an anchor
    ("*", re.compile(r"\*(?<![^\s]\*)")),  # an alias
    # `_1`, `-_1`: integers in yaml_rs, text in PyYAML.
    ("_", re.compile(r"_(?:(?<![^\s]_)|(?<=[+-]_)(?<![^\s][+-]_))")),
]
# A colon that starts a value or stands alone (`: x`, `- :`): an empty key in YAML 1.2 only.
_LONE_COLON = re.compile(r":(?<![^\s]:)")


def _whole_value(pattern: str) -> re.Pattern[str]:
    """A pattern that ends where a plain value ends: at the end of the line, a comment, or the
    colon of a key."""
    return re.compile(pattern + r"(?=[ \t\r]*(?:$|#|:(?:\s|$)))", re.M)


# Plain numbers the readers read differently: a leading zero (`0755` is 493 in YAML 1.1, 755 in
# yaml_rs; `08` is text in YAML 1.1, 8 in yaml_rs; `0o17` and `0X1F` are text in YAML 1.1) and
# sexagesimal numbers (`1:30` is 90 in YAML 1.1, text in YAML 1.2).
_LEADING_ZERO = _whole_value(
    r"0[0-9A-Za-z_](?:(?<![^\s]0.)|(?<=[+-]0.)(?<![^\s][+-]0.))[0-9A-Za-z_.:+-]*")
_SEXAGESIMAL = _whole_value(r":(?<=[0-9_]:)[0-9][0-9_.:]*")
# Plain words that are booleans (YAML 1.1) or merge and value keys in PyYAML, and text in yaml_rs.
_YAML11_WORDS = frozenset(["yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off",
                           "OFF", "<<", "="])
# What yaml_rs and PyYAML build alike: text, integers (the forms above aside), booleans (true,
# false and their capitals only) and null. A float, or anything else as a key, is not kept.
_SAME_TYPES = frozenset([str, int, bool, type(None), dict, list])


def _fast(text: str, raw: bytes | None = None) -> Any:
    """The data as yaml_rs reads it when PyYAML would read the same, otherwise _UNSURE. `raw` is
    the text in UTF-8, when the file's bytes are at hand."""
    raw = text.encode("utf-8", "surrogatepass") if raw is None else raw
    if (_odd_character(raw)
            or any(rare in text and (pattern is None or pattern.search(text))
                   for rare, pattern in _RARE)
            or _LONE_COLON.search(text) or _LEADING_ZERO.search(text)
            or _SEXAGESIMAL.search(text)):
        return _UNSURE
    try:
        # From the bytes: yaml_rs need not encode the text again; they are valid UTF-8, and
        # yaml_rs is told to refuse what is not rather than replace it.
        data = yaml_rs.load(raw, parse_datetime=False, encoding="utf-8", encoder_errors="strict",
                            duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)
    except Exception:  # noqa: BLE001 - every error is PyYAML's to explain, in Vietnamese
        return _UNSURE
    # Every data file is a mapping. yaml_rs also returns several documents as a list (PyYAML
    # refuses them) and reads text at the top level where PyYAML does not (`|` on the first line).
    return data if type(data) is dict and _built_alike(data) else _UNSURE


def _built_alike(data: Any) -> bool:
    """No value or key that PyYAML would build otherwise (see _YAML11_WORDS, _SAME_TYPES)."""
    kinds: set[type] = set()

    def alike(items) -> bool:
        for item in items:
            kind = type(item)
            if kind is str:
                if len(item) < 4 and item in _YAML11_WORDS:
                    return False
            elif kind is dict:
                if not _YAML11_WORDS.isdisjoint(item):
                    return False
                kinds.update(map(type, item))
                if not alike(item.values()):
                    return False
            elif kind is list:
                if not alike(item):
                    return False
            else:
                kinds.add(kind)
        return True

    try:
        return alike((data,)) and kinds <= _SAME_TYPES
    except RecursionError:
        return False


class _Lines(Mapping):
    """Each value's path -> its line, worked out only when a problem is reported: the text is
    parsed again then. On valid data (every build) the map is never needed, and at 100 times the
    plan it took a tenth of the validation time."""

    def __init__(self, text: str, first_line: int) -> None:
        self._text, self._first, self._map = text, first_line, None

    def _lines(self) -> dict[Path_, int]:
        if self._map is None:
            loader = _pyyaml()[1](self._text)
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
          "lề sai. Cách sửa: đặt cả văn bản trong ngoặc kép, ví dụ done: \"Đã ban hành Quyết "
          "định số 12: về việc …\", hoặc thụt lề cho thẳng hàng với các dòng cùng cấp.")
_UNCLOSED = ("Lỗi cách viết YAML: một dấu ngoặc kép, ngoặc đơn, ngoặc vuông hoặc ngoặc nhọn được "
             "mở mà không đóng. Cách sửa: thêm dấu đóng; văn bản bắt đầu bằng dấu ngoặc vuông "
             "hoặc ngoặc nhọn thì đặt cả văn bản trong ngoặc kép.")
_SYMBOL = ("Lỗi cách viết YAML: giá trị bắt đầu bằng một ký hiệu đặc biệt (phím Tab, @, `, !, & "
           "hoặc *). Cách sửa: thụt lề bằng dấu cách, không dùng phím Tab; văn bản bắt đầu bằng "
           "ký hiệu thì đặt trong ngoặc kép.")
_ESCAPE = ("Lỗi cách viết YAML: trong ngoặc kép, dấu \\ phải đi cùng một ký tự đặc biệt. Cách "
           "sửa: dùng ngoặc đơn ' ' thay cho ngoặc kép, hoặc viết hai dấu \\\\.")
_DOCUMENTS = ("Lỗi cách viết YAML: tệp chỉ được có một phần dữ liệu, nhưng có dòng «---» hoặc «...» "
              "ở giữa tệp. Cách sửa: xóa dòng đó.")

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
    return (f"Tệp có một ký tự điều khiển không in được (mã U+{error.character:04X}), thường do chép "
            "từ phần mềm khác. Cách sửa: xóa ký tự đó, hoặc gõ lại dòng này.")
