"""Open data: every task with its current state and full report history, as JSON and as CSV.

The fields are declared once here; the files, their CSV headers and the documentation table on
the site are all written from these declarations, so they cannot drift apart.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import routes
from ..model.plan import Plan, Task
from ..model.reports import Report


@dataclass(frozen=True)
class Field:
    key: str
    meaning: str  # in Vietnamese: shown on the open data page
    get: Callable[..., Any]


def _iso(day) -> str | None:
    return day.isoformat() if day else None


TASK_FIELDS = [
    Field("ma", "Mã nhiệm vụ, cố định (ví dụ ii-2-1-1); cũng là địa chỉ trang /nhiem-vu/<mã>/.",
          lambda plan, t: t.id),
    Field("muc", "Vị trí trong Kế hoạch (ví dụ II.2.1.1, hoặc II.3.1, ý 2).", lambda plan, t: t.label),
    Field("noi_dung", "Lời văn của nhiệm vụ, nguyên văn Kế hoạch.", lambda plan, t: t.text),
    Field("chu_tri", "Mã các cơ quan chủ trì (theo danh mục cơ quan).",
          lambda plan, t: list(t.role_agencies("lead"))),
    Field("phoi_hop", "Mã các cơ quan phối hợp.", lambda plan, t: list(t.role_agencies("partners"))),
    Field("cho_y_kien", "Mã các cơ quan có thẩm quyền cho ý kiến (theo Phụ lục).",
          lambda plan, t: list(t.role_agencies("consulted"))),
    Field("quyet_dinh", "Mã các cơ quan có thẩm quyền quyết định (theo Phụ lục).",
          lambda plan, t: list(t.role_agencies("deciding"))),
    Field("phu_luc", "Số thứ tự các dòng Phụ lục tóm tắt nhiệm vụ này.",
          lambda plan, t: [row.number for row in t.appendix_rows]),
    Field("thoi_han_nguyen_van", "Cụm thời gian như Kế hoạch viết (nếu có).",
          lambda plan, t: t.timeframe.text if t.timeframe else None),
    Field("bat_dau", "Ngày bắt đầu theo Kế hoạch (NĂM-THÁNG-NGÀY), nếu có.",
          lambda plan, t: _iso(t.schedule.start if t.schedule else None)),
    Field("han_hoan_thanh", "Hạn hoàn thành theo Kế hoạch, nếu có.", lambda plan, t: _iso(t.due)),
    Field("han_dieu_chinh", "Hạn hoàn thành đã điều chỉnh theo báo cáo, nếu có.",
          lambda plan, t: _iso(plan.status(t).revised_due)),
    Field("lap_lai", "Cách lặp lại: none (một lần), continuous (thường xuyên), yearly (hằng năm), "
          "per_plan (theo kế hoạch riêng).", lambda plan, t: t.recurrence.value),
    Field("trang_thai", "Trạng thái hiện nay, tính đến ngày dựng dữ liệu.",
          lambda plan, t: plan.status(t).state.label),
    Field("ma_trang_thai", "Mã trạng thái: chua-co-bao-cao, chua-trien-khai, dang-thuc-hien, "
          "qua-han, tam-dung, hoan-thanh-dung-han, hoan-thanh-cham, hoan-thanh, khong-con-ap-dung.",
          lambda plan, t: plan.status(t).state.slug),
    Field("phan_tram", "Tỷ lệ hoàn thành (%) theo báo cáo gần nhất, nếu có.",
          lambda plan, t: plan.status(t).percent),
    Field("ngay_bao_cao_gan_nhat", "Ngày của báo cáo gần nhất, nếu có.",
          lambda plan, t: _iso(plan.status(t).last.date if plan.status(t).last else None)),
]

REPORT_FIELDS = [
    Field("ma_nhiem_vu", "Mã nhiệm vụ được báo cáo.", lambda task, r: task.id),
    Field("ngay", "Ngày báo cáo.", lambda task, r: r.date.isoformat()),
    Field("trang_thai", "Trạng thái được báo cáo: chưa triển khai, đang thực hiện, hoàn thành, "
          "tạm dừng, không còn áp dụng.", lambda task, r: r.state.value),
    Field("phan_tram", "Tỷ lệ hoàn thành (%), nếu có.", lambda task, r: r.percent),
    Field("ket_qua", "Những việc đã làm.", lambda task, r: r.done),
    Field("can_cu", "Văn bản làm căn cứ: số hiệu và đường dẫn (nếu có).",
          lambda task, r: [{"so_hieu": e.number, "duong_dan": e.url} for e in r.evidence]),
    Field("co_quan_bao_cao", "Mã cơ quan báo cáo.", lambda task, r: r.reporter),
    Field("ngay_hoan_thanh", "Ngày hoàn thành, với báo cáo «hoàn thành».",
          lambda task, r: _iso(r.completed_on)),
    Field("han_dieu_chinh", "Hạn mới, nếu báo cáo ghi nhận việc điều chỉnh hạn.",
          lambda task, r: _iso(r.revised_due)),
    Field("ghi_chu", "Ghi chú.", lambda task, r: r.note),
]


def task_record(plan: Plan, task: Task) -> dict[str, Any]:
    record = {f.key: f.get(plan, task) for f in TASK_FIELDS}
    record["bao_cao"] = [report_record(task, r) for r in plan.status(task).reports]
    return record


def report_record(task: Task, report: Report) -> dict[str, Any]:
    return {f.key: f.get(task, report) for f in REPORT_FIELDS}


def as_json(plan: Plan) -> str:
    document = {
        "ke_hoach": {"so": plan.document.number, "ngay": plan.document.date.isoformat()},
        "tinh_den_ngay": plan.as_of.isoformat(),
        "so_lieu_cap_nhat_den": _iso(plan.data_as_of),
        "minh_hoa": plan.demo,
        "nhiem_vu": [task_record(plan, task) for task in plan.tasks],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) if not isinstance(v, dict) else " ".join(
            str(x) for x in v.values() if x) for v in value)
    return str(value)


def _csv(fields: list[Field], rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([f.key for f in fields])
    for row in rows:
        writer.writerow([_cell(row[f.key]) for f in fields])
    # A byte order mark, so that Excel reads the file as UTF-8 and shows Vietnamese correctly.
    return "\ufeff" + out.getvalue()


def tasks_csv(plan: Plan) -> str:
    return _csv(TASK_FIELDS, [task_record(plan, task) for task in plan.tasks])


def reports_csv(plan: Plan) -> str:
    rows = [report_record(t, r) for t in plan.tasks for r in plan.status(t).reports]
    return _csv(REPORT_FIELDS, rows)


FILES = {
    routes.TASKS_JSON: as_json,
    routes.TASKS_CSV: tasks_csv,
    routes.REPORTS_CSV: reports_csv,
}
