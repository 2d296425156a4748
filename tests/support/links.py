"""Every link of a built site, followed: to an existing page, and to an element with the anchor's
id on it. Links to other hosts are left out (the browser tests refuse any request to them)."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html


def broken_links(site: Path) -> tuple[int, list[tuple[str, str]]]:
    """(links checked, [(page, href) of each link that leads nowhere])."""
    ids: dict[Path, set[str]] = {}

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            tree = lxml_html.fromstring(path.read_bytes())
            ids[path] = {e.get("id") for e in tree.xpath("//*[@id]")}
        return ids[path]

    broken, checked = [], 0
    for path in site.rglob("*.html"):
        if path.name == "404.html":
            continue  # shown at any address, it links from the site's root ("/...")
        for href in lxml_html.fromstring(path.read_bytes()).xpath("//a/@href"):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("//"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists() or (parts.fragment and target.suffix == ".html" and \
                    parts.fragment not in anchors(target)):
                broken.append((str(path.relative_to(site)), href))
            checked += 1
    return checked, broken
