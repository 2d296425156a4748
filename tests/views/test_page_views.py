"""The agency, progress and home views and their templates, on a small plan in memory."""
from __future__ import annotations

from datetime import date

from macros.model.news import News
from macros.model.status import DisplayState
from macros.site.render import render
from macros.views.agency import AgencyPage
from macros.views.home import HomePage
from macros.views.progress import ProgressPage
from tests.support.golden import matches_golden
from tests.support.plans import edition
from tests.support.small_plan import small_plan

NO_NEWS = News((), {})


def test_an_agency_counts_only_what_the_body_gives_it_and_lists_the_phu_luc_apart():
    view = AgencyPage.of(edition(small_plan()), "ban-b", NO_NEWS)
    assert [(r.kind, [t.id for t in r.tasks]) for r in view.roles] == [("partners", ["t-2"])]
    assert [(m.number, m.column, [t.text for t in m.tasks]) for m in view.appendix] == [
        (1, "Cơ quan, đơn vị chủ trì tham mưu", ["Nhiệm vụ II.2, ý 1", "Nhiệm vụ II.2, ý 2"])]
    assert {label: value for value, label in view.figures} == {
        "nhiệm vụ lời văn nêu tên (mọi vai trò)": 1, "quá hạn, chưa có báo cáo hoàn thành": 1,
        "được giao («Trách nhiệm thực hiện», «Chủ trì» và cơ quan được nêu tên không kèm thuật "
        "ngữ), được nêu tên riêng": 0,
        "phối hợp («Phối hợp với»), được nêu tên riêng": 1,
        "lần được nêu tên trong Phụ lục": 1}


def test_cards_and_headings_say_the_plan_s_own_terms_never_a_merged_chu_tri():
    """Each card shows the lead in its task's own term; an agency page's heading is the site's
    group and lists the plan's terms of its tasks, under the anchor it has always had."""
    plan = small_plan()
    lines = {line.id: line for table in ProgressPage.of(edition(plan)).tables
             for line in table.lines}
    assert {i: line.lead_term for i, line in lines.items()} == {
        "t-1": "Trách nhiệm thực hiện", "t-2": "Chủ trì (theo tiêu đề mục II.2)",
        "t-3": "Được nêu tên ở tiêu đề mục II.2"}
    view = AgencyPage.of(edition(plan), "ban-a", NO_NEWS)
    [lead] = view.roles
    assert (lead.anchor, lead.label) == ("lead", "Được giao")
    assert lead.terms == ("«Trách nhiệm thực hiện»", "«Chủ trì» (tiêu đề mục)",
                          "nêu tên không kèm thuật ngữ")
    for html in (str(render("agency_page.html", view=view, root="../")),
                 str(render("progress.html", view=ProgressPage.of(edition(plan)), root="../"))):
        assert "chủ trì, thực hiện" not in html.casefold()
    html = str(render("agency_page.html", view=view, root="../"))
    assert "<dt>Trách nhiệm thực hiện</dt>" in html
    assert "<dt>Chủ trì (theo tiêu đề mục II.2)</dt>" in html
    # Nowhere is «Thực hiện» given as a term of the plan: the text writes no such role word.
    assert "«Thực hiện»" not in html


def test_the_deciding_body_of_a_row_is_not_given_the_task():
    view = AgencyPage.of(edition(small_plan()), "ubnd", NO_NEWS)
    assert view.roles == () and not view.has_tasks
    assert [m.column for m in view.appendix] == ["Cơ quan có thẩm quyền quyết định"]


def test_progress_counts_overdue_and_filters_by_the_agencies_a_task_answers_to():
    view = ProgressPage.of(edition(small_plan(as_of=date(2020, 6, 1))))
    assert view.total == 3 and view.overdue == 2
    assert {row.state: row.count for row in view.chart}[DisplayState.OVERDUE] == 2
    assert [a for a, _ in view.agency_options] == ["ban-a", "ban-b"]
    lines = {line.id: line for table in view.tables for line in table.lines}
    assert lines["t-1"].when == "31/12/2018" and lines["t-1"].state_note == "quá hạn 1 năm 5 tháng"
    assert lines["t-3"].when == "Thường xuyên"
    assert lines["t-3"].when_source == "theo Phụ lục, dòng 1"


def test_the_home_page_says_only_what_the_data_says():
    view = HomePage.of(edition(small_plan(as_of=date(2020, 6, 1))))
    # The tasks are the site's split of the text: the plan states no count.
    assert "Kế hoạch nêu" not in view.lead + view.split
    assert ("Trang web chia các mục và ý của Kế hoạch thành 3 nhiệm vụ (Kế hoạch không tự nêu "
            "con số này); lời văn nêu cơ quan thực hiện cho 3 nhiệm vụ, 2 nhiệm vụ có hạn hoàn "
            "thành và 0 nhiệm vụ không ghi thời hạn.") in view.split
    assert "định kỳ" not in view.split  # the small plan has no reporting duty
    assert view.standing is None


def test_templates_lay_out_the_views():
    plan = small_plan()
    common = {"root": "../"}
    assert matches_golden("progress.html", str(render(
        "progress.html", view=ProgressPage.of(edition(plan)), **common)))
    assert matches_golden("agency_page_ban-b.html", str(render(
        "agency_page.html", view=AgencyPage.of(edition(plan), "ban-b", NO_NEWS), **common)))
    assert matches_golden("home.html", str(render(
        "home.html", view=HomePage.of(edition(plan)), **common)))
