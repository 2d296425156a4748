"""Problems in the data, as staff read them: file, line, field and a Vietnamese message that
says how to fix it. Every pydantic error type the models can raise is translated here
(tests/load/test_messages.py finds them by mutating the real data), so no English reaches staff."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..model.schema import ValidationState

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



_MESSAGES = {
    "missing": "Thiếu trường bắt buộc «{name}». Cách sửa: thêm trường này.",
    "extra_forbidden": "Trường «{name}» không có trong mẫu dữ liệu (có thể gõ sai tên). Cách "
    "sửa: xóa trường này hoặc sửa lại đúng tên.",
    "string_type": "Giá trị phải là một đoạn văn bản. Cách sửa: đặt giá trị trong ngoặc kép.",
    "string_too_short": "Giá trị quá ngắn hoặc để trống: cần ít nhất {min_length} ký tự.",
    "string_too_long": "Giá trị dài quá {max_length} ký tự. Cách sửa: viết ngắn lại.",
    "string_pattern_mismatch": "Giá trị «{input}» không đúng dạng cho phép. Mã chỉ gồm chữ "
    "thường không dấu, chữ số và dấu gạch ngang (ví dụ «so-noi-vu»); tên không chứa các ký tự "
    "đặc biệt như < > {{ }} [ ].",
    "date_from_datetime_parsing": "Ngày «{input}» không hợp lệ. Cách sửa: viết ngày theo dạng "
    "NĂM-THÁNG-NGÀY, ví dụ 2018-07-02.",
    "date_parsing": "Ngày «{input}» không hợp lệ. Cách sửa: viết theo dạng NĂM-THÁNG-NGÀY, ví "
    "dụ 2018-07-02.",
    "date_from_datetime_inexact": "«{input}» không phải một ngày. Cách sửa: viết theo dạng "
    "NĂM-THÁNG-NGÀY, có gạch ngang và không kèm giờ, ví dụ 2018-07-02.",
    "date_type": "Giá trị phải là một ngày, dạng NĂM-THÁNG-NGÀY, ví dụ 2018-07-02.",
    "int_parsing": "Giá trị phải là một số nguyên.",
    "int_type": "Giá trị phải là một số nguyên.",
    "int_from_float": ("Giá trị phải là một số nguyên, không có phần lẻ (ví dụ 40, không viết "
                       "40.5)."),
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


def _message(error: ErrorDetails) -> str:
    if error["type"] == "du_lieu":
        return error["msg"]
    template = _MESSAGES.get(error["type"])
    if template is None:  # never English: tests/load/test_messages.py finds every type we can raise
        return "Giá trị không hợp lệ. Cách sửa: xem bảng các trường trong hướng dẫn cập nhật."
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


def _locate(loc: tuple[Any, ...], lines: Mapping[Path_, int],
            at: tuple = ()) -> tuple[int, str]:
    """The line of the deepest known value on the error's path, and the path for people. `at`
    is a place under that path that a validator of the whole value named (a list's repeated
    item: macros.model.schema._distinct)."""
    loc = (*_without_tags(loc), *at)
    path: Path_ = ()
    for part in loc:
        if (*path, part) in lines:
            path = (*path, part)
    line = lines.get(path, 1)
    # A missing field has no line of its own: it is named after the parent that lacks it.
    if len(path) < len(loc) and isinstance(loc[-1], str):
        return line, shown_path((*path, loc[-1]))
    return line, shown_path(path)


def shown_path(path: tuple[Any, ...]) -> str:
    """A value's path as people count: «evidence[1].url» is the url of the FIRST document."""
    shown = ""
    for part in path:
        shown += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if shown else str(part))
    return shown


def validate(model: type[BaseModel], data: Any, lines: Mapping[Path_, int], display: str,
             state: ValidationState):
    try:
        return model.model_validate(data, context=state)
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            line, field = _locate(item["loc"], lines, tuple((item.get("ctx") or {}).get("at", ())))
            problems.append(Problem(display, line, field, _message(item)))
        raise DataError(problems) from None


