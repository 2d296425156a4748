"""Load the data files once, into typed models, or fail with file, line, field and a Vietnamese
explanation that says how to fix the problem."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .models import PlanData, Registry, ValidationState
from .status import StatusFile

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f" (trường «{self.field}»)" if self.field else ""
        return f"{self.file}, dòng {self.line}{where}: {self.message}"


class DataError(Exception):
    """One or more problems in the data; nothing may be built from it."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(
            "Dữ liệu có lỗi, trang web không được dựng:\n"
            + "\n".join(f"- {item}" for item in problems)
        )


# --- YAML with line numbers -------------------------------------------------------------------


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser: ~10x faster
    """A safe loader that rejects a key written twice in one mapping (PyYAML keeps the last) and
    leaves dates as text, so that the models check them and say what is wrong in Vietnamese."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
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
    lines: dict[Path_, int] = {}
    if node is not None:
        _line_map(node, (), lines)
    return data, {path: line + first_line - 1 for path, line in lines.items()}


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


# --- Validation errors into Vietnamese --------------------------------------------------------

_MESSAGES = {
    "missing": "Thiếu trường bắt buộc «{name}». Cách sửa: thêm trường này.",
    "extra_forbidden": "Trường «{name}» không có trong mẫu dữ liệu (có thể gõ sai tên). Cách "
    "sửa: xóa trường này hoặc sửa lại đúng tên.",
    "string_type": "Giá trị phải là một đoạn văn bản. Cách sửa: đặt giá trị trong ngoặc kép.",
    "string_too_short": "Giá trị không được để trống.",
    "string_pattern_mismatch": "Giá trị «{input}» không đúng dạng cho phép. Mã chỉ gồm chữ "
    "thường không dấu, chữ số và dấu gạch ngang (ví dụ «so-noi-vu»); tên không chứa các ký tự "
    "đặc biệt như < > {{ }} [ ].",
    "date_from_datetime_parsing": "Ngày «{input}» không hợp lệ. Cách sửa: viết ngày theo dạng "
    "NĂM-THÁNG-NGÀY, ví dụ 2018-07-02.",
    "date_parsing": "Ngày «{input}» không hợp lệ. Cách sửa: viết theo dạng NĂM-THÁNG-NGÀY, ví "
    "dụ 2018-07-02.",
    "date_type": "Giá trị phải là một ngày, dạng NĂM-THÁNG-NGÀY, ví dụ 2018-07-02.",
    "int_parsing": "Giá trị phải là một số nguyên.",
    "int_type": "Giá trị phải là một số nguyên.",
    "bool_parsing": "Giá trị phải là true hoặc false.",
    "bool_type": "Giá trị phải là true hoặc false.",
    "list_type": "Giá trị phải là một danh sách (mỗi phần tử một dòng bắt đầu bằng «- »).",
    "dict_type": "Giá trị phải là một mục có các trường (dạng «tên: giá trị»).",
    "model_type": "Giá trị phải là một mục có các trường (dạng «tên: giá trị»).",
    "model_attributes_type": "Giá trị phải là một mục có các trường (dạng «tên: giá trị»).",
    "too_short": "Danh sách phải có ít nhất {min_length} phần tử.",
    "too_long": "Danh sách có nhiều nhất {max_length} phần tử.",
    "greater_than_equal": "Giá trị phải từ {ge} trở lên.",
    "less_than_equal": "Giá trị phải không quá {le}.",
    "literal_error": "Giá trị «{input}» không hợp lệ; chỉ được dùng: {expected}.",
    "enum": "Giá trị «{input}» không hợp lệ; chỉ được dùng: {expected}.",
}


def _message(error: dict[str, Any]) -> str:
    if error["type"] == "du_lieu":
        return error["msg"]
    template = _MESSAGES.get(error["type"])
    if template is None:
        return f"Giá trị không hợp lệ ({error['msg']})."
    ctx = dict(error.get("ctx") or {})
    if "expected" in ctx:
        ctx["expected"] = str(ctx["expected"]).replace(" or ", " hoặc ")
    name = str(error["loc"][-1]) if error["loc"] else ""
    value = error.get("input")
    return template.format(name=name, input=value if not isinstance(value, dict) else "…", **ctx)


_TAGS = {"section", "task", "paragraph"}


def _without_tags(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the union tags pydantic puts after a list index ('content', 2, 'section', ...)."""
    out: list[Any] = []
    for index, part in enumerate(loc):
        after_item = index >= 2 and isinstance(loc[index - 1], int) and loc[index - 2] == "content"
        if not (after_item and part in _TAGS):
            out.append(part)
    return tuple(out)


