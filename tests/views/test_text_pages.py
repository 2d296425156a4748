"""The plan text in pages (macros.model.paging), for a plan too large for one: each page within
the limit, cut between parts and sections and never inside a task, every task and Phụ lục row on
exactly one page, and every link to a place in the text naming the page that holds it. The real
plan keeps its one page. A low limit pages the small plan and the synthetic one."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from macros import routes
from macros.model.news import News
from macros.model.paging import PAGE_LIMIT, Piece, TextPages
from macros.model.schema import Paragraph, Section, TaskNode
from macros.site.render import render
from macros.views.agency import AgencyPage
from macros.views.plan_text import PlanTextPage
from macros.views.press import PressPage
from macros.views.task import TaskPage
from tests.conftest import DATA
from tests.support.plans import edition, load
from tests.support.small_plan import small_edition
from tests.support.synthetic import scale

NO_NEWS = News((), {})


@pytest.fixture(scope="module")
def three_times(tmp_path_factory):
    """The synthetic plan three times the real one (147 tasks, 63 Phụ lục rows)."""
    return load(scale(DATA, tmp_path_factory.mktemp("three") / "data", 3))


def pieces(piece: Piece):
    yield piece
    for child in piece.content:
        if isinstance(child, Piece):
            yield from pieces(child)


def tasks_under(node) -> list[str]:
    if isinstance(node, TaskNode):
        return [node.task]
    if isinstance(node, Paragraph):
        return []
    return [t for child in node.content for t in tasks_under(child)]


def test_the_real_plan_is_one_page_holding_everything():
    plan = load(DATA)
    shown = edition(plan)
    text = shown.text_pages
    assert shown.page_limit == PAGE_LIMIT and text.count == 1 and not text.paged
    page = text.page(1)
    assert list(page.tasks) == [t.id for t in plan.tasks]
    assert page.rows == tuple(plan.appendix.rows) and page.foot and page.appendix
    assert not page.appendix_continued
    assert [p.node for p in page.parts] == list(plan.data.parts)
    assert not any(p.continued for part in page.parts for p in pieces(part))
    html = str(render("plan_text.html", view=PlanTextPage.of(shown), root="../"))
    assert "plan-pager" not in html and "tiếp theo" not in html and "Các trang" not in html


def test_a_section_that_fits_a_page_of_its_own_starts_one():
    shown = small_edition(page_limit=2)  # t-1 in section II.1; t-2, t-3 in section II.2; row 1
    text = shown.text_pages
    assert [list(p.tasks) for p in text.pages] == [["t-1"], ["t-2", "t-3"], []]
    assert [[r.number for r in p.rows] for p in text.pages] == [[], [], [1]]
    assert text.of_task == {"t-1": 1, "t-2": 2, "t-3": 2} and text.of_row == {1: 3}
    assert text.of_part == {"I": 1, "II": 1, "III": 2} and (text.foot, text.appendix) == (2, 3)
    second = text.page(2)
    part_two = second.parts[0]
    assert part_two.continued and [c.node.section for c in part_two.content] == ["2"]
    assert not part_two.content[0].continued  # the section begins on this page, heading and all


def test_a_section_larger_than_a_page_is_cut_between_its_tasks_under_its_heading_again():
    shown = small_edition(page_limit=1)
    text = shown.text_pages
    assert [list(p.tasks) for p in text.pages] == [["t-1"], ["t-2"], ["t-3"], []]
    third = text.page(3)
    section = third.parts[0].content[0]
    assert section.continued and section.node.section == "2"
    assert [p.node.number for p in third.parts] == ["II", "III"] and third.foot
    assert text.page(4).appendix and not text.page(4).appendix_continued


@pytest.mark.parametrize("limit", [1, 7, 40, 150])
def test_every_page_is_within_the_limit_and_every_entry_on_one_page_in_order(three_times, limit):
    plan = three_times
    text = TextPages(plan.data, limit)
    assert text.count > 1
    assert all(1 <= page.entries <= limit for page in text.pages)
    assert [t for page in text.pages for t in page.tasks] == [t.id for t in plan.tasks]
    assert [r for page in text.pages for r in page.rows] == list(plan.appendix.rows)
    assert all(text.of_task[t] == page.number for page in text.pages for t in page.tasks)


@pytest.mark.parametrize("limit", [7, 40, 150])
def test_a_part_or_section_that_fits_on_a_page_is_never_cut(three_times, limit):
    text = TextPages(three_times.data, limit)

    def sections(nodes):
        for node in nodes:
            if isinstance(node, Section):
                yield node
                yield from sections(node.content)

    for node in [*three_times.data.parts, *sections(
            c for part in three_times.data.parts for c in part.content)]:
        held = tasks_under(node)
        if 0 < len(held) <= limit:
            assert len({text.of_task[t] for t in held}) == 1, (node.title, limit)


def ids_and_links(shown, number):
    view = PlanTextPage.of(shown, number)
    root = routes.root_of(routes.plan_text_page(number))
    page = BeautifulSoup(str(render("plan_text.html", view=view, root=root)),
                         "html.parser")
    return page, {tag["id"] for tag in page.select("[id]")}


def resolve(number: int, href: str) -> tuple[int | None, str]:
    """(page of the plan text, anchor) a link on page `number` of the text leads to."""
    address, _, anchor = href.partition("#")
    if not address:
        return number, anchor
    base = routes.root_of(routes.plan_text_page(number))
    assert address.startswith(base), href
    return routes.plan_text_page_number(address.removeprefix(base)), anchor


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_every_link_in_the_text_reaches_its_anchor_on_the_page_that_holds_it(limit):
    shown = small_edition(page_limit=limit)
    plan = shown.plan
    text = shown.text_pages
    rendered = {n: ids_and_links(shown, n) for n in range(1, text.count + 1)}
    for task in plan.tasks:  # each task's anchor is on its own page, and only there
        assert [n for n, (_, ids) in rendered.items() if task.id in ids] == [text.of_task[task.id]]
    for row in plan.appendix.rows:
        anchor = routes.appendix_row_anchor(row.number)
        assert [n for n, (_, ids) in rendered.items() if anchor in ids] == [text.of_row[row.number]]
    checked = 0
    for number, (page, _) in rendered.items():
        for link in page.select("a[href]"):
            if not (link["href"].startswith("#") or routes.PLAN_TEXT in link["href"]):
                continue  # a task's or an agency's page
            target, anchor = resolve(number, link["href"])
            assert target is not None and 1 <= target <= text.count, link
            if anchor:
                assert anchor in rendered[target][1], (number, link["href"])
            checked += 1
    assert checked


def test_page_one_lists_the_pages_and_each_page_says_which_it_is():
    shown = small_edition(page_limit=1)
    first, _ = ids_and_links(shown, 1)
    pages = first.select('nav[aria-label="Các trang của toàn văn"] li')
    assert [li.get_text(" ", strip=True) for li in pages] == [
        "Trang 1/4 (trang này): nhiệm vụ II.1.1", "Trang 2/4 : nhiệm vụ II.2, ý 1",
        "Trang 3/4 : nhiệm vụ II.2, ý 2", "Trang 4/4 : Phụ lục, dòng 1"]
    contents = first.select('nav[aria-label="Mục lục văn bản"] a')
    assert [a["href"] for a in contents] == ["#phan-i", "#phan-ii", "../ke-hoach/trang-3/#phan-iii",
                                             "../ke-hoach/trang-3/#noi-nhan",
                                             "../ke-hoach/trang-4/#phu-luc"]
    third, _ = ids_and_links(shown, 3)
    assert third.h1.get_text() == "Toàn văn Kế hoạch số 1/KH-TN, trang 3/4"
    assert third.select_one(".doc-identity") is None and third.select_one(".plan-contents") is None
    pager = third.select_one(".plan-pager")
    assert pager.get_text(" ", strip=True).startswith("Trang 3/4")
    # Every page by number (this one not a link), then previous, first and next.
    assert [a["href"] for a in pager.select("a")] == [
        "../../ke-hoach/", "../../ke-hoach/trang-2/", "../../ke-hoach/trang-4/",
        "../../ke-hoach/trang-2/", "../../ke-hoach/", "../../ke-hoach/trang-4/"]
    assert pager.select_one('[aria-current="page"]').get_text() == "3"
    continued = [h.get_text(" ", strip=True) for h in third.select("h2, h3")]
    assert continued == ["II. NỘI DUNG (tiếp theo)", "2. Ban A: (tiếp theo)",
                         "III. TỔ CHỨC THỰC HIỆN"]
    last, _ = ids_and_links(shown, 4)
    assert re.search(r"\(1 nội dung\)$", last.caption.get_text(" ", strip=True))


def test_task_agency_and_press_pages_link_to_the_page_that_holds_the_place():
    shown = small_edition(page_limit=1)
    task = TaskPage.of(shown, "t-3", NO_NEWS)
    assert task.in_plan_href == "ke-hoach/trang-3/#t-3"
    assert [row.href for row in task.timeframes] == ["ke-hoach/trang-4/#phu-luc-1"]
    assert [block.href for block in task.appendix] == ["ke-hoach/trang-4/#phu-luc-1"]
    assert TaskPage.of(shown, "t-1", NO_NEWS).in_plan_href == "ke-hoach/#t-1"
    assert [m.href for m in AgencyPage.of(shown, "ban-b", NO_NEWS).appendix] == [
        "ke-hoach/trang-4/#phu-luc-1"]
    press = PressPage.of(shown, NO_NEWS, None)
    assert press.in_plan == "ke-hoach/#t-1"
    assert press.in_plan_patterns == ("ke-hoach/#<mã nhiệm vụ>",
                                      "ke-hoach/trang-<số trang>/#<mã nhiệm vụ>")
    assert PressPage.of(small_edition(), NO_NEWS, None).in_plan_patterns == (
        "ke-hoach/#<mã nhiệm vụ>",)


def test_a_page_says_which_rows_of_the_phu_luc_it_holds_above_the_table(three_times):
    plan = three_times
    shown = edition(plan, page_limit=40)
    total = len(plan.appendix.rows)
    seen = []
    for number in range(1, shown.text_pages.count + 1):
        page, _ = ids_and_links(shown, number)
        rows = [int(tr.th.get_text()) for tr in page.select("table.appendix tbody tr")]
        if not rows:
            continue
        seen += rows
        caption = page.select_one("table.appendix caption").get_text(" ", strip=True)
        assert caption.endswith(f"({total} nội dung)")
        # Above the table, outside its box that scrolls sideways, so a phone shows it whole.
        note = page.select_one(".table-scroll").find_previous_sibling("p").get_text(" ", strip=True)
        held = f"dòng {rows[0]}" if len(rows) == 1 else f"các dòng {rows[0]} đến {rows[-1]}"
        assert note == f"Trang này có {held} của Phụ lục ({total} dòng, trên nhiều trang)."
    assert seen == list(range(1, total + 1)) and len(seen) > 40
