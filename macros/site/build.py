"""One build's context: what a build of the site works out once, made at the first ask of the
build and shared by the hooks and the macros, the way an MkDocs plugin keeps its state on itself.

A build is told apart by its config object: `mkdocs build` makes one, and `mkdocs serve` a new
one for every rebuild. The data are loaded and validated once per build, and a rebuild under
`mkdocs serve` takes the previous build's plan, news and site information over when the files
and settings they were read from have not changed (their keys). A data error stops the build as
one clean message.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..load import DataError, DataFiles, load_news, load_plan, load_registry
from ..load.site_info import load_site_info
from ..model.news import POSTS_DIR, News
from ..model.plan import Plan
from ..model.site_info import SiteInfo
from ..settings import Settings, SettingsError
from ..views import preview
from ..views.edition import Edition
from ..views.sitemap import last_changed
from .direct import Pages
from .repository import Repository, repository

T = TypeVar("T")


class Build:
    """Everything one build works out once."""

    def __init__(self, config: MkDocsConfig, previous: Build | None = None) -> None:
        self.config = config
        # What this build loaded, by name, with the key it was loaded under; a rebuild may take
        # a value over from the previous build's when the key is the same.
        self._loaded: dict[str, tuple[Hashable, Any]] = {}
        self._previous_loaded = previous._loaded if previous is not None else {}
        # The HTML kept out of Markdown: generated pages, and the blocks of hand-written ones.
        self.pages = Pages()

    def _load(self, name: str, key: Hashable, load: Callable[[], T]) -> T:
        found = self._previous_loaded.pop(name, None)
        if found is None or found[0] != key:
            try:
                found = (key, load())
            except DataError as error:
                raise PluginError(str(error)) from None
        self._loaded[name] = found
        return found[1]

    @cached_property
    def settings(self) -> Settings:
        """What the build takes from its environment; a bad PLAN_AS_OF or SOURCE_DATE_EPOCH
        stops the build cleanly."""
        try:
            return Settings.from_env(Path(self.config["config_file_path"]).parent)
        except SettingsError as error:
            raise PluginError(str(error)) from None

    @cached_property
    def plan(self) -> Plan:
        given = self.settings
        reports = given.reports_dir
        # A rebuild under `mkdocs serve` takes the plan over unless the data or the as-of date
        # changed.
        key = (str(given.data_dir), _stamp(given.data_dir), str(reports),
               _stamp(reports) if reports else (), given.as_of)
        return self._load("plan", key, lambda: load_plan(
            given.data_dir, reports_dir=reports, as_of=given.as_of))

    @cached_property
    def edition(self) -> Edition:
        """This build's edition of the plan: the plan and what the build adds to it (when it was
        built, whether it is the demo, the page limit), given to every page view and file."""
        given = self.settings
        return Edition(self.plan, given.built_at, bool(self.config.get("extra", {}).get("demo")),
                       given.page_limit)

    @cached_property
    def news(self) -> News:
        """The posts of the news section, validated against this build's plan."""
        plan = self.plan
        docs = Path(self.config["docs_dir"])
        return self._load("news", (id(plan), str(docs), _stamp(docs / POSTS_DIR, "*.md")),
                          lambda: load_news(docs, plan))

    @cached_property
    def site_info(self) -> SiteInfo:
        """data/site.yaml: who runs the site and reviews reports (empty fields: nothing shown)."""
        data = self.settings.data_dir
        files = DataFiles(data)
        return self._load("site_info", (str(data), _stamp(data, "site.yaml")),
                          lambda: load_site_info(data, load_registry(files)[1], files.display))

    @cached_property
    def repository(self) -> Repository | None:
        return repository(self.config)

    @cached_property
    def previews(self) -> dict[str, preview.Preview]:
        """The link previews of the home, task and agency pages, by page source path."""
        return preview.of_plan(self.plan)

    @cached_property
    def last_changes(self) -> dict[str, date]:
        """The day each page's data last changed (the sitemap's lastmod)."""
        return last_changed(self.edition, self.news)


def _stamp(root: Path, pattern: str = "*.yaml") -> tuple:
    if not root.exists():
        return ()
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in root.rglob(pattern)))


# The build under way: made at the first ask with a config no build has had yet.
_current: Build | None = None


def build_of(config: MkDocsConfig) -> Build:
    """This config's build: made once, at the first ask, then the same for every page."""
    global _current  # noqa: PLW0603 - the one piece of state that outlives a build, on purpose
    if _current is None or _current.config is not config:
        _current = Build(config, _current)
    return _current
