"""The one place a build gets its plan from: loaded and validated once per build (again when a
data file changes under `mkdocs serve`), shared by the macros and the page-generating hook."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from .loader import DataError, data_root
from .plan import Plan, load

_cache: dict[tuple, Plan] = {}


def _stamp(root: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in root.rglob("*.yaml")))


_last: tuple[object, Plan] | None = None  # the build (its config object) last served


def get_plan(config) -> Plan:
    global _last
    # Every page asks; within one build the answer cannot change, and stamping the data folder
    # on each call would cost pages x data files. `mkdocs serve` makes a new config per rebuild.
    if _last is not None and _last[0] is config:
        return _last[1]
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
    _last = (config, _cache[key])
    return _cache[key]
