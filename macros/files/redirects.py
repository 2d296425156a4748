"""Redirect pages in Vietnamese. mkdocs-redirects writes each old address as a page in English,
from a template it offers no option for; after the build, each is rewritten as the same page in
Vietnamese, which still follows the new address's #anchor."""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

REDIRECT_PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Trang đã chuyển sang địa chỉ mới</title>
<link rel="canonical" href="{url}">
<script>var anchor=window.location.hash.substr(1);
location.href="{url}"+(anchor?"#"+anchor:"")</script>
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p>Trang này đã chuyển sang <a href="{url}">địa chỉ mới</a>.</p>
</body>
</html>
"""
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')


def in_vietnamese(config) -> None:
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
