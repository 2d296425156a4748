"""MkDocs hooks of the site: one dispatcher per MkDocs event.

- on_files: every file generated from the data, as (address, content) pairs from `generated`:
  one page per task and per agency (their HTML put in directly, see macros.site.direct), the
  later pages of lists too long for one page (only for a plan many times the real one), the
  open data files, the calendar feeds and, when the site's address is known, the RSS feeds. The news posts are validated here, before Material's blog
  reads them.
  With the site's address known, a share image per task and per agency too (drawn once, then
  taken from .cache/share-images/ while its content is unchanged).
- on_env: dates of posts in the administrative form ("ngày 02 tháng 7 năm 2018"); the theme's
  templates compiled once and kept in .cache/jinja/ (macros.site.render.compiled_templates).
- on_pre_page, on_page_markdown, on_page_content: the HTML our templates render is kept out of
  Markdown (macros.site.direct); on_page_markdown also sets the link preview of the home, task
  and agency pages (macros.views.preview), and the day the page's data last changed, for the
  sitemap (macros.site.sitemap).
- on_page_context (first of all plugins), on_post_page (last): a generated page's HTML is made
  as the page is built and let go once it is written (macros.site.direct.build, release).
- on_page_content: under each news post, the agency that issued it and the tasks and agencies it
  concerns.
- on_post_build: the search index rewritten (accent-folded copy, task numbers, one entry per
  Phụ lục row) and the redirect pages in Vietnamese.

Generated pages are only a title, with `render_macros: false`, and no body: their HTML comes from
their views and templates (macros.views.task, macros.views.agency), so nothing from data is ever
evaluated as Jinja or Markdown.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

# MkDocs loads this file by path; make the package that holds it importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from macros import routes  # noqa: E402
from macros.files import ics, opendata, rss, xlsx  # noqa: E402
from macros.files import redirects  # noqa: E402
from macros.files.search import rewrite_index  # noqa: E402
from macros.model import dates  # noqa: E402
from macros.views import timeline  # noqa: E402
from macros.site import direct  # noqa: E402
from macros.site import render as rendering  # noqa: E402
from macros.site.build import get_news, get_plan, get_site_info  # noqa: E402
from macros.site.render import render  # noqa: E402
from macros.site.share_images import Cache, FontMissing  # noqa: E402
from macros.site.sharing import describe, escape_title  # noqa: E402
from macros.site import sitemap  # noqa: E402
from macros.site.repository import repository  # noqa: E402
from macros.views import plan_text, preview, progress  # noqa: E402
from macros.views.sitemap import last_changed  # noqa: E402
from macros.views.agency import AgencyPage  # noqa: E402
from macros.views.calendar import TimelinePart  # noqa: E402
from macros.views.news import PostAbout  # noqa: E402
from macros.views.common import PerPlan  # noqa: E402
from macros.views.task import TaskPage  # noqa: E402
from macros.views.operator import Operator  # noqa: E402

# Drawn share images, beside mkdocs.yml (as Material's social plugin keeps .cache/plugin/social).
SHARE_IMAGE_CACHE = Path(".cache") / "share-images"
_previews = PerPlan()


def last_changes(plan, news):
    """The day each page's data last changed (the sitemap's lastmod), worked out once per plan."""
    return _previews.get(plan, "last changed", lambda: last_changed(plan, news))


def previews(plan) -> dict[str, preview.Preview]:
    """The previews of this build's plan, by page source path, worked out once per plan."""
    return _previews.get(plan, "all", lambda: preview.of_plan(plan))


def share_image_cache(config) -> Cache:
    return Cache(Path(config["config_file_path"]).parent / SHARE_IMAGE_CACHE)


def generated(config) -> Iterator[tuple[str, str | bytes]]:
    """Every file the build writes from the data, as (path, content)."""
    plan, news = get_plan(config), get_news(config)
    direct.reset()
    # Task and agency pages are reached from the plan text, tables and the agency index, never
    # from the navigation (Material copies the navigation into every page).
    for task in plan.tasks:
        # The name is the page's <title> and its title in search; the page's h1 is its own.
        source = routes.task_source(task.id)
        yield source, direct.page(source, task.name, partial(_task_page, config=config,
                                                             task_id=task.id))
    for agency in plan.graph.agencies:
        source = routes.agency_source(agency.id)
        yield source, direct.page(source, agency.name, partial(_agency_page, config=config,
                                                               agency_id=agency.id))
    # Lists that grow with the plan, in pages only for a plan too large for one page (never the
    # real one): the timeline chart, and the continuation pages of the plan text and of the
    # progress list (their first pages are ke-hoach.md and tien-do.md).
    line = timeline.of_plan(plan)
    parts = timeline.chunks(plan, line, plan.page_limit)
    for chunk in parts:
        source = routes.timeline_page_source(chunk.number)
        yield source, direct.page(
            source, f"Dòng thời gian, trang {chunk.number}/{len(parts)}",
            partial(_timeline_part, plan=plan, line=line, chunk=chunk, count=len(parts)))
    for number in range(2, plan.text_pages.count + 1):
        source = routes.plan_text_page_source(number)
        yield source, direct.page(source, plan_text.title_of(plan, number),
                                  partial(_plan_text_page, plan=plan, number=number))
    for number in range(2, progress.page_count(plan) + 1):
        source = routes.progress_page_source(number)
        yield source, direct.page(source, progress.title_of(plan, number),
                                  partial(_progress_page, plan=plan, number=number))
    for path, write in opendata.FILES.items():
        yield path, write(plan).encode("utf-8")
    # The CSV tables as spreadsheets, stamped with the build instant (as the calendars below).
    yield from xlsx.files(plan, plan.built_at)
    site_url = config.get("site_url") or None
    # Calendar events are stamped with the build instant, so a rebuild of the same commit with
    # the same SOURCE_DATE_EPOCH writes the same bytes.
    yield from ics.feeds(plan, plan.as_of, plan.built_at, site_url)
    # RSS needs absolute addresses: only when the build knows the site's address.
    if site_url:
        yield routes.NEWS_FEED, rss.news_feed(news, plan, site_url)
        known = get_site_info(config).reports_known_since
        yield routes.STATE_FEED, rss.state_feed(rss.plan_state_changes(plan, known), plan,
                                                site_url, known)
        # Share images too: only a preview with an absolute address (og:image) shows them.
        cache = share_image_cache(config)
        try:
            for shown in previews(plan).values():
                if shown.image:
                    yield shown.image, cache.image(shown.card)
        except FontMissing as error:
            raise PluginError(str(error)) from None


