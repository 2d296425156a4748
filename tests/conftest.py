"""Shared test helpers: real MkDocs builds of the real config, and HTML read by section."""
from __future__ import annotations

import fcntl
import functools
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.synthetic import scale

# Browser fixtures (Debian's Chromium under Playwright, the built site served on 127.0.0.1).
pytest_plugins = ["tests.support.browser"]

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
# The source document, as received in ../shared/source. A copy is committed so that the fidelity
# test also runs where ../shared is absent (GitHub's runners); test_source_copy keeps them equal.
SHARED_SOURCE = ROOT.parent / "shared" / "source" / "ke-hoach-68-KH-UBND-2018.txt"
SOURCE = Path(os.environ.get("PLAN_SOURCE",
                             ROOT / "tests" / "fixtures" / "source" / SHARED_SOURCE.name))


@pytest.fixture(scope="session")
def source() -> Path:
    """The source document (the committed copy, or PLAN_SOURCE)."""
    assert SOURCE.is_file(), f"source document not found at {SOURCE}; set PLAN_SOURCE to its path"
    return SOURCE


# The address the deploy workflow would give (SITE_URL), under a sub-path as on GitHub Pages.
TEST_SITE_URL = "https://example.org/ke-hoach-68/"
SITE_URL = TEST_SITE_URL
# The repository the workflows give a build (REPO_URL), where staff send reports.
TEST_REPO_URL = "https://github.com/vi-du/ke-hoach-68"
DEMO = ROOT / "tests" / "fixtures" / "demo" / "tien-do"
DEMO_AS_OF = "2019-06-30"  # the demo's as-of date (the Makefile's DEMO_AS_OF)
AS_OF = "2019-06-15"  # the as-of date of the dated build: inside the plan's years
# The dated build is also stamped with a fixed instant (SOURCE_DATE_EPOCH, 01/7/2019 03:04:05
# UTC) and hash seed: tests/site/test_rebuild.py builds it once more and compares every byte.
DATED_EPOCH = "1561950245"
# What a build takes from its environment (macros.settings, mkdocs.yml): a test build gets only
# what it asks for, whatever the shell that runs the tests has set.
BUILD_SETTINGS = ("PLAN_DATA_DIR", "PLAN_REPORTS_DIR", "PLAN_AS_OF", "PLAN_DEMO", "PLAN_PAGE_LIMIT",
                  "SOURCE_DATE_EPOCH", "SITE_URL", "REPO_URL", "REPO_BRANCH")


