"""Every link of the real site, as a reader follows it: each leads to a page of the site, and each
#anchor to a place on it. MkDocs checks the links of Markdown pages; this follows every link of
every built page, those of our own HTML too (tests/support/links.py)."""
from __future__ import annotations

from tests.support.links import broken_links


def test_every_link_of_the_site_reaches_an_existing_page_and_anchor(site):
    checked, broken = broken_links(site)
    assert checked > 2_000 and broken == []
