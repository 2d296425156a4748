"""No page grows with the number of tasks: the same site built from a plan three times the size.

Material renders the whole navigation into every page; a navigation listing every task would make
every page grow with the plan (and the site with its square). What surrounds the content must stay
the same size on every page, and a task's own page must not grow either.
"""
from __future__ import annotations

import pytest

from macros import routes
from tests.conftest import DATA, soup
from tests.conftest import PAGED_TIMES as TIMES
from tests.support.plans import load


@pytest.fixture(scope="module")
def big_site(paged_site):
    """The session's paged build: three times the plan, with the session site's address."""
    return paged_site


def chrome_size(path) -> int:
    """Bytes of a page outside its article: header, navigation, footer, scripts."""
    page = soup(path)
    if page.article:
        page.article.decompose()
    return len(str(page).encode())


def test_the_synthetic_plan_is_bigger_and_valid(big_site):
    plan = load(DATA)
    pages = list(big_site.glob("nhiem-vu/*/index.html"))
    assert len(pages) == TIMES * len(plan.tasks)


def test_what_surrounds_the_content_does_not_grow(site, big_site):
    grown = {}
    for page in site.rglob("*.html"):
        twin = big_site / page.relative_to(site)
        # Page titles and the figures on the home page differ by a digit or two at most.
        if abs(chrome_size(twin) - chrome_size(page)) > 16:
            grown[str(page.relative_to(site))] = (chrome_size(page), chrome_size(twin))
    assert grown == {}


def test_task_pages_do_not_grow(site, big_site):
    for task in load(DATA).tasks:
        small = (site / routes.task(task.id) / "index.html").stat().st_size
        big = (big_site / routes.task(task.id) / "index.html").stat().st_size
        assert big <= small * 1.02, (task.id, small, big)
