"""The one place a build gets its plan from: loaded and validated once per build (again when a
data file changes under `mkdocs serve`), shared by the macros and the page-generating hook."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import dates
from .loader import DataError, data_root, status_root
from .news import POSTS_DIR, News, load_news
from .plan import Plan, load


class _PerBuild:
    """One value per build. Every page asks, so the same build (the same config object) gets it
    at once; a new build (`mkdocs serve` makes a new config per rebuild) reloads only when the
    key (the files' modification times and the settings) has changed. A data error stops the
    build as one clean message."""

    def __init__(self) -> None:
        self.config: object = None
        self.key: tuple | None = None
        self.value = None

    def get(self, config, key: Callable[[], tuple], load: Callable[[], object]):
        if self.config is not config:
            fresh = key()
            if fresh != self.key:
                try:
                    self.value = load()
                except DataError as error:
                    raise PluginError(str(error)) from None
                self.key = fresh
            self.config = config
        return self.value


def _stamp(root: Path, pattern: str = "*.yaml") -> tuple:
    if not root.exists():
        return ()
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in root.rglob(pattern)))


_plans = _PerBuild()
_news = _PerBuild()


def get_plan(config) -> Plan:
    root = data_root(Path(config["config_file_path"]).parent)
    status = status_root()
    as_of = get_as_of()
    demo = bool(config.get("extra", {}).get("demo"))
    return _plans.get(
        config,
        lambda: (str(root), _stamp(root), str(status), _stamp(status) if status else (), as_of, demo),
        lambda: load(root, status_dir=status, as_of=as_of, demo=demo),
    )


def get_as_of() -> date:
    """The build's as-of date (macros.dates.as_of); a bad PLAN_AS_OF stops the build cleanly."""
    try:
        return dates.as_of()
    except ValueError as error:
        raise PluginError(str(error)) from None


def get_news(config) -> News:
    """The posts of the news section, validated against this build's plan."""
    plan = get_plan(config)
    docs = Path(config["docs_dir"])
    return _news.get(config, lambda: (id(plan), str(docs), _stamp(docs / POSTS_DIR, "*.md")),
                     lambda: load_news(docs, plan))
