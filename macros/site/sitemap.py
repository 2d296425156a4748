"""The sitemap from the pages' data (overrides/sitemap.xml prints it).

- <lastmod>: MkDocs gives every page the build day (`page.update_date`); each page gets the day
  its data last changed instead (macros.views.sitemap), or none when it has no data. A news
  category, a view of Material's blog, takes the day of its latest post.
- A year of the news archive is left out: no page links to it (the news page lists every post),
  and the sitemap lists the pages readers reach. Its address stays published.
- Material's blog views (a category, a year) get a description of their own.
"""
from __future__ import annotations

from datetime import date

from markupsafe import Markup, escape
from material.plugins.blog.structure import Archive, Category, View


def stamp(page, days: dict[str, date], plan_name: str) -> None:
    if isinstance(page, View):
        _describe_view(page, plan_name)
    if isinstance(page, Archive):
        page.meta["sitemap"] = False
        page.update_date = ""  # no <lastmod>; a string, as MkDocs compares them
    elif isinstance(page, Category):
        posted = [post.config.date.created.date() for post in page.posts]
        page.update_date = max(posted).isoformat() if posted else ""
    else:
        day = days.get(page.url)
        page.update_date = day.isoformat() if day else ""


def _describe_view(page, plan_name: str) -> None:
    if isinstance(page, Category):
        words = f"Tin tức chuyên mục «{page.title}» về việc thực hiện {plan_name}."
    elif isinstance(page, Archive):
        words = f"Tin tức năm {page.title} về việc thực hiện {plan_name}."
    else:
        return
    page.meta.setdefault("description", Markup(escape(words)))
