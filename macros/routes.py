"""Every address of the site, in one table: pages, anchors, feeds, open data, calendars and share
images. Python and templates (as the global `routes`) both ask here; nothing else writes a path.

Addresses are relative to the site root, without a leading slash ("nhiem-vu/ii-2-1-1/"), so a
page links to them through its own relative root and the site works under any sub-path. They are
permanent: newspapers print them (macros/cli/published_urls.txt lists every one published).
"""
from __future__ import annotations

import re

# Pages written by hand under docs/ (their Markdown source is <address>.md or <address>/index.md).
HOME = ""
HOME_SOURCE = "index.md"
PLAN_TEXT = "ke-hoach/"
PROGRESS = "tien-do/"
NEWS = "tin-tuc/"
OPEN_DATA = "du-lieu/"
PRESS = "bao-chi/"
STAFF_GUIDE = "huong-dan-cap-nhat/"
AGENCY_INDEX = "co-quan/"
TIMELINE = "dong-thoi-gian/"
CALENDAR = "lich-bao-cao/"
CALENDAR_SUBSCRIBE = CALENDAR + "#dang-ky"

# Files the build writes.
NEWS_FEED = "tin-tuc/rss.xml"
STATE_FEED = "tien-do/rss.xml"
PLAN_CALENDAR = "lich/ke-hoach.ics"
TASKS_JSON = "du-lieu/nhiem-vu.json"
TASKS_CSV = "du-lieu/nhiem-vu.csv"
REPORTS_CSV = "du-lieu/bao-cao.csv"
SHARE_IMAGE = "assets/og-image.png"  # the default link-preview image (docs/assets)
SHARE_IMAGES = "assets/chia-se/"  # drawn at build time, one per task and per agency
SCHEMAS = "du-lieu/schema/"  # JSON Schemas of the data files, for editors

# Anchors that pages link to from elsewhere.
REPORT_HISTORY = "bao-cao"  # on a task page
APPENDIX_ANCHOR = "phu-luc"  # the Phụ lục on the plan page; each row is phu-luc-<n>
APPENDIX = f"{PLAN_TEXT}#{APPENDIX_ANCHOR}"


def task(task_id: str) -> str:
    return f"nhiem-vu/{task_id}/"


_TASK = re.compile(r"^nhiem-vu/([a-z0-9-]+)/$")


def task_id_of(address: str) -> str | None:
    """The task whose page is at this address, or None."""
    match = _TASK.match(address)
    return match.group(1) if match else None


def task_source(task_id: str) -> str:
    """The generated page's source path, which MkDocs turns into task(task_id)."""
    return f"nhiem-vu/{task_id}.md"


def task_reports(task_id: str) -> str:
    return f"{task(task_id)}#{REPORT_HISTORY}"


def task_in_plan(task_id: str) -> str:
    return f"{PLAN_TEXT}#{task_id}"


def appendix_row_anchor(number: int | str) -> str:
    return f"{APPENDIX_ANCHOR}-{number}"


def appendix_row(number: int) -> str:
    return f"{PLAN_TEXT}#{appendix_row_anchor(number)}"


def timeline_page(number: int) -> str:
    """A page of the timeline chart, when the plan is too large for one (macros.views.timeline)."""
    return f"{TIMELINE}trang-{number}/"


def timeline_page_source(number: int) -> str:
    return f"{TIMELINE}trang-{number}.md"


def agency(agency_id: str) -> str:
    return f"co-quan/{agency_id}/"


def agency_source(agency_id: str) -> str:
    return f"co-quan/{agency_id}.md"


def agency_calendar(agency_id: str) -> str:
    return f"lich/co-quan/{agency_id}.ics"


def share_image_of_task(task_id: str) -> str:
    """The task's link-preview image (1200x630 PNG), drawn by the build."""
    return f"{SHARE_IMAGES}nhiem-vu/{task_id}.png"


def share_image_of_agency(agency_id: str) -> str:
    return f"{SHARE_IMAGES}co-quan/{agency_id}.png"


def news_post(slug: str) -> str:
    return f"{NEWS}{slug}/"


def absolute(site_url: str, address: str) -> str:
    """An address under the site's public URL (feeds and previews need absolute addresses)."""
    return (site_url if site_url.endswith("/") else site_url + "/") + address


def root_of(page_url: str) -> str:
    """The relative path from a page to the site root ('' for the home page, '../' one level
    down); links stay relative so the site works under any sub-path of GitHub Pages."""
    depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 0
    return "../" * depth
