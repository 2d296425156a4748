"""Shared test helpers: real MkDocs builds of the real config, and HTML read by section."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

# Browser fixtures (Debian's Chromium under Playwright, the built site served on 127.0.0.1).
pytest_plugins = ["tests.support.browser"]

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
# The source document, as received in ../shared/source. A copy is committed so that the fidelity
# test also runs where ../shared is absent (GitHub's runners); test_source_copy keeps them equal.
SHARED_SOURCE = ROOT.parent / "shared" / "source" / "ke-hoach-68-KH-UBND-2018.txt"
SOURCE = Path(os.environ.get("PLAN_SOURCE", ROOT / "tests" / "fixtures" / "source" / SHARED_SOURCE.name))


@pytest.fixture(scope="session")
def source() -> Path:
    """The source document (the committed copy, or PLAN_SOURCE)."""
    assert SOURCE.is_file(), f"source document not found at {SOURCE}; set PLAN_SOURCE to its path"
    return SOURCE


# The address the deploy workflow would give (SITE_URL), under a sub-path as on GitHub Pages.
TEST_SITE_URL = "https://example.org/ke-hoach-68/"


def build_site(dest: Path, data_dir: Path | None = None, project: Path = ROOT, **env_extra: str):
    """Build the real site with the MkDocs command line, strictly, into dest. `project` is the
    folder holding mkdocs.yml (a copy made by copy_project, for tests that change pages)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           **env_extra}
    env.pop("PLAN_DATA_DIR", None)
    if "SITE_URL" not in env_extra:
        env.pop("SITE_URL", None)
    if data_dir is not None:
        env["PLAN_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(dest)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def copy_project(tmp_path: Path) -> Path:
    """A private copy of everything a build reads (config, pages, theme overrides, code, data)."""
    target = tmp_path / "project"
    target.mkdir()
    for name in ("mkdocs.yml", "hooks.py"):
        shutil.copy2(ROOT / name, target / name)
    for folder in ("docs", "overrides", "macros", "data"):
        shutil.copytree(ROOT / folder, target / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    return target


def copy_data(tmp_path: Path) -> Path:
    """A private copy of the data folder that a test may change."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def real_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The real site from the real data, built once per test session as the deploy builds it."""
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest, SITE_URL=TEST_SITE_URL)
    assert result.returncode == 0, result.stderr
    return dest, result


@pytest.fixture(scope="session")
def site(real_build) -> Path:
    return real_build[0]


AS_OF = "2019-06-15"  # the as-of date of the dated build: inside the plan's years
SITE_URL = "https://example.org/ke-hoach-68/"


@pytest.fixture(scope="session")
def dated_site(tmp_path_factory) -> Path:
    """The real site built as of a fixed date and with a public address (feeds carry URLs)."""
    dest = tmp_path_factory.mktemp("dated-site")
    result = build_site(dest, PLAN_AS_OF=AS_OF, SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stderr
    return dest


DEMO_REPORTS = ROOT / "tests" / "fixtures" / "demo" / "tien-do"
DEMO_AS_OF = "2019-06-30"  # `make demo`'s default DEMO_AS_OF


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo build (illustrative reports, as `make demo` builds it) with a public address, so
    that its feeds are written too: built once per session for every test that reads it."""
    dest = tmp_path_factory.mktemp("demo-site")
    result = build_site(dest, PLAN_REPORTS_DIR=str(DEMO_REPORTS), PLAN_AS_OF=DEMO_AS_OF,
                        PLAN_DEMO="1", SITE_URL=TEST_SITE_URL)
    assert result.returncode == 0, result.stderr
    return dest
