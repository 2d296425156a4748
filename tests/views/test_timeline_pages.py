"""A plan too large for one timeline chart: the chart in pages of whole sections, each page under
the limit, every dated task on exactly one page, and the timeline page linking them. The real plan
keeps its one page (checked on the built site by test_timeline.py)."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from macros import routes
from macros.site.render import render
from macros.views import timeline
from macros.views.calendar import TimelinePage, TimelinePart
from tests.conftest import DATA
from tests.support.plans import edition, load
from tests.support.synthetic import scale

TIMES = 13  # 546 dated tasks: just over the limit of 500


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    plan = load(scale(DATA, tmp_path_factory.mktemp("big") / "data", TIMES))
    line = edition(plan).timeline
    return plan, line, timeline.chunks(plan, line)


def test_the_real_plan_and_ten_times_it_have_one_chart():
    plan = load(DATA)
    line = edition(plan).timeline
    assert timeline.chunks(plan, line) == []
    assert len(line.bars) * 10 <= timeline.CHART_LIMIT


def test_every_dated_task_is_on_one_page_in_the_plans_order(big):
    plan, line, chunks = big
    assert len(line.bars) > timeline.CHART_LIMIT and len(chunks) >= 2
    placed = [bar.id for chunk in chunks for bar in chunk.timeline.bars]
    assert placed == [bar.id for group in timeline.by_part(plan, line) for bar in group.bars]
    assert sorted(placed) == sorted(bar.id for bar in line.bars)
    for chunk in chunks:
        assert len(chunk.timeline.bars) <= timeline.CHART_LIMIT
        assert [b.id for g in chunk.groups for b in g.bars] == \
            [b.id for b in chunk.timeline.bars]


def test_sections_are_never_cut(big):
    plan, line, chunks = big
    whole = {group.anchor: group.bars for group in timeline.by_part(plan, line)}
    for chunk in chunks:
        for group in chunk.groups:
            assert group.bars == whole[group.anchor]


def test_the_timeline_page_links_each_page_and_each_page_charts_its_tasks(big):
    plan, line, chunks = big
    view = TimelinePage(plan.document.date, line, timeline.by_part(plan, line),
                        timeline.by_lead(plan, line), chunks)
    index = BeautifulSoup(render("timeline.html", root="../", view=view),
                          "html.parser")
    assert index.select_one(".timeline__bar") is None  # no chart on the page itself
    links = [a["href"] for a in index.select(".timeline-pages a")]
    assert links == ["../" + routes.timeline_page(chunk.number) for chunk in chunks]
    for chunk in chunks:
        part = TimelinePart(chunk, len(chunks), line)
        page = BeautifulSoup(render("timeline_part.html", view=part, root="../../"),
                             "html.parser")
        charted = [bar["data-task"] for bar in page.select(".timeline__bar")]
        assert charted == [bar.id for bar in chunk.timeline.bars]
        listed = [li["data-task"] for li in page.select(".timeline-list > li[data-task]")]
        assert sorted(listed) == sorted(charted)
