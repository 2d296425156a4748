"""Benchmark (not a test): `make bench`, or `python -m tests.bench [--quick]`.

1. The cost of our macros: a full build of the real site as it is published (site address and
   repository set, so feeds, previews and share images are made; .cache/ warm, as CI restores
   it) against the same pages as plain Markdown (every page's content captured once from a real
   build, written as its Markdown; macros plugin and hooks off) under the same theme and
   navigation, as a ratio in one run. Target: 1.0 or less. The same again for plans 10x and 100x
   the size (100x: one round, not with --quick), with the CPU time per page and the peak memory
   of both.
2. Growth: builds of synthetic plans at 1x, 10x and 100x the tasks and agencies
   (tests/support/synthetic.py): wall time, peak memory, milliseconds per page and the largest
   page. Targets at 100x: 4 ms a page or less, 400 MiB or less, no page over 1 MiB.
3. Data validation: `python -m macros.cli.validate` (Python start included) on the real data and
   on the 100x plan. Target: 0.5 s or less.
4. Weight: every page of the real site loaded in Chromium with an empty cache, compressed bytes
   on first load, search index included (needs /usr/bin/chromium and node_modules, as the tests).

Times are wall-clock medians; the machine's other work shows in them, so compare within one run.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
# As the publish workflow builds the site (see the Makefile and .github/workflows/publish.yml):
# with its address and repository, so that feeds, link previews and share images are made, and
# compiled modules kept in .cache/pycache/. Every build runs with a warm .cache/ (share images,
# compiled templates), as CI restores it: a first build of each plan warms it, uncounted.
PUBLISHED = {"SITE_URL": "https://example.org/ke-hoach-68/",
             "REPO_URL": "https://github.com/vi-du/ke-hoach-68", "REPO_BRANCH": "main"}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **PUBLISHED,
       "PYTHONPYCACHEPREFIX": str(ROOT / ".cache" / "pycache")}
ENV.pop("PLAN_DATA_DIR", None)
ENV.pop("PYTHONDONTWRITEBYTECODE", None)


def run_build(config: Path, dest: Path, data: Path | None = None) -> tuple[float, int, float]:
    """One `mkdocs build` in a child process: (wall seconds, peak resident memory in MiB, CPU
    seconds). CPU time barely moves when other work shares the machine; wall time does."""
    env = {**ENV, **({"PLAN_DATA_DIR": str(data)} if data else {})}
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(dest)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    stderr = child.stderr.read().decode()
    child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed: {config}\n{stderr}")
    return elapsed, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime  # maxrss in KiB


def capture_markdown(dest: Path, data: Path | None) -> Path:
    """Build the real site once, keeping each page's Markdown with our HTML in it (a generated
    page's HTML as its whole Markdown); write those pages as a plain docs folder (with the same
    assets) beside a config that has no macros."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin

    docs = dest / "docs"

    from macros.site.build import build_of

    def write(page, body: str) -> None:
        target = docs / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        # str(): a generated title is stored escaped (Markup); the plain page prints it as ours do.
        front = yaml.safe_dump({"title": str(page.title)}, allow_unicode=True).strip()
        target.write_text(f"---\n{front}\n---\n\n{body}", "utf-8")

    class Capture(BasePlugin):
        # A hand-written page's Markdown is taken after the macros plugin rendered it, before our
        # hook holds its HTML blocks out of it (the hook runs after the plugins of the default
        # priority: macros.site.direct); a generated page has no Markdown, its HTML is taken
        # once it is filled in (when the page is built), and written as the page's Markdown.
        def on_page_markdown(self, markdown, page, config, **_):
            if not build_of(config).pages.is_generated(page.file.src_uri):
                write(page, markdown)
            return markdown

        def on_page_context(self, context, page, config, **_):
            if build_of(config).pages.is_generated(page.file.src_uri):
                write(page, f"{page.content}\n")
            return context

    os.environ["PLAN_DATA_DIR"] = str(data or DATA)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(dest / "capture-site"))
    config.plugins["bench-capture"] = Capture()  # registered last: runs after the macros
    build(config)
    for asset in (ROOT / "docs").rglob("*"):
        if asset.is_file() and asset.suffix != ".md":
            target = docs / asset.relative_to(ROOT / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(asset.read_bytes())
    plain = dest / "plain.yml"
    plain.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n"
        "plugins:\n  - search:\n      lang: vi\n"
        "hooks: []\n"
        "watch: []\n",
        "utf-8",
    )
    return plain


def macro_cost(tmp: Path, rounds: int, times: int) -> None:
    from tests.support.synthetic import scale

    data = scale(DATA, tmp / f"cost-data-{times}", times) if times > 1 else None
    # In a child process: this one stays small, so that children's peak memory is their own
    # (Linux counts the memory a child was forked with in its peak).
    plain = tmp / f"plain-{times}" / "plain.yml"
    subprocess.run([sys.executable, "-m", "tests.bench", "--capture", str(plain.parent),
                    *([str(data)] if data else [])], cwd=ROOT, env=ENV, check=True,
                   capture_output=True)
    real, bare = [], []
    run_build(ROOT / "mkdocs.yml", tmp / f"real-site-{times}", data)  # warms .cache/, uncounted
    for _ in range(rounds):  # interleaved, so both see the same machine
        real.append(run_build(ROOT / "mkdocs.yml", tmp / f"real-site-{times}", data))
        bare.append(run_build(plain, tmp / f"plain-site-{times}"))
    pages = len(list((tmp / f"real-site-{times}").rglob("*.html")))
    label = "Real site" if times == 1 else f"Synthetic plan {times}x"
    wall = [statistics.median(r[0] for r in runs) for runs in (real, bare)]
    cpu = [statistics.median(r[2] for r in runs) for runs in (real, bare)]
    peak = [max(r[1] for r in runs) for runs in (real, bare)]
    print(f"{label} ({pages} pages), ours vs plain Markdown: wall {wall[0]:.2f} s vs "
          f"{wall[1]:.2f} s, ratio {wall[0] / wall[1]:.2f}; CPU {cpu[0]:.2f} s vs {cpu[1]:.2f} s, "
          f"ratio {cpu[0] / cpu[1]:.2f} (target <= 1.0); CPU per page "
          f"{1000 * cpu[0] / pages:.2f} vs {1000 * cpu[1] / pages:.2f} ms; peak memory "
          f"{peak[0]} vs {peak[1]} MiB (median of {rounds})", flush=True)
    for times_dir in ("real-site", "plain-site"):
        if times > 10:
            shutil.rmtree(tmp / f"{times_dir}-{times}")  # hundreds of MiB


