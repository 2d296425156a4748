"""Every field staff can write is explained where they write it: the comment at the top of each
data file (and data/tien-do/README.md for the reports) names every field of the model that
validates the file, and names no field that the model does not have."""
from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from macros.model.reports import ReportFile
from macros.model.schema import PlanData, Registry
from macros.model.site_info import SiteInfo

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"

# Each data file, the model that validates it, and where its fields are explained.
DOCUMENTED = {
    "plan.yaml": (PlanData, DATA / "plan.yaml"),
    "agencies.yaml": (Registry, DATA / "agencies.yaml"),
    "site.yaml": (SiteInfo, DATA / "site.yaml"),
    "tien-do": (ReportFile, DATA / "tien-do" / "README.md"),
}
# A line of a header that explains one field: the name, then two spaces or more; in the report
# README, a line of the blank report («state: <...>», «# percent: <...>», «#   - number: <...>»).
ENTRY = re.compile(r"^#\s+([a-z][a-z_]*)\s{2,}\S")
TEMPLATE_ENTRY = re.compile(r"^(?:#\s+)?(?:- )?([a-z][a-z_]*): ")


def models_in(annotation) -> list[type[BaseModel]]:
    """The models an annotation holds, through lists, unions, Optional and Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if isinstance(annotation, typing.ForwardRef):
        return []
    found = []
    for arg in typing.get_args(annotation):
        found += models_in(arg)
    return found


def field_names(model: type[BaseModel]) -> set[str]:
    """Every field of the model and of the models inside it, at any depth."""
    names: set[str] = set()
    seen: set[type[BaseModel]] = set()
    todo = [model]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        hints = typing.get_type_hints(current, include_extras=True)
        for name, info in current.model_fields.items():
            names.add(info.alias or name)
            todo += models_in(hints.get(name, info.annotation))
    return names


def header(path: Path) -> str:
    """The comment the file opens with (a README: all of it)."""
    text = path.read_text("utf-8")
    if path.suffix == ".md":
        return text
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return "\n".join(lines)


def test_the_walk_reaches_nested_models_and_the_sections_of_the_plan():
    # Sections sit in a discriminated union of forward references: the walk must reach them.
    names = field_names(PlanData)
    assert {"section", "lead_term", "monthly_days", "completion", "authority"} <= names
    assert {"reason", "url"} <= field_names(ReportFile)


@pytest.mark.parametrize("name", DOCUMENTED)
def test_every_field_is_named_in_the_header(name):
    model, path = DOCUMENTED[name]
    text = header(path)
    missing = sorted(f for f in field_names(model) if not re.search(rf"\b{f}\b", text))
    assert not missing, f"{path.relative_to(ROOT)} does not explain: {', '.join(missing)}"


@pytest.mark.parametrize("name", DOCUMENTED)
def test_the_header_names_no_field_the_model_lacks(name):
    model, path = DOCUMENTED[name]
    entry = TEMPLATE_ENTRY if path.suffix == ".md" else ENTRY
    listed = {m.group(1) for line in header(path).splitlines() if (m := entry.match(line))}
    assert listed, f"{path.relative_to(ROOT)}: no field entries found"
    unknown = sorted(listed - field_names(model))
    assert not unknown, f"{path.relative_to(ROOT)} explains fields that do not exist: {unknown}"
