"""Reproducible builds: two builds of the same sources with the same SOURCE_DATE_EPOCH and
PLAN_AS_OF write the same bytes in every file (pages, search index, sitemap and its gzip copy,
feeds, calendars, open data, images).

The second build is made so that anything not taken from the sources or from those two settings
shows: it runs at least a second later, from a copy of the project in another folder whose files
all have new modification times, into another output folder, with another hash seed (the order of
a set of strings changes with it). Both builds are stamped with an instant long past, so a stamp
taken from the wall clock also shows as today's date, which no file may contain.
"""
from __future__ import annotations

import hashlib
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import DATED_EPOCH, FRESH_PROJECT, SESSION_BUILDS


def tree(site: Path) -> dict[str, str]:
    return {str(path.relative_to(site)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def two_builds(dated_site, fresh_site) -> tuple[Path, Path]:
    """The session's dated build (hash seed 1), and the same settings built again from a fresh
    copy, elsewhere, with hash seed 2 and no build cache, at least a second after the first was
    done (the session's `fresh` build, tests/conftest.py)."""
    assert datetime.fromtimestamp(int(DATED_EPOCH), UTC).year == 2019
    assert SESSION_BUILDS["fresh"]["PYTHONHASHSEED"] != SESSION_BUILDS["dated"]["PYTHONHASHSEED"]
    assert (fresh_site.parent / FRESH_PROJECT / "mkdocs.yml").is_file()  # from its own copy
    return dated_site, fresh_site


def test_every_file_is_the_same_byte_for_byte(two_builds):
    first, second = (tree(site) for site in two_builds)
    assert sorted(first) == sorted(second)
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == []


def test_the_build_covers_every_kind_of_file(two_builds):
    """The comparison is only worth what it compares: every kind of generated file is there."""
    names = set(tree(two_builds[0]))
    for expected in ("index.html", "search/search_index.json", "sitemap.xml", "sitemap.xml.gz",
                     "tin-tuc/rss.xml", "tien-do/rss.xml", "lich/ke-hoach.ics",
                     "du-lieu/nhiem-vu.json", "du-lieu/nhiem-vu.csv", "du-lieu/bao-cao.csv",
                     "du-lieu/nhiem-vu.xlsx", "du-lieu/bao-cao.xlsx",
                     "assets/og-image.png", "nhiem-vu/ii-2-1-1/index.html"):
        assert expected in names, expected


def test_no_file_carries_todays_date(two_builds):
    """Stamped in 2019, the site never says when it was really built, even at a day's grain
    (a wall-clock date would be the same in two builds made the same day)."""
    now = datetime.now(UTC)
    here = datetime.now().astimezone()  # the machine's own time zone
    days = {here.date(), now.date(), (now + timedelta(hours=7)).date()}  # here, UTC, Vietnam
    if any(day.year == 2019 for day in days):
        pytest.skip("the stamped instant is in this year")
    spellings = [spelling for day in days for spelling in (
        day.isoformat(), day.strftime("%Y%m%d"), day.strftime("%d/%m/%Y"),
        day.strftime("%d %b %Y"), f"{day.day:02d} tháng {day.month} năm {day.year}",
        f"{day.day:02d} tháng {day.month:02d} năm {day.year}")]
    found = []
    for site in two_builds:
        for path in site.rglob("*"):
            if path.is_file() and path.suffix in {".html", ".xml", ".json", ".ics", ".csv", ".txt"}:
                text = path.read_text("utf-8")
                found += [(str(path.relative_to(site)), s) for s in spellings if s in text]
            if path.suffix == ".xlsx":  # a zip: its entries' dates, and the workbook's own XML
                with zipfile.ZipFile(path) as book:
                    assert {entry.date_time for entry in book.infolist()} == {(2019, 7, 1, 3, 4, 4)}
                    text = "".join(book.read(name).decode("utf-8") for name in book.namelist())
                assert "2019-07-01T03:04:05Z" in text  # created and modified: the build instant
                found += [(str(path.relative_to(site)), s) for s in spellings if s in text]
    assert found == []
