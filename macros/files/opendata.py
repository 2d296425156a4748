"""Open data: every task with its current state and full report history, as JSON, as CSV and as
a spreadsheet.

The fields are declared once here; the files, their CSV headers and the documentation table on
the site are all written from these declarations, so they cannot drift apart. The CSV and the
spreadsheet (macros.files.xlsx) are two writers of one typed table (`Table`): the same headings
and rows, a date kept a date.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import routes
from ..model.lifecycle import Event, Source
from ..model.plan import Task
from ..model.reports import Report
from ..model.roles import kind_group
from ..model.schema import Agency
from ..views.edition import Edition


@dataclass(frozen=True)
class Field:
    """One field of the open data: its value comes from the model's answer (`get`); the JSON
    carries the value as it is, a table cell (CSV, and any other table writer) is `cell(value)`."""

    key: str  # the JSON key
    header: str  # the CSV column heading, in Vietnamese
    meaning: str  # in Vietnamese: shown on the open data page
    get: Callable[..., Any]
    cell: Callable[[Any], str] | None = None  # a table cell; default: _cell

    def format(self, value: Any) -> str:
        return (self.cell or _cell)(value)


class IsoDate(str):
    """A day as open data writes it (NĂM-THÁNG-NGÀY), that still knows it is a day: the JSON and
    the CSV write the text, the spreadsheet a date cell."""

    @property
    def day(self) -> date:
        return date.fromisoformat(self)


def _iso(day) -> IsoDate | None:
    return IsoDate(day.isoformat()) if day else None


# The kinds of role as open-data codes (permanent): the site's groups of the sources' terms.
# "chu-tri" groups «Trách nhiệm thực hiện», «Chủ trì» and the leads the body names with no term,
# and the Phụ lục's «Cơ quan, đơn vị chủ trì tham mưu».
KIND_CODES = {"lead": "chu-tri", "partners": "phoi-hop", "consulted": "cho-y-kien",
              "deciding": "quyet-dinh"}


def _names(edition: Edition, ids) -> list[str]:
    return [edition.plan.agency(a).name for a in ids]


def _role_cell(value: list[dict[str, Any]]) -> str:
    """Roles in a cell, in the source's words, one a line (the words may hold a «;»): "Thực
    hiện: Ủy ban nhân dân huyện, thành phố"; a Phụ lục role says its row."""
    return "\n".join(
        f"{r['nhan']}" + (f" (Phụ lục, dòng {r['dong_phu_luc']})" if r["dong_phu_luc"] else "")
        + f": {r['loi_van']}" for r in value)


def _roles(edition: Edition, roles) -> list[dict[str, Any]]:
    return [{"loai": KIND_CODES[role.kind], "thuat_ngu": role.term, "nhan": role.label,
             "loi_van": role.text,
             "ma_co_quan": list(role.agencies), "ten_co_quan": _names(edition, role.agencies),
             "tieu_de_muc": role.heading, "dong_phu_luc": role.row} for role in roles]


def _appendix_agencies(task: Task, kind: str) -> list[str]:
    return [a for row in task.appendix_rows for role in row.roles if role.kind == kind
            for a in role.agencies]


def _period(period) -> dict[str, Any] | None:
    """A period with the precision of its words, never a made-up day: "năm 2018" is 2018; its
    words exactly as the plan writes them ("Quý I năm 2019", "trước năm 2020")."""
    if period is None:
        return None
    return {"do_chinh_xac": period.precision.value, "gia_tri": period.code,
            "loi_van": period.written or period.words}


def _status(edition: Edition, task: Task):
    return edition.plan.facts(task).status


def _facts(edition: Edition, task: Task):
    return edition.plan.facts(task)


