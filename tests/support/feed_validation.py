"""Feed validation for the tests, since no W3C-grade feed validator is on PyPI.

Three layers: feedparser, a widely used parser, must read the feed as RSS 2.0 without setting
its `bozo` flag (set for any feed it had to guess at); the feed must match the RSS 2.0 schema in
tests/support/schemas/rss-2.0.xsd (lxml); and the rules a schema cannot say hold: title, link and
description once each, an atom:link to the feed itself, an item with a title or a description,
unique guids, dates RFC 822 can read.
"""
from __future__ import annotations

from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path

import feedparser
from lxml import etree

SCHEMA = Path(__file__).parent / "schemas" / "rss-2.0.xsd"
ATOM = "{http://www.w3.org/2005/Atom}"


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def feed_problems(data: bytes, feed_url: str) -> list[str]:
    problems: list[str] = []
    parsed = feedparser.parse(data)
    if parsed.bozo:
        problems.append(f"feedparser: {parsed.bozo_exception}")
    if parsed.version != "rss20":
        problems.append(f"feedparser reads version {parsed.version!r}, not 'rss20'")
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError as error:
        return [*problems, f"XML: {error}"]
    schema = _schema()
    if not schema.validate(root):
        problems += [f"schema, line {e.line}: {e.message}" for e in schema.error_log]
    channel = root.find("channel")
    if channel is None:
        return [*problems, "no channel"]
    for name in ("title", "link", "description"):
        if len(channel.findall(name)) != 1:
            problems.append(f"channel has {len(channel.findall(name))} <{name}>, needs exactly 1")
    selves = [a.get("href") for a in channel.findall(f"{ATOM}link") if a.get("rel") == "self"]
    if selves != [feed_url]:
        problems.append(f"atom:link rel=self is {selves}, expected [{feed_url!r}]")
    guids: list[str] = []
    for index, item in enumerate(channel.findall("item"), start=1):
        if item.find("title") is None and item.find("description") is None:
            problems.append(f"item {index} has neither title nor description")
        guids += [g.text for g in item.findall("guid")]
        for date in item.findall("pubDate") + channel.findall("lastBuildDate"):
            try:
                parsedate_to_datetime(date.text)
            except (TypeError, ValueError):
                problems.append(f"item {index}: date {date.text!r} is not RFC 822")
    if len(guids) != len(set(guids)):
        problems.append("guids are not unique")
    return problems


def local_file(site: Path, site_url: str, url: str) -> Path | None:
    """The built file an absolute address of the site serves, or None if it is not ours."""
    if not url.startswith(site_url):
        return None
    path = site / url[len(site_url):].split("#")[0]
    return path / "index.html" if url.split("#")[0].endswith("/") else path