def _locate(loc: tuple[Any, ...], lines: dict[Path_, int]) -> tuple[int, str]:
    """The line of the deepest known value on the error's path, and the path for people."""
    loc = _without_tags(loc)
    path: Path_ = ()
    for part in loc:
        if (*path, part) in lines:
            path = (*path, part)
    line = lines.get(path, 1)
    shown = ""
    for part in path:
        shown += f"[{part}]" if isinstance(part, int) else (f".{part}" if shown else str(part))
    # A missing field has no line of its own: it is named after the parent that lacks it.
    if len(path) < len(loc) and isinstance(loc[-1], str):
        shown += ("." if shown else "") + loc[-1]
    return line, shown


def validate(model: type[BaseModel], data: Any, lines: dict, display: str, state: ValidationState):
    try:
        return model.model_validate(data, context=state)
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            line, field = _locate(item["loc"], lines)
            problems.append(Problem(display, line, field, _message(item)))
        raise DataError(problems) from None


# --- The whole data folder --------------------------------------------------------------------


@dataclass(frozen=True)
class DataFiles:
    root: Path
    status_dir: Path | None = None  # the report logs; data/tien-do unless a demo names another

    @property
    def status(self) -> Path:
        return self.status_dir or self.root / "tien-do"

    @property
    def agencies(self) -> Path:
        return self.root / "agencies.yaml"

    @property
    def plan(self) -> Path:
        return self.root / "plan.yaml"

    def display(self, path: Path) -> str:
        """The path as staff see it in the repository: data/plan.yaml."""
        for base in (self.root.parent, Path.cwd()):
            try:
                return str(path.resolve().relative_to(base.resolve()))
            except ValueError:
                continue
        return str(path)


def load_registry(files: DataFiles) -> tuple[Registry, ValidationState]:
    data, lines = read_yaml(files.agencies, files.display(files.agencies))
    state = ValidationState()
    raw = data.get("agencies") if isinstance(data, dict) else None
    if isinstance(raw, list):
        state.agency_ids = frozenset(a["id"] for a in raw if isinstance(a, dict) and "id" in a)
    registry = validate(Registry, data, lines, files.display(files.agencies), state)
    state.agency_spellings = {a.id: tuple(a.spellings) for a in registry.agencies}
    return registry, state


def load_plan_data(files: DataFiles) -> tuple[Registry, PlanData, ValidationState]:
    registry, state = load_registry(files)
    data, lines = read_yaml(files.plan, files.display(files.plan))
    plan = validate(PlanData, data, lines, files.display(files.plan), state)
    return registry, plan, state


def load_statuses(files: DataFiles, state: ValidationState) -> dict[str, StatusFile]:
    """Every task's report log, by task id. All files are checked before any problem is raised."""
    logs: dict[str, StatusFile] = {}
    problems: list[Problem] = []
    for path in sorted(files.status.glob("*.yaml")) if files.status.is_dir() else []:
        display = files.display(path)
        if path.stem not in state.task_texts:
            problems.append(Problem(display, 1, "", (
                f"Tên tệp «{path.name}» không phải mã của nhiệm vụ nào. Cách sửa: đặt tên tệp "
                "đúng bằng mã nhiệm vụ, ví dụ «ii-2-1-1.yaml» (xem mã trên trang của nhiệm vụ).")))
            continue
        state.previous_report = None
        try:
            data, lines = read_yaml(path, display)
            logs[path.stem] = validate(StatusFile, data, lines, display, state)
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return logs


def status_root() -> Path | None:
    """PLAN_STATUS_DIR when set (the demo build's illustrative reports), else None."""
    override = os.environ.get("PLAN_STATUS_DIR")
    return Path(override).resolve() if override else None


def data_root(config_dir: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: PLAN_DATA_DIR when set (tests and demo builds), else ./data."""
    override = os.environ.get("PLAN_DATA_DIR")
    if override:
        return Path(override).resolve()
    return Path(config_dir or Path.cwd()).resolve() / "data"