# Every row of the task and report tables says whether its states and reports are illustrative
# (a demo build, tests/fixtures/demo) or not: the mark travels with a row copied elsewhere.
DEMO_FIELD = Field(
    "minh_hoa", "Dữ liệu minh họa",
    "true (trong CSV: «có») khi trạng thái và báo cáo là số liệu minh họa của bản trình diễn, "
    "không phải báo cáo thật của cơ quan nào; false («không») trên trang web thật.",
    lambda edition, *_: edition.demo)

# The site's name for the group of the body's lead terms; never a term of the plan.
LEAD_GROUP = kind_group("lead")

TASK_FIELDS = [
    Field("ma", "Mã nhiệm vụ",
          "Mã nhiệm vụ, cố định (ví dụ ii-2-1-1); cũng là địa chỉ trang /nhiem-vu/<mã>/.",
          lambda edition, t: t.id),
    Field("muc", "Mục", "Vị trí trong Kế hoạch (ví dụ II.2.1.1, hoặc II.3.1, ý 2).",
          lambda edition, t: t.label),
    Field("noi_dung", "Nội dung", "Lời văn của nhiệm vụ, nguyên văn Kế hoạch.",
          lambda edition, t: t.text),
    Field("trach_nhiem", "Trách nhiệm theo lời văn",
          "Vai trò theo lời văn Kế hoạch (không gồm Phụ lục): mỗi vai trò có loại (chu-tri, "
          "phoi-hop, cho-y-kien, quyet-dinh), thuật ngữ văn bản dùng («Trách nhiệm thực hiện», "
          "«Chủ trì», «Phối hợp với»; null khi lời văn nêu tên cơ quan ở tiêu đề mục hoặc làm "
          "chủ ngữ của câu mà không kèm thuật ngữ nào), nhãn trang web ghi (thuật ngữ đó, hoặc "
          "«Được nêu tên ở tiêu đề mục II.3.1», «Được nêu tên trong câu, không kèm thuật "
          "ngữ»), lời văn, mã và tên cơ quan trong danh mục của trang web, và mục có tiêu đề "
          "nêu tên cơ quan (nếu "
          "có). Trong CSV: mỗi vai trò một dòng, «nhãn: lời văn», lời văn đúng như Kế hoạch viết.",
          lambda edition, t: _roles(edition, t.roles), _role_cell),
    Field("chu_tri", f"Mã cơ quan {LEAD_GROUP}",
          f"Nhóm do trang web lập, không phải thuật ngữ của Kế hoạch: mã các cơ quan {LEAD_GROUP} "
          "(không gồm Phụ lục), dù lời văn dùng thuật ngữ nào. Thuật ngữ của từng nhiệm vụ ở "
          "cột «Trách nhiệm theo lời văn». Trống khi lời văn không nêu cơ quan nào.",
          lambda edition, t: list(t.role_agencies("lead"))),
    Field("chu_tri_ten", f"Cơ quan {LEAD_GROUP}", "Tên các cơ quan đó (cùng nhóm của trang web).",
          lambda edition, t: _names(edition, t.role_agencies("lead"))),
    Field("phoi_hop", "Mã cơ quan phối hợp",
          "Mã các cơ quan lời văn Kế hoạch giao phối hợp (không gồm Phụ lục).",
          lambda edition, t: list(t.role_agencies("partners"))),
    Field("phoi_hop_ten", "Cơ quan phối hợp", "Tên các cơ quan đó.",
          lambda edition, t: _names(edition, t.role_agencies("partners"))),
    Field("phu_luc", "Dòng Phụ lục", "Số thứ tự các dòng Phụ lục gắn với nhiệm vụ này.",
          lambda edition, t: [row.number for row in t.appendix_rows]),
    Field("phu_luc_vai_tro", "Vai trò theo Phụ lục",
          "Vai trò theo các dòng Phụ lục, ghi riêng, theo tiêu đề cột của Phụ lục (cơ quan chủ "
          "trì tham mưu, phối hợp, có thẩm quyền cho ý kiến, có thẩm quyền quyết định). Trong "
          "CSV: mỗi vai trò một dòng, «tiêu đề cột (Phụ lục, dòng N): lời văn của ô», đúng như Phụ "
          "lục viết.",
          lambda edition, t: _roles(edition, t.appendix_roles), _role_cell),
    Field("phu_luc_cho_y_kien", "Cơ quan có thẩm quyền cho ý kiến (Phụ lục)",
          "Tên các cơ quan có thẩm quyền cho ý kiến, theo Phụ lục.",
          lambda edition, t: _names(edition, _appendix_agencies(t, "consulted"))),
    Field("phu_luc_quyet_dinh", "Cơ quan có thẩm quyền quyết định (Phụ lục)",
          "Tên các cơ quan có thẩm quyền quyết định, theo Phụ lục.",
          lambda edition, t: _names(edition, _appendix_agencies(t, "deciding"))),
    Field("thoi_han_nguyen_van", "Thời hạn (nguyên văn)",
          "Cụm thời gian đúng như văn bản viết, ở nơi cột «Nguồn thời hạn» nêu: lời văn của nhiệm "
          "vụ, tiêu đề của mục, ô «Thời gian hoàn thành» của dòng Phụ lục (khi lời văn không ghi "
          "thời hạn), hoặc thời hạn của chế độ báo cáo; trống khi văn bản không ghi.",
          lambda edition, t: _facts(edition, t).dates.words),
    Field("thoi_han_nguon", "Nguồn thời hạn",
          "Nơi lấy thời hạn: «ke-hoach» (lời văn của nhiệm vụ), «tieu-de-muc II.2.2» (tiêu đề của "
          "mục), «phu-luc dong N» (lời văn không ghi, lấy theo Phụ lục), «che-do-bao-cao» (nhiệm "
          "vụ là chế độ báo cáo ở phần III), hoặc trống.",
          lambda edition, t: _facts(edition, t).dates.code),
    Field("bat_dau", "Bắt đầu",
          "Khoảng thời gian bắt đầu theo lời văn, đúng độ chính xác của lời văn (do_chinh_xac: "
          "nam, quy, thang; gia_tri: 2018, 2018-Q2, 2018-07), không bao giờ là một ngày tự đặt. "
          "Trong CSV: lời văn, ví dụ «năm 2018».",
          lambda edition, t: _period(t.schedule.start if t.schedule else None)),
    Field("han_hoan_thanh", "Hạn hoàn thành",
          "Hạn theo Kế hoạch, do trang web tính: ngày cuối cùng của khoảng thời gian lời văn ghi "
          "(NĂM-THÁNG-NGÀY), nếu có. Khi có hạn điều chỉnh, trạng thái tính theo hạn điều chỉnh.",
          lambda edition, t: _iso(_facts(edition, t).deadlines.original)),
    Field("han_hoan_thanh_khoang", "Khoảng thời gian hoàn thành",
          "Khoảng thời gian hoàn thành theo lời văn, với độ chính xác của lời văn. Trong CSV: "
          "lời văn.",
          lambda edition, t: _period(t.schedule.due if t.schedule else None)),
    Field("han_dieu_chinh", "Hạn điều chỉnh",
          "Hạn hoàn thành đã điều chỉnh theo báo cáo, nếu có: khi có, đây là hạn được áp dụng.",
          lambda edition, t: _iso(_facts(edition, t).deadlines.revised)),
    Field("lap_lai", "Lặp lại",
          "Cách lặp lại, theo lời văn: mot-lan (một lần, có hạn hoàn thành), "
          "tu-thoi-diem-bat-dau (chỉ ghi thời điểm bắt đầu, không ghi hạn hoàn thành), "
          "thuong-xuyen (thường xuyên), hang-nam (hằng năm), theo-ke-hoach-rieng (theo kế hoạch "
          "riêng), dinh-ky (báo cáo định kỳ theo phần III), khong-ghi (lời văn không ghi thời "
          "hạn).", lambda edition, t: _facts(edition, t).repetition.code),
    Field("trang_thai", "Trạng thái", "Trạng thái hiện nay, tính đến ngày dựng dữ liệu.",
          lambda edition, t: _status(edition, t).state.label),
    Field("ma_trang_thai", "Mã trạng thái",
          "Mã trạng thái: chua-co-bao-cao, chua-trien-khai, dang-thuc-hien, qua-han (quá hạn, chưa "
          "có báo cáo hoàn thành), tam-dung, hoan-thanh-dung-han, hoan-thanh-cham, hoan-thanh, "
          "khong-con-ap-dung.",
          lambda edition, t: _status(edition, t).state.slug),
    Field("qua_han_tu", "Quá hạn từ ngày",
          "Ngày đầu tiên nhiệm vụ quá hạn mà chưa có báo cáo hoàn thành (ngày sau hạn), nếu có.",
          lambda edition, t: _iso(_status(edition, t).overdue_since)),
    Field("so_ngay_qua_han", "Số ngày quá hạn",
          "Số ngày quá hạn tính đến ngày dựng dữ liệu, nếu có; khi mọi cơ quan được giao đã không "
          "còn, tính đến ngày trước ngày đó.",
          lambda edition, t: _facts(edition, t).overdue_days),
    Field("phan_tram", "Tỷ lệ hoàn thành (%)",
          "Tỷ lệ hoàn thành (%) theo báo cáo gần nhất, nếu có.",
          lambda edition, t: _status(edition, t).percent),
    Field("ngay_bao_cao_gan_nhat", "Ngày báo cáo gần nhất", "Ngày của báo cáo gần nhất, nếu có.",
          lambda edition, t: _iso(last.date if (last := _status(edition, t).last) else None)),
    DEMO_FIELD,
]

