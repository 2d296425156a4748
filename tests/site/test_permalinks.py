"""Published addresses never break: the built site matches macros/cli/published_urls.txt, a moved page
fails the check until a redirect is added, and `make urls` only ever adds addresses."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.cli.permalinks import MANIFEST, compare, read_manifest, site_urls, update
from tests.conftest import TEST_SITE_URL, build_site, copy_project, soup


def test_the_built_site_publishes_exactly_the_listed_addresses(site):
    result = compare(site)
    assert result.problems() == []
    assert all(url.isascii() and url.startswith("/") for url in read_manifest())


def test_listed_addresses_cover_every_page_and_feed(site):
    listed = read_manifest()
    assert {"/", "/ke-hoach/", "/tin-tuc/", "/bao-chi/", "/tin-tuc/rss.xml",
            "/tien-do/rss.xml", "/nhiem-vu/ii-2-1-1/", "/tin-tuc/ke-hoach-68-kh-ubnd/"} <= listed
    assert not any(url.startswith(("/assets/", "/search/")) for url in listed)


def _replace_everywhere(project: Path, old: str, new: str) -> None:
    """What a maintainer does when moving a page: every reference follows it."""
    for path in [project / "mkdocs.yml", *(project / "docs").rglob("*.md")]:
        text = path.read_text("utf-8")
        if old in text:
            path.write_text(text.replace(old, new), "utf-8")


def _add_redirects(project: Path, pairs: list[tuple[str, str]]) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert text.count("redirect_maps: {}") == 1
    lines = "".join(f"\n        {old}: {new}" for old, new in pairs)
    config.write_text(text.replace("redirect_maps: {}", f"redirect_maps:{lines}"), "utf-8")


def _build(project: Path, dest: Path) -> Path:
    result = build_site(dest, project=project, SITE_URL=TEST_SITE_URL)
    assert result.returncode == 0, result.stderr
    return dest


MOVES = [
    # (what moves, edit that moves it, redirect from, redirect to, old address, new address)
    ("page renamed", ("bao-chi.md", "lien-he-bao-chi.md"), "bao-chi.md", "lien-he-bao-chi.md",
     "/bao-chi/", "/lien-he-bao-chi/"),
    ("post slug changed", ("slug: ke-hoach-68-kh-ubnd", "slug: ke-hoach-so-68"),
     "tin-tuc/ke-hoach-68-kh-ubnd.md", "tin-tuc/posts/ke-hoach-68-kh-ubnd.md",
     "/tin-tuc/ke-hoach-68-kh-ubnd/", "/tin-tuc/ke-hoach-so-68/"),
]
MOVED_FROM = {move[4] for move in MOVES}
MOVED_TO = {move[5] for move in MOVES}


@pytest.fixture(scope="module")
def moved_sites(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the project with every move of MOVES made, as a maintainer makes them, built
    without a redirect, then with a redirect for each: two builds for all the moves, each move
    checked on its own below."""
    tmp = tmp_path_factory.mktemp("moves")
    project = copy_project(tmp, caches=True)
    for _, (old_text, new_text), *_ in MOVES:
        if old_text.endswith(".md"):
            (project / "docs" / old_text).rename(project / "docs" / new_text)
        _replace_everywhere(project, old_text, new_text)
    without = _build(project, tmp / "without-redirects")
    _add_redirects(project, [(source, target) for _, _, source, target, _, _ in MOVES])
    return without, _build(project, tmp / "with-redirects")


@pytest.mark.parametrize("move", MOVES, ids=[m[0] for m in MOVES])
def test_a_moved_page_fails_until_a_redirect_is_added(move, moved_sites, tmp_path):
    *_, old_url, new_url = move
    without, with_redirects = moved_sites
    manifest = tmp_path / "published_urls.txt"
    shutil.copy(MANIFEST, manifest)

    # Moved without a redirect: the old address is gone, and the check names it.
    result = compare(without, manifest)
    assert set(result.missing) == MOVED_FROM and set(result.unlisted) == MOVED_TO
    assert any(old_url in problem and "redirect_maps" in problem for problem in result.problems())
    before = manifest.read_text("utf-8")
    assert set(update(without, manifest).missing) == MOVED_FROM
    assert manifest.read_text("utf-8") == before  # `make urls` refuses to drop an address

    # With a redirect, the old address serves a page that sends readers to the new one.
    site = with_redirects
    result = compare(site, manifest)
    assert result.missing == () and set(result.unlisted) == MOVED_TO
    stub = soup(site / old_url.strip("/") / "index.html")
    refresh = stub.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert (site / old_url.strip("/") / refresh.split("url=")[1] / "index.html").resolve() == (
        site / new_url.strip("/") / "index.html").resolve()

    # `make urls` adds the new address; then the check passes.
    update(site, manifest)
    assert compare(site, manifest).problems() == []
    assert {old_url, new_url} <= read_manifest(manifest)


def test_site_urls_reads_folders_as_addresses(site):
    urls = site_urls(site)
    assert "/" in urls and "/ke-hoach/" in urls and "/tin-tuc/rss.xml" in urls
    assert "/404.html" not in urls and not any("index.html" in url for url in urls)
