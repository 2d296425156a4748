"""The bodies' life in the real data: a made-up merge moves nothing else; what the site knows since
when (data/site.yaml's reports_since); the events and successors in open data."""
from __future__ import annotations

import copy
import csv
import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from macros.files import opendata
from macros.load import DataError, DataFiles, load_plan_with, load_registry, plan_from_mappings
from macros.load.site_info import load_site_info
from macros.load.yaml import read_yaml
from tests.conftest import DATA, copy_data
from tests.support.plans import edition, load

AS_OF = date(2026, 12, 1)
BUILT = datetime(2026, 12, 1, tzinfo=UTC)
MERGED, INTO = "so-thong-tin-va-truyen-thong", "so-tai-chinh"


def real_mappings() -> tuple[dict, dict]:
    return read_yaml(DATA / "agencies.yaml", "data/agencies.yaml")[0], \
        read_yaml(DATA / "plan.yaml", "data/plan.yaml")[0]


def with_made_up_merge(agencies: dict) -> dict:
    changed = copy.deepcopy(agencies)
    body = next(a for a in changed["agencies"] if a["id"] == MERGED)
    body["events"] = [{"kind": "hop-nhat", "date": date(2025, 3, 1),
                       "source": {"kind": "Quyết định", "number": "1/QĐ-THU-NGHIEM",
                                  "date": date(2025, 2, 20), "issuer": "ubnd-tinh"},
                       "successors": [INTO], "note": "Thay đổi bịa ra cho phép kiểm thử."}]
    return changed


@pytest.fixture(scope="module")
def plans():
    agencies, plan = real_mappings()
    before = plan_from_mappings(agencies, plan, as_of=AS_OF)
    after = plan_from_mappings(with_made_up_merge(agencies), plan, as_of=AS_OF)
    return before, after


def test_a_made_up_merge_changes_the_two_bodies_it_names(plans):
    before, after = plans
    assert before.lifecycle.end_of(MERGED) is None
    assert after.lifecycle.ended_on(MERGED) == date(2025, 3, 1)
    assert after.lifecycle.successors_of(MERGED) == (INTO,)
    assert after.lifecycle.predecessors_of(INTO) == (MERGED,)
    assert after.lifecycle.end_of(INTO) is None


def test_a_made_up_merge_moves_nothing_else(plans):
    before, after = plans
    others = [a.id for a in before.graph.agencies if a.id not in (MERGED, INTO)]
    for agency_id in others:
        for fact in ("end_of", "events_of", "successors_of", "predecessors_of"):
            was, now = getattr(before.lifecycle, fact), getattr(after.lifecycle, fact)
            assert was(agency_id) == now(agency_id), (agency_id, fact)
    # The plan as issued is the plan as issued: tasks, roles, deadlines, states, duties.
    assert [t.id for t in before.tasks] == [t.id for t in after.tasks]
    for b, a in zip(before.tasks, after.tasks, strict=True):
        assert (b.roles, b.appendix_roles, b.due_date, b.schedule) == (
            a.roles, a.appendix_roles, a.due_date, a.schedule)
        assert before.status(b) == after.status(a)
        assert before.assigned.answering_for(b) == after.assigned.answering_for(a)
        # A task's facts change only where it names the merged body: the end beside its name,
        # and nothing projected past that end for it (its next report, when it led alone).
        named = MERGED in {x for r in (*b.roles, *b.appendix_roles) for x in r.agencies}
        old, new = before.facts(b), after.facts(a)
        if named:
            assert [x for x, _ in new.ended] == [MERGED] and old.ended == ()
            new = replace(new, ended=(), leads_end=None, next_report=(
                old.next_report if b.role_agencies("lead") == (MERGED,) else new.next_report))
        assert old == new, b.id
    for agency in before.graph.agencies:
        owed_before = [t.id for t in before.assigned.owed_by(agency.id)]
        assert owed_before == [t.id for t in after.assigned.owed_by(agency.id)]
        assert before.duties.reported_by(agency.id) == after.duties.reported_by(agency.id)
    assert before.figures == after.figures
    assert opendata.as_json(edition(before)) == opendata.as_json(edition(after))
    # In the bodies' open data, only the two records it names differ.
    old = {r["ma"]: r for r in json.loads(opendata.agencies_json(edition(before)))["co_quan"]}
    new = {r["ma"]: r for r in json.loads(opendata.agencies_json(edition(after)))["co_quan"]}
    assert {k for k in old if old[k] != new[k]} == {MERGED, INTO}


# --- What the site knows since when ---------------------------------------------------------


def site_info(data, *, as_of=AS_OF):
    # As the validator reads it: after the plan, with its state.
    files = DataFiles(data)
    registry, state = load_registry(files)
    load_plan_with(files, registry, state, as_of=as_of)
    return load_site_info(data, state, files.display)