REPORT_FIELDS = [
    Field("ma_nhiem_vu", "Mã nhiệm vụ", "Mã nhiệm vụ được báo cáo.",
          lambda edition, task, r: task.id),
    Field("ngay", "Ngày báo cáo", "Ngày báo cáo.", lambda edition, task, r: _iso(r.date)),
    Field("trang_thai", "Trạng thái báo cáo", "Trạng thái được báo cáo: chưa triển khai, đang "
          "thực hiện, hoàn thành, tạm dừng, không còn áp dụng.",
          lambda edition, task, r: r.state.value),
    Field("phan_tram", "Tỷ lệ hoàn thành (%)", "Tỷ lệ hoàn thành (%), nếu có.",
          lambda edition, task, r: r.percent),
    Field("ket_qua", "Kết quả", "Những việc đã làm.", lambda edition, task, r: r.done),
    Field("can_cu", "Văn bản làm căn cứ", "Văn bản làm căn cứ: số hiệu và đường dẫn (nếu có).",
          lambda edition, task, r: [{"so_hieu": e.number, "duong_dan": e.url} for e in r.evidence]),
    Field("co_quan_bao_cao", "Mã cơ quan báo cáo", "Mã cơ quan báo cáo.",
          lambda edition, task, r: r.reporter),
    Field("co_quan_bao_cao_ten", "Cơ quan báo cáo", "Tên cơ quan báo cáo.",
          lambda edition, task, r: edition.plan.agency(r.reporter).name),
    Field("ngay_hoan_thanh", "Ngày hoàn thành", "Ngày hoàn thành, với báo cáo «hoàn thành».",
          lambda edition, task, r: _iso(r.completed_on)),
    Field("han_dieu_chinh", "Hạn mới", "Hạn mới, nếu báo cáo ghi nhận việc điều chỉnh hạn.",
          lambda edition, task, r: _iso(r.revised_due)),
    Field("ghi_chu", "Ghi chú", "Ghi chú.", lambda edition, task, r: r.note),
    DEMO_FIELD,
]


