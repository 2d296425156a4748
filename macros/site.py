"""The one place a build gets its plan from: loaded and validated once per build (again when a
data file changes under `mkdocs serve`), shared by the macros and the page-generating hook."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import dates
from .loader import DataError, data_root
from .plan import Plan, load

_cache: dict[tuple, Plan] = {}


def _stamp(root: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in root.rglob("*.yaml")))


def get_plan(config) -> Plan:
    root = data_root(Path(config["config_file_path"]).parent)
    key = (str(root), _stamp(root) if root.exists() else ())
    if key not in _cache:
        try:
            plan = load(root)
        except DataError as error:
            # MkDocs prints a PluginError as one clean message and stops the build.
            raise PluginError(str(error)) from None
        _cache.clear()
        _cache[key] = plan
    return _cache[key]


def get_as_of() -> date:
    """The build's as-of date (macros.dates.as_of_date); a bad PLAN_AS_OF stops the build cleanly."""
    try:
        return dates.as_of_date()
    except ValueError as error:
        raise PluginError(str(error)) from None
