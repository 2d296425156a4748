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


def _add_redirect(project: Path, old: str, new: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert text.count("redirect_maps: {}") == 1
    config.write_text(text.replace("redirect_maps: {}", f"redirect_maps:\n        {old}: {new}"),
                      "utf-8")


def _build(project: Path, dest: Path) -> Path:
    shutil.rmtree(dest, ignore_errors=True)
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


@pytest.mark.parametrize("move", MOVES, ids=[m[0] for m in MOVES])
def test_a_moved_page_fails_until_a_redirect_is_added(move, tmp_path):
    _, (old_text, new_text), source, target, old_url, new_url = move
    project = copy_project(tmp_path)
    manifest = tmp_path / "published_urls.txt"
    shutil.copy(MANIFEST, manifest)
    if old_text.endswith(".md"):
        (project / "docs" / old_text).rename(project / "docs" / new_text)
    _replace_everywhere(project, old_text, new_text)

    # Moved without a redirect: the old address is gone, and the check names it.
    site = _build(project, tmp_path / "site")
    result = compare(site, manifest)
    assert result.missing == (old_url,) and result.unlisted == (new_url,)
    assert any(old_url in problem and "redirect_maps" in problem for problem in result.problems())
    before = manifest.read_text("utf-8")
    assert update(site, manifest).missing == (old_url,)
    assert manifest.read_text("utf-8") == before  # `make urls` refuses to drop an address

    # With a redirect, the old address serves a page that sends readers to the new one.
    _add_redirect(project, source, target)
    site = _build(project, tmp_path / "site")
    result = compare(site, manifest)
    assert result.missing == () and result.unlisted == (new_url,)
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
