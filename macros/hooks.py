"""MkDocs hooks: generate one page per task and per agency, and the calendar feeds, from the
data at build time.

Generated pages are only a title and a macro call with a validated ASCII id: no data text is
written into page sources, so nothing from data is ever evaluated as Jinja or Markdown.
"""
from __future__ import annotations

import re
import sys
from datetime import datetime, timezone
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

# MkDocs loads this file by path; make the package beside it importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.opendata import FILES  # noqa: E402
from macros.search import rewrite_index  # noqa: E402
from macros.site import get_plan  # noqa: E402
from macros import ics  # noqa: E402
from macros.site import get_plan  # noqa: E402


def _page(title: str, call: str) -> str:
    front = yaml.safe_dump({"title": title}, allow_unicode=True).strip()
    return f"---\n{front}\n---\n\n{call}\n"


def on_files(files: Files, config) -> Files:
    plan = get_plan(config)
    for task in plan.tasks:
        # Task pages are reached from the plan text, tables and agency pages, not the nav.
        source = _page(task.title, f'{{{{ task_page("{task.id}") }}}}')
        files.append(File.generated(config, f"nhiem-vu/{task.id}.md", content=source))
    # Open data downloads, written from the same typed plan as the pages.
    for path, write in FILES.items():
        files.append(File.generated(config, path, content=write(plan).encode("utf-8")))
    for agency in plan.registry.agencies:
        # Agency pages are reached from the agency index (co-quan/index.md), not the nav.
        source = _page(agency.name, f'{{{{ agency_page("{agency.id}") }}}}')
        files.append(File.generated(config, f"co-quan/{agency.id}.md", content=source))
    _add_feeds(files, config, plan)
    return files


# The iCalendar feeds are files of the site, written from the same plan and as-of date.
def _add_feeds(files: Files, config, plan) -> None:
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    site_url = config.get("site_url") or None
    for path, content in ics.feeds(plan, plan.as_of, stamp, site_url):
        files.append(File.generated(config, path, content=content))
def on_post_build(config) -> None:
    # Runs after the search plugin has written its index (hooks come after plugins).
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.exists():
        rewrite_index(index)
    _redirects_in_vietnamese(config)


# mkdocs-redirects writes each old address as a page in English, from a template it offers no
# option for. The same page, in Vietnamese: it still follows the new address's #anchor.
REDIRECT_PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Trang đã chuyển sang địa chỉ mới</title>
<link rel="canonical" href="{url}">
<script>var anchor=window.location.hash.substr(1);location.href="{url}"+(anchor?"#"+anchor:"")</script>
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p>Trang này đã chuyển sang <a href="{url}">địa chỉ mới</a>.</p>
</body>
</html>
"""
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')


def _redirects_in_vietnamese(config) -> None:
    plugin = config["plugins"].get("redirects")
    if plugin is None:
        return
    from mkdocs_redirects.plugin import get_html_path

    for old in plugin.config["redirect_maps"]:
        page = Path(config["site_dir"]) / get_html_path(old, config["use_directory_urls"])
        written = _CANONICAL.search(page.read_text("utf-8"))
        if written is None:  # the plugin's template changed: look again rather than guess
            raise PluginError(f"redirect page {page} has no canonical link to rewrite")
        page.write_text(REDIRECT_PAGE.format(url=written.group(1)), encoding="utf-8")
