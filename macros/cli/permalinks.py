"""Published addresses never disappear: the built site is compared with a committed list.

macros/cli/published_urls.txt lists every address the site has published, one per line, relative to
the site root ("/nhiem-vu/ii-2-1-1/", "/tin-tuc/rss.xml"). A newspaper may have printed any of
them, so:

- an address of the list that the built site no longer has is an error, until a redirect for it
  is added (mkdocs.yml, plugin `redirects`, `redirect_maps`), which puts a page there again;
- an address the built site has and the list lacks is an error too, so that the list stays
  complete: `make urls` (`python -m macros.cli.permalinks update`) adds the new ones, and refuses to
  run while an address is missing. Removing a line is a deliberate, reviewed edit by hand.

Theme files (assets/), the search index, 404.html and the compressed sitemap are not addresses
anyone links to, and change with every Material release: they are not listed.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = Path(__file__).resolve().parent / "published_urls.txt"
NOT_PUBLISHED = ("/assets/", "/search/", "/404.html", "/sitemap.xml.gz")
# Feeds need an absolute address; any stand-in will do to list the paths.
STAND_IN_SITE_URL = "http://127.0.0.1:8000/"

HEADER = """\
# Every address the site has published, relative to the site root. Never delete a line: when a
# page moves, add a redirect for its old address in mkdocs.yml (plugin redirects, redirect_maps).
# `make urls` adds new addresses after a build; the tests fail when this list and the site differ.
"""


def site_urls(site: Path) -> set[str]:
    """Every address a built site serves: a folder's index.html is served as the folder."""
    urls = set()
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        url = "/" + path.relative_to(site).as_posix()
        if url.startswith(NOT_PUBLISHED):
            continue
        urls.add(url.removesuffix("index.html"))
    return urls


def read_manifest(path: Path = MANIFEST) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def write_manifest(urls: set[str], path: Path = MANIFEST) -> None:
    path.write_text(HEADER + "".join(f"{url}\n" for url in sorted(urls)), encoding="utf-8")


@dataclass(frozen=True)
class Comparison:
    missing: tuple[str, ...]  # published before, gone from the site
    unlisted: tuple[str, ...]  # in the site, not yet in the list

    def problems(self, manifest: Path = MANIFEST) -> list[str]:
        shown = _shown(manifest)
        gone = [
            f"Địa chỉ đã công bố {url} không còn trên trang web. Địa chỉ đã công bố không được "
            f"mất: thêm chuyển hướng từ trang cũ sang trang mới trong mkdocs.yml (plugin "
            f"«redirects», mục «redirect_maps»)."
            for url in self.missing
        ]
        new = [
            f"Địa chỉ mới {url} chưa có trong {shown}. Cách sửa: chạy «make urls» để thêm."
            for url in self.unlisted
        ]
        return gone + new


def compare(site: Path, manifest: Path = MANIFEST) -> Comparison:
    built, listed = site_urls(site), read_manifest(manifest)
    return Comparison(tuple(sorted(listed - built)), tuple(sorted(built - listed)))


def update(site: Path, manifest: Path = MANIFEST) -> Comparison:
    """Add the site's new addresses to the list; change nothing while an address is missing."""
    result = compare(site, manifest)
    if not result.missing:
        write_manifest(read_manifest(manifest) | set(result.unlisted), manifest)
    return result


def _shown(manifest: Path) -> str:
    try:
        return manifest.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(manifest)


def _build(dest: Path) -> None:
    env = {**os.environ, "SITE_URL": os.environ.get("SITE_URL") or STAND_IN_SITE_URL,
           "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
         "-f", str(ROOT / "mkdocs.yml"), "-d", str(dest)],
        cwd=ROOT, env=env, check=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Địa chỉ đã công bố của trang web.")
    parser.add_argument("command", choices=["check", "update"])
    parser.add_argument("--site", type=Path, help="trang đã dựng (mặc định: dựng lại)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            _build(site)
        result = update(site) if args.command == "update" else compare(site)
    problems = result.problems()
    if args.command == "update":
        problems = problems[: len(result.missing)]
        if not problems:
            print(f"Đã thêm {len(result.unlisted)} địa chỉ mới vào {_shown(MANIFEST)}.")
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
