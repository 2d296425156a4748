"""A body's life since the plan (macros.model.lifecycle): end dates, the group rule, successors
and predecessors, on small registries in memory through the real checks, then on the real data."""
from __future__ import annotations

import copy
from datetime import UTC, date, datetime

import pytest

from macros.load import DataError, plan_from_mappings
from macros.model.lifecycle import EventKind
from tests.support.plans import load
from tests.support.small_plan import AGENCIES, plan_data

BUILT = datetime(2026, 12, 1, tzinfo=UTC)
NQ_203 = {"kind": "Nghị quyết", "number": "203/2025/QH15", "date": "2025-06-16", "issuer": "ubnd"}


def body(agency_id: str, **more) -> dict:
    name = f"Cơ quan {agency_id.upper()}"
    return {"id": agency_id, "name": name, "kind": "hanh-chinh", "level": "huyen",
            "spellings": [name], **more}


def event(kind: str, day: str, number: str = "1/TN", **more) -> dict:
    return {"kind": kind, "date": day, "source": {**NQ_203, "number": number}, **more}


def plan_with(*bodies: dict, as_of: date = date(2026, 12, 1)):
    agencies = copy.deepcopy(AGENCIES)
    agencies["agencies"].extend(bodies)
    return plan_from_mappings(agencies, plan_data(), as_of=as_of)


def test_an_ended_body_ends_on_its_day_and_is_active_until_the_day_before():
    life = plan_with(body("a", events=[event("ket-thuc", "2025-07-01")])).lifecycle
    end = life.end_of("a")
    assert end.date == date(2025, 7, 1) and not end.by_members
    assert [s.citation for s in end.sources] == [
        "Nghị quyết số 1/TN ngày 16/6/2025 của Ủy ban nhân dân tỉnh"]
    assert life.is_active("a", date(2025, 6, 30))
    assert not life.is_active("a", date(2025, 7, 1))
    assert not life.is_active("a", date(2026, 1, 1))
    assert life.ended_by(date(2025, 7, 1)) == ("a",) and life.ended_by(date(2025, 6, 30)) == ()


def test_a_body_without_an_ending_event_never_ends():
    life = plan_with(body("a"), body("b", events=[event("sap-xep", "2025-07-01")]),
                     body("c", events=[event("doi-ten", "2020-01-01", new_name="Cơ quan C mới")])
                     ).lifecycle
    assert [life.end_of(x) for x in "abc"] == [None, None, None]
    assert life.is_active("b", date(2030, 1, 1))
    assert life.events_of("b")[0].kind is EventKind.REORGANISED and life.events_of("a") == ()


def test_a_group_ends_when_all_its_members_ended_on_the_latest_of_their_days():
    life = plan_with(
        body("a", events=[event("ket-thuc", "2025-07-01", "203/2025/QH15")]),
        body("b", events=[event("ket-thuc", "2025-03-01", "9/TN")]),
        body("g", group=True, members=["a", "b"]),
    ).lifecycle
    end = life.end_of("g")
    assert end.by_members and end.date == date(2025, 7, 1)
    assert [e.agency for e in end.events] == ["a", "b"]
    assert [s.number for s in end.sources] == ["203/2025/QH15", "9/TN"]
    # Between the two days, the group stands with its one active member.
    assert life.is_active("g", date(2025, 5, 1))
    assert life.active_members("g", date(2025, 5, 1)) == ("a",)
    assert not life.is_active("g", date(2025, 7, 1))


def test_a_group_with_one_member_still_active_has_not_ended():
    life = plan_with(body("a", events=[event("ket-thuc", "2025-07-01")]), body("b"),
                     body("g", group=True, members=["a", "b"])).lifecycle
    assert life.end_of("g") is None and life.is_active("g", date(2030, 1, 1))


def test_a_group_with_no_members_listed_is_not_ended_by_the_rule():
    life = plan_with(body("g", group=True)).lifecycle
    assert life.end_of("g") is None


def test_a_group_of_groups_ends_through_its_members():
    life = plan_with(
        body("a", events=[event("ket-thuc", "2025-07-01")]),
        body("g", group=True, members=["a"]),
        body("h", group=True, members=["g"]),
    ).lifecycle
    assert life.ended_on("h") == date(2025, 7, 1) and life.end_of("h").by_members


def test_a_groups_own_ending_event_comes_before_the_rule():
    life = plan_with(body("a"), body("g", group=True, members=["a"],
                                     events=[event("ket-thuc", "2024-01-01")])).lifecycle
    assert life.ended_on("g") == date(2024, 1, 1) and not life.end_of("g").by_members


def test_successors_and_predecessors():
    life = plan_with(
        body("c"),
        body("a", events=[event("hop-nhat", "2025-03-01", successors=["c"])]),
        body("b", events=[event("chia-tach", "2025-03-01", successors=["c", "d"])]),
        body("d"),
    ).lifecycle
    assert life.successors_of("a") == ("c",) and life.successors_of("b") == ("c", "d")
    assert life.predecessors_of("c") == ("a", "b") and life.predecessors_of("d") == ("b",)
    assert life.successors_of("c") == () and life.predecessors_of("a") == ()
    assert life.ended_on("a") == life.ended_on("b") == date(2025, 3, 1)
    assert life.end_of("c") is None


def test_a_renamed_body_keeps_the_plans_name_before_the_day_and_the_new_one_after():
    life = plan_with(body("a", events=[event("doi-ten", "2025-03-01",
                                             new_name="Cơ quan A mới")])).lifecycle
    assert life.name_on("a", date(2025, 2, 28)) == "Cơ quan A"
    assert life.name_on("a", date(2025, 3, 1)) == "Cơ quan A mới"
    assert life.end_of("a") is None