def largest(site: Path, pattern: str = "*.html") -> tuple[str, int]:
    path = max(site.rglob(pattern), key=lambda p: p.stat().st_size)
    return str(path.relative_to(site)), path.stat().st_size


def growth(tmp: Path, scales: list[int]) -> dict[int, Path]:
    from tests.support.synthetic import scale

    print("Synthetic plans (tasks and agencies multiplied):")
    print(f"  {'scale':>5} {'tasks':>6} {'pages':>6} {'time s':>7} {'ms/page':>8} {'CPU ms/p':>8}"
          f" {'peak MiB':>9}  largest page; largest task page")
    folders = {}
    for times in scales:
        data = folders[times] = scale(DATA, tmp / f"data-{times}", times)
        site = tmp / f"site-{times}"
        elapsed, peak, cpu = run_build(ROOT / "mkdocs.yml", site, data)
        pages = len(list(site.rglob("*.html")))
        tasks = len(list(site.glob("nhiem-vu/*/index.html")))
        big, big_size = largest(site)
        _, task_size = largest(site / "nhiem-vu")
        print(f"  {times:>4}x {tasks:>6} {pages:>6} {elapsed:>7.2f} {1000 * elapsed / pages:>8.2f}"
              f" {1000 * cpu / pages:>8.2f} {peak:>9}  {big} {big_size / 1024:.0f} KiB;"
              f" {task_size / 1024:.1f} KiB"
              f"{'  (over 1 MiB)' if big_size > 1 << 20 else ''}", flush=True)
        if times > 10:
            shutil.rmtree(site)  # hundreds of MiB
    return folders


def validation(rounds: int, data: dict[int, Path]) -> None:
    largest_scale = max(data, default=1)
    for times, folder in {1: DATA, largest_scale: data.get(largest_scale, DATA)}.items():
        runs = []
        for _ in range(rounds):
            started = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-m", "macros.cli.validate", "--data", str(folder)],
                cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                raise SystemExit(f"validation failed: {folder}")
            runs.append((time.perf_counter() - started, usage.ru_utime + usage.ru_stime))
        print(f"Data validation at {times}x: `python -m macros.cli.validate`, Python start "
              f"included: wall {statistics.median(r[0] for r in runs):.2f} s, CPU "
              f"{statistics.median(r[1] for r in runs):.2f} s (median of {rounds}; "
              "target <= 0.5 s)", flush=True)


def weight(tmp: Path) -> None:
    from playwright.sync_api import sync_playwright

    from tests.support.browser import AXE, CHROMIUM, SiteServer, launch, new_context

    if not Path(CHROMIUM).exists() or not AXE.exists():
        print("Weight: skipped (run `make test` once to install Chromium)")
        return
    site = tmp / "real-site-1"
    if not site.exists():
        run_build(ROOT / "mkdocs.yml", site)
    weights = {}
    # Served under the path of its address, as GitHub Pages serves it (the 404 page's links
    # start from the site's root).
    prefix = urlsplit(PUBLISHED["SITE_URL"]).path
    with SiteServer(site, prefix=prefix) as server, sync_playwright() as playwright:
        browser = launch(playwright)
        for path in server.pages():
            context, _ = new_context(browser, server)
            server.sent.clear()
            page = context.new_page()
            page.goto(server.base + path)
            try:
                server.wait_loaded(page)
            except TimeoutError:  # a machine too busy for the browser: say so, keep the figures
                print(f"Weight: not measured (/{path} did not finish loading in time)")
                return
            weights[path] = list(server.sent)
            context.close()
        browser.close()
    heaviest = max(weights, key=lambda p: sum(size for _, size in weights[p]))
    total = sum(size for _, size in weights[heaviest])
    index = sum(size for name, size in weights[heaviest] if name.endswith("search_index.json"))
    print(f"Weight: heaviest first load /{heaviest}: {total / 1024:.1f} KiB compressed "
          f"(search index {index / 1024:.1f} KiB) over {len(weights)} pages (budget 150 KiB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1x and 10x only, one round")
    parser.add_argument("--capture", nargs="+", metavar=("DEST", "DATA"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.capture:
        capture_markdown(Path(args.capture[0]), Path(args.capture[1]) if args.capture[1:] else None)
        return 0
    rounds = 1 if args.quick else 3
    with tempfile.TemporaryDirectory(prefix="bench-") as name:
        tmp = Path(name)
        for times in (1, 10):
            macro_cost(tmp, rounds, times)
        if not args.quick:  # the same at 100x: one round (some minutes each build)
            macro_cost(tmp, 1, 100)
        data = growth(tmp, [1, 10] if args.quick else [1, 10, 100])
        validation(1 if args.quick else 3, data)
        weight(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
