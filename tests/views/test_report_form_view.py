"""The report form's view on a small plan in memory: the agencies, the order, the links."""
from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

from macros.load.reports import TEMPLATE
from macros.model.reports import ReportedState
from macros.site.repository import Repository
from macros.views.report_form import ReportForm
from tests.conftest import DATA
from tests.support.plans import load
from tests.support.small_plan import small_plan


def test_the_task_s_own_agencies_are_offered_and_no_one_unrelated():
    plan = small_plan()
    task = plan.task("t-2")
    form = ReportForm.of(plan, task, None)
    own = list(plan.assigned.answering_for(task))
    assert [a.id for a in form.own_agencies] == own == ["ban-a", "ban-b"]
    # The small plan has no reporting duty: no body receives reports, so nothing else is offered
    # (not the province's committee, which decides on the Phụ lục row).
    assert form.other_agencies == ()
    assert form.states == tuple(s.value for s in ReportedState)
    assert form.folder == "data/tien-do/t-2"


def test_the_bodies_the_phu_luc_names_for_the_task_are_offered_too():
    """t-3's body names Ban A (its heading); Phụ lục row 1 names Ban A and Ban B to lead it."""
    plan = small_plan()
    form = ReportForm.of(plan, plan.task("t-3"), None)
    assert list(plan.assigned.answering_for(plan.task("t-3"))) == ["ban-a"]
    assert [a.id for a in form.own_agencies] == ["ban-a", "ban-b"]


def test_a_real_task_whose_body_names_no_body_offers_its_phu_luc_row_s():
    """II.2.2.2 names no body; row 18 (source line 317) names Sở Nội vụ; Văn phòng UBND tỉnh;
    các cơ quan, đơn vị; Ủy ban nhân dân huyện, thành phố (which, as of 2024, still existed)."""
    plan = load(DATA, as_of=date(2024, 12, 1))
    form = ReportForm.of(plan, plan.task("ii-2-2-2"), None)
    assert {"so-noi-vu", "van-phong-ubnd-tinh", "cac-co-quan-don-vi",
            "ubnd-huyen-thanh-pho"} <= {a.id for a in form.own_agencies}


def test_a_body_that_ended_is_not_offered_as_a_reporter():
    """From 01/7/2025 the district committees and their group no longer exist (Nghị quyết
    203/2025/QH15): the form offers them no more, as the validator refuses their reports."""
    plan = load(DATA, as_of=date(2026, 12, 1))
    offered = {a.id for a in ReportForm.of(plan, plan.task("ii-3-5-2"), None).own_agencies}
    assert not offered & {"ubnd-huyen-thanh-pho", "ubnd-huyen-chiem-hoa"}
    before = load(DATA, as_of=date(2025, 6, 30))
    assert "ubnd-huyen-chiem-hoa" in {
        a.id for a in ReportForm.of(before, before.task("ii-3-5-2"), None).own_agencies}


def test_the_field_order_and_labels_are_the_template_s_and_the_models():
    form = ReportForm.of(small_plan(), small_plan().task("t-2"), None)
    assert form.order == ("state", "done", "reporter", "percent", "evidence", "completed_on",
                          "revised_due", "note")
    assert form.evidence_order == ("number", "date", "url")
    assert form.labels["percent"] == "Tỷ lệ hoàn thành (%)"
    assert form.required == {"state", "done", "reporter", "evidence.number"}


def test_without_a_repository_nothing_links_to_github():
    form = ReportForm.of(small_plan(), small_plan().task("t-2"), None)
    assert form.new_file_page is None and form.template_href is None


def test_with_a_repository_the_blank_template_opens_in_the_task_s_folder():
    repo = Repository("https://github.com/vi-du/ke-hoach-68", "nhánh chính")
    form = ReportForm.of(small_plan(), small_plan().task("t-2"), repo)
    assert form.new_file_page == "https://github.com/vi-du/ke-hoach-68/new/nh%C3%A1nh%20ch%C3%ADnh"
    url = urlsplit(form.template_href)
    assert url.path == "/vi-du/ke-hoach-68/new/nh%C3%A1nh%20ch%C3%ADnh/data/tien-do/t-2"
    assert parse_qs(url.query) == {"value": [TEMPLATE]}