def refusal(*bodies: dict) -> tuple[str, str]:
    """The one problem a registry raises (file, line and field are checked on the real files by
    tests/fixtures/bad_data.yaml)."""
    with pytest.raises(DataError) as caught:
        plan_with(*bodies)
    [problem] = caught.value.problems
    return problem.field, problem.message


def test_a_merge_without_successor_is_refused():
    _, message = refusal(body("a", events=[event("hop-nhat", "2025-03-01")]))
    assert message == "Thay đổi «hop-nhat» phải nêu cơ quan kế thừa («successors»)."


def test_a_renaming_without_new_name_is_refused():
    _, message = refusal(body("a", events=[event("doi-ten", "2025-03-01")]))
    assert message == "Thay đổi «doi-ten» phải có tên mới («new_name»)."


def test_events_out_of_order_or_after_the_end_are_refused():
    field, message = refusal(body("a", events=[event("sap-xep", "2025-07-01"),
                                               event("sap-xep", "2025-03-01")]))
    assert field.endswith("events")
    assert message.startswith("Các thay đổi của «a» phải theo thứ tự ngày")
    _, message = refusal(body("a", events=[
        event("ket-thuc", "2025-03-01"), event("doi-ten", "2025-07-01", new_name="Cơ quan X")]))
    assert message.startswith("Các thay đổi của «a» phải theo thứ tự ngày")


def test_a_body_succeeding_itself_is_a_cycle():
    field, message = refusal(body("a", events=[event("hop-nhat", "2025-03-01", successors=["a"])]))
    assert field.endswith("events") and "vòng lặp: «a» → «a»" in message


def test_a_longer_cycle_is_found_at_the_body_that_closes_it():
    field, message = refusal(
        body("a", events=[event("hop-nhat", "2025-03-01", successors=["b"])]),
        body("b", events=[event("hop-nhat", "2025-04-01", successors=["c"])]),
        body("c", events=[event("hop-nhat", "2025-05-01", successors=["a"])]),
    )
    assert field == "events"  # a mapping in memory has no lines: the last key only
    assert "«c» → «a» → «b» → «c»" in message


def test_an_event_before_the_plan_is_refused_in_memory_too():
    field, message = refusal(body("a", events=[event("ket-thuc", "2018-07-01")]))
    assert field == "date"
    assert "Ngày thay đổi 01/7/2018 của «a» trước ngày ban hành Kế hoạch (02/7/2018)" in message


# --- The real data --------------------------------------------------------------------------

DISTRICT_BODIES = ["ubnd-thanh-pho-tuyen-quang", "ubnd-huyen-chiem-hoa", "ubnd-huyen-lam-binh",
                   "ubnd-huyen-na-hang", "ubnd-huyen-ham-yen", "ubnd-huyen-yen-son",
                   "ubnd-huyen-son-duong"]


@pytest.fixture(scope="module")
def real():
    return load(as_of=date(2026, 12, 1))


def test_every_district_body_ended_on_1_july_2025_by_resolution_203(real):
    life = real.lifecycle
    for agency_id in DISTRICT_BODIES:
        end = life.end_of(agency_id)
        assert end.date == date(2025, 7, 1) and not end.by_members, agency_id
        [source] = end.sources
        assert (source.kind, source.number, source.date, source.issuer) == (
            "Nghị quyết", "203/2025/QH15", date(2025, 6, 16), "quoc-hoi")
        assert life.successors_of(agency_id) == ()  # the resolution names none here


def test_the_district_group_ends_by_its_members(real):
    end = real.lifecycle.end_of("ubnd-huyen-thanh-pho")
    assert end.by_members and end.date == date(2025, 7, 1)
    assert {e.agency for e in end.events} == set(DISTRICT_BODIES)
    assert [s.citation for s in end.sources] == [
        "Nghị quyết số 203/2025/QH15 ngày 16/6/2025 của Quốc hội"]
    assert real.lifecycle.events_of("ubnd-huyen-thanh-pho") == ()  # derived, not entered


def test_the_province_continues_with_resolution_202_recorded(real):
    life = real.lifecycle
    for agency_id in ("ubnd-tinh", "hdnd-tinh"):
        [change] = life.events_of(agency_id)
        assert change.kind is EventKind.REORGANISED and not change.ends
        assert change.source.citation == "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội"
        assert life.is_active(agency_id, date(2026, 12, 1))


def test_only_the_cited_changes_are_in_the_real_data(real):
    life = real.lifecycle
    assert {e.agency for e in life.events} == {*DISTRICT_BODIES, "ubnd-tinh", "hdnd-tinh"}
    assert set(life.ended_by(date(2026, 12, 1))) == {*DISTRICT_BODIES, "ubnd-huyen-thanh-pho"}
    # A group with an ended member and active ones stands: «Các cơ quan, đơn vị».
    assert life.is_active("cac-co-quan-don-vi", date(2026, 12, 1))
    assert all(e.source.url is None for e in life.events)  # no link was found: none is guessed


def test_the_later_documents_are_recorded_with_their_source_and_never_as_the_plans_end(real):
    later = real.lifecycle.later
    assert [(d.source.number, d.source.date) for d in later] == [
        ("121-KL/TW", date(2025, 1, 24)), ("210-KL/TW", date(2025, 11, 12))]
    assert later[0].quote is None and later[0].description
    assert later[1].quote.part == "Trích yếu" and later[1].quote.url.startswith("https://")
    assert real.data.standing == []  # recording them says nothing of the plan's standing
