"""Browser test helpers: the built site served on 127.0.0.1, and Debian's Chromium under Playwright.

Playwright never downloads a browser here: it drives /usr/bin/chromium (`make test` installs it
with apt-get). Every request whose host is not the local server is recorded and aborted, so a
test can fail on it. The server compresses text with gzip, as GitHub Pages does, and counts the
bytes it sends, so page weight is measured as a reader's browser receives it.
"""
from __future__ import annotations

import contextlib
import functools
import gzip
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".ics"}


class _Handler(SimpleHTTPRequestHandler):
    server: SiteServer

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def handle_one_request(self) -> None:
        self.server.activity(+1)
        try:
            super().handle_one_request()
        finally:
            self.server.activity(-1)

    def translate_path(self, path: str) -> str:
        # The site lives under the sub-path of its address, as on GitHub Pages: outside it, 404.
        prefix = self.server.prefix
        if not urlsplit(path).path.startswith(prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(prefix):])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the base class redirects /dir to /dir/
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = self.server.gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.sent.append((self.path, len(body)))
        return None

    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        outputfile.write(data)
        self.server.sent.append((self.path, len(data)))


class SiteServer(ThreadingHTTPServer):
    """A static server of one built site on 127.0.0.1, on a free port."""

    daemon_threads = True

    def __init__(self, root: Path, prefix: str = "/"):
        super().__init__(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
        self.root = root
        self.prefix = prefix  # the path of the site's address (SITE_URL), e.g. /ke-hoach-68/
        self.sent: list[tuple[str, int]] = []  # (path, body bytes) in the order served
        self._gzip_cache: dict[Path, bytes] = {}
        self._lock = threading.Lock()
        self._active = 0
        self._last = time.monotonic()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{self.prefix}"

    def activity(self, change: int) -> None:
        with self._lock:
            self._active += change
            self._last = time.monotonic()

    def wait_loaded(self, page, quiet: float = 0.25, timeout: float = 60) -> None:
        """Wait for the page's first load to finish: every page fetches the search index, then
        its search worker loads lunr; done when nothing has been asked for `quiet` seconds after
        that. It waits through Playwright (`page`): every request passes through a route that
        Playwright's loop lets go (Watch.route), so a plain sleep would hold the page's late
        requests back and leave them out of the count."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                index = any(path.endswith("/search_index.json") for path, _ in self.sent)
                idle = self._active == 0 and time.monotonic() - self._last >= quiet
            if index and idle:
                return
            page.wait_for_timeout(20)
        raise TimeoutError(
            f"the page kept loading, or never asked for the search index: {self.sent}")

    def handle_error(self, request, client_address) -> None:
        # A browser that closes a connection early (page changed, context closed) is normal.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def gzipped(self, path: Path) -> bytes:
        if path not in self._gzip_cache:
            self._gzip_cache[path] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        return self._gzip_cache[path]

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()

    def pages(self) -> list[str]:
        """Every HTML page of the built site, as a path relative to the root ('' is home).

        Read from the site folder, so each new page family is covered without listing it."""
        found = []
        for path in sorted(self.root.rglob("*.html")):
            rel = path.relative_to(self.root).as_posix()
            found.append(rel.removesuffix("index.html"))
        return found

    def one_of_each_family(self) -> list[str]:
        """One page of each family of the built site: the sample of the sweeps that `make test`
        keeps."""
        return one_of_each_family(self.root, self.pages())


def one_of_each_family(root: Path, pages: list[str],
                       weight: Callable[[str], int] | None = None) -> list[str]:
    """One of the pages (paths relative to the site's root) of each family (family_of): the one
    with the most in it, its largest HTML file, or the one of greatest `weight(html)`."""
    families: dict[str, list[str]] = {}
    for path in pages:
        families.setdefault(family_of(path), []).append(path)

    def html(path: str) -> Path:
        page = root / path
        return page / "index.html" if page.is_dir() else page

    def most(path: str) -> int:
        return weight(html(path).read_text("utf-8")) if weight else html(path).stat().st_size

    return sorted(max(members, key=lambda path: (most(path), path))
                  for members in families.values())


def family_of(path: str) -> str:
    """The family of a page, read from its address: pages generated one per record (tasks,
    agencies, news posts, the news categories and archive, further pages of a long list) share
    their folder, 'nhiem-vu/*/'; every other page (home, the plan text, progress, the agency
    index, 404, ...) is a family of its own."""
    folders = path.rstrip("/").split("/")
    return "/".join(folders[:-1]) + "/*/" if len(folders) > 1 else path


@dataclass
class Watch:
    """What a browser context did: console errors, uncaught errors, dialogs, outside requests."""

    host: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def route(self, route) -> None:
        url = route.request.url
        if urlsplit(url).scheme in ("data", "blob") or urlsplit(url).netloc == self.host:
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def attach(self, page) -> None:
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("dialog", self.dialog)


def new_context(browser, server: SiteServer, axe: bool = False, **options):
    """A fresh browser context (empty cache) that may only reach the local site; with axe-core
    in every page it opens (`axe=True`), ready for start_axe, sent to the browser once."""
    context = browser.new_context(**options)
    if axe:
        context.add_init_script(path=str(AXE))
    context.set_default_timeout(30_000)  # a machine shared with other work can be slow
    watch = Watch(host=urlsplit(server.base).netloc)
    context.route("**/*", watch.route)
    context.on("page", watch.attach)
    return context, watch


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@contextlib.contextmanager
def serve(site: Path) -> Iterator[SiteServer]:
    """A built site served under the path of its address (TEST_SITE_URL), as on GitHub Pages."""
    from tests.conftest import TEST_SITE_URL

    with SiteServer(site, prefix=urlsplit(TEST_SITE_URL).path) as running:
        yield running


@pytest.fixture(scope="session")
def server(site):
    with serve(site) as running:
        yield running


# The sweeps load every page of the site (axe at desktop and on a phone, printed with and without
# JavaScript, without JavaScript): `make sweep` runs them (marker `sweep`). `make test` runs the
# same checks on one page of each family, so a broken template still fails it.
SWEEP = [pytest.param("families", id="one-of-each-family"),
         pytest.param("every", id="every-page", marks=pytest.mark.sweep)]


@pytest.fixture(scope="session", params=SWEEP)
def sweep_pages(request, server) -> list[str]:
    """The pages a sweep loads: one of each family, or (marked `sweep`) every page."""
    return server.pages() if request.param == "every" else server.one_of_each_family()


# How many pages a sweep over the whole site loads side by side in the one browser. Two cores
# run it: more tabs than this only wait for the processor.
TABS = 4


def side_by_side(tabs: list, paths: list[str], url: Callable[[int, str], str],
                 start: Callable[[object, str], None] | None = None,
                 finish: Callable[[object, str], object] | None = None) -> dict[str, object]:
    """Every path loaded in one of the tabs (Playwright pages), len(tabs) at a time: all of a
    round start loading before the first is waited for, then `start(tab, path)` runs on each
    (it may set work going in the page, as start_axe does), then `finish(tab, path)` gives each
    page's result. The browser works on the pages of a round at once; `url(i, path)` is the
    address tab i loads (each tab may have its own server)."""
    found = {}
    for first in range(0, len(paths), len(tabs)):
        round_ = list(enumerate(zip(tabs, paths[first:first + len(tabs)], strict=False)))
        for i, (tab, path) in round_:
            tab.goto(url(i, path), wait_until="commit")
        for _, (tab, path) in round_:
            tab.wait_for_load_state("load")
            if start:
                start(tab, path)
        for _, (tab, path) in round_:
            found[path] = finish(tab, path) if finish else None
    return found


def start_axe(page) -> None:
    """Set axe-core going on the page, without waiting for it (axe_result waits)."""
    if not page.evaluate("() => 'axe' in window"):  # not in the context's every page already
        page.add_script_tag(path=str(AXE))
    page.evaluate(
        # A task of its own: axe does most of its work before its promise is returned, and this
        # call returns at once, so that the browser checks other pages meanwhile.
        """() => { window.__axe = new Promise(go => setTimeout(go, 0))
            .then(() => axe.run(document, {
              runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                              "wcag22a", "wcag22aa"]},
              resultTypes: ["violations"],
            }))
            .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                               nodes: v.nodes.slice(0, 3)
                                                 .map(n => n.target.join(" "))}))); }"""
    )


def axe_result(page) -> list[dict]:
    """The violations found by the axe run start_axe set going."""
    return page.evaluate("() => window.__axe")


def run_axe(page) -> list[dict]:
    """axe-core's WCAG 2.0, 2.1 and 2.2 level A and AA violations on the page."""
    start_axe(page)
    return axe_result(page)
