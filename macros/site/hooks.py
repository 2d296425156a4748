"""MkDocs hooks of the site: one dispatcher per MkDocs event (loaded through hooks.py at the root).

- on_files: every file generated from the data, as (address, content) pairs from `generated`:
  one page per task and per agency (their HTML put in directly, see macros.site.direct), the
  later pages of lists too long for one page (only for a plan many times the real one), the
  open data files, the stylesheet with the states' colours (macros.files.styles), the calendar
  feeds and, when the site's address is known, the RSS feeds. The news posts are validated here,
  before Material's blog reads them.
  With the site's address known, a share image per task and per agency too (drawn once, then
  taken from .cache/share-images/ while its content is unchanged).
- on_env: dates of posts in the administrative form ("ngày 02 tháng 7 năm 2018"); the theme's
  templates compiled once and kept in .cache/jinja/ (macros.site.render.compiled_templates).
- on_page_markdown (after the macros plugin), on_page_content: the HTML our templates render is
  kept out of Markdown (macros.site.direct); on_page_markdown also sets the link preview of the
  home, task and agency pages (macros.views.preview), and the day the page's data last changed,
  for the sitemap (macros.site.sitemap).
- on_page_context (first of all plugins), on_post_page (last): a generated page's HTML is made
  as the page is built and let go once it is written (macros.site.direct.Pages).
- on_page_content: under each news post, the agency that issued it and the tasks and agencies it
  concerns.
- on_post_build: the search index rewritten (accent-folded copy, task numbers, one entry per
  Phụ lục row) and the redirect pages in Vietnamese.

What a build works out once (its settings, plan and edition, news, previews, pages) is its build
context, macros.site.build.Build, made at the first ask of the build; no hook keeps state of its
own.

Generated pages are only a title, with `render_macros: false`, and no body: their HTML comes from
their views and templates (macros.views.task, macros.views.agency), so nothing from data is ever
evaluated as Jinja or Markdown.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from .. import routes
from ..files import ics, opendata, redirects, rss, styles, xlsx
from ..files.search import rewrite_index
from ..model import dates
from ..views import plan_text, preview, progress, timeline
from ..views.agency import AgencyPage
from ..views.calendar import TimelinePart
from ..views.news import PostAbout
from ..views.operator import Operator
from ..views.task import TaskPage
from . import render as rendering
from . import sitemap
from .build import Build, build_of
from .render import render
from .share_images import Cache, FontMissing
from .sharing import describe, escape_title

# Drawn share images, beside mkdocs.yml (as Material's social plugin keeps .cache/plugin/social).
SHARE_IMAGE_CACHE = Path(".cache") / "share-images"


def share_image_cache(config) -> Cache:
    return Cache(Path(config["config_file_path"]).parent / SHARE_IMAGE_CACHE)


def generated(config) -> Iterator[tuple[str, str | bytes]]:
    """Every file the build writes from the data, as (path, content)."""
    build = build_of(config)
    edition, news, pages = build.edition, build.news, build.pages
    plan = edition.plan
    # Task and agency pages are reached from the plan text, tables and the agency index, never
    # from the navigation (Material copies the navigation into every page).
    for task in plan.tasks:
        # The name is the page's <title> and its title in search; the page's h1 is its own.
        source = routes.task_source(task.id)
        yield source, pages.page(source, task.name, partial(_task_page, build=build,
                                                            task_id=task.id))
    for agency in plan.graph.agencies:
        source = routes.agency_source(agency.id)
        yield source, pages.page(source, agency.name, partial(_agency_page, build=build,
                                                              agency_id=agency.id))
    # Lists that grow with the plan, in pages only for a plan too large for one page (never the
    # real one): the timeline chart, and the continuation pages of the plan text and of the
    # progress list (their first pages are ke-hoach.md and tien-do.md).
    line = edition.timeline
    parts = timeline.chunks(plan, line, edition.page_limit)
    for chunk in parts:
        source = routes.timeline_page_source(chunk.number)
        yield source, pages.page(
            source, f"Dòng thời gian, trang {chunk.number}/{len(parts)}",
            partial(_timeline_part, line=line, chunk=chunk, count=len(parts)))
    for number in range(2, edition.text_pages.count + 1):
        source = routes.plan_text_page_source(number)
        yield source, pages.page(source, plan_text.title_of(edition, number),
                                  partial(_plan_text_page, edition=edition, number=number))
    for number in range(2, progress.page_count(edition) + 1):
        source = routes.progress_page_source(number)
        yield source, pages.page(source, progress.title_of(edition, number),
                                  partial(_progress_page, edition=edition, number=number))
    for path, write in opendata.FILES.items():
        yield path, write(edition).encode("utf-8")
    # The CSV tables as spreadsheets, stamped with the build instant (as the calendars below).
    yield from xlsx.files(edition)
    # The stylesheet, with each state's colours from the model (replaces docs/assets/style.css).
    sheet = Path(config["docs_dir"]) / styles.STYLESHEET
    yield styles.STYLESHEET, styles.stylesheet(sheet.read_text("utf-8"))
    site_url = config.get("site_url") or None
    # Calendar events are stamped with the build instant, so a rebuild of the same commit with
    # the same SOURCE_DATE_EPOCH writes the same bytes.
    yield from ics.feeds(edition, site_url)
    # RSS needs absolute addresses: only when the build knows the site's address.
    if site_url:
        yield routes.NEWS_FEED, rss.news_feed(news, edition, site_url)
        known = build.site_info.reports_known_since
        yield routes.STATE_FEED, rss.state_feed(rss.plan_state_changes(plan, known), edition,
                                                site_url, known)
        # Share images too: only a preview with an absolute address (og:image) shows them.
        cache = share_image_cache(config)
        try:
            for shown in build.previews.values():
                if shown.image and shown.card:
                    yield shown.image, cache.image(shown.card)
        except FontMissing as error:
            raise PluginError(str(error)) from None


def _task_page(page, *, build: Build, task_id: str) -> str:
    return render("task_page.html", root=routes.root_of(page.url), view=TaskPage.of(
        build.edition, task_id, build.news, build.repository,
        build.site_info.reports_known_since))


def _agency_page(page, *, build: Build, agency_id: str) -> str:
    return render("agency_page.html", root=routes.root_of(page.url), view=AgencyPage.of(
        build.edition, agency_id, build.news))


def _timeline_part(page, *, line, chunk, count) -> str:
    return render("timeline_part.html", view=TimelinePart(chunk, count, line),
                  root=routes.root_of(page.url))


def _plan_text_page(page, *, edition, number) -> str:
    return render("plan_text.html", view=plan_text.PlanTextPage.of(edition, number),
                  root=routes.root_of(page.url))


def _progress_page(page, *, edition, number) -> str:
    return render("progress.html", view=progress.ProgressPage.of(edition, number),
                  root=routes.root_of(page.url))


def on_files(files: Files, config) -> Files:
    for path, content in generated(config):
        # A file made from a source file of the same path (the stylesheet) takes its place.
        made_from = files.get_file_from_path(path)
        if made_from is not None:
            files.remove(made_from)
        files.append(File.generated(config, path, content=content))
    return files


# After Material's blog plugin, which registers its own `date` filter in on_env.
@event_priority(-100)
def on_env(env, config, files):
    # The theme's templates compiled once too (macros.site.render.compiled_templates).
    env.bytecode_cache = rendering.compiled_templates()
    env.filters["date"] = lambda moment: dates.long_date(moment.date())
    # Who runs the site, for the footer (overrides/main.html); None when data/site.yaml is empty.
    build = build_of(config)
    env.globals["operator"] = Operator.of(build.plan, build.site_info)
    return env


# After the macros plugin has rendered the page (default priority), before Material's blog
# (-50), whatever order the plugins are listed in.
@event_priority(-10)
def on_page_markdown(markdown: str, page, config, files: Files) -> str:
    build = build_of(config)
    # The link preview of the home, task and agency pages; their titles are stored escaped.
    shown = build.previews.get(page.file.src_uri)
    if shown is not None:
        escape_title(page)
        describe(page, shown)
    # The sitemap's lastmod from the page's data, not the build day.
    sitemap.stamp(page, build.last_changes, preview.plan_name(build.plan))
    # News posts keep their blocks: the blog plugin renders their excerpts again from this
    # Markdown.
    if build.news.post_at(page.file.src_uri) is not None:
        build.pages.let_through(page.file.src_uri)
        return markdown
    return build.pages.hold(markdown, page.file.src_uri)


def on_page_content(html: str, page, config, files: Files) -> str:
    build = build_of(config)
    html = build.pages.fill(html, page)
    post = build.news.post_at(page.file.src_uri)
    if post is None:
        return html
    pages = {f.url for f in files.documentation_pages()}
    about = render("news_post.html", view=PostAbout.of(
        build.plan, post, pages, (config.site_url or "/") + routes.news_post(post.slug)),
        root=routes.root_of(page.url))
    # str(): adding a Markup to a str would escape the page itself.
    return html + str(about)


# First of all plugins: search reads the content of the page here.
@event_priority(100)
def on_page_context(context, page, config, nav):
    build_of(config).pages.build(page)
    return context


# Last of all plugins: they may still read the content while the page is being written.
@event_priority(-100)
def on_post_page(output: str, page, config) -> str:
    build_of(config).pages.release(page)
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
