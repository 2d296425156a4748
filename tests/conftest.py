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
pytest_plugins = ["tests.browser"]

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE = Path(
    os.environ.get("PLAN_SOURCE", ROOT.parent / "shared" / "source" / "ke-hoach-68-KH-UBND-2018.txt")
)


def build_site(dest: Path, data_dir: Path | None = None, **env_extra: str):
    """Build the real site with the MkDocs command line, strictly, into dest."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_extra}
    env.pop("PLAN_DATA_DIR", None)
    if data_dir is not None:
        env["PLAN_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
         "-d", str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )


def copy_data(tmp_path: Path) -> Path:
    """A private copy of the data folder that a test may change."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def real_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The real site from the real data, built once per test session."""
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest)
    assert result.returncode == 0, result.stderr
    return dest, result


@pytest.fixture(scope="session")
def site(real_build) -> Path:
    return real_build[0]
