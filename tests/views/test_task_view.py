"""The task page's view and template, on a small plan in memory (no build)."""
from __future__ import annotations

from datetime import date

from macros.model.news import News
from macros.model.site_info import ReportsSince
from macros.model.status import DisplayState
from macros.site.render import render
from macros.views.task import TaskPage
from tests.support.golden import matches_golden
from tests.support.plans import edition
from tests.support.small_plan import small_plan

NO_NEWS = News((), {})


def test_body_roles_and_phu_luc_roles_stay_apart():
    view = TaskPage.of(edition(small_plan()), "t-2", NO_NEWS)
    assert [(r.term, [a.text for a in r.agencies], r.where) for r in view.roles] == [
        ("Chủ trì", ["Ban A"], "theo tiêu đề mục II.2"), ("Phối hợp với", ["Ban B"], None)]
    [block] = view.appendix
    assert block.heading == "Theo Phụ lục, dòng 1 — chung cho nhiệm vụ II.2, ý 1; II.2, ý 2"
    assert [(r.term, r.words) for r in block.roles] == [
        ("Cơ quan, đơn vị chủ trì tham mưu", "Ban A; Ban B"),
        ("Cơ quan có thẩm quyền quyết định", "Ủy ban nhân dân tỉnh")]


def test_the_deadline_says_how_it_was_computed_and_both_sources_show():
    view = TaskPage.of(edition(small_plan()), "t-2", NO_NEWS)
    assert view.due_sentence == (
        "Hạn theo Kế hoạch: ngày 31 tháng 12 năm 2019, do trang web tính: đó là ngày cuối cùng của "
        "năm 2019, theo lời văn «thực hiện từ năm 2018 và hoàn thành trong năm 2019» của Kế "
        "hoạch. Văn bản không ghi ngày cụ thể.")
    assert [(r.source, r.words) for r in view.timeframes] == [
        ("Kế hoạch, mục II.2, ý 1", "«thực hiện từ năm 2018 và hoàn thành trong năm 2019»"),
        ("Phụ lục, dòng 1",
         "Thời gian thực hiện: «Từ năm 2018»; thời gian hoàn thành: «Thường xuyên»")]
    assert view.sources_differ  # the Phụ lục says "Thường xuyên"


def test_a_timeframe_only_the_phu_luc_gives_says_the_body_is_silent():
    """t-3's words give no timeframe; Phụ lục row 1 says «Thường xuyên»: the page says so beside
    the row and beside how the task repeats."""
    view = TaskPage.of(edition(small_plan()), "t-3", NO_NEWS)
    assert [r.source for r in view.timeframes] == [
        "Phụ lục, dòng 1 (lời văn mục II.2, ý 2 không ghi thời hạn; thời hạn lấy theo dòng này)"]
    assert view.repetition == ("Thường xuyên (theo Phụ lục, dòng 1; lời văn Kế hoạch không ghi "
                               "thời hạn)")


def test_overdue_without_a_completion_report_says_for_how_long():
    view = TaskPage.of(edition(small_plan(as_of=date(2020, 6, 1))), "t-2", NO_NEWS)
    assert view.state is DisplayState.OVERDUE
    # What the site knew, and since when: not a claim that it watched the deadline pass.
    assert view.state_note == ("Hạn theo Kế hoạch là ngày 31 tháng 12 năm 2019; đã quá hạn 5 "
                               "tháng 1 ngày. Đến ngày 01 tháng 6 năm 2020, trang web chưa có báo "
                               "cáo hoàn thành nào của nhiệm vụ này; trang web chưa ghi nhận ngày "
                               "bắt đầu nhận báo cáo, nên không biết các cơ quan đã báo cáo gì "
                               "trước khi trang web bắt đầu nhận báo cáo.")
    known = TaskPage.of(edition(small_plan(as_of=date(2020, 6, 1))), "t-2", NO_NEWS,
                        known=ReportsSince(date(2020, 3, 1)))
    assert known.state_note.endswith(
        "nhiệm vụ này; trang web nhận báo cáo từ ngày 01 tháng 3 năm 2020, không biết các cơ "
        "quan đã báo cáo gì trước ngày đó.")
    # Not yet due: no report, nothing said about lateness, and since when nothing is known.
    early = TaskPage.of(edition(small_plan(as_of=date(2019, 12, 31))), "t-2", NO_NEWS)
    assert early.state is DisplayState.NO_REPORT
    assert early.state_note == ("Đến ngày 31 tháng 12 năm 2019, trang web chưa nhận báo cáo nào "
                                "của nhiệm vụ này; trang web chưa ghi nhận ngày bắt đầu nhận báo "
                                "cáo, nên không biết các cơ quan đã báo cáo gì trước khi trang web "
                                "bắt đầu nhận báo cáo.")
    # With a report, the page shows it: nothing to say of what the site has not received.
    reported = TaskPage.of(edition(small_plan(as_of=date(2019, 12, 31), reports={"t-2": {
        "reports": [{"date": "2019-06-01", "state": "đang thực hiện", "done": "Đã làm.",
                     "reporter": "ban-a"}]}})), "t-2", NO_NEWS)
    assert reported.state is DisplayState.IN_PROGRESS and reported.state_note is None


def test_a_completion_report_after_the_deadline_reads_done_late():
    reports = {"t-2": {"reports": [{
        "date": "2020-02-01", "state": "hoàn thành", "done": "Đã rà soát.", "reporter": "ban-a",
        "completed_on": "2020-01-15"}]}}
    view = TaskPage.of(edition(small_plan(reports=reports)), "t-2", NO_NEWS)
    assert view.state is DisplayState.DONE_LATE and view.state_note is None


def test_a_task_without_body_roles_says_so():
    plan = small_plan()
    view = TaskPage.of(edition(plan), "t-3", NO_NEWS)
    # The heading of section 2 names Ban A, with no word for the role: the site says so.
    assert [(r.term, r.where) for r in view.roles] == [("Được nêu tên ở tiêu đề mục II.2", None)]
    assert view.due_sentence is None and view.state is DisplayState.NO_REPORT


def test_the_template_lays_out_the_view():
    plan = small_plan()
    html = render("task_page.html", view=TaskPage.of(edition(plan), "t-2", NO_NEWS), root="../../")
    assert matches_golden("task_page_t-2.html", str(html))
