"""Every pydantic error type our models can raise on data staff might write: each value of the
real data (and of a valid report) replaced in turn by hostile values, each field dropped, an
unknown field added. The error types found are what macros.load.errors must translate."""
from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from macros.load import DataFiles, load_plan_with, load_registry
from macros.load.yaml import read_yaml
from macros.model.reports import Report
from macros.model.schema import PlanData, Registry

DATA = Path(__file__).resolve().parents[2] / "data"

HOSTILE: list[Any] = [
    None, "", "x", "  ", "x" * 1000, "A B <c>", 1.5, 40.0, 10**30, -5, 0, True, [], {}, [1],
    {"a": 1},
    "2018-02-30", "14/9/2018", "2018-07-02T10:00:00", 20180914, "so-noi-vu", "hoàn thành",
]
REPORT = {"date": "2019-01-10", "state": "hoàn thành", "percent": 100, "done": "Đã làm.",
          "reporter": "so-noi-vu", "completed_on": "2019-01-08", "revised_due": "2019-06-30",
          "note": "Ghi chú.", "evidence": [{"number": "QĐ 12", "date": "2019-01-08",
                                             "url": "https://example.org/a"}],
          "corrections": [{"date": "2019-01-15", "reason": "Sửa số."}]}


def _shape(path: tuple) -> tuple:
    return tuple("*" if isinstance(p, int) else p for p in path)


def mutations(data: Any) -> Iterator[tuple[tuple, Any]]:
    """(path, mutated document) for one path of each shape."""
    seen: set[tuple] = set()

    def walk(node: Any, path: tuple) -> Iterator[tuple]:
        yield path
        items = (node.items() if isinstance(node, dict)
                 else enumerate(node) if isinstance(node, list) else ())
        for key, value in items:
            yield from walk(value, (*path, key))

    for path in walk(data, ()):
        shape = _shape(path)
        if shape in seen:
            continue
        seen.add(shape)
        for value in HOSTILE:
            if path:
                yield path, _set(data, path, value)
        parent = _get(data, path)
        if isinstance(parent, dict):
            yield path, _set(data, (*path, "khong_co"), 1)
            for key in parent:
                yield path, _delete(data, (*path, key))


def _get(data, path):
    for part in path:
        data = data[part]
    return data


# A mutated document copies the lists and mappings on the path to what changes and shares the
# rest with the original (a deep copy of the whole plan for each of thousands of mutations was
# most of the search's time): validation only reads its input, and error_types checks that the
# originals are unchanged at the end.

def _set(data, path, value):
    changed = list(data) if isinstance(data, list) else dict(data)
    changed[path[0]] = value if len(path) == 1 else _set(data[path[0]], path[1:], value)
    return changed


def _delete(data, path):
    changed = list(data) if isinstance(data, list) else dict(data)
    if len(path) == 1:
        del changed[path[0]]
    else:
        changed[path[0]] = _delete(data[path[0]], path[1:])
    return changed


def error_types() -> dict[str, tuple[str, tuple, dict]]:
    """Each error type found: (model name, path mutated, one error of that type)."""
    files = DataFiles(DATA)
    found: dict[str, tuple[str, tuple, dict]] = {}

    def run(model: type[BaseModel], data: Any, fresh) -> None:
        for path, mutated in mutations(data):
            try:
                model.model_validate(mutated, context=fresh())
            except ValidationError as error:
                for item in error.errors(include_url=False):
                    found.setdefault(item["type"], (model.__name__, path, item))

    _, registry_state = load_registry(files)
    agencies, _ = read_yaml(files.agencies, "agencies")
    run(Registry, agencies, lambda: _fresh(registry_state, agencies_only=True))
    plan, _ = read_yaml(files.plan, "plan")
    run(PlanData, plan, lambda: copy.deepcopy(registry_state))
    # The state the real plan leaves, as a report is checked against it.
    registry, plan_state = load_registry(files)
    as_of = date(2019, 1, 31)
    load_plan_with(files, registry, plan_state, as_of=as_of)
    run(Report, REPORT, lambda: copy.deepcopy(plan_state))
    # Nothing changed the originals the mutations share their unchanged parts with.
    assert (agencies, plan) == (read_yaml(files.agencies, "agencies")[0],
                                read_yaml(files.plan, "plan")[0])
    return found


def _fresh(state, agencies_only: bool):
    fresh = copy.deepcopy(state)
    fresh.seen_agencies = set()
    return fresh
