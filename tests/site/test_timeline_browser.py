"""What a person sees, in Debian's Chromium with JavaScript off: the timeline on a 360-pixel
phone is a list by date with nothing running off the screen; on a desktop the bars are drawn
where the data puts them."""
from __future__ import annotations

import pytest

from tests.conftest import soup

PAGES = ["dong-thoi-gian/", "lich-bao-cao/", "co-quan/", "co-quan/so-noi-vu/",
         "co-quan/ubnd-huyen-chiem-hoa/"]


@pytest.fixture(scope="module")
def browser(chromium):
    """The session's Chromium (tests/support/browser.py): Debian's, never a downloaded one."""
    return chromium


def open_page(browser, site, path: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 800},
                                  java_script_enabled=False)
    page = context.new_page()
    page.goto((site / path / "index.html").as_uri())
    return page


@pytest.mark.parametrize("path", PAGES)
def test_nothing_runs_off_a_phone_screen(browser, dated_site, path):
    page = open_page(browser, dated_site, path, 360)
    scroll, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"{path} is {scroll}px wide on a {client}px screen"
    page.context.close()


def test_on_a_phone_the_timeline_is_a_list_by_date(browser, dated_site):
    page = open_page(browser, dated_site, "dong-thoi-gian/", 360)
    assert page.locator(".timeline-list").first.is_visible()
    assert not page.locator(".timeline").first.is_visible()
    first = page.locator(".timeline-list li").first
    assert first.inner_text().startswith("Hạn 31/7/2018")
    page.context.close()


def test_on_a_desktop_bars_are_drawn_at_their_dates(browser, dated_site):
    page = open_page(browser, dated_site, "dong-thoi-gian/", 1280)
    assert page.locator("#theo-phan ~ .timeline").is_visible()
    html = soup(dated_site / "dong-thoi-gian" / "index.html")
    for task_id in ["ii-2-1-1", "ii-2-1-4", "ii-3-5-8", "ii-2-2-1"]:
        bar = page.locator(f'#theo-phan ~ .timeline .timeline__bar[data-task="{task_id}"]')
        track = bar.locator("xpath=..")
        b, t = bar.bounding_box(), track.bounding_box()
        style = html.select_one(f'#theo-phan ~ .timeline .timeline__bar[data-task="{task_id}"]')["style"]
        left = float(style.split("left:")[1].split("%")[0])
        width = float(style.split("width:")[1].split("%")[0])
        assert (b["x"] - t["x"]) / t["width"] * 100 == pytest.approx(left, abs=0.5), task_id
        assert b["width"] / t["width"] * 100 == pytest.approx(width, abs=0.5), task_id
    now = page.locator("#theo-phan ~ .timeline .timeline__line--now")
    assert now.is_visible()
    page.context.close()
