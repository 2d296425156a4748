"""The loader: reads the data folder and the news posts, validates them once into the typed model
(macros.model) and builds the Plan. The only layer that reads data files.

Every problem becomes file, line, field and a Vietnamese message (macros.load.errors); all files
are checked before any problem is raised, so staff see every mistake at once.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model.plan import Plan, build, plan_tasks
from ..model.reports import ReportLog
from ..model.schema import PlanData, Registry, ValidationState, nfc_values
from .errors import DataError, Problem, validate
from .lifecycle import check_event_dates, note_ends
from .news import load_news
from .reports import load_report_logs
from .yaml import read_yaml

__all__ = ["DataError", "DataFiles", "Problem", "load_news", "load_plan", "load_plan_with",
           "load_registry", "plan_from_mappings"]


@dataclass(frozen=True)
class DataFiles:
    """Where each data file lives, and how staff see its path."""

    root: Path
    reports_dir: Path | None = None  # the reports; data/tien-do unless a demo names another

    @property
    def reports(self) -> Path:
        return self.reports_dir or self.root / "tien-do"

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


def check_registry(data, lines: Mapping, display: str) -> tuple[Registry, ValidationState]:
    state = ValidationState(registry_lines=lines, registry_file=display)
    raw = data.get("agencies") if isinstance(data, dict) else None
    if isinstance(raw, list):
        state.agency_ids = frozenset(a["id"] for a in raw if isinstance(a, dict) and "id" in a)
    registry = validate(Registry, data, lines, display, state)
    state.agency_spellings = {a.id: tuple(s.casefold() for s in a.spellings)
                              for a in registry.agencies}
    return registry, state


def load_registry(files: DataFiles) -> tuple[Registry, ValidationState]:
    data, lines = read_yaml(files.agencies, files.display(files.agencies))
    return check_registry(data, lines, files.display(files.agencies))


def plan_from_mappings(agencies: dict, plan: dict, *, as_of: date,
                       reports: dict[str, dict] | None = None) -> Plan:
    """The same checks and the same Plan from data already in memory (a test's small plan):
    mappings shaped like data/agencies.yaml, data/plan.yaml and the report files."""
    registry, state = check_registry(nfc_values(agencies), {}, "agencies")
    data = validate(PlanData, nfc_values(plan), {}, "plan", state)
    check_event_dates(registry, data, state)
    note_ends(registry, state)
    state.as_of = as_of
    report_logs = {}
    for task_id, log in (reports or {}).items():
        report_logs[task_id] = validate(ReportLog, nfc_values(log), {}, f"tien-do/{task_id}", state)
    return build(registry, data, report_logs=report_logs, as_of=as_of)


def load_plan(root: Path, *, as_of: date, reports_dir: Path | None = None) -> Plan:
    """Load and check all data into the Plan; derived states count from `as_of`."""
    files = DataFiles(root, reports_dir)
    registry, state = load_registry(files)
    return load_plan_with(files, registry, state, as_of=as_of)


def load_plan_with(files: DataFiles, registry: Registry, state: ValidationState, *,
                   as_of: date) -> Plan:
    """The Plan, from a registry already loaded and checked (the validator checks data/site.yaml
    against the same registry, and reads data/agencies.yaml once)."""
    data, lines = read_yaml(files.plan, files.display(files.plan))
    plan = validate(PlanData, data, lines, files.display(files.plan), state)
    check_event_dates(registry, plan, state)
    note_ends(registry, state)
    state.as_of = as_of
    tasks = plan_tasks(plan)
    state.undated_tasks = frozenset(task.id for task in tasks if task.due_date is None)
    report_logs = load_report_logs(files.reports, state, files.display)
    return build(registry, plan, tasks=tasks, report_logs=report_logs, as_of=as_of)
