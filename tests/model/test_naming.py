"""Task names: the leading clause of each task's own words, then its number."""
from __future__ import annotations

import unicodedata

import pytest

from macros.model.naming import ELLIPSIS, MAX_CLAUSE, SEPARATOR, task_clause, task_name
from tests.support.plans import load

PLAN = load()


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("task", PLAN.tasks, ids=lambda t: t.id)
def test_every_name_is_a_prefix_of_the_task_text_then_its_number(task):
    name = task.name
    clause, number = name.rsplit(SEPARATOR, 1)
    assert number == task.label
    assert unicodedata.is_normalized("NFC", name)
    assert 0 < len(clause) <= MAX_CLAUSE
    text = words(task.text)
    body = clause.removesuffix(ELLIPSIS)
    assert text.startswith(body), task.id
    # It ends between two words: the text goes on with a space or a mark, never a letter.
    rest = text[len(body):]
    assert rest == "" or not rest[0].isalnum(), (task.id, rest[:10])
    assert not body.endswith((",", ";", ":", " ")), task.id
    # "…" marks a clause cut for length, and only that.
    if clause.endswith(ELLIPSIS):
        assert len(text) > len(body)
    assert task_clause(task.text) == clause


def test_names_are_unique():
    names = [task.name for task in PLAN.tasks]
    assert len(set(names)) == len(names) == 49


# Checked by hand against data/plan.yaml.
@pytest.mark.parametrize(("task_id", "name"), [
    # The clause ends at "(": the timeframe in brackets is not part of the name.
    ("ii-3-1-2", "Hướng dẫn rà soát, xây dựng Đề án sáp nhập các thôn, tổ dân phố — II.3.1, ý 2"),
    ("ii-3-1-3", "Rà soát, sắp xếp, tổ chức lại đơn vị hành chính cấp xã — II.3.1, ý 3"),
    # The clause ends at ";": cut, so marked "…" (the plan goes on).
    ("ii-2-1-5", "Không thành lập mới tổ chức trung gian… — II.2.1.5"),
    ("ii-2-2-9", "Hằng năm, tổng hợp, báo cáo kết quả thực hiện… — II.2.2.9"),
    ("ii-3-2-1", "Tham mưu, hướng dẫn việc thực hiện cải cách thủ tục hành chính… — II.3.2, ý 1"),
    # The clause ends at a full stop; the hyphen of "khoa học - công nghệ" stays.
    ("ii-2-2-5", ("Đẩy mạnh ứng dụng khoa học - công nghệ, xây dựng chính quyền điện tử, đô thị "
                  "thông minh… — II.2.2.5")),
    # Too long: cut between two words, marked "…", trailing comma dropped.
    ("ii-2-1-1", ("Xây dựng kế hoạch thực hiện có hiệu quả các Nghị quyết, Kế hoạch của Trung "
                  "ương, của tỉnh… — II.2.1.1")),
    ("iii-3-1", ("Đẩy mạnh công tác thông tin tuyên truyền, mở các chuyên trang, chuyên mục, "
                 "thường xuyên… — III.3")),
])
def test_names_checked_by_hand(task_id, name):
    assert PLAN.task(task_id).name == name


def test_clause_rules_on_made_up_text():
    assert task_clause("Một  việc\nngắn.") == "Một việc ngắn"
    assert task_clause("Làm A; làm B") == "Làm A…"  # cut: the text goes on
    assert task_clause("Làm A (năm 2018); làm B") == "Làm A…"
    assert task_clause("Làm A (năm 2018)") == "Làm A"
    # "1.000" and "phòng..." in mid-sentence are not the end of a sentence.
    assert task_clause("Giảm 1.000 người") == "Giảm 1.000 người"
    long = "một " * 40
    cut = task_clause(long)
    assert cut.endswith(ELLIPSIS) and len(cut) <= MAX_CLAUSE
    assert long.startswith(cut.removesuffix(ELLIPSIS) + " ")
    # Nothing before the first mark: the words after it, not an empty name.
    assert task_clause("(a) làm B; làm C") == "(a) làm B; làm C"
    assert task_clause("") == ""
    assert task_name("Làm A; làm B", "II.1") == "Làm A… — II.1"
