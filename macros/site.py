"""The one place a build gets its plan from: loaded and validated once per build (again when a
data file changes under `mkdocs serve`), shared by the macros and the page-generating hook."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import dates
from .loader import DataError, data_root, status_root
from .news import POSTS_DIR, News, load_news
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
    status = status_root()
    as_of = get_as_of()
    demo = bool(config.get("extra", {}).get("demo"))
    key = (str(root), _stamp(root) if root.exists() else (), str(status),
           _stamp(status) if status and status.exists() else (), as_of, demo)
    if key not in _cache:
        try:
            plan = load(root, status_dir=status, as_of=as_of, demo=demo)
        except DataError as error:
            # MkDocs prints a PluginError as one clean message and stops the build.
            raise PluginError(str(error)) from None
        _cache.clear()
        _cache[key] = plan
    _last = (config, _cache[key])
    return _cache[key]


def get_as_of() -> date:
    """The build's as-of date (macros.dates.as_of); a bad PLAN_AS_OF stops the build cleanly."""
    try:
        return dates.as_of()
    except ValueError as error:
        raise PluginError(str(error)) from None


_news_cache: dict[tuple, News] = {}
_last_news: tuple[object, News] | None = None


def get_news(config) -> News:
    """The posts of the news section, validated against this build's plan (once per build)."""
    global _last_news
    if _last_news is not None and _last_news[0] is config:
        return _last_news[1]
    plan = get_plan(config)
    docs = Path(config["docs_dir"])
    folder = docs / POSTS_DIR
    stamp = tuple(sorted((str(p), p.stat().st_mtime_ns) for p in folder.rglob("*.md")))
    key = (id(plan), str(docs), stamp)
    if key not in _news_cache:
        try:
            news = load_news(docs, plan)
        except DataError as error:
            raise PluginError(str(error)) from None
        _news_cache.clear()
        _news_cache[key] = news
    _last_news = (config, _news_cache[key])
    return _news_cache[key]
