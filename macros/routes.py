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
TASKS_XLSX = "du-lieu/nhiem-vu.xlsx"  # the same tables as the CSV files, as spreadsheets
REPORTS_XLSX = "du-lieu/bao-cao.xlsx"
AGENCIES_JSON = "du-lieu/co-quan.json"  # every body, with its life since the plan
AGENCIES_CSV = "du-lieu/co-quan.csv"
AGENCY_EVENTS_CSV = "du-lieu/co-quan-thay-doi.csv"  # one row per recorded change of a body
AGENCIES_XLSX = "du-lieu/co-quan.xlsx"
AGENCY_EVENTS_XLSX = "du-lieu/co-quan-thay-doi.xlsx"
SHARE_IMAGE = "assets/og-image.png"  # the default link-preview image (docs/assets)
SHARE_IMAGES = "assets/chia-se/"  # drawn at build time, one per task and per agency
# Sorting and filters of the progress list (docs/assets), loaded by the progress pages only.
TABLE_SCRIPT = "assets/bang.js"
SCHEMAS = "du-lieu/schema/"  # JSON Schemas of the data files, for editors

# Anchors that pages link to from elsewhere.
REPORT_HISTORY = "bao-cao"  # on a task page
APPENDIX_ANCHOR = "phu-luc"  # the Phụ lục on the plan text; each row is phu-luc-<n>
PLAN_FOOT_ANCHOR = "noi-nhan"  # the recipients and the signature, on the plan text


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


# The plan text is one page, PLAN_TEXT, unless the plan is too large for one
# (macros.model.paging): its continuation pages are then ke-hoach/trang-2/, trang-3/, ...
# Addresses of places in the text take the number of the page that holds them, which the plan
# knows (Plan.text_pages); the real plan has one page, so its addresses are those of page 1.


def plan_text_page(number: int | str) -> str:
    """Page `number` of the plan text (1: the page that opens the document)."""
    return PLAN_TEXT if number == 1 else f"{PLAN_TEXT}trang-{number}/"


def plan_text_page_source(number: int) -> str:
    """The generated source of a continuation page (2 and on); page 1 is written by hand."""
    return f"{PLAN_TEXT}trang-{number}.md"


_PLAN_TEXT_PAGE = re.compile(rf"^{re.escape(PLAN_TEXT)}(?:trang-([0-9]+)/)?$")


def plan_text_page_number(address: str) -> int | None:
    """The number of the plan text's page at this address (without an anchor), or None."""
    match = _PLAN_TEXT_PAGE.match(address)
    return (int(match.group(1)) if match.group(1) else 1) if match else None


def task_in_plan(task_id: str, page: int | str) -> str:
    """The task's place in the plan text, on the page that holds it."""
    return f"{plan_text_page(page)}#{task_id}"


def part_anchor(part: str) -> str:
    """The heading of a part of the plan text ("II" is phan-ii)."""
    return f"phan-{part.lower()}"


def section_anchor(part: str, section: str) -> str:
    """The heading of a section of the plan text (section 2.1 of part II is muc-ii-2-1)."""
    return f"muc-{part.lower()}-{section.replace('.', '-')}"


def appendix_row_anchor(number: int | str) -> str:
    return f"{APPENDIX_ANCHOR}-{number}"


def appendix_row(number: int, page: int) -> str:
    """A row of the Phụ lục, on the page that holds it."""
    return f"{plan_text_page(page)}#{appendix_row_anchor(number)}"


_APPENDIX_ROW_ANCHOR = re.compile(rf"^{re.escape(APPENDIX_ANCHOR)}-([0-9]+)$")


def appendix_row_number(anchor: str) -> int | None:
    """The Phụ lục row of this anchor (phu-luc-7 is row 7), or None."""
    match = _APPENDIX_ROW_ANCHOR.match(anchor)
    return int(match.group(1)) if match else None


def progress_page(number: int) -> str:
    """Page `number` of the progress list (1: the page with the figures), when the plan has too
    many tasks for one page (macros.views.progress)."""
    return PROGRESS if number == 1 else f"{PROGRESS}trang-{number}/"


def progress_page_source(number: int) -> str:
    """The generated source of a continuation page (2 and on); page 1 is written by hand."""
    return f"{PROGRESS}trang-{number}.md"


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
