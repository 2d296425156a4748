"""Hostile data: fields holding HTML, a script, Markdown or Jinja syntax show as literal text.

A copy of the real data gets the payload in every free-text field that reaches a page (task text,
responsibility wording and notes, section titles, paragraphs, document notes, appendix content,
agency notes). The site is built from it and opened in Chromium: the payload must read as
written, no script of it may run (it would set a flag and open a dialog), and searching for it
must not run it either.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml

from tests.conftest import build_site, copy_data
from tests.support.browser import (
    SWEEP,
    TABS,
    SiteServer,
    family_of,
    new_context,
    one_of_each_family,
    side_by_side,
)

MARK = "HOSTILE"
PAYLOAD = (
    '<script>window.__hostile="script";alert("script")</script> '
    "<img src=x onerror=\"window.__hostile='img';alert('img')\"> "
    '{{ 7*7 }} {% raw %} [x](javascript:window.__hostile="md") **bold** ' + MARK
)
# What must be read on the page, word for word.
LITERALS = ["<script>", "<img src=x onerror=", "{{ 7*7 }}", "{% raw %}",
            '[x](javascript:window.__hostile="md")', "**bold**"]


def _nodes(items: list):
    for node in items:
        yield node
        yield from _nodes(node.get("content", []))


def poison(data) -> None:
    """Put the payload into every free-text field of the data copy that a page shows."""
    plan_file, agencies_file = data / "plan.yaml", data / "agencies.yaml"
    plan = yaml.safe_load(plan_file.read_text("utf-8"))
    nodes = [node for part in plan["parts"] for node in _nodes(part["content"])]
    task = next(n for n in nodes if n.get("task") == "ii-2-1-1")  # written with lines: lead shown
    task["text"] += " " + PAYLOAD
    task["lead"]["text"] += " " + PAYLOAD
    section = next(n for n in nodes if n.get("section") == "3.1")  # its lead is inherited
    section["title"] += " " + PAYLOAD
    section["lead"]["note"] = PAYLOAD
    next(n for n in nodes if "paragraph" in n)["paragraph"] += " " + PAYLOAD
    plan["implements"][0]["note"] = PAYLOAD
    plan["document"]["signature"]["note"] += " " + PAYLOAD
    plan["appendix"]["rows"][0]["content"] += " " + PAYLOAD
    plan["closing"] += " " + PAYLOAD
    plan_file.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "utf-8")
    registry = yaml.safe_load(agencies_file.read_text("utf-8"))
    for agency in registry["agencies"]:
        agency["note"] = PAYLOAD
        if agency.get("group"):
            agency["members_note"] = PAYLOAD
    agencies_file.write_text(yaml.safe_dump(registry, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    data = copy_data(tmp)
    poison(data)
    result = build_site(tmp / "site", data_dir=data)
    assert result.returncode == 0, result.stderr
    return tmp / "site"


@pytest.fixture(scope="module")
def hostile_server(hostile_site):
    with SiteServer(hostile_site) as running:
        yield running


def hostile_pages(site) -> list[str]:
    pages = []
    for path in sorted(site.rglob("*.html")):
        if MARK in path.read_text("utf-8"):
            rel = path.relative_to(site).as_posix()
            pages.append(rel.removesuffix("index.html"))
    return pages


def test_the_payload_reaches_the_pages(hostile_site):
    pages = hostile_pages(hostile_site)
    assert {"", "ke-hoach/", "nhiem-vu/ii-2-1-1/", "nhiem-vu/ii-3-1-1/"} <= set(pages)
    assert {family_of("co-quan/x/"), family_of("nhiem-vu/x/")} <= {family_of(p) for p in pages}


@pytest.fixture(scope="module", params=SWEEP)
def payload_pages(request, hostile_site) -> list[str]:
    """The pages that show the payload: in `make test` one of each family (each family is a
    template of its own), the one that shows it most often; in `make sweep` (marker `sweep`)
    every one."""
    pages = hostile_pages(hostile_site)
    if request.param == "every":
        return pages
    return one_of_each_family(hostile_site, pages, weight=lambda html: html.count(MARK))


def test_payload_reads_as_written_and_runs_nothing(chromium, hostile_server, payload_pages):
    context, watch = new_context(chromium, hostile_server)
    tabs = [context.new_page() for _ in range(TABS)]

    def read(page, path: str) -> None:
        text = page.locator("article").inner_text()
        assert all(literal in text for literal in LITERALS), (path, text[-600:])
        assert "49 " + "{% raw %}" not in text  # {{ 7*7 }} was not evaluated
        assert page.locator("article img[src='x'], article strong:text-is('bold')").count() == 0
        assert page.locator("a[href^='javascript:']").count() == 0
        assert page.evaluate("window.__hostile") is None, path

    pages = payload_pages
    assert len(side_by_side(tabs, pages, lambda _, path: hostile_server.base + path,
                            finish=read)) == len(pages)
    context.close()
    assert watch.dialogs == [] and watch.errors == [] and watch.outside == []
    # Nothing on the site asked for the "x" of <img src=x>.
    assert not [p for p, _ in hostile_server.sent if urlsplit(p).path.endswith("/x")]


def test_searching_for_the_payload_runs_nothing(chromium, hostile_server):
    context, watch = new_context(chromium, hostile_server)
    page = context.new_page()
    page.goto(hostile_server.base)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(MARK.lower(), delay=5)
    box.press("End")
    results = page.locator("li.md-search-result__item")
    results.first.wait_for()
    page.wait_for_timeout(300)
    shown = page.locator(".md-search-result").inner_text()
    assert "<script>" in shown or "<img src=x" in shown, shown[:500]
    assert page.locator(".md-search-result img[src='x'], .md-search-result script").count() == 0
    results.first.locator("a").first.click()  # opens the page, with the terms highlighted
    page.wait_for_load_state()
    assert page.evaluate("window.__hostile") is None
    context.close()
    assert watch.dialogs == [] and watch.errors == []
