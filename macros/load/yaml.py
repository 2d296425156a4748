"""YAML with line numbers: every value's path mapped to the line it stands on, so that a problem
can be reported at its line."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Path_, Problem



class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser: ~10x faster
    """A safe loader that rejects a key written twice in one mapping (PyYAML keeps the last) and
    leaves dates as text, so that the models check them and say what is wrong in Vietnamese."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_STR = "tag:yaml.org,2002:str"


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        # A plain text key is its own value: no need to build it twice.
        key = (key_node.value if key_node.tag == _STR else
               loader.construct_object(key_node, deep=True))
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


def _line_map(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
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
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(display, 1, "", "Không tìm thấy tệp dữ liệu này.")]) from None
    except UnicodeDecodeError as error:
        raise DataError(
            [Problem(display, 1, "", f"Tệp không phải UTF-8 ({error.reason}). Cách sửa: lưu lại "
                     "tệp với bảng mã UTF-8.")]
        ) from None
    return parse_yaml(text, display)


def parse_yaml(text: str, display: str, first_line: int = 1) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML text that starts at `first_line` of its file (front matter starts at line 2)."""
    try:
        # One parse gives both the nodes (for line numbers) and the data built from them.
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        detail = _yaml_problem(error)
        line = (mark.line + first_line) if mark else first_line
        raise DataError([Problem(display, line, "", detail)]) from None
    return data, _Lines(text, first_line)


class _Lines(Mapping):
    """Each value's path -> its line, worked out only when a problem is reported: the text is
    parsed again then. On valid data (every build) the map is never needed, and at 100 times the
    plan it took a tenth of the validation time."""

    def __init__(self, text: str, first_line: int) -> None:
        self._text, self._first, self._map = text, first_line, None

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


def _yaml_problem(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    if "viết hai lần" in problem:
        return f"Lỗi YAML: {problem}. Cách sửa: xóa một trong hai dòng."
    return (
        "Lỗi cú pháp YAML"
        + (f" ({problem})" if problem else "")
        + ". Cách sửa: kiểm tra thụt lề (dùng dấu cách, không dùng tab), dấu hai chấm sau tên "
        "trường, và đặt văn bản có dấu hai chấm hoặc dấu # trong ngoặc kép."
    )


