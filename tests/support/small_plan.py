"""A small plan in memory, through the real checks (macros.load.plan_from_mappings): three tasks,
one Phụ lục row shared by two of them, three agencies. View and template tests use it without
building the site."""
from __future__ import annotations

from datetime import date

from macros.load import plan_from_mappings
from macros.model.paging import PAGE_LIMIT
from macros.model.plan import Plan
from macros.views.edition import Edition

from .plans import edition

AGENCIES = {"agencies": [
    {"id": "ubnd", "name": "Ủy ban nhân dân tỉnh", "kind": "hanh-chinh", "level": "tinh",
     "spellings": ["Ủy ban nhân dân tỉnh"]},
    {"id": "ban-a", "name": "Ban A", "kind": "chuyen-mon", "level": "tinh", "spellings": ["Ban A"]},
    {"id": "ban-b", "name": "Ban B", "kind": "chuyen-mon", "level": "tinh", "spellings": ["Ban B"]},
]}

COLUMNS = ["TT", "Nội dung nhiệm vụ", "Cơ quan, đơn vị chủ trì tham mưu",
           "Cơ quan, đơn vị phối hợp", "Cơ quan có thẩm quyền cho ý kiến",
           "Cơ quan có thẩm quyền quyết định", "Thời gian thực hiện", "Thời gian hoàn thành"]


def plan_data() -> dict:
    return {
        "document": {"heading": "KẾ HOẠCH", "title": "THỬ NGHIỆM", "kind": "Kế hoạch",
                     "number": "1/KH-TN", "date": "2018-07-02", "issuer": "ubnd",
                     "place": "Tuyên Quang",
                     "signature": {"authority": "TM. ỦY BAN", "position": "CHỦ TỊCH",
                                   "name": "Người Ký"}},
        "implements": [{"id": "nq-1", "kind": "Nghị quyết", "number": "1-NQ", "date": "2017-01-01",
                        "issuer": "ubnd", "short_name": "Nghị quyết số 1-NQ",
                        "subject": "Thử nghiệm"}],
        "preamble": ["Thực hiện Nghị quyết số 1-NQ (sau đây gọi tắt là Nghị quyết số 1-NQ);"],
        "parts": [
            {"number": "I", "title": "MỤC ĐÍCH", "content": [{"paragraph": "Mục đích."}]},
            {"number": "II", "title": "NỘI DUNG", "content": [
                {"section": "1", "title": "Nhiệm vụ chung", "content": [
                    {"task": "t-1", "number": "1.1", "lines": True,
                     "text": "Xây dựng kế hoạch.",
                     "lead": {"text": "Ban A", "agencies": ["ban-a"]},
                     "timeframe": {"text": "Hoàn thành trong năm 2018", "line": True}},
                ]},
                {"section": "2", "title": "Ban A:",
                 "lead": {"text": "Ban A", "agencies": ["ban-a"]},
                 "content": [
                    {"task": "t-2", "bullet": True, "lead_term": "Chủ trì",
                     "text": "Chủ trì, phối hợp với Ban B rà soát tổ chức (thực hiện từ năm 2018 "
                             "và hoàn thành trong năm 2019).",
                     "partners": {"text": "Ban B", "agencies": ["ban-b"]},
                     "timeframe": {"text": "thực hiện từ năm 2018 và hoàn thành trong năm 2019"}},
                    {"task": "t-3", "bullet": True, "text": "Sơ kết việc rà soát."},
                 ]},
            ]},
            {"number": "III", "title": "TỔ CHỨC THỰC HIỆN", "content": [
                {"paragraph": "Báo cáo định kỳ."}]},
        ],
        "closing": "Trên đây là Kế hoạch.",
        "recipients": {"heading": "Nơi nhận:",
                       "lines": [{"text": "Ban A;", "agencies": ["ban-a"]}]},
        "appendix": {
            "title": "PHỤ LỤC", "subtitle": "THỬ NGHIỆM", "attached": "(kèm theo)",
            "columns": COLUMNS,
            "rows": [{"number": 1, "tasks": ["t-2", "t-3"], "content": "Rà soát tổ chức",
                      "lead": {"text": "Ban A; Ban B", "agencies": ["ban-a", "ban-b"]},
                      "deciding": {"text": "Ủy ban nhân dân tỉnh", "agencies": ["ubnd"]},
                      "start": "Từ năm 2018", "completion": "Thường xuyên"}],
        },
    }


def small_plan(as_of: date = date(2020, 6, 1), reports: dict | None = None) -> Plan:
    return plan_from_mappings(AGENCIES, plan_data(), as_of=as_of, reports=reports)


def small_edition(as_of: date = date(2020, 6, 1), reports: dict | None = None,
                  page_limit: int = PAGE_LIMIT, demo: bool = False) -> Edition:
    """The small plan as a build shows it. `page_limit`: a low one cuts the lists that grow
    with the plan into pages, as a plan many times the real one would be."""
    return edition(small_plan(as_of, reports), demo=demo, page_limit=page_limit)