def _task_page(page, *, config, task_id: str) -> str:
    render_page = rendering.page_renderer(lambda: page)
    return render_page("task_page.html", view=TaskPage.of(
        get_plan(config), task_id, get_news(config), repository(config)))


def _agency_page(page, *, config, agency_id: str) -> str:
    render_page = rendering.page_renderer(lambda: page)
    return render_page("agency_page.html", view=AgencyPage.of(
        get_plan(config), agency_id, get_news(config)))


def _timeline_part(page, *, plan, line, chunk, count) -> str:
    return render("timeline_part.html", view=TimelinePart(chunk, count, line),
                  root=routes.root_of(page.url))


def _plan_text_page(page, *, plan, number) -> str:
    return render("plan_text.html", view=plan_text.PlanTextPage.of(plan, number),
                  root=routes.root_of(page.url))


def _progress_page(page, *, plan, number) -> str:
    return render("progress.html", view=progress.ProgressPage.of(plan, number),
                  root=routes.root_of(page.url))


def on_files(files: Files, config) -> Files:
    for path, content in generated(config):
        files.append(File.generated(config, path, content=content))
    return files


# After Material's blog plugin, which registers its own `date` filter in on_env.
@event_priority(-100)
def on_env(env, config, files):
    # The theme's templates compiled once too (macros.site.render.compiled_templates).
    env.bytecode_cache = rendering.compiled_templates()
    env.filters["date"] = lambda moment: dates.long_date(moment.date())
    # Who runs the site, for the footer (overrides/main.html); None when data/site.yaml is empty.
    env.globals["operator"] = Operator.of(get_plan(config), get_site_info(config))
    return env


def on_pre_page(page, config, files: Files):
    rendering.record()
    return page


def on_page_markdown(markdown: str, page, config, files: Files) -> str:
    # The link preview of the home, task and agency pages; their titles are stored escaped.
    plan = get_plan(config)
    shown = previews(plan).get(page.file.src_uri)
    if shown is not None:
        escape_title(page)
        describe(page, shown)
    # The sitemap's lastmod from the page's data, not the build day.
    sitemap.stamp(page, last_changes(plan, get_news(config)), preview.plan_name(plan))
    # After the macros plugin (hooks run after plugins). News posts keep their blocks: the blog
    # plugin renders their excerpts again from this Markdown.
    if get_news(config).post_at(page.file.src_uri) is not None:
        rendering.drain()
        return markdown
    return direct.hold(markdown, page.file.src_uri)


def on_page_content(html: str, page, config, files: Files) -> str:
    html = direct.fill(html, page)
    post = get_news(config).post_at(page.file.src_uri)
    if post is None:
        return html
    pages = {f.url for f in files.documentation_pages()}
    about = render("news_post.html", view=PostAbout.of(
        get_plan(config), post, pages, (config.site_url or "/") + routes.news_post(post.slug)),
        root=routes.root_of(page.url))
    # str(): adding a Markup to a str would escape the page itself.
    return html + str(about)


# First of all plugins: search reads the content of the page here.
@event_priority(100)
def on_page_context(context, page, config, nav):
    direct.build(page)
    return context


# Last of all plugins: they may still read the content while the page is being written.
@event_priority(-100)
def on_post_page(output: str, page, config) -> str:
    direct.release(page)
    return output


def on_post_build(config) -> None:
    # Runs after the search plugin has written its index (hooks come after plugins).
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.exists():
        # Its entries are still in the plugin's memory: rewritten from there, then let go. Not
        # under `mkdocs serve --dirty`, which keeps them for the next build (read from the file).
        search = config.plugins.get("material/search")
        entries = None
        if search is not None and not search.is_dirty:
            entries = search.search_index.entries
            search.search_index.entries = []
        rewrite_index(index, entries)
    redirects.in_vietnamese(config)