def build_site(dest: Path, data_dir: Path | None = None, project: Path = ROOT, **env_extra: str):
    """Build the real site with the MkDocs command line, strictly, into dest. `project` is the
    folder holding mkdocs.yml (a copy made by copy_project, for tests that change pages)."""
    env = {key: value for key, value in os.environ.items() if key not in BUILD_SETTINGS}
    env.update({"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **env_extra})
    if data_dir is not None:
        env["PLAN_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(dest)],
        check=False, cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


# What a build keeps between runs beside mkdocs.yml: share images and compiled templates, each
# entry checked against what it was made from before use (macros/site/hooks.py, render.py).
BUILD_CACHES = (".cache/share-images", ".cache/jinja")


def copy_project(tmp_path: Path, caches: bool = False) -> Path:
    """A private copy of everything a build reads (config, pages, theme overrides, code, data).
    With `caches`, also the build caches of this working tree as they are (a machine that has
    built the site before has them, and CI restores them), so that its build draws only the
    share images its changes change; without, its first build starts cold."""
    target = tmp_path / "project"
    target.mkdir()
    for name in ("mkdocs.yml", "hooks.py"):
        shutil.copy2(ROOT / name, target / name)
    for folder in ("docs", "overrides", "macros", "data"):
        shutil.copytree(ROOT / folder, target / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    for folder in BUILD_CACHES if caches else ():
        if (ROOT / folder).is_dir():  # a build writing there meanwhile writes beside, then renames
            shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("*.tmp"))
    return target


def copy_data(tmp_path: Path) -> Path:
    """A private copy of the data folder that a test may change."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# --- One build of each kind per test run ----------------------------------------------------------
# Each kind of site that several test files read is built once per run, shared by every test
# that reads it. Under pytest-xdist the workers share them too: the first worker to need a build
# makes it in the run's common folder, holding a lock the others wait on.

def _shared_folder(tmp_path_factory) -> Path:
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _paged_data(folder: Path) -> Path:
    return scale(DATA, folder / "paged-data", PAGED_TIMES)


PAGED_TIMES, PAGED_LIMIT = 3, 40  # 147 tasks and 63 Phụ lục rows: 8 pages of text, 4 of progress

# One edit of each kind that a test reads back from the pages of the `edited` build, each in a
# part of the data that no other edit touches, so each test reads its own: name -> (file, text
# there, text put instead; None: added at the end of the file).
EDITS = {
    # tests/site/test_operator.py: who runs the site, and an address to write to.
    "operator": ("site.yaml", "managing_agency:\n", "managing_agency: so-noi-vu\n"),
    "contact": ("site.yaml", "  email:\n", "  email: thu-nghiem@example.org\n"),
    # tests/site/test_plan_page.py: the official original given; one word of the plan changed.
    "original": ("plan.yaml", "  place: Tuyên Quang\n",
                 "  place: Tuyên Quang\n  original_url: https://example.org/van-ban/68-KH-UBND.pdf\n"),
    "one word": ("plan.yaml", "tinh giản biên chế theo Nghị quyết 39-NQ/TW",
                 "tinh giản biên chế theo Nghị quyết 38-NQ/TW"),
    # tests/site/test_standing.py: a record of the plan's standing, with its source.
    "standing": ("plan.yaml", None, ("standing:\n  - status: het-hieu-luc\n    since: 2026-01-01\n"
                                     "    source: Văn bản thử nghiệm số 1/TN\n")),
}


def _fresh_project(folder: Path) -> Path:
    """The project's sources in a folder of their own, every file written anew (new modification
    times), with no build cache: its build draws every share image."""
    project = folder / FRESH_PROJECT
    project.mkdir()
    for name in ("mkdocs.yml", "hooks.py"):
        shutil.copy(ROOT / name, project / name)
    for name in ("docs", "overrides", "macros", "data"):
        shutil.copytree(ROOT / name, project / name, copy_function=shutil.copy,
                        ignore=shutil.ignore_patterns("__pycache__"))
    return project


FRESH_PROJECT = "project-fresh"


def _edited_data(folder: Path) -> Path:
    data = folder / "edited-data"
    shutil.copytree(DATA, data)
    for file, old, new in EDITS.values():
        text = (data / file).read_text("utf-8")
        assert old is None or text.count(old) == 1, (file, old)
        (data / file).write_text(text + new if old is None else text.replace(old, new), "utf-8")
    return data

# name: the settings of the build; `data` makes its data folder in the shared folder.
SESSION_BUILDS = {
    # The real site from the real data, as the deploy builds it (its address set).
    "site": {"SITE_URL": TEST_SITE_URL},
    # The same as of a fixed day inside the plan's years, stamped with a fixed instant.
    "dated": {"SITE_URL": TEST_SITE_URL, "PLAN_AS_OF": AS_OF, "SOURCE_DATE_EPOCH": DATED_EPOCH,
              "PYTHONHASHSEED": "1"},
    # `make demo`: the illustrative reports, a banner on every page.
    "demo": {"SITE_URL": TEST_SITE_URL, "PLAN_REPORTS_DIR": str(DEMO), "PLAN_AS_OF": DEMO_AS_OF,
             "PLAN_DEMO": "1"},
    # As the workflows build it: with the repository staff send reports to.
    "repo": {"SITE_URL": TEST_SITE_URL, "REPO_URL": TEST_REPO_URL, "REPO_BRANCH": "main"},
    # A plan three times the real one in pages of at most PAGED_LIMIT entries.
    "paged": {"SITE_URL": TEST_SITE_URL, "PLAN_PAGE_LIMIT": str(PAGED_LIMIT), "data": _paged_data},
    # The real data with EDITS made, built as on a computer of our own: without the site's
    # address (what such a build leaves out is read from it too).
    "edited": {"data": _edited_data},
}
# The dated build again, from a fresh copy of the project (`project` makes it), cold, with another
# hash seed: tests/site/test_rebuild.py compares it with the dated build byte for byte, and
# tests/site/test_share_images.py builds its project once more, warm.
SESSION_BUILDS["fresh"] = {**SESSION_BUILDS["dated"], "PYTHONHASHSEED": "2",
                           "project": _fresh_project}


def session_build(tmp_path_factory, name: str) -> Path:
    """The site of SESSION_BUILDS[name], built once per run, whichever test or worker asks first."""
    folder = _shared_folder(tmp_path_factory)
    dest = folder / f"build-{name}"
    with (folder / f"build-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not (folder / f"build-{name}.done").exists():
            settings = dict(SESSION_BUILDS[name])
            make_data, make_project = settings.pop("data", None), settings.pop("project", None)
            data = make_data(folder) if make_data else None
            project = make_project(folder) if make_project else ROOT
            result = build_site(dest, data_dir=data, project=project, **settings)
            assert result.returncode == 0, result.stderr
            (folder / f"build-{name}.log").write_text(result.stderr, "utf-8")
            (folder / f"build-{name}.done").write_text(str(data or ""), "utf-8")
    return dest


@pytest.fixture(scope="session")
def real_build(site) -> tuple[Path, subprocess.CompletedProcess]:
    """The real site and what its build printed."""
    log = (site.parent / "build-site.log").read_text("utf-8")
    return site, subprocess.CompletedProcess(args=["mkdocs", "build"], returncode=0, stderr=log)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site from the real data, as the deploy builds it (SITE_URL set, no REPO_URL)."""
    return session_build(tmp_path_factory, "site")


@pytest.fixture(scope="session")
def dated_site(tmp_path_factory) -> Path:
    """The real site as of AS_OF, with its address (feeds carry URLs) and a fixed stamp."""
    return session_build(tmp_path_factory, "dated")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo (`make demo`) as of DEMO_AS_OF, with the site's address."""
    return session_build(tmp_path_factory, "demo")


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory) -> Path:
    """The real site with a repository address (REPO_URL, REPO_BRANCH), as the workflows build
    it."""
    return session_build(tmp_path_factory, "repo")


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory) -> Path:
    """A plan PAGED_TIMES the real one, built with PLAN_PAGE_LIMIT=PAGED_LIMIT and the site's
    address."""
    return session_build(tmp_path_factory, "paged")


