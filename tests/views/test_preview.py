"""Link previews worked out from the plan: the home's title from the document's own fields, a
task's who / when / state, an agency's counts."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from macros import routes
from macros.views import preview
from tests.support.plans import load

DEMO = Path(__file__).resolve().parents[1] / "fixtures" / "demo" / "tien-do"
PLAN = load(as_of=date(2019, 6, 30))


def test_home_title_comes_from_the_document_and_its_issuer():
    home = preview.home(PLAN)
    doc = PLAN.document
    issuer = PLAN.agency(doc.issuer).name
    assert home.title == f"{doc.kind} số {doc.number} của {issuer} – theo dõi thực hiện"
    assert home.title == (
        "Kế hoạch số 68/KH-UBND của Ủy ban nhân dân tỉnh Tuyên Quang – theo dõi thực hiện")
    # The subject is the title's own words after its last «VỀ», in lower case.
    assert home.description.endswith(
        " về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động "
        "hiệu lực, hiệu quả.")
    assert home.description.lower().split(" về ", 1)[1].upper().rstrip(".") in doc.title
    assert home.image is None


def test_task_deadline_is_the_due_date_else_the_plan_words():
    assert preview.deadline(PLAN, PLAN.task("ii-3-1-2")) == (
        "Thời hạn: «hoàn thành trong năm 2018» (trang web tính hạn: 31/12/2018)")
    # The heading's words, said to be the heading's.
    assert preview.deadline(PLAN, PLAN.task("ii-2-2-1")) == (
        "Thời hạn (tiêu đề mục II.2.2): «thực hiện thường xuyên»")
    # No phrase of its own: the appendix row's words, said to be the Phụ lục's.
    assert preview.deadline(PLAN, PLAN.task("ii-3-3-3")) == "Thời hạn theo Phụ lục: «Thường xuyên»"
    # A reporting duty's task: its schedule, in its words.
    assert preview.deadline(PLAN, PLAN.task("iii-2-2")) == (
        "Báo cáo định kỳ: «trước ngày 15 và ngày 30 hằng tháng, ngày 30/5 và 30/11 hằng năm»")
    assert preview.deadline(PLAN, PLAN.task("ii-1-1")) == "Kế hoạch không ghi thời hạn"


def test_task_preview_says_who_when_and_state():
    task = PLAN.task("ii-3-1-2")
    shown = preview.task(PLAN, task)
    assert shown.title == task.name
    assert shown.description == (
        "Nhiệm vụ II.3.1, ý 2. Được nêu tên ở tiêu đề mục II.3.1: Sở Nội vụ. "
        "Thời hạn: «hoàn thành trong năm 2018» (trang web tính hạn: 31/12/2018). "
        f"Trạng thái: {PLAN.status(task).state.label}.")
    assert shown.image == routes.share_image_of_task("ii-3-1-2")
    assert shown.card.label == "Nhiệm vụ II.3.1, ý 2"
    assert shown.card.band == PLAN.status(task).state.label
    assert shown.card.tone == PLAN.status(task).state.slug


def test_a_report_changes_the_preview():
    demo = load(reports_dir=DEMO, as_of=date(2019, 6, 30))
    changed = [t.id for t in PLAN.tasks
               if preview.task(demo, t).card != preview.task(PLAN, t).card]
    assert changed and all((DEMO / task_id).is_dir() for task_id in changed)


def test_agency_preview_counts_its_tasks():
    shown = preview.agency(PLAN, PLAN.agency("so-tai-chinh"))
    assert shown.title == "Sở Tài chính"
    assert shown.description.startswith("Sở Tài chính: được giao 4 nhiệm vụ trong Kế "
                                        "hoạch số 68/KH-UBND của Ủy ban nhân dân tỉnh Tuyên Quang")
    none = preview.agency(PLAN, PLAN.agency("quoc-hoi"))
    assert none.description.startswith("Quốc hội: không được giao hay phối hợp nhiệm vụ nào")
    # Each agency's own words: those without a task no longer share one description.
    descriptions = [preview.agency(PLAN, a).description for a in PLAN.graph.agencies]
    assert len(set(descriptions)) == len(descriptions)


def test_every_generated_page_and_the_home_have_a_preview():
    shown = preview.of_plan(PLAN)
    assert set(shown) == {routes.HOME_SOURCE} | {routes.task_source(t.id) for t in PLAN.tasks} | {
        routes.agency_source(a.id) for a in PLAN.graph.agencies}
