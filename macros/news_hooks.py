"""MkDocs hooks for the news section and the feeds.

- on_files: validate the posts before Material's blog reads them (a bad agency or task id stops
  the build with file, line and a Vietnamese message), and add the two RSS feeds as files when
  the site's address is known.
- on_env: dates of posts in the administrative form ("ngày 02 tháng 7 năm 2018").
- on_page_content: under each post, the agency that issued it and the tasks and agencies it
  concerns, rendered from the typed post (never from raw front matter).
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

# MkDocs loads this file by path; make the package beside it importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import dates  # noqa: E402
from macros.feeds import (  # noqa: E402
    NEWS_FEED, STATE_FEED, news_feed, plan_state_changes, state_feed)
from macros.render import render, root_of  # noqa: E402
from macros.site import get_news, get_plan  # noqa: E402


def on_files(files: Files, config) -> Files:
    news = get_news(config)
    if config.site_url:
        plan = get_plan(config)
        files.append(File.generated(config, NEWS_FEED, content=news_feed(news, plan, config.site_url)))
        changes = plan_state_changes(plan)
        files.append(File.generated(config, STATE_FEED, content=state_feed(
            changes, plan, config.site_url, page="tien-do/")))
    return files


# After Material's blog plugin, which registers its own `date` filter in on_env.
@event_priority(-100)
def on_env(env, config, files):
    env.filters["date"] = lambda moment: dates.long_date(moment.date())
    return env


def on_page_content(html: str, page, config, files: Files) -> str:
    post = get_news(config).post_at(page.file.src_uri)
    if post is None:
        return html
    pages = {f.url for f in files.documentation_pages()}
    about = render("news_post.html", post=post, plan=get_plan(config), root=root_of(page.url),
                   pages=pages, address=(config.site_url or "/") + post.url)
    # str(): adding a Markup to a str would escape the page itself.
    return html + str(about)
