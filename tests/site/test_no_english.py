"""Every word a reader sees is Vietnamese: page text, tooltips, labels, the theme's translations.

Every built HTML page is read: its text (outside code), the title, aria-label, placeholder and alt
attributes, the link-preview tags, and the labels Material's script shows (the "translations" of
the `__config` JSON each page carries). English words are matched whole, case-insensitively.
Words that are also Vietnamese ("in", "an", "do", "to", "no", "can", "ban") are not on the list.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup, Comment

from tests.support.browser import SiteServer, new_context
from tests.conftest import ROOT, build_site, copy_project

ENGLISH = {
    # What themes and generators leave behind.
    "made with", "material for mkdocs", "mkdocs", "permanent link", "initializing",
    "initializing search", "back to top", "skip to content", "copy to clipboard", "copied",
    "previous", "next", "table of contents", "redirecting", "click here", "new destination",
    "type to start searching", "no matching documents", "matching documents", "not found",
    "search", "searching", "share", "clear", "close", "edit", "view", "source", "language",
    "select", "version", "footer", "header", "navigation", "menu", "home", "page", "contents",
    "result", "results", "loading", "download", "print", "update", "updated", "last updated",
    "created", "contributors", "tabs", "metadata", "categories", "archive", "draft", "continue",
    "reading", "read more", "dismiss", "accept", "reject", "manage", "settings", "comments",
    "minute read", "toggle", "dark mode", "light mode", "expand", "collapse", "show", "hide",
    "feed", "subscribe", "license", "powered by", "copyright", "privacy", "cookies", "error",
    "back", "top", "skip", "copy", "clipboard", "click", "here", "type", "start", "link",
    # Plain English.
    "the", "and", "of", "with", "for", "from", "this", "that", "these", "you", "your", "are",
    "is", "was", "were", "be", "being", "been", "has", "have", "will", "please", "not", "or",
    "on", "at", "by", "it", "its", "new", "all", "more", "see", "about", "which", "what",
    "when", "where", "how", "into", "there", "their", "our", "yes",
}
_WORDS = re.compile(
    r"(?<![\w.-])(" + "|".join(sorted((re.escape(w) for w in ENGLISH), key=len, reverse=True))
    + r")(?![\w-])", re.IGNORECASE)

# Legitimate tokens: names, formats, addresses, file names.
ALLOWED = ["RSS", "JSON", "CSV", "iCalendar", "GitHub", "Open Graph", "CC BY 4.0", "Zalo",
           "Facebook", "YAML"]
_ADDRESSES = re.compile(r"\b(?:https?://|www\.)\S+|\S+\.(?:json|csv|ics|xml|yaml|yml|md|html|txt)\b")
# The staff guide (huong-dan-cap-nhat) names GitHub's buttons and boxes as GitHub shows them, in
# English, between «»: staff must find them on screen. Only these exact labels are let through.
GITHUB_LABELS = {
    "Add file", "Create new file", "Edit this file", "Commit changes…", "Commit changes",
    "Commit message", "Create a new branch for this commit and start a pull request",
    "Propose changes", "Open a pull request", "Create pull request", "Files changed",
    "Details", "Edit file", "Summary", "Request changes", "Approve", "Merge pull request",
    "Actions",
    # A first pull request from a fork waits for a maintainer (GitHub's merge box and its button).
    "Workflow(s) awaiting approval", "Approve and run",
}
# The data's field names, which the staff guide and the build's messages quote between «».
FIELD_NAMES = {"start", "due", "recurrence", "source"}
# Error messages the staff guide quotes as the build prints them: the words of the libraries that
# read the data (the YAML parser, Python's decoder, pydantic), in parentheses, which the guide
# says are English technical text; and the front-matter field names a news post must have.
QUOTED = ["(could not find expected ':')", "(invalid start byte)",
          "(Input should be a valid integer, got a number with a fractional part)",
          "(title, description, date, slug, agency, categories)"]

_SHARE_TAGS = {"description", "og:title", "og:description", "og:site_name", "og:image:alt"}


def _allowed_removed(text: str) -> str:
    text = " ".join(text.split())
    for label in GITHUB_LABELS | FIELD_NAMES:
        text = text.replace(f"«{label}»", " ")
    for phrase in QUOTED + ALLOWED:
        text = text.replace(phrase, " ")
    return _ADDRESSES.sub(" ", text)


def reader_text(html: str) -> list[tuple[str, str]]:
    """What a reader of the page can see or hear, as (where, text) pairs."""
    page = BeautifulSoup(html, "html.parser")
    found = []
    for node in page.find_all(string=True):
        if isinstance(node, Comment) or node.find_parent(["script", "style", "code", "pre", "kbd"]):
            continue
        if node.strip():
            found.append((f"<{node.parent.name}>", str(node)))
    for element in page.find_all(True):
        for attribute in ("title", "aria-label", "placeholder", "alt"):
            if element.has_attr(attribute):
                found.append((f"<{element.name} {attribute}>", element[attribute]))
        if element.name == "meta" and (element.get("name") or element.get("property")) in _SHARE_TAGS:
            found.append((f"<meta {element.get('name') or element.get('property')}>",
                          element.get("content", "")))
    config = page.find("script", id="__config")
    if config is not None:
        for key, label in json.loads(config.string).get("translations", {}).items():
            found.append((f"translation {key}", label))
    return found


def english_in(html: str) -> list[tuple[str, str, str]]:
    """Each English word on the page: (where, word, the text around it)."""
    hits = []
    for where, text in reader_text(html):
        for match in _WORDS.finditer(_allowed_removed(text)):
            hits.append((where, match.group(0), " ".join(text.split())[:100]))
    return hits


def test_the_check_finds_what_the_theme_leaves_in_english():
    # Material's own English, as it renders it: the footer line, the heading anchor's tooltip, the
    # search labels its script shows, a redirect page. Each must be caught.
    html = """<html lang="en"><head><title>Redirecting...</title>
      <script id="__config" type="application/json">{"translations":
        {"search.result.placeholder": "Type to start searching", "clipboard.copy": "Sao chép"}}
      </script></head><body>
      <a href="#" class="md-skip">Skip to content</a>
      <h2 id="a">Mục<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>
      <button class="md-top" aria-label="Back to top">Về đầu trang</button>
      <input placeholder="Search"><img alt="Logo of the site" src="x.png">
      <div class="md-copyright">Made with <a href="https://squidfunk.github.io/">Material for MkDocs</a></div>
      <p>Tải tệp <code>ke-hoach.json</code> hoặc plan.csv, nguồn tin RSS, lịch iCalendar, GitHub.</p>
      <p>Bấm «Add file». Không «Add something»; bản in, an toàn, do đó, cần, tỉnh.</p>
      </body></html>"""
    words = {word.casefold() for _, word, _ in english_in(html)}
    assert {"redirecting", "type to start searching", "skip to content", "permanent link",
            "back to top", "search", "of", "made with", "material for mkdocs"} <= words
    assert "add" not in words and "something" not in words  # not on the list: fine
    assert not words & {"json", "csv", "rss", "icalendar", "github", "in", "an", "do", "file"}
    # The staff guide's GitHub labels pass only as quoted, exact labels.
    assert english_in("<p>Bấm «Edit this file».</p>") == []
    assert english_in("<p>Bấm Edit this file.</p>")


def _pages(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50  # every task and agency page is built
    return pages


def test_no_english_on_any_page(site):
    found = {}
    for path in _pages(site):
        html = path.read_text("utf-8")
        hits = english_in(html)
        if hits:
            found[path.relative_to(site).as_posix()] = hits[:5]
    assert found == {}


def test_every_page_says_it_is_in_vietnamese(site):
    for path in _pages(site):
        page = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        assert page.html.get("lang") == "vi", path


def test_the_labels_the_theme_gets_wrong_are_the_right_vietnamese(site):
    page = BeautifulSoup((site / "ke-hoach" / "index.html").read_text("utf-8"), "html.parser")
    assert page.select_one("a.md-skip").get_text(strip=True) == "Bỏ qua, đến nội dung"
    assert page.select_one("button.md-top").get_text(strip=True) == "Về đầu trang"
    assert {a["title"] for a in page.select("a.headerlink")} == {"Liên kết đến mục này"}
    assert page.select_one(".md-search-result__meta").get_text(strip=True) == "Đang khởi tạo tìm kiếm"
    assert page.select_one(".md-copyright") is None or "Made" not in page.select_one(".md-copyright").text


# mkdocs.yml: a key written twice is lost without a word (PyYAML keeps the last). A loader that
# refuses repeated keys, and knows the two tags the file uses (!ENV and !!python/name:).
class StrictLoader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} repeated (first at line {seen[key] + 1})",
                    key_node.start_mark)
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


StrictLoader.add_constructor(
    "!ENV", lambda loader, node: ("!ENV", loader.construct_scalar(node) if isinstance(
        node, yaml.ScalarNode) else loader.construct_sequence(node)))
StrictLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/name:", lambda loader, suffix, node: ("python/name", suffix))


def test_the_strict_loader_refuses_a_repeated_key():
    with pytest.raises(yaml.constructor.ConstructorError, match="'extra' repeated"):
        yaml.load("extra:\n  generator: false\nnav: []\nextra:\n  demo: 1\n", Loader=StrictLoader)
    with pytest.raises(yaml.constructor.ConstructorError, match="'a' repeated"):
        yaml.load("plugins:\n  - search:\n      a: 1\n      a: 2\n", Loader=StrictLoader)


def test_mkdocs_yml_has_no_repeated_key():
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=StrictLoader)
    assert config["extra"]["generator"] is False
    assert config["extra"]["demo"] == ("!ENV", ["PLAN_DEMO", False])
    assert config["markdown_extensions"][0]["toc"]["slugify"] == ("python/name", "slugify.slugify")


# A moved page: mkdocs-redirects writes its old address as a page of its own, in English;
# macros/hooks.py rewrites it in Vietnamese. No redirect exists yet: a project copy adds one.
@pytest.fixture(scope="module")
def redirected_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("redirects")
    project = copy_project(tmp)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "redirect_maps: {}" in text
    config.write_text(text.replace(
        "redirect_maps: {}", "redirect_maps:\n        cu/toan-van.md: ke-hoach.md"), "utf-8")
    dest = tmp / "site"
    result = build_site(dest, project=project)
    assert result.returncode == 0, result.stderr
    return dest


def test_a_redirect_page_is_in_vietnamese(redirected_site):
    html = (redirected_site / "cu" / "toan-van" / "index.html").read_text("utf-8")
    page = BeautifulSoup(html, "html.parser")
    assert page.html["lang"] == "vi"
    assert english_in(html) == []
    assert page.title.get_text() == "Trang đã chuyển sang địa chỉ mới"
    assert page.find("link", rel="canonical")["href"] == "../../ke-hoach/"
    assert page.find("a")["href"] == "../../ke-hoach/"


def test_a_redirect_page_still_leads_to_the_new_address_and_anchor(redirected_site, chromium):
    with SiteServer(redirected_site) as server:
        context, watch = new_context(chromium, server)
        page = context.new_page()
        page.goto(server.base + "cu/toan-van/#phan-ii")
        page.wait_for_url("**/ke-hoach/#phan-ii")
        assert urlsplit(page.url).path == "/ke-hoach/"
        assert page.locator("#phan-ii").is_visible()
        context.close()
    assert watch.errors == [] and watch.outside == []