def task_record(edition: Edition, task: Task) -> dict[str, Any]:
    plan = edition.plan
    record = {f.key: f.get(edition, task) for f in TASK_FIELDS}
    record["bao_cao"] = [report_record(edition, task, r) for r in plan.status(task).reports]
    record["lich_su_trang_thai"] = [
        {"ngay": c.day.isoformat(), "truoc": c.before.slug if c.before else None,
         "sau": c.after.slug, "nguyen_nhan": c.cause.value, "han": _iso(c.deadline)}
        for c in plan.facts(task).history]
    return record


def report_record(edition: Edition, task: Task, report: Report) -> dict[str, Any]:
    return {f.key: f.get(edition, task, report) for f in REPORT_FIELDS}


def as_json(edition: Edition) -> str:
    plan = edition.plan
    document = {
        "ke_hoach": {"so": plan.document.number, "ngay": plan.document.date.isoformat()},
        "tinh_den_ngay": plan.as_of.isoformat(),
        "so_lieu_cap_nhat_den": _iso(plan.data_as_of),
        "minh_hoa": edition.demo,
        # What is known of the plan's validity; empty when nothing is recorded.
        "hieu_luc": [{"tinh_trang": r.status.value, "tu_ngay": _iso(r.since), "can_cu": r.source,
                      "duong_dan": r.url} for r in plan.data.standing],
        "nhiem_vu": [task_record(edition, task) for task in plan.tasks],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _cell(value: Any) -> str:
    """A value as one CSV cell: lists joined by "; ", a role as "term: agencies", a period as
    its words."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        if "thuat_ngu" in value:
            where = f" (Phụ lục, dòng {value['dong_phu_luc']})" if value["dong_phu_luc"] else ""
            return f"{value['thuat_ngu']}{where}: {', '.join(value['ten_co_quan'])}"
        if "do_chinh_xac" in value:
            return value["loi_van"]
        if "trich_dan" in value:  # a cited document
            return value["trich_dan"]
        if "can_cu" in value:  # a change of a body
            return f"{value['ngay']}: {value['loai_ten']} ({value['can_cu']['trich_dan']})"
        return " ".join(str(x) for x in value.values() if x)
    return str(value)


# A cell of the table: a day, a whole number, a text, or nothing.
Cell = date | int | str | None


def _typed(field: Field, value: Any) -> Cell:
    """A value as one cell: a day stays a day and a number a number; the rest is text, as the
    field formats it, and an empty text (an empty list) is no value."""
    if isinstance(value, IsoDate):
        return value.day
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    return field.format(value) or None


@dataclass(frozen=True)
class Table:
    """One open-data table: its fields (headings) and its rows of typed cells."""

    fields: tuple[Field, ...]
    rows: tuple[tuple[Cell, ...], ...]

    @classmethod
    def of(cls, fields: list[Field], records: list[dict[str, Any]]) -> Table:
        return cls(tuple(fields), tuple(tuple(_typed(f, record[f.key]) for f in fields)
                                        for record in records))

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(f.header for f in self.fields)


def tasks_table(edition: Edition) -> Table:
    """A row per task: nhiem-vu.csv and nhiem-vu.xlsx."""
    plan = edition.plan
    return Table.of(TASK_FIELDS, [task_record(edition, task) for task in plan.tasks])


def reports_table(edition: Edition) -> Table:
    """A row per report: bao-cao.csv and bao-cao.xlsx."""
    plan = edition.plan
    return Table.of(REPORT_FIELDS, [report_record(edition, t, r) for t in plan.tasks
                                    for r in plan.status(t).reports])


def _text(cell: Cell) -> str:
    return "" if cell is None else cell.isoformat() if isinstance(cell, date) else str(cell)


def _csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([_text(cell) for cell in row])
    # A byte order mark, so that Excel reads the file as UTF-8 and shows Vietnamese correctly.
    return "\ufeff" + out.getvalue()


def tasks_csv(edition: Edition) -> str:
    return _csv(tasks_table(edition))


def reports_csv(edition: Edition) -> str:
    return _csv(reports_table(edition))


# --- Bodies and their life since the plan (macros.model.lifecycle) ------------------------------


def _source(source: Source) -> dict[str, Any]:
    return {"loai": source.kind, "so_hieu": source.number, "ngay": source.date.isoformat(),
            "co_quan_ban_hanh": source.issuer, "co_quan_ban_hanh_ten": source.issuer_name,
            "trich_yeu": source.title, "duong_dan": source.url, "trich_dan": source.citation}


EVENT_FIELDS = [
    Field("ma_co_quan", "Mã cơ quan", "Mã cơ quan có thay đổi.", lambda edition, e: e.agency),
    Field("ten_co_quan", "Cơ quan", "Tên cơ quan như Kế hoạch gọi.",
          lambda edition, e: edition.plan.agency(e.agency).name),
    Field("loai", "Mã loại thay đổi",
          "doi-ten (đổi tên), hop-nhat (hợp nhất, sáp nhập vào cơ quan khác), chia-tach (chia, "
          "tách), ket-thuc (kết thúc hoạt động), sap-xep (sắp xếp lại; văn bản không nêu cơ "
          "quan kết thúc).",
          lambda edition, e: e.kind.value),
    Field("loai_ten", "Loại thay đổi", "Loại thay đổi, bằng chữ.", lambda edition, e: e.kind.label),
    Field("ngay", "Ngày có hiệu lực", "Ngày thay đổi có hiệu lực (NĂM-THÁNG-NGÀY).",
          lambda edition, e: _iso(e.date)),
    Field("ket_thuc", "Cơ quan không còn từ ngày này",
          "true (trong CSV: «có») nếu thay đổi làm cơ quan không còn (hợp nhất, chia tách, kết "
          "thúc).",
          lambda edition, e: e.ends),
    Field("ke_thua", "Mã cơ quan kế thừa", "Mã các cơ quan kế thừa, khi văn bản nêu tên.",
          lambda edition, e: list(e.successors)),
    Field("ke_thua_ten", "Cơ quan kế thừa", "Tên các cơ quan đó.",
          lambda edition, e: _names(edition, e.successors)),
    Field("ten_moi", "Tên mới", "Tên mới, với thay đổi «đổi tên».", lambda edition, e: e.new_name),
    Field("can_cu", "Văn bản làm căn cứ",
          "Văn bản quyết định thay đổi: loại, số hiệu, ngày ban hành, mã và tên cơ quan ban hành, "
          "trích yếu và đường dẫn công khai (nếu có), và cách trích dẫn. Trong CSV: cách trích "
          "dẫn.",
          lambda edition, e: _source(e.source)),
    Field("can_cu_duong_dan", "Đường dẫn văn bản", "Đường dẫn công khai của văn bản, nếu có.",
          lambda edition, e: e.source.url),
    Field("ghi_chu", "Ghi chú", "Lời của trang web về thay đổi (không phải trích dẫn văn bản).",
          lambda edition, e: e.note),
]


def _end(edition: Edition, agency: Agency):
    return edition.plan.end_of(agency.id)


AGENCY_FIELDS = [
    Field("ma", "Mã cơ quan", "Mã cơ quan, cố định; cũng là địa chỉ trang /co-quan/<mã>/.",
          lambda edition, a: a.id),
    Field("ten", "Tên", "Tên đầy đủ, như Kế hoạch gọi.", lambda edition, a: a.name),
    Field("nhom", "Là nhóm cơ quan",
          "true (trong CSV: «có») nếu là một nhóm (ví dụ «UBND huyện, thành phố»).",
          lambda edition, a: a.group),
    Field("thanh_vien", "Mã thành viên", "Mã các cơ quan thành viên của nhóm.",
          lambda edition, a: list(a.members)),
    Field("khong_con_tu", "Không còn từ ngày",
          "Ngày đầu tiên cơ quan không còn (NĂM-THÁNG-NGÀY), theo văn bản làm căn cứ; trống nếu "
          "đến ngày tính của dữ liệu (tinh_den_ngay trong co-quan.json) chưa có văn bản nào có "
          "hiệu lực được ghi nhận.",
          lambda edition, a: _iso(end.date if (end := _end(edition, a)) else None)),
    Field("khong_con_theo", "Cách xác định",
          "«thay-doi»: theo thay đổi ghi cho chính cơ quan; «thanh-vien»: nhóm có mọi thành viên "
          "đã không còn, tính từ ngày muộn nhất của các thành viên; trống nếu cơ quan còn.",
          lambda edition, a: None if _end(edition, a) is None
          else "thanh-vien" if _end(edition, a).by_members else "thay-doi"),
    Field("khong_con_can_cu", "Văn bản làm căn cứ",
          "Các văn bản làm cơ quan không còn (với nhóm: văn bản của các thành viên).",
          lambda edition, a: [_source(s) for s in end.sources]
          if (end := _end(edition, a)) else []),
    Field("ke_thua", "Mã cơ quan kế thừa",
          "Mã các cơ quan kế thừa mà văn bản nêu tên.",
          lambda edition, a: list(edition.plan.successors_of(a.id))),
    Field("tien_than", "Mã cơ quan tiền thân",
          "Mã các cơ quan mà văn bản nêu là được cơ quan này kế thừa.",
          lambda edition, a: list(edition.plan.predecessors_of(a.id))),
    Field("thay_doi", "Các thay đổi",
          "Các thay đổi ghi cho cơ quan đã có hiệu lực đến ngày tính của dữ liệu, cũ trước mới "
          "sau, mỗi thay đổi với các trường của tệp co-quan-thay-doi.csv. Trong CSV: «ngày: loại "
          "(văn bản)».",
          lambda edition, a: [event_record(edition, e)
                              for e in edition.plan.events_of(a.id)]),
]


def event_record(edition: Edition, event: Event) -> dict[str, Any]:
    return {f.key: f.get(edition, event) for f in EVENT_FIELDS}


def agency_record(edition: Edition, agency: Agency) -> dict[str, Any]:
    return {f.key: f.get(edition, agency) for f in AGENCY_FIELDS}


def agencies_json(edition: Edition) -> str:
    plan = edition.plan
    document = {
        "ke_hoach": {"so": plan.document.number, "ngay": plan.document.date.isoformat()},
        # The bodies' ends and changes are those in effect by this day.
        "tinh_den_ngay": plan.as_of.isoformat(),
        "co_quan": [agency_record(edition, agency) for agency in plan.graph.agencies],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def agencies_table(edition: Edition) -> Table:
    """A row per body: co-quan.csv and co-quan.xlsx."""
    plan = edition.plan
    return Table.of(AGENCY_FIELDS, [agency_record(edition, a) for a in plan.graph.agencies])


def agency_events_table(edition: Edition) -> Table:
    """A row per recorded change of a body: co-quan-thay-doi.csv and co-quan-thay-doi.xlsx."""
    plan = edition.plan
    return Table.of(EVENT_FIELDS, [event_record(edition, e) for e in plan.events])


def agencies_csv(edition: Edition) -> str:
    return _csv(agencies_table(edition))


def agency_events_csv(edition: Edition) -> str:
    return _csv(agency_events_table(edition))


FILES = {
    routes.TASKS_JSON: as_json,
    routes.TASKS_CSV: tasks_csv,
    routes.REPORTS_CSV: reports_csv,
    routes.AGENCIES_JSON: agencies_json,
    routes.AGENCIES_CSV: agencies_csv,
    routes.AGENCY_EVENTS_CSV: agency_events_csv,
}