@pytest.fixture(scope="session")
def fresh_site(dated_site, tmp_path_factory) -> Path:
    """The dated build made again from a fresh copy of the project with no build cache, another
    hash seed, and at least a second after the dated build was done (a different second on the
    clock)."""
    done = (dated_site.parent / "build-dated.done").stat().st_mtime
    time.sleep(max(0.0, 1.1 - (time.time() - done)))
    return session_build(tmp_path_factory, "fresh")


@pytest.fixture(scope="session")
def fresh_project(fresh_site) -> Path:
    """The project folder the fresh build was made from, with the cache that build filled."""
    return fresh_site.parent / FRESH_PROJECT


@pytest.fixture(scope="session")
def edited_site(tmp_path_factory) -> Path:
    """The real data with EDITS made, built without the site's address."""
    return session_build(tmp_path_factory, "edited")


@pytest.fixture(scope="session")
def paged_data(paged_site) -> Path:
    """The data folder the paged site was built from."""
    return Path((paged_site.parent / "build-paged.done").read_text("utf-8"))


# --- Which tests run where ---------------------------------------------------------------------
# `make test` runs every test but the sweeps: the browser checks of every page of the site
# (marker `sweep`, given by the `sweep_pages` fixture of tests/support/browser.py), which it runs
# on one page of each family instead; `make sweep` runs them on every page. `make check` runs
# neither, nor any other test in a real browser (marker `browser`, given to every test that uses
# Chromium); `make gate` runs the checks of the built site the publish workflow waits for before
# it deploys (marker `gate`): the site a reader would notice broken.
GATE = {
    # Every sentence of the plan, in order, on the plan page; a build that warns of nothing.
    "tests/site/test_plan_page.py": ["test_build_is_clean",
                                     "test_every_sentence_of_the_source_in_order"],
    # Every published address is there (addresses are permanent), and no page is unlisted.
    "tests/site/test_permalinks.py": ["test_the_built_site_publishes_exactly_the_listed_addresses",
                                      "test_listed_addresses_cover_every_page_and_feed"],
    # Links and anchors.
    "tests/site/test_links.py": ["test_every_link_of_the_site_reaches_an_existing_page_and_anchor"],
    # No English on any page.
    "tests/site/test_no_english.py": ["test_no_english_on_any_page",
                                      "test_every_page_says_it_is_in_vietnamese",
                                      "test_the_labels_the_theme_gets_wrong_are_the_right_vietnamese"],
    # The feeds and the calendars parse, and lead to pages of the site.
    "tests/site/test_feeds.py": ["test_built_feeds_are_valid_rss",
                                 "test_every_address_in_a_built_feed_is_a_page_of_the_site"],
    "tests/site/test_ics.py": ["test_every_feed_parses_and_validates"],
}