def test_reports_since_is_not_recorded_in_the_real_data():
    since = site_info(DATA).reports_known_since
    assert since.day is None and not since.recorded
    assert not since.covers(date(2026, 1, 1))  # nothing recorded: the site claims no knowledge


def write_since(data, value: str) -> int:
    path = data / "site.yaml"
    text = path.read_text("utf-8")
    assert text.count("reports_since:\n") == 1
    path.write_text(text.replace("reports_since:\n", f"reports_since: {value}\n"), "utf-8")
    return path.read_text("utf-8").splitlines().index(f"reports_since: {value}") + 1


def test_reports_since_when_recorded(tmp_path):
    data = copy_data(tmp_path)
    write_since(data, "2026-11-20")
    since = site_info(data).reports_known_since
    assert since.recorded and since.day == date(2026, 11, 20)
    assert not since.covers(date(2026, 11, 19)) and since.covers(date(2026, 11, 20))


def test_reports_since_in_the_future_is_refused(tmp_path):
    data = copy_data(tmp_path)
    line = write_since(data, "2026-12-02")
    with pytest.raises(DataError) as caught:
        site_info(data)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.field) == ("data/site.yaml", line, "reports_since")
    assert problem.message == "Ngày bắt đầu nhận báo cáo 02/12/2026 chưa đến."
    write_since(copy_data(tmp_path / "today"), "2026-12-01")
    assert site_info(tmp_path / "today" / "data").reports_known_since.day == AS_OF


# --- Open data --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    return load(as_of=AS_OF)


def test_the_bodies_file_carries_every_body_with_its_end_successors_and_sources(real):
    records = {r["ma"]: r for r in json.loads(opendata.agencies_json(edition(real)))["co_quan"]}
    assert list(records) == [a.id for a in real.graph.agencies]
    ham_yen = records["ubnd-huyen-ham-yen"]
    assert ham_yen["khong_con_tu"] == "2025-07-01" and ham_yen["khong_con_theo"] == "thay-doi"
    [change] = ham_yen["thay_doi"]
    assert change["loai"] == "ket-thuc" and change["ngay"] == "2025-07-01"
    assert change["can_cu"] == {
        "loai": "Nghị quyết", "so_hieu": "203/2025/QH15", "ngay": "2025-06-16",
        "co_quan_ban_hanh": "quoc-hoi", "co_quan_ban_hanh_ten": "Quốc hội", "trich_yeu": None,
        "duong_dan": None, "trich_dan": "Nghị quyết số 203/2025/QH15 ngày 16/6/2025 của Quốc hội"}
    group = records["ubnd-huyen-thanh-pho"]
    assert group["khong_con_tu"] == "2025-07-01" and group["khong_con_theo"] == "thanh-vien"
    assert [s["so_hieu"] for s in group["khong_con_can_cu"]] == ["203/2025/QH15"]
    assert group["thay_doi"] == []
    assert records["ubnd-tinh"]["khong_con_tu"] is None
    assert [c["can_cu"]["so_hieu"] for c in records["ubnd-tinh"]["thay_doi"]] == ["202/2025/QH15"]
    # Every exit formats the model's one answer.
    for agency_id, record in records.items():
        ended = real.lifecycle.ended_on(agency_id)
        assert record["khong_con_tu"] == (ended.isoformat() if ended else None)
        assert record["ke_thua"] == list(real.lifecycle.successors_of(agency_id))
        assert record["tien_than"] == list(real.lifecycle.predecessors_of(agency_id))


def rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_the_csv_files_read_back_to_the_same_changes(real):
    events = rows(opendata.agency_events_csv(edition(real)))
    assert [(r["Mã cơ quan"], r["Mã loại thay đổi"], r["Ngày có hiệu lực"]) for r in events] == [
        (e.agency, e.kind.value, e.date.isoformat()) for e in real.lifecycle.events]
    assert {r["Văn bản làm căn cứ"] for r in events} == {
        "Nghị quyết số 203/2025/QH15 ngày 16/6/2025 của Quốc hội",
        "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội"}
    assert {r["Cơ quan không còn từ ngày này"] for r in events} == {"có", "không"}
    bodies = {r["Mã cơ quan"]: r for r in rows(opendata.agencies_csv(edition(real)))}
    assert bodies["ubnd-huyen-ham-yen"]["Các thay đổi"] == (
        "2025-07-01: Kết thúc hoạt động (Nghị quyết số 203/2025/QH15 ngày 16/6/2025 của Quốc hội)")
    assert bodies["ubnd-huyen-thanh-pho"]["Không còn từ ngày"] == "2025-07-01"
    assert bodies["so-noi-vu"]["Không còn từ ngày"] == ""


def test_the_bodies_files_are_published():
    from macros import routes
    files = {routes.AGENCIES_JSON, routes.AGENCIES_CSV, routes.AGENCY_EVENTS_CSV}
    assert files <= set(opendata.FILES)
