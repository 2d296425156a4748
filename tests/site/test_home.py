"""What the home page says in its own words holds against the facts checked by hand
(tests/model/test_facts.py), not against the code that wrote it."""
from __future__ import annotations

from tests.conftest import soup
from tests.model.test_facts import APPENDIX, FACTS


def figures(site) -> dict[str, int]:
    page = soup(site / "index.html")
    return {li.select_one(".figures__label").get_text(strip=True):
            int(li.select_one(".figures__value").get_text()) for li in page.select(".figures li")}


def test_the_figures_are_the_facts(site):
    shown = figures(site)
    with_due = [f for f in FACTS if f.due_date]
    # Two tasks are reporting duties ("Định kỳ 15 ngày ..."): their dates are the calendar's.
    reporting = {"iii-1-2", "iii-2-2"}
    undated = [f for f in FACTS if f.timeframe is None and not f.rows and f.id not in reporting]
    # 49 is the site's split of the text: the label says so (the plan states no count).
    assert shown["nhiệm vụ, theo cách trang web chia các mục và ý của Kế hoạch"] == len(FACTS) == 49
    assert shown["nội dung trọng tâm trong Phụ lục"] == len(APPENDIX) == 21
    assert shown["nhiệm vụ có hạn hoàn thành"] == len(with_due) == 15
    # iii-3-1 among them: its «thường xuyên» qualifies «đăng tải các tin, bài» only (line 100).
    assert shown["nhiệm vụ không ghi thời hạn"] == len(undated) == 6
    assert shown["nhiệm vụ báo cáo định kỳ, theo lịch báo cáo"] == len(reporting)
    leads = {a for f in FACTS for kind, _, agencies, _ in f.roles if kind == "lead" for a in agencies}
    assert shown["cơ quan, nhóm cơ quan được giao theo lời văn (nhóm của trang web: «Trách nhiệm "
                 "thực hiện», «Chủ trì» và cơ quan được nêu tên không kèm thuật ngữ)"] == len(leads)


def test_the_opening_paragraph_claims_only_what_holds(site):
    home = soup(site / "index.html")
    lead = " ".join(home.select_one(".home .lead").get_text().split())
    lead += " " + " ".join(home.select_one(".home .split").get_text().split())
    without_roles = sum(1 for f in FACTS if not f.roles)
    assert without_roles == 9  # 2.2.1–2.2.9: section 2.2 names no agency
    assert "Kế hoạch nêu 49" not in lead
    assert ("Trang web chia các mục và ý của Kế hoạch thành 49 nhiệm vụ (Kế hoạch không tự nêu "
            f"con số này); lời văn nêu cơ quan thực hiện cho {49 - without_roles} nhiệm vụ, 15 "
            "nhiệm vụ có hạn hoàn thành và 6 nhiệm vụ không ghi thời hạn.") in lead
    assert "mỗi nhiệm vụ" not in lead.lower()
    assert "định kỳ 15 ngày" in lead  # "Định kỳ 15 ngày báo cáo 1 lần" (III.1)
