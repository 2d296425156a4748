"""The one place a build gets its plan and news from: loaded and validated once per build (again
when a data file changes under `mkdocs serve`), shared by the macros and the hooks."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from mkdocs.exceptions import PluginError

from ..load import DataError, DataFiles, load_news, load_plan, load_registry
from ..load.site_info import load_site_info
from ..model.news import POSTS_DIR, News
from ..model.plan import Plan
from ..model.site_info import SiteInfo
from ..settings import Settings, SettingsError

T = TypeVar("T")


class _PerBuild(Generic[T]):
    """One value per build. Every page asks, so the same build (the same config object) gets it
    at once; a new build (`mkdocs serve` makes a new config per rebuild) reloads only when the
    key (the files' modification times and the settings) has changed. A data error stops the
    build as one clean message."""

    def __init__(self) -> None:
        self.config: object = None
        self.loaded: tuple[tuple, T] | None = None  # (key, value)

    def get(self, config, key: Callable[[], tuple], load: Callable[[], T]) -> T:
        if self.config is not config or self.loaded is None:
            fresh = key()
            if self.loaded is None or self.loaded[0] != fresh:
                try:
                    self.loaded = (fresh, load())
                except DataError as error:
                    raise PluginError(str(error)) from None
            self.config = config
        return self.loaded[1]


def _stamp(root: Path, pattern: str = "*.yaml") -> tuple:
    if not root.exists():
        return ()
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in root.rglob(pattern)))


_plans: _PerBuild[Plan] = _PerBuild()
_news: _PerBuild[News] = _PerBuild()
_site_info: _PerBuild[SiteInfo] = _PerBuild()


_settings: list = [None, None]  # [config, its Settings]: read once per build, not per page


def settings(config) -> Settings:
    """The build's settings; a bad PLAN_AS_OF or SOURCE_DATE_EPOCH stops the build cleanly."""
    if _settings[0] is config:
        return _settings[1]
    try:
        given = Settings.from_env(Path(config["config_file_path"]).parent)
    except SettingsError as error:
        raise PluginError(str(error)) from None
    _settings[:] = [config, given]
    return given


def get_plan(config) -> Plan:
    given = settings(config)
    demo = bool(config.get("extra", {}).get("demo"))
    reports = given.reports_dir
    return _plans.get(
        config,
        # The build instant is left out of the key: a rebuild under `mkdocs serve` reuses the
        # plan unless the data, the as-of date or the demo flag changed.
        lambda: (str(given.data_dir), _stamp(given.data_dir), str(reports),
                 _stamp(reports) if reports else (), given.as_of, demo, given.page_limit),
        lambda: load_plan(given.data_dir, reports_dir=reports, as_of=given.as_of,
                          built_at=given.built_at, demo=demo, page_limit=given.page_limit),
    )


def get_news(config) -> News:
    """The posts of the news section, validated against this build's plan."""
    plan = get_plan(config)
    docs = Path(config["docs_dir"])
    return _news.get(config, lambda: (id(plan), str(docs), _stamp(docs / POSTS_DIR, "*.md")),
                     lambda: load_news(docs, plan))


def get_site_info(config) -> SiteInfo:
    """data/site.yaml: who runs the site and reviews reports (empty fields: nothing shown)."""
    given = settings(config)
    files = DataFiles(given.data_dir)
    return _site_info.get(
        config, lambda: (str(given.data_dir), _stamp(given.data_dir, "site.yaml")),
        lambda: load_site_info(given.data_dir, load_registry(files)[1], files.display))