def pytest_configure(config) -> None:
    config.addinivalue_line("markers",
                            "browser: runs in a real Chromium (left out by `make check`)")
    config.addinivalue_line("markers", "gate: guards the published site; the deploy waits for it "
                                       "(`make gate`)")
    config.addinivalue_line("markers", "sweep: a browser check of every page of the site (`make "
                                       "sweep`); `make test` runs it on one page of each family")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the xdist_group marks given here
def pytest_collection_modifyitems(config, items) -> None:
    gated: dict[tuple[str, str], bool] = {(file, name): False for file, names in GATE.items()
                                          for name in names}
    files = set()
    for item in items:
        file = Path(item.fspath).relative_to(ROOT).as_posix()
        files.add(file)
        if "chromium" in item.fixturenames:
            item.add_marker(pytest.mark.browser)
        if (file, item.originalname) in gated:
            item.add_marker(pytest.mark.gate)
            gated[(file, item.originalname)] = True
    # A gate test renamed or gone would leave the deploy unguarded without a word.
    lost = [f"{file}::{name}" for (file, name), found in gated.items()
            if file in files and not found]
    if lost:
        raise pytest.UsageError(
            f"tests of the deploy gate (tests/conftest.py GATE) not found: {lost}")
    # Modules with a browser test first, then the other modules that run whole on one worker:
    # under pytest-xdist they are the longest units of work of the run (see
    # pytest_xdist_make_scheduler); the tests shared out one by one fill in after them.
    with_browser = {item.module for item in items if item.get_closest_marker("browser")}

    def order(item) -> int:
        if item.module in with_browser:
            return 0
        return 1 if _scope_of_file(Path(item.fspath).relative_to(ROOT).as_posix()) else 2

    items.sort(key=order)


@functools.cache
def _scope_of_file(file: str) -> str | None:
    """Where a module's tests must run together: "browser" for a module that uses Chromium,
    the module itself for one with a module-scoped fixture (a build of its own, a search over
    the data), which each worker running some of its tests would make again; else None."""
    text = (ROOT / file).read_text("utf-8")
    if "chromium" in text:
        return "browser"
    return file if 'scope="module"' in text else None


def pytest_xdist_make_scheduler(config, log):
    """Under pytest-xdist (`make test`: -n 2), every module with a browser test runs on one
    worker: one Chromium, driven by one process that loads pages side by side itself, and each
    module's own builds made once; a module with a module-scoped fixture runs on one worker,
    whole; the other tests are shared out one by one. A worker takes more work as it runs out
    (two tests or fewer left), so the browser worker takes the rest once its modules are done.
    (xdist's own `--dist loadgroup` marks tests through a node attribute that pytest 9 no longer
    reads.)"""
    from xdist.scheduler import LoadScopeScheduling

    class BrowserOnOneWorker(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _scope_of_file(nodeid.split("::", 1)[0]) or nodeid

    return BrowserOnOneWorker(config, log)
