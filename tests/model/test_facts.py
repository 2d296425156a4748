"""Hand-checked facts of every task of Plan No. 68/KH-UBND (issue 10).

Each record below was written by reading the source document
(tests/fixtures/source/ke-hoach-68-KH-UBND-2018.txt, a copy of ../shared/source), NOT by copying
data/plan.yaml. Every record keeps, in `source`, the line(s) of the document its facts come from,
verbatim; the tests check that those lines really are in the document.

What the records say, and the rules they follow:

- Body roles (task.roles) come from the BODY of the plan only. The Phụ lục (appendix) is a second
  source with its own roles (task.appendix_rows[i].roles) and is never merged into the body.
  Example: Phụ lục row 7 covers "cấp tỉnh, cấp huyện" and is linked to both ii-3-1-6 (Sở Nội vụ,
  "cấp tỉnh") and ii-3-5-6 (UBND huyện, thành phố, "cấp huyện"); ii-3-1-6's body names Sở Nội vụ
  only, so its body roles are Sở Nội vụ only.
- Role terms are the source's words: "Trách nhiệm thực hiện" (the "- Trách nhiệm thực hiện:" lines
  of 2.1.x), "Chủ trì" / "Phối hợp với" (where the sentence says so); none (None) where the agency
  is the subject of the sentence, or is named only by the heading of its section: the text writes
  no word for the role there.
- A task whose body names no agency (2.2.x: "2.2. Nhiệm vụ thực hiện thường xuyên" names none)
  has no body roles at all.
- Timeframes are the body's words as written. "thực hiện từ năm 2018" is a START period (the year
  2018), never the day 01/01/2018 and never a due date. The 2.2.x tasks take "thực hiện thường
  xuyên" from their section heading (heading="II.2.2"), except 2.2.9, which has its own words.
- Phụ lục time cells: the extraction split one merged cell into two identical cells (see the
  source README), so a row's start_text is the "Thời gian thực hiện" cell and its completion_text
  the last cell ("Thời gian hoàn thành"). A completion cell that only says when work STARTS
  ("Từ năm 2018", rows 10-14) or that is not a date ("Thường xuyên", "Thực hiện theo Kế hoạch",
  "Thực hiện hằng năm") gives no due period.
- task.due_date: the last day of the body's due period; else that of the first linked Phụ lục row;
  else None.

Judgement calls (also listed in tests/fixtures/facts_changes.md):
- 2.2.9 "Hằng năm, tổng hợp, báo cáo kết quả thực hiện; ...": see the comment on its record.
- ii-3-2-2 "Phối hợp với Văn phòng Đoàn Đại biểu Quốc hội tỉnh và Văn phòng Hội đồng nhân dân
  tỉnh thực hiện ...": the office of section 3.2 is the one the plan assigns the task to (kind
  "lead", no term, from the heading); the two offices it works with are partners.
- ii-3-1-10 "Thực hiện có hiệu quả kế hoạch cải cách hành chính nhà nước giai đoạn 2016-2020":
  "giai đoạn 2016-2020" names the period of the other plan, not a deadline of this task; the
  task's timeframe is its bracket "(tiếp tục thực hiện theo kế hoạch)", with no due date.
- iii-1-2 / iii-2-2: "Định kỳ 15 ngày báo cáo 1 lần, 6 tháng, hằng năm" is a reporting schedule
  (data/plan.yaml `reporting`), not one of the model's recurrences; these tasks get no Timeframe.
  iii-3-1 "thường xuyên đăng tải các tin, bài, văn bản liên quan": "thường xuyên" qualifies
  that one action of the sentence, not the task ("Đẩy mạnh công tác thông tin tuyên truyền, mở
  các chuyên trang, chuyên mục, ..."): the task has no timeframe.
- Recipients and objects of a sentence are not roles: "gửi Sở Nội vụ để tổng hợp" (ii-3-5-3),
  "gửi Sở Tài chính thẩm định, trình Ủy ban nhân dân tỉnh" (iii-1-1), "kiến nghị Ủy ban nhân dân
  tỉnh, Chủ tịch Ủy ban nhân dân tỉnh" (iii-2-2), "hướng dẫn Ủy ban nhân dân huyện, thành phố"
  (ii-3-1-5), "Trung tâm hành chính công thành phố Tuyên Quang và huyện Chiêm Hóa" (ii-3-5-8).
- Row 21 ("Sơ kết, tổng kết việc thực hiện Nghị quyết số 18-NQ/TW", "Thực hiện hằng năm") is
  linked to 2.2.9 ("Hằng năm, tổng hợp, báo cáo kết quả thực hiện") only, as the data does.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SOURCE = ROOT / "tests" / "fixtures" / "source" / "ke-hoach-68-KH-UBND-2018.txt"


# --------------------------------------------------------------------------------------------
# Helpers to write the records
# --------------------------------------------------------------------------------------------

def Y(year: int):
    """A year period: "năm 2018"."""
    return ("year", date(year, 1, 1), date(year, 12, 31))


def M(month: int, year: int):
    """A month period: "tháng 7/2018"."""
    last = (date(year + month // 12, month % 12 + 1, 1) - date.resolution)
    return ("month", date(year, month, 1), last)


def Q(quarter: int, year: int):
    """A quarter period: "Quý I năm 2019"."""
    first = date(year, 3 * quarter - 2, 1)
    last = M(3 * quarter, year)[2]
    return ("quarter", first, last)


def TF(text, start=None, due=None, recurrence="none", heading=None):
    """A body timeframe: (text, heading, start, due, recurrence)."""
    return (text, heading, start, due, recurrence)


def lead(term, *agencies, heading=None):
    return ("lead", term, tuple(agencies), heading)


def partners(*agencies):
    return ("partners", "Phối hợp với", tuple(agencies), None)


# The headings that name the agency of their section (Role.heading), verbatim, and the agency
# name a heading-derived Role.text must be (the heading's name without the trailing colon).
HEADINGS = {
    "II.2.2": "2.2. Nhiệm vụ thực hiện thường xuyên",
    "II.3.1": "3.1. Sở Nội vụ",
    "II.3.2": "3.2. Văn phòng Ủy ban nhân dân tỉnh:",
    "II.3.3": "3.3. Sở Tài chính:",
    "II.3.4": "3.4. Sở Thông tin và Truyền thông:",
    "II.3.5": "3.5. Ủy ban nhân dân huyện, thành phố:",
    "III.1": "1. Các cơ quan, đơn vị:",
    "III.2": "2. Sở Nội vụ:",
    "III.3": "3. Sở Thông tin và Truyền thông, Báo Tuyên Quang, Đài Phát thanh và Truyền hình tỉnh:",
}
HEADING_AGENCY_TEXT = {
    "II.3.1": "Sở Nội vụ",
    "II.3.2": "Văn phòng Ủy ban nhân dân tỉnh",
    "II.3.3": "Sở Tài chính",
    "II.3.4": "Sở Thông tin và Truyền thông",
    "II.3.5": "Ủy ban nhân dân huyện, thành phố",
    "III.1": "Các cơ quan, đơn vị",
    "III.2": "Sở Nội vụ",
    "III.3": "Sở Thông tin và Truyền thông, Báo Tuyên Quang, Đài Phát thanh và Truyền hình tỉnh",
}

# Section leads written once and used by many records.
SNV_31 = lead(None, "so-noi-vu", heading="II.3.1")
VP_32 = lead(None, "van-phong-ubnd-tinh", heading="II.3.2")
STC_33 = lead(None, "so-tai-chinh", heading="II.3.3")
STTTT_34 = lead(None, "so-thong-tin-va-truyen-thong", heading="II.3.4")
UBND_35 = lead(None, "ubnd-huyen-thanh-pho", heading="II.3.5")
CQDV_III1 = lead(None, "cac-co-quan-don-vi", heading="III.1")
CQDV_21 = lead("Trách nhiệm thực hiện", "cac-co-quan-don-vi")
SN_21 = lead("Trách nhiệm thực hiện", "cac-co-quan-quan-ly-don-vi-su-nghiep", "ubnd-huyen-thanh-pho")
THUONG_XUYEN_22 = TF("thực hiện thường xuyên", recurrence="continuous", heading="II.2.2")


# --------------------------------------------------------------------------------------------
# The Phụ lục, row by row: (kind, agencies) per filled column, and the two time cells
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    number: int
    roles: tuple[tuple[str, tuple[str, ...]], ...]
    start_text: str
    completion_text: str
    source: str  # the row's cells, one per line, verbatim (empty cells left out)

    def expected(self):
        return (self.number, self.roles, self.start_text, self.completion_text)


def _roles(lead=(), partners=(), consulted=(), deciding=()):
    out = []
    for kind, ids in (("lead", lead), ("partners", partners), ("consulted", consulted),
                      ("deciding", deciding)):
        if ids:
            out.append((kind, tuple(ids)))
    return tuple(out)


APPENDIX = {row.number: row for row in [
    Row(1, _roles(lead=["cac-co-quan-don-vi"], partners=["cac-co-quan-don-vi"]),
        "Tháng 7/2018", "Tháng 7/2018", """\
1
Xây dựng kế hoạch thực hiện có hiệu quả các Nghị quyết, Kế hoạch của Trung ương, của tỉnh về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả
Các cơ quan, đơn vị
Các cơ quan, đơn vị
Tháng 7/2018
Tháng 7/2018
Tháng 7/2018"""),
    Row(2, _roles(lead=["cac-co-quan-don-vi"], partners=["cac-co-quan-don-vi"]),
        "Trong năm 2018", "Trong năm 2018", """\
2
Chủ động tham mưu, báo cáo cấp có thẩm quyền quyết định số lượng biên chế tối thiểu, số lượng cấp phó tối đa của các tổ chức ở cấp mình và của các tổ chức trực thuộc trên nguyên tắc xác định vị trí việc làm, giảm cấp phó và nâng cao hiệu lực, hiệu quả hoạt động.
Các cơ quan, đơn vị
Các cơ quan, đơn vị
Trong năm 2018
Trong năm 2018
Trong năm 2018"""),
    Row(3, _roles(lead=["ubnd-huyen-thanh-pho", "so-noi-vu"], partners=["cac-co-quan-lien-quan"],
                  consulted=["thuong-truc-tinh-uy", "hdnd-tinh"], deciding=["ubnd-tinh"]),
        "Từ Quý II/2018", "Trong năm 2018", """\
3
Rà soát, xây dựng Đề án sáp nhập các thôn, tổ dân phố
UBND huyện, thành phố; Sở Nội vụ
Các cơ quan, đơn vị liên quan
Thường trực Tỉnh ủy; Hội đồng nhân dân tỉnh
Ủy ban nhân dân tỉnh
Từ Quý II/2018
Từ Quý II/2018
Trong năm 2018"""),
    Row(4, _roles(lead=["so-noi-vu"], partners=["cac-co-quan-lien-quan"],
                  consulted=["ban-thuong-vu-tinh-uy"], deciding=["ubnd-tinh"]),
        "Từ năm 2018", "Trong năm 2019", """\
4
Xây dựng Đề án về số lượng cơ quan chuyên môn cấp tỉnh, số lượng lãnh đạo cấp phó, số lượng phòng, ban, đơn vị trực thuộc của cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh; hướng dẫn Ủy ban nhân dân huyện, thành phố xây dựng Đề án về số lượng cơ quan chuyên môn, số lượng lãnh đạo cấp phó trong các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp huyện theo quy định khung của Trung ương trên nguyên tắc tinh giản bộ máy, biên chế, giảm chi thường xuyên, nâng cao hiệu lực, hiệu quả điều hành
Sở Nội vụ
Các cơ quan liên quan
Ban Thường vụ Tỉnh ủy
Ủy ban nhân dân tỉnh
Từ năm 2018
Từ năm 2018
Trong năm 2019"""),
    Row(5, _roles(lead=["ubnd-huyen-thanh-pho"], partners=["so-noi-vu", "cac-co-quan-lien-quan"],
                  consulted=["cap-uy-cap-huyen"], deciding=["ubnd-huyen-thanh-pho"]),
        "Từ năm 2018", "Trong năm 2019", """\
5
Đề án về số lượng cơ quan chuyên môn, số lượng lãnh đạo cấp phó của các cơ quan chuyên môn cấp huyện theo quy định khung của Trung ương và phù hợp với đặc điểm, tình hình cụ thể trên nguyên tắc tinh giản bộ máy, biên chế, giảm chi thường xuyên, nâng cao hiệu lực, hiệu quả điều hành.
Ủy ban nhân dân huyện, thành phố
Sở Nội vụ; các cơ quan liên quan
Cấp ủy cấp huyện theo quy định
Ủy ban nhân dân huyện, thành phố
Từ năm 2018
Từ năm 2018
Trong năm 2019"""),
    Row(6, _roles(lead=["cac-co-quan-don-vi"], partners=["so-noi-vu", "cac-co-quan-lien-quan"],
                  consulted=["thuong-truc-tinh-uy"], deciding=["ubnd-tinh"]),
        "Từ năm 2018", "Trong năm 2019", """\
6
Rà soát, bổ sung, hoàn thiện Đề án chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức bộ máy của các cơ quan, đơn vị, tổ chức theo quy định của Trung ương để khắc phục tình trạng trùng lắp, chồng chéo về chức năng, nhiệm vụ, quyền hạn, mối quan hệ công tác giữa các cơ quan, đơn vị, tổ chức trong hệ thống và nâng cao hiệu lực, hiệu quả hoạt động
Các cơ quan, đơn vị
Sở Nội vụ; các cơ quan liên quan
Thường trực Tỉnh ủy
Ủy ban nhân dân tỉnh
Từ năm 2018
Từ năm 2018
Trong năm 2019"""),
    Row(7, _roles(lead=["so-noi-vu", "ubnd-huyen-thanh-pho"], partners=["cac-co-quan-lien-quan"],
                  deciding=["ubnd-tinh", "ubnd-huyen-thanh-pho"]),
        "Từ năm 2018", "Trong năm 2019", """\
7
Rà soát, sắp xếp, giảm các tổ chức phối hợp liên ngành, các Ban Quản lý dự án cấp tỉnh, cấp huyện
Sở Nội vụ; Ủy ban nhân dân huyện, thành phố
Các các cơ quan, đơn vị có liên quan
Ủy ban nhân dân tỉnh; UBND huyện, thành phố
Từ năm 2018
Từ năm 2018
Trong năm 2019"""),
    Row(8, _roles(lead=["ubnd-huyen-thanh-pho"], partners=["cac-co-quan-lien-quan"]),
        "Từ năm 2018", "Trong năm 2019", """\
8
Sơ kết và tiếp tục thực hiện mô hình tự quản ở cộng đồng dân cư thôn, tổ dân phố.
UBND huyện, thành phố
Các các cơ quan, đơn vị có liên quan
Từ năm 2018
Từ năm 2018
Trong năm 2019"""),
    Row(9, _roles(lead=["ubnd-thanh-pho-tuyen-quang", "ubnd-huyen-chiem-hoa"],
                  partners=["van-phong-ubnd-tinh", "cac-co-quan-lien-quan"]),
        "Từ năm 2018", "Trong năm 2020", """\
9
Sơ kết, đánh giá và có giải pháp để nâng cao hiệu quả hoạt động của Trung tâm hành chính công thành phố Tuyên Quang và huyện Chiêm Hóa.
UBND thành phố Tuyên Quang; UBND huyện Chiêm Hóa
Văn phòng UBND tỉnh; các cơ quan, đơn vị có liên quan
Từ năm 2018
Từ năm 2018
Trong năm 2020"""),
    Row(10, _roles(lead=["so-noi-vu", "ubnd-huyen-thanh-pho"], partners=["cac-co-quan-lien-quan"],
                   consulted=["ban-chap-hanh-dang-bo-tinh"], deciding=["uy-ban-thuong-vu-quoc-hoi"]),
        "Từ năm 2018", "Từ năm 2018", """\
10
Rà soát, sắp xếp, tổ chức lại đơn vị hành chính cấp xã
Sở Nội vụ; UBND huyện, thành phố
Các cơ quan, đơn vị liên quan
Ban Chấp hành Đảng bộ tỉnh
Ủy ban TV Quốc hội quyết định
Từ năm 2018
Từ năm 2018
Từ năm 2018"""),
    Row(11, _roles(lead=["cac-co-quan-quan-ly-don-vi-su-nghiep", "ubnd-huyen-thanh-pho"],
                   partners=["cac-co-quan-lien-quan"],
                   consulted=["ban-thuong-vu-tinh-uy", "thuong-truc-tinh-uy"], deciding=["ubnd-tinh"]),
        "Từ năm 2018", "Từ năm 2018", """\
11
Triển khai thực hiện có hiệu quả Chương trình hành động số 21-CTr/TU ngày 08/3/2018 của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng về tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập
Các cơ quan, đơn vị quản lý đơn vị sự nghiệp công lập theo ngành, lĩnh vực; UBND huyện, thành phố
Các cơ quan, đơn vị liên quan
Ban Thường vụ; Thường trực Tỉnh ủy theo Quy chế làm việc
Ủy ban nhân dân tỉnh
Từ năm 2018
Từ năm 2018
Từ năm 2018"""),
    Row(12, _roles(lead=["so-noi-vu"], partners=["cac-co-quan-lien-quan"],
                   consulted=["ban-thuong-vu-tinh-uy", "thuong-truc-tinh-uy"],
                   deciding=["hdnd-tinh", "ubnd-tinh"]),
        "Từ năm 2018", "Từ năm 2018", """\
12
Rà soát, tham mưu sửa đổi, bổ sung các quy định của Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh về: Phân cấp quản lý cán bộ, công chức, viên chức; về chế độ, chính sách thu hút người có trình độ cao về tỉnh công tác; về tiêu chuẩn chức danh lãnh đạo, quản lý của các cơ quan, đơn vị; về tiêu chí đánh giá, phân loại cán bộ, công chức, viên chức; về số lượng, chức danh người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ dân phố theo quy định
Sở Nội vụ
Các các cơ quan, đơn vị có liên quan
Ban Thường vụ; Thường trực Tỉnh ủy theo Quy chế làm việc
Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh theo thẩm quyền
Từ năm 2018
Từ năm 2018
Từ năm 2018"""),
    Row(13, _roles(lead=["ubnd-huyen-thanh-pho"], partners=["so-noi-vu", "cac-co-quan-lien-quan"],
                   consulted=["cap-uy-cap-huyen"], deciding=["ubnd-huyen-thanh-pho"]),
        "Từ năm 2018", "Từ năm 2018", """\
13
Đề xuất, xây dựng Phương án sắp xếp, bố trí chức danh người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ dân phố đảm bảo tinh gọn, hoạt động hiệu quả gắn với thực hiện tinh giản biên chế theo kế hoạch
Ủy ban nhân dân huyện, thành phố
Sở Nội vụ; các cơ quan liên quan
Cấp ủy cấp huyện theo quy định
Ủy ban nhân dân huyện, thành phố
Từ năm 2018
Từ năm 2018
Từ năm 2018"""),
    Row(14, _roles(lead=["so-noi-vu", "ubnd-huyen-thanh-pho"], partners=["cac-co-quan-lien-quan"],
                   consulted=["ban-thuong-vu-tinh-uy"], deciding=["uy-ban-thuong-vu-quoc-hoi"]),
        "Từ năm 2019", "Từ năm 2019", """\
14
Đề án của Ủy ban nhân dân tỉnh về thực hiện sáp nhập, tăng quy mô đơn vị hành chính cấp huyện, cấp xã ở những nơi có đủ điều kiện theo quy định của Trung ương.
Sở Nội vụ; Ủy ban nhân dân huyện, thành phố
Các cơ quan, đơn vị liên quan
Ban Thường vụ Tỉnh ủy
Ủy ban TV Quốc hội
Từ năm 2019
Từ năm 2019
Từ năm 2019"""),
    Row(15, _roles(lead=["so-tai-chinh", "ubnd-huyen-thanh-pho"], partners=["cac-co-quan-lien-quan"]),
        "Từ năm 2019", "Từ năm 2019", """\
15
Thực hiện nghiêm túc, nhất quán việc khoán kinh phí chi phụ cấp theo định mức cho người hoạt động không chuyên trách cấp xã và ở thôn.
Sở Tài chính; UBND huyện, thành phố
Các cơ quan, đơn vị liên quan
Từ năm 2019
Từ năm 2019
Từ năm 2019"""),
    Row(16, _roles(lead=["van-phong-ubnd-tinh"],
                   partners=["van-phong-doan-dbqh-tinh", "van-phong-hdnd-tinh", "so-noi-vu"]),
        "Xong trước năm 2020", "Xong trước năm 2020", """\
16
Hợp nhất Văn phòng Đoàn Đại biểu Quốc hội tỉnh, Văn phòng Hội đồng nhân dân tỉnh và Văn phòng Ủy ban nhân dân tỉnh thành một Văn phòng tham mưu, giúp việc chung theo quy định, hướng dẫn của Trung ương
Văn phòng UBND tỉnh
Văn phòng Đoàn Đại biểu Quốc hội tỉnh; Văn phòng HĐND tỉnh; Sở Nội vụ
Xong trước năm 2020
Xong trước năm 2020
Xong trước năm 2020"""),
    Row(17, _roles(lead=["cac-to-chuc-hoi-quan-chung"],
                   partners=["so-noi-vu", "so-tai-chinh", "cac-co-quan-lien-quan"],
                   consulted=["thuong-truc-tinh-uy"], deciding=["ubnd-tinh"]),
        "Từ năm 2019", "Hoàn thành trong năm 2020", """\
17
Xây dựng Đề án tổ chức và hoạt động của các tổ chức hội quần chúng theo nguyên tắc tự nguyện, tự quản, tự đảm bảo kinh phí hoạt động; Nhà nước chỉ cấp kinh phí để thực hiện những nhiệm vụ do Đảng và Nhà nước giao
Các tổ chức hội quần chúng
Sở Nội vụ; Sở Tài chính; các cơ quan, đơn vị có liên quan
Thường trực Tỉnh ủy
Ủy ban nhân dân tỉnh
Từ năm 2019
Từ năm 2019
Hoàn thành trong năm 2020"""),
    Row(18, _roles(lead=["so-noi-vu", "van-phong-ubnd-tinh", "cac-co-quan-don-vi", "ubnd-huyen-thanh-pho"],
                   partners=["so-noi-vu", "van-phong-ubnd-tinh", "cac-co-quan-don-vi",
                             "ubnd-huyen-thanh-pho"]),
        "Thực hiện theo Kế hoạch", "Thực hiện theo Kế hoạch", """\
18
Tiếp tục thực hiện cải cách hành chính, nhất là cải cách thủ tục hành chính theo hướng dân chủ, công khai, minh bạch, chuyên nghiệp, phục vụ nhân dân, xây dựng chính quyền điện tử, đô thị thông minh; tiếp tục thực hiện có hiệu quả cơ chế một cửa, một cửa liên thông; xây dựng bộ phận “một cửa” hiện đại; mở rộng và tổ chức thực hiện cơ chế “một cửa”, “một cửa liên thông” thực hiện liên thông giữa sở, ngành với tỉnh, giữa huyện với tỉnh và với xã.
Sở Nội vụ; Văn phòng UBND tỉnh; các cơ quan, đơn vị; Ủy ban nhân dân huyện, thành phố
Sở Nội vụ; Văn phòng UBND tỉnh; các cơ quan, đơn vị; Ủy ban nhân dân huyện, thành phố
Thực hiện theo Kế hoạch
Thực hiện theo Kế hoạch
Thực hiện theo Kế hoạch"""),
    Row(19, _roles(lead=["so-thong-tin-va-truyen-thong"], partners=["cac-co-quan-lien-quan"]),
        "Thường xuyên", "Thường xuyên", """\
19
Tham mưu giải pháp đẩy mạnh ứng dụng công nghệ thông tin trong cải cách hành chính, trong hoạt động quản lý hành chính nhà nước
Sở Thông tin và Truyền thông
Các cơ quan, đơn vị liên quan
Thường xuyên
Thường xuyên
Thường xuyên"""),
    Row(20, _roles(lead=["so-tai-chinh", "ubnd-huyen-thanh-pho"], partners=["cac-co-quan-lien-quan"]),
        "Thường xuyên", "Thường xuyên", """\
20
Quản lý chặt chẽ, có hiệu quả việc sử dụng ngân sách nhà nước trong việc thực hiện các quy định của pháp luật về tổ chức bộ máy, quản lý biên chế, chế độ chính sách đối với đội ngũ cán bộ, công chức, viên chức và người lao động và tham mưu xử lý các trường hợp vi phạm theo quy định
Sở Tài chính; UBND huyện, thành phố
Các cơ quan, đơn vị liên quan
Thường xuyên
Thường xuyên
Thường xuyên"""),
    Row(21, _roles(lead=["cac-co-quan-don-vi", "ubnd-huyen-thanh-pho"]),
        "Thực hiện hằng năm", "Thực hiện hằng năm", """\
21
Sơ kết, tổng kết việc thực hiện Nghị quyết số 18-NQ/TW
Các cơ quan, đơn vị; Ủy ban nhân dân huyện, thành phố
Thực hiện hằng năm
Thực hiện hằng năm
Thực hiện hằng năm"""),
]}


# --------------------------------------------------------------------------------------------
# The records: one per task of the plan
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Fact:
    id: str
    source: str  # verbatim line(s) of the document, one per line
    roles: tuple = ()  # body roles: (kind, term, agencies, heading)
    timeframe: tuple | None = None  # (text, heading, start, due, recurrence); periods (precision, first, last)
    due_date: date | None = None
    rows: tuple[int, ...] = ()  # linked Phụ lục rows, by number (see APPENDIX)

    def expected_rows(self):
        return tuple(APPENDIX[n].expected() for n in self.rows)


FACTS = [
    # ---------------- II.1. Tổ chức nghiên cứu, học tập, quán triệt các Văn bản ----------------
    Fact(
        "ii-1-1",
        source="- Các cơ quan, đơn vị thuộc và trực thuộc Ủy ban nhân dân tỉnh, Ủy ban nhân dân huyện, thành phố (sau đây gọi tắt là các cơ quan, đơn vị) tổ chức triển khai nghiên cứu, học tập, quán triệt đầy đủ các nội dung của Nghị quyết số 18-NQ/TW, Kế hoạch số 07-KH/TW, Nghị quyết số 56/2017/QH14, Nghị quyết số 10/NQ-CP, Kế hoạch số 168-KH/TU và Kế hoạch này đến toàn thể cán bộ, công chức, viên chức, người lao động thuộc thẩm quyền quản lý.",
        # The subject of the sentence is the group the plan names "các cơ quan, đơn vị".
        roles=(lead(None, "cac-co-quan-don-vi"),),
    ),
    Fact(
        "ii-1-2",
        source="- Sở Thông tin và Truyền thông chủ trì, phối hợp với Ban Tuyên giáo Tỉnh ủy, Ủy ban Mặt trận Tổ quốc tỉnh, Sở Nội vụ, các cơ quan báo chí và các cơ quan liên quan làm tốt công tác thông tin, tuyên truyền nhằm nâng cao nhận thức, tạo đồng thuận trong xã hội, phát huy tinh thần trách nhiệm của người đứng đầu để thực hiện thắng lợi mục tiêu tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả.",
        roles=(
            lead("Chủ trì", "so-thong-tin-va-truyen-thong"),
            partners("ban-tuyen-giao-tinh-uy", "uy-ban-mttq-tinh", "so-noi-vu",
                     "cac-co-quan-bao-chi", "cac-co-quan-lien-quan"),
        ),
    ),
    # ---------------- II.2.1. Nhiệm vụ thực hiện theo lộ trình ----------------
    Fact(
        "ii-2-1-1",
        source="""\
2.1.1. Xây dựng kế hoạch thực hiện có hiệu quả các Nghị quyết, Kế hoạch của Trung ương, của tỉnh về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả.
- Trách nhiệm thực hiện: Các cơ quan, đơn vị.
- Thời gian thực hiện: Hoàn thành trong tháng 7/2018.""",
        roles=(CQDV_21,),
        timeframe=TF("Hoàn thành trong tháng 7/2018", due=M(7, 2018)),
        due_date=date(2018, 7, 31),
        rows=(1,),
    ),
    Fact(
        "ii-2-1-2",
        source="""\
2.1.2. Chủ động tham mưu, báo cáo cấp có thẩm quyền quyết định số lượng biên chế tối thiểu, số lượng cấp phó tối đa của các tổ chức ở cấp mình và của các tổ chức trực thuộc trên nguyên tắc xác định vị trí việc làm, giảm cấp phó và nâng cao hiệu lực, hiệu quả hoạt động.
- Trách nhiệm thực hiện: Các cơ quan, đơn vị.
- Thời gian thực hiện: Hoàn thành trong năm 2018.""",
        roles=(CQDV_21,),
        timeframe=TF("Hoàn thành trong năm 2018", due=Y(2018)),
        due_date=date(2018, 12, 31),
        rows=(2,),
    ),
    Fact(
        "ii-2-1-3",
        source="""\
2.1.3. Rà soát, bổ sung, hoàn thiện Đề án chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức bộ máy của các cơ quan, đơn vị, tổ chức theo quy định của Trung ương để khắc phục tình trạng trùng lắp, chồng chéo về chức năng, nhiệm vụ, quyền hạn, mối quan hệ công tác giữa các cơ quan, đơn vị, tổ chức trong hệ thống và nâng cao hiệu lực, hiệu quả hoạt động.
- Trách nhiệm thực hiện: Các cơ quan, đơn vị.
- Thời gian thực hiện: Thực hiện từ năm 2018 và hoàn thành trong năm 2019.""",
        roles=(CQDV_21,),
        timeframe=TF("Thực hiện từ năm 2018 và hoàn thành trong năm 2019", start=Y(2018), due=Y(2019)),
        due_date=date(2019, 12, 31),
        rows=(6,),
    ),
    Fact(
        "ii-2-1-4",
        source="""\
2.1.4. Xây dựng Đề án sắp xếp tổ chức, giảm đầu mối thuộc và trực thuộc các cơ quan, đơn vị và cơ cấu bên trong của từng tổ chức thuộc và trực thuộc như: Chi cục, ban, trung tâm, phòng...
- Trách nhiệm thực hiện: Các cơ quan, đơn vị.
- Thời gian thực hiện: Thực hiện từ năm 2018 và hoàn thành vào Quý I năm 2019.""",
        roles=(CQDV_21,),
        timeframe=TF("Thực hiện từ năm 2018 và hoàn thành vào Quý I năm 2019", start=Y(2018), due=Q(1, 2019)),
        due_date=date(2019, 3, 31),
    ),
    Fact(
        "ii-2-1-5",
        source="""\
2.1.5. Không thành lập mới tổ chức trung gian; giải thể hoặc sắp xếp lại các cơ quan, tổ chức hoạt động không hiệu quả.
- Trách nhiệm thực hiện: Các cơ quan, đơn vị.
- Thời gian thực hiện: Thực hiện từ năm 2018.""",
        roles=(CQDV_21,),
        timeframe=TF("Thực hiện từ năm 2018", start=Y(2018)),
    ),
    Fact(
        "ii-2-1-6",
        source="""\
2.1.6. Thực hiện thí điểm mô hình mới về tổ chức, kiêm nhiệm một số chức danh lãnh đạo, quản lý theo hướng dẫn của Trung ương, phù hợp với đặc điểm, tình hình của cơ quan, đơn vị, địa phương
- Trách nhiệm thực hiện: Các cơ quan, đơn vị.
- Thời gian thực hiện: Thực hiện từ năm 2018.""",
        roles=(CQDV_21,),
        timeframe=TF("Thực hiện từ năm 2018", start=Y(2018)),
    ),
    Fact(
        "ii-2-1-7",
        source="""\
2.1.7. Triển khai thực hiện Chương trình hành động số 21-CTr/TU ngày 08/3/2018 của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng về tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập.
- Trách nhiệm thực hiện: Các cơ quan, đơn vị quản lý đơn vị sự nghiệp công lập theo ngành, lĩnh vực; Ủy ban nhân dân huyện, thành phố.
- Thời gian thực hiện: Thực hiện từ năm 2018.""",
        roles=(SN_21,),
        timeframe=TF("Thực hiện từ năm 2018", start=Y(2018)),
        due_date=None,  # row 11's completion cell is "Từ năm 2018": a start, no due date
        rows=(11,),
    ),
    Fact(
        "ii-2-1-8",
        source="""\
2.1.8. Chuyển một số nhiệm vụ và dịch vụ công mà Nhà nước không nhất thiết phải thực hiện cho doanh nghiệp, các tổ chức xã hội đảm nhiệm.
- Trách nhiệm thực hiện: Các cơ quan, đơn vị quản lý đơn vị sự nghiệp công lập theo ngành, lĩnh vực; Ủy ban nhân dân huyện, thành phố.
- Thời gian thực hiện: Thực hiện từ năm 2018.""",
        roles=(SN_21,),
        timeframe=TF("Thực hiện từ năm 2018", start=Y(2018)),
    ),
    Fact(
        "ii-2-1-9",
        source="""\
2.1.9. Xây dựng Đề án tổ chức và hoạt động của các tổ chức hội quần chúng theo nguyên tắc tự nguyện, tự quản, tự đảm bảo kinh phí hoạt động; Nhà nước chỉ cấp kinh phí để thực hiện những nhiệm vụ do Đảng và Nhà nước giao.
- Trách nhiệm thực hiện: Các tổ chức hội quần chúng; Sở Nội vụ; Sở Tài chính.
- Thời gian thực hiện: Thực hiện từ năm 2019 và hoàn thành trong năm 2020.""",
        # The body makes all three responsible; only the Phụ lục (row 17) makes Sở Nội vụ and Sở
        # Tài chính partners. Both are kept, each in its own source.
        roles=(lead("Trách nhiệm thực hiện", "cac-to-chuc-hoi-quan-chung", "so-noi-vu", "so-tai-chinh"),),
        timeframe=TF("Thực hiện từ năm 2019 và hoàn thành trong năm 2020", start=Y(2019), due=Y(2020)),
        due_date=date(2020, 12, 31),
        rows=(17,),
    ),
    # ---------------- II.2.2. Nhiệm vụ thực hiện thường xuyên ----------------
    # The section names no agency: no body roles. Its heading gives the timeframe.
    Fact(
        "ii-2-2-1",
        source="""\
2.2. Nhiệm vụ thực hiện thường xuyên
2.2.1. Đẩy mạnh thực hiện phân cấp, phân quyền đi đôi với giám sát quyền lực bằng các quy định, quy chế, đảm bảo dân chủ, công khai, minh bạch và đề cao trách nhiệm giải trình trong các cơ quan, đơn vị, tổ chức thuộc phạm vi, thẩm quyền được giao, phù hợp với đặc điểm, tình hình của cơ quan, đơn vị, địa phương.""",
        timeframe=THUONG_XUYEN_22,
    ),
    Fact(
        "ii-2-2-2",
        source="""\
2.2. Nhiệm vụ thực hiện thường xuyên
2.2.2. Tiếp tục thực hiện cải cách hành chính, nhất là cải cách thủ tục hành chính theo hướng dân chủ, công khai, minh bạch, chuyên nghiệp, phục vụ nhân dân, xây dựng chính quyền điện tử, đô thị thông minh; thực hiện có hiệu quả cơ chế một cửa, một cửa liên thông; xây dựng bộ phận “một cửa” hiện đại; mở rộng và tổ chức thực hiện cơ chế “một cửa”, “một cửa liên thông” thực hiện liên thông giữa sở, ngành với tỉnh, giữa huyện với tỉnh và với xã.""",
        # "Tiếp tục thực hiện" is a verb of the task, not a timeframe; the body names no agency, so
        # row 18's lead and partners (Sở Nội vụ, Văn phòng UBND tỉnh, ...) stay in the row.
        timeframe=THUONG_XUYEN_22,
        due_date=None,  # row 18: "Thực hiện theo Kế hoạch"
        rows=(18,),
    ),
    Fact(
        "ii-2-2-3",
        source="""\
2.2. Nhiệm vụ thực hiện thường xuyên
2.2.3. Thực hiện nghiêm việc tinh giản biên chế theo Nghị quyết 39-NQ/TW, ngày 17/4/2015 của Bộ Chính trị và các Văn bản quy định của Trung ương, của tỉnh về tinh giản biên chế; kiên quyết cơ cấu lại đội ngũ cán bộ, công chức, viên chức; giảm số người phục vụ trong từng cơ quan, đơn vị, tổ chức, nhất là khối văn phòng.""",
        # "Bộ Chính trị" issued Nghị quyết 39-NQ/TW: it has no role in this task.
        timeframe=THUONG_XUYEN_22,
    ),
    Fact(
        "ii-2-2-4",
        source="""\
2.2. Nhiệm vụ thực hiện thường xuyên
2.2.4. Có kế hoạch và định mức tiết kiệm chi thường xuyên, chống lãng phí, tiêu cực, góp phần tạo nguồn kinh phí để sắp xếp, cơ cấu lại tổ chức bộ máy, tinh giản biên chế. Xây dựng và thực hiện cơ chế, chính sách phù hợp đối với những cán bộ, công chức, viên chức, người lao động thuộc diện phải sắp xếp, cơ cấu lại và tinh giản biên chế.""",
        # "chi thường xuyên" here means recurrent spending, not a timeframe.
        timeframe=THUONG_XUYEN_22,
    ),
    Fact(
        "ii-2-2-5",
        source="""\
2.2. Nhiệm vụ thực hiện thường xuyên
2.2.5. Đẩy mạnh ứng dụng khoa học - công nghệ, xây dựng chính quyền điện tử, đô thị thông minh. Tổng kết đánh giá và có giải pháp sử dụng hiệu quả hạ tầng công nghệ thông tin đã được đầu tư, góp phần tinh gọn bộ máy, tinh giản biên chế và nâng cao hiệu lực, hiệu quả hoạt động quản lý điều hành.""",
        timeframe=THUONG_XUYEN_22,
    ),
    Fact(
        "ii-2-2-6",
        source="""\
2.2. Nhiệm vụ thực hiện thường xuyên
2.2.6. Đẩy mạnh công tác thông tin, tuyên truyền, giáo dục chính trị, tư tưởng, tạo sự thống nhất nhận thức và hành động trong cơ quan, tổ chức, đơn vị, sự đồng thuận trong xã hội. Chú trọng sơ kết, tổng kết đúc rút kinh nghiệm, chỉ ra những hạn chế, bất cập để khắc phục; phát hiện những mô hình mới, cách làm hay, hiệu quả để phổ biến nhân rộng.""",
        timeframe=THUONG_XUYEN_22,
    ),
    Fact(
        "ii-2-2-7",
        source="""\
2.2. Nhiệm vụ thực hiện thường xuyên
2.2.7. Chủ động có giải pháp phòng ngừa, ngăn chặn, đấu tranh có hiệu quả với hoạt động của các thế lực thù địch và phần tử xấu lợi dụng việc sắp xếp tổ chức bộ máy, tinh giản biên chế để xuyên tạc, chống phá, chia rẽ nội bộ.""",
        timeframe=THUONG_XUYEN_22,
    ),
    Fact(
        "ii-2-2-8",
        source="""\
2.2. Nhiệm vụ thực hiện thường xuyên
2.2.8. Chủ động kiểm tra, thanh tra, giám sát việc thực hiện các Nghị quyết, Kế hoạch của Trung ương, của tỉnh về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả; biểu dương, khen thưởng những tổ chức, cá nhân thực hiện có hiệu quả; xử lý kịp thời những tổ chức, cá nhân nhất là người đứng đầu không thực hiện hoặc thực hiện không đúng quy định, không đạt mục tiêu tinh gọn bộ máy, tinh giản biên chế và những trường hợp lợi dụng việc sắp xếp tổ chức bộ máy để tham nhũng, tiêu cực.""",
        timeframe=THUONG_XUYEN_22,
    ),
    Fact(
        "ii-2-2-9",
        source="""\
2.2. Nhiệm vụ thực hiện thường xuyên
2.2.9. Hằng năm, tổng hợp, báo cáo kết quả thực hiện; lấy kết quả thực hiện các Nghị quyết, Kế hoạch của Trung ương, của tỉnh về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả là một trong những tiêu chí để đánh giá, xếp loại hằng năm đối với tập thể, cá nhân có trách nhiệm.""",
        # Judgement: YES, the body gives a yearly timeframe of its own. "Hằng năm," opens the
        # task as a fronted adverbial of time governing its verbs ("Hằng năm, tổng hợp, báo cáo
        # kết quả thực hiện" = every year, compile and report the results), and the second clause
        # repeats it ("đánh giá, xếp loại hằng năm"). These are the task's own words and they are
        # more precise than the heading's "thực hiện thường xuyên", so they win (heading=None).
        # Text as written: "Hằng năm" (capital H, no comma). Phụ lục row 21 ("Thực hiện hằng năm")
        # agrees, but is not what this timeframe is taken from. No due date.
        timeframe=TF("Hằng năm", recurrence="yearly"),
        due_date=None,
        rows=(21,),
    ),
    # ---------------- II.3.1. Sở Nội vụ ----------------
    Fact(
        "ii-3-1-1",
        source="""\
3.1. Sở Nội vụ
- Tham mưu, xây dựng Kế hoạch của Ủy ban nhân dân tỉnh triển khai thực hiện Chương trình hành động số 21-CTr/TU ngày 08/3/2018 của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng về tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập.""",
        roles=(SNV_31,),
    ),
    Fact(
        "ii-3-1-2",
        source="""\
3.1. Sở Nội vụ
- Hướng dẫn rà soát, xây dựng Đề án sáp nhập các thôn, tổ dân phố (hoàn thành trong năm 2018).""",
        # Body: Sở Nội vụ only. Row 3's lead "UBND huyện, thành phố; Sở Nội vụ" stays in the row.
        roles=(SNV_31,),
        timeframe=TF("hoàn thành trong năm 2018", due=Y(2018)),
        due_date=date(2018, 12, 31),
        rows=(3,),
    ),
    Fact(
        "ii-3-1-3",
        source="""\
3.1. Sở Nội vụ
- Rà soát, sắp xếp, tổ chức lại đơn vị hành chính cấp xã (thực hiện từ năm 2018).""",
        roles=(SNV_31,),
        timeframe=TF("thực hiện từ năm 2018", start=Y(2018)),
        due_date=None,  # row 10 completes "Từ năm 2018": no due date anywhere
        rows=(10,),
    ),
    Fact(
        "ii-3-1-4",
        source="""\
3.1. Sở Nội vụ
- Xây dựng Đề án của Ủy ban nhân dân tỉnh thực hiện sáp nhập, tăng quy mô đơn vị hành chính cấp huyện, cấp xã ở những nơi có đủ điều kiện theo quy định của Trung ương (thực hiện từ năm 2019).""",
        roles=(SNV_31,),
        timeframe=TF("thực hiện từ năm 2019", start=Y(2019)),
        due_date=None,  # row 14 completes "Từ năm 2019"
        rows=(14,),
    ),
    Fact(
        "ii-3-1-5",
        source="""\
3.1. Sở Nội vụ
- Xây dựng Đề án về số lượng cơ quan chuyên môn cấp tỉnh, số lượng lãnh đạo cấp phó, số lượng phòng, ban, đơn vị trực thuộc của cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh; hướng dẫn Ủy ban nhân dân huyện, thành phố xây dựng Đề án về số lượng cơ quan chuyên môn, số lượng lãnh đạo cấp phó trong các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp huyện theo quy định khung của Trung ương trên nguyên tắc tinh giản bộ máy, biên chế, giảm chi thường xuyên, nâng cao hiệu lực, hiệu quả điều hành (thực hiện từ năm 2018 và hoàn thành trong năm 2019).""",
        # "hướng dẫn Ủy ban nhân dân huyện, thành phố": the districts are who is guided, not a role.
        roles=(SNV_31,),
        timeframe=TF("thực hiện từ năm 2018 và hoàn thành trong năm 2019", start=Y(2018), due=Y(2019)),
        due_date=date(2019, 12, 31),
        rows=(4,),
    ),
    Fact(
        "ii-3-1-6",
        source="""\
3.1. Sở Nội vụ
- Rà soát, sắp xếp, giảm các tổ chức phối hợp liên ngành, các Ban Quản lý dự án cấp tỉnh (thực hiện từ năm 2018 và hoàn thành trong năm 2019).""",
        # "cấp tỉnh": Sở Nội vụ only. Row 7 ("cấp tỉnh, cấp huyện") also names the districts.
        roles=(SNV_31,),
        timeframe=TF("thực hiện từ năm 2018 và hoàn thành trong năm 2019", start=Y(2018), due=Y(2019)),
        due_date=date(2019, 12, 31),
        rows=(7,),
    ),
    Fact(
        "ii-3-1-7",
        source="""\
3.1. Sở Nội vụ
- Rà soát, tham mưu sửa đổi, bổ sung các quy định của Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh về phân cấp quản lý cán bộ, công chức, viên chức; về chế độ, chính sách thu hút người có trình độ cao về tỉnh công tác; về tiêu chuẩn chức danh lãnh đạo, quản lý của các cơ quan, đơn vị; về tiêu chí đánh giá, phân loại cán bộ, công chức, viên chức theo quy định (thực hiện từ năm 2018).""",
        roles=(SNV_31,),
        timeframe=TF("thực hiện từ năm 2018", start=Y(2018)),
        due_date=None,  # row 12 completes "Từ năm 2018"
        rows=(12,),
    ),
    Fact(
        "ii-3-1-8",
        source="""\
3.1. Sở Nội vụ
- Hướng dẫn, thực hiện các quy định về thành lập tổ chức và hoạt động của các hội quần chúng theo nguyên tắc tự nguyện, tự quản, tự đảm bảo kinh phí hoạt động và tuân thủ pháp luật; Nhà nước cấp kinh phí để thực hiện những nhiệm vụ do Đảng và Nhà nước giao (thực hiện từ năm 2018).""",
        roles=(SNV_31,),
        timeframe=TF("thực hiện từ năm 2018", start=Y(2018)),
    ),
    Fact(
        "ii-3-1-9",
        source="""\
3.1. Sở Nội vụ
- Rà soát, tham mưu sửa đổi, bổ sung các quy định của Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh về số lượng, chức danh, mức phụ cấp người hoạt động không chuyên trách cấp xã, ở thôn, tổ dân phố (Hoàn thành trong năm 2019).""",
        roles=(SNV_31,),
        timeframe=TF("Hoàn thành trong năm 2019", due=Y(2019)),
        due_date=date(2019, 12, 31),
        rows=(12,),
    ),
    Fact(
        "ii-3-1-10",
        source="""\
3.1. Sở Nội vụ
- Thực hiện có hiệu quả kế hoạch cải cách hành chính nhà nước giai đoạn 2016-2020; chủ trì, phối hợp với các cơ quan liên quan đề xuất các giải pháp để tăng chỉ số cải cách hành chính của tỉnh đáp ứng yêu cầu phát triển trong tình hình mới (tiếp tục thực hiện theo kế hoạch).""",
        # Body: Sở Nội vụ (heading) chủ trì, the "các cơ quan liên quan" are partners. Row 18's
        # Văn phòng UBND tỉnh, các cơ quan, đơn vị and UBND huyện, thành phố stay in the row.
        roles=(
            lead("Chủ trì", "so-noi-vu", heading="II.3.1"),
            partners("cac-co-quan-lien-quan"),
        ),
        timeframe=TF("tiếp tục thực hiện theo kế hoạch", recurrence="per_plan"),
        due_date=None,
        rows=(18,),
    ),
    # ---------------- II.3.2. Văn phòng Ủy ban nhân dân tỉnh ----------------
    Fact(
        "ii-3-2-1",
        source="""\
3.2. Văn phòng Ủy ban nhân dân tỉnh:
- Tham mưu, hướng dẫn việc thực hiện cải cách thủ tục hành chính; xây dựng, nâng cao chất lượng, hiệu quả hoạt động của bộ phận “một cửa” hiện đại; mở rộng và tổ chức thực hiện cơ chế “một cửa”, “một cửa liên thông”, thực hiện liên thông giữa các sở, ngành với tỉnh, giữa huyện với tỉnh và với xã (thực hiện từ năm 2018).""",
        # Body: Văn phòng UBND tỉnh only; row 18's other agencies stay in the row.
        roles=(VP_32,),
        timeframe=TF("thực hiện từ năm 2018", start=Y(2018)),
        due_date=None,  # row 18: "Thực hiện theo Kế hoạch"
        rows=(18,),
    ),
    Fact(
        "ii-3-2-2",
        source="""\
3.2. Văn phòng Ủy ban nhân dân tỉnh:
- Phối hợp với Văn phòng Đoàn Đại biểu Quốc hội tỉnh và Văn phòng Hội đồng nhân dân tỉnh thực hiện chủ trương hợp nhất 03 Văn phòng thành một Văn phòng tham mưu, giúp việc chung theo quy định, hướng dẫn của Trung ương (hoàn thành trước năm 2020).""",
        # Body: no Sở Nội vụ (row 16 adds it as a partner).
        roles=(
            VP_32,
            partners("van-phong-doan-dbqh-tinh", "van-phong-hdnd-tinh"),
        ),
        timeframe=TF("hoàn thành trước năm 2020", due=Y(2019)),
        due_date=date(2019, 12, 31),
        rows=(16,),
    ),
    # ---------------- II.3.3. Sở Tài chính ----------------
    Fact(
        "ii-3-3-1",
        source="""\
3.3. Sở Tài chính:
- Tham mưu bố trí kinh phí thực hiện các nhiệm vụ đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả và thực hiện các nhiệm vụ của kế hoạch đúng theo quy định (thực hiện từ năm 2018).""",
        roles=(STC_33,),
        timeframe=TF("thực hiện từ năm 2018", start=Y(2018)),
    ),
    Fact(
        "ii-3-3-2",
        source="""\
3.3. Sở Tài chính:
- Tham mưu thực hiện nghiêm túc, nhất quán việc khoán kinh phí đối với một số hoạt động của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội; khoán kinh phí chi phụ cấp theo định mức cho người hoạt động không chuyên trách cấp xã và ở thôn, tổ dân phố (thực hiện từ năm 2019).""",
        # Body: Sở Tài chính only; row 15 adds UBND huyện, thành phố as co-lead.
        roles=(STC_33,),
        timeframe=TF("thực hiện từ năm 2019", start=Y(2019)),
        due_date=None,  # row 15 completes "Từ năm 2019"
        rows=(15,),
    ),
    Fact(
        "ii-3-3-3",
        source="""\
3.3. Sở Tài chính:
- Tham mưu quản lý chặt chẽ, có hiệu quả việc sử dụng ngân sách nhà nước trong việc thực hiện các quy định của pháp luật về tổ chức bộ máy, quản lý biên chế, chế độ chính sách đối với đội ngũ cán bộ, công chức, viên chức và người lao động và tham mưu xử lý các trường hợp vi phạm theo quy định.""",
        # No timeframe in the body; row 20 says "Thường xuyên" (no due date).
        roles=(STC_33,),
        rows=(20,),
    ),
    # ---------------- II.3.4. Sở Thông tin và Truyền thông ----------------
    Fact(
        "ii-3-4-1",
        source="3.4. Sở Thông tin và Truyền thông: Tham mưu giải pháp đẩy mạnh ứng dụng công nghệ thông tin trong cải cách hành chính, trong hoạt động quản lý hành chính nhà nước.",
        roles=(STTTT_34,),
        rows=(19,),
    ),
    # ---------------- II.3.5. Ủy ban nhân dân huyện, thành phố ----------------
    Fact(
        "ii-3-5-1",
        source="""\
3.5. Ủy ban nhân dân huyện, thành phố:
- Rà soát, đề xuất, xây dựng Đề án sáp nhập các thôn, tổ dân phố (hoàn thành trong năm 2018).""",
        roles=(UBND_35,),
        timeframe=TF("hoàn thành trong năm 2018", due=Y(2018)),
        due_date=date(2018, 12, 31),
        rows=(3,),
    ),
    Fact(
        "ii-3-5-2",
        source="""\
3.5. Ủy ban nhân dân huyện, thành phố:
- Rà soát, đề xuất, xây dựng Đề án của huyện, thành phố về sắp xếp, tổ chức lại đơn vị hành chính cấp xã (thực hiện từ năm 2018).""",
        roles=(UBND_35,),
        timeframe=TF("thực hiện từ năm 2018", start=Y(2018)),
        due_date=None,
        rows=(10,),
    ),
    Fact(
        "ii-3-5-3",
        source="""\
3.5. Ủy ban nhân dân huyện, thành phố:
- Xây dựng Đề án của huyện, thành phố về sáp nhập, tăng quy mô đơn vị hành chính cấp xã ở những nơi có đủ điều kiện theo quy định của Trung ương, gửi Sở Nội vụ để tổng hợp, xây dựng Đề án chung của tỉnh (thực hiện từ năm 2019).""",
        # "gửi Sở Nội vụ để tổng hợp": the addressee, not a role of this task.
        roles=(UBND_35,),
        timeframe=TF("thực hiện từ năm 2019", start=Y(2019)),
        due_date=None,
        rows=(14,),
    ),
    Fact(
        "ii-3-5-4",
        source="""\
3.5. Ủy ban nhân dân huyện, thành phố:
- Đề xuất, xây dựng Phương án sắp xếp, bố trí chức danh người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ dân phố đảm bảo tinh gọn, hoạt động hiệu quả gắn với thực hiện tinh giản biên chế theo kế hoạch (thực hiện từ năm 2018).""",
        roles=(UBND_35,),
        timeframe=TF("thực hiện từ năm 2018", start=Y(2018)),
        due_date=None,
        rows=(13,),
    ),
    Fact(
        "ii-3-5-5",
        source="""\
3.5. Ủy ban nhân dân huyện, thành phố:
- Xây dựng Đề án về số lượng cơ quan chuyên môn, số lượng lãnh đạo cấp phó của các cơ quan chuyên môn cấp huyện theo quy định khung của Trung ương, đúng định hướng chỉ đạo của tỉnh, phù hợp với tình hình, đặc điểm cụ thể trên nguyên tắc tinh giản bộ máy, biên chế, giảm chi thường xuyên và nâng cao hiệu lực, hiệu quả điều hành (thực hiện từ năm 2018 và hoàn thành năm 2019).""",
        roles=(UBND_35,),
        timeframe=TF("thực hiện từ năm 2018 và hoàn thành năm 2019", start=Y(2018), due=Y(2019)),
        due_date=date(2019, 12, 31),
        rows=(5,),
    ),
    Fact(
        "ii-3-5-6",
        source="""\
3.5. Ủy ban nhân dân huyện, thành phố:
- Rà soát, sắp xếp, giảm các tổ chức phối hợp liên ngành, các Ban Quản lý dự án cấp huyện (thực hiện từ năm 2018 và hoàn thành trong năm 2019).""",
        # "cấp huyện": the districts only; row 7 also names Sở Nội vụ.
        roles=(UBND_35,),
        timeframe=TF("thực hiện từ năm 2018 và hoàn thành trong năm 2019", start=Y(2018), due=Y(2019)),
        due_date=date(2019, 12, 31),
        rows=(7,),
    ),
    Fact(
        "ii-3-5-7",
        source="""\
3.5. Ủy ban nhân dân huyện, thành phố:
- Sơ kết và tiếp tục thực hiện mô hình tự quản ở cộng đồng dân cư thôn, tổ dân phố (thực hiện từ năm 2018 và hoàn thành trong năm 2019).""",
        roles=(UBND_35,),
        timeframe=TF("thực hiện từ năm 2018 và hoàn thành trong năm 2019", start=Y(2018), due=Y(2019)),
        due_date=date(2019, 12, 31),
        rows=(8,),
    ),
    Fact(
        "ii-3-5-8",
        source="""\
3.5. Ủy ban nhân dân huyện, thành phố:
- Sơ kết, đánh giá và có giải pháp để nâng cao hiệu quả hoạt động của Trung tâm hành chính công thành phố Tuyên Quang và huyện Chiêm Hóa (thực hiện từ năm 2018 và hoàn thành năm 2020).""",
        # The body gives the task to its section's agency (the group); the two named places are
        # the centres' locations. Row 9 names the two committees as leads: kept in the row only.
        roles=(UBND_35,),
        timeframe=TF("thực hiện từ năm 2018 và hoàn thành năm 2020", start=Y(2018), due=Y(2020)),
        due_date=date(2020, 12, 31),
        rows=(9,),
    ),
    # ---------------- III.1. Các cơ quan, đơn vị ----------------
    Fact(
        "iii-1-1",
        source="""\
1. Các cơ quan, đơn vị:
- Căn cứ chức năng, nhiệm vụ, quyền hạn được giao xây dựng, ban hành kế hoạch chi tiết, cụ thể hóa các mục tiêu, nhiệm vụ và giải pháp để tổ chức thực hiện có hiệu quả kế hoạch này; lập dự toán kinh phí triển khai tổ chức thực hiện gửi Sở Tài chính thẩm định, trình Ủy ban nhân dân tỉnh theo quy định.""",
        roles=(CQDV_III1,),
    ),
    Fact(
        "iii-1-2",
        source="""\
1. Các cơ quan, đơn vị:
- Định kỳ 15 ngày báo cáo 1 lần, 6 tháng, hằng năm báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện (gửi Sở Nội vụ trước ngày 13 và ngày 27 hằng tháng, ngày 20/5 và 15/11 hằng năm) để tổng hợp, báo cáo cấp có thẩm quyền theo quy định.""",
        # A reporting schedule (data/plan.yaml `reporting`), not a Timeframe: see the module doc.
        roles=(CQDV_III1,),
    ),
    # ---------------- III.2. Sở Nội vụ ----------------
    Fact(
        "iii-2-1",
        source="""\
2. Sở Nội vụ:
- Chủ trì, phối hợp với các cơ quan, đơn vị đôn đốc, kiểm tra và đánh giá kết quả thực hiện kế hoạch này.""",
        roles=(
            lead("Chủ trì", "so-noi-vu", heading="III.2"),
            partners("cac-co-quan-don-vi"),
        ),
    ),
    Fact(
        "iii-2-2",
        source="""\
2. Sở Nội vụ:
- Tổng hợp, báo cáo, kiến nghị Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh các biện pháp cần thiết để bảo đảm thực hiện đồng bộ, có hiệu quả kế hoạch và tổng hợp, báo cáo kết quả thực hiện kế hoạch này định kỳ 15 ngày báo cáo 1 lần, 6 tháng, hằng năm (trước ngày 15 và ngày 30 hằng tháng, ngày 30/5 và 30/11 hằng năm).""",
        roles=(lead(None, "so-noi-vu", heading="III.2"),),
    ),
    # ---------------- III.3 ----------------
    Fact(
        "iii-3-1",
        source="""\
3. Sở Thông tin và Truyền thông, Báo Tuyên Quang, Đài Phát thanh và Truyền hình tỉnh:
Đẩy mạnh công tác thông tin tuyên truyền, mở các chuyên trang, chuyên mục, thường xuyên đăng tải các tin, bài, văn bản liên quan về việc triển khai thực hiện đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả trên địa bàn tỉnh.""",
        roles=(lead(None, "so-thong-tin-va-truyen-thong", "bao-tuyen-quang",
                    "dai-phat-thanh-va-truyen-hinh-tinh", heading="III.3"),),
        # "thường xuyên" qualifies "đăng tải các tin, bài" only: no timeframe for the task.
        timeframe=None,
    ),
]

FACTS_BY_ID = {fact.id: fact for fact in FACTS}
IDS = [fact.id for fact in FACTS]


# --------------------------------------------------------------------------------------------
# Reading the source and the registry (no model needed)
# --------------------------------------------------------------------------------------------

def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _source_lines() -> list[str]:
    return [_norm(line) for line in SOURCE.read_text(encoding="utf-8").splitlines()]


SOURCE_LINES = _source_lines()


def _quote_lines(quote: str) -> list[str]:
    return [line for line in (_norm(part) for part in quote.split("\n")) if line]


def _agency_names() -> dict[str, list[str]]:
    registry = yaml.safe_load((DATA / "agencies.yaml").read_text(encoding="utf-8"))
    names = {}
    for agency in registry["agencies"]:
        spellings = [agency["name"], agency.get("short_name"), *agency.get("spellings", [])]
        names[agency["id"]] = [s for s in spellings if s]
    return names


AGENCY_NAMES = _agency_names()


def _task_ids_in_data() -> list[str]:
    found: list[str] = []

    def walk(nodes):
        for node in nodes or ():
            if "task" in node:
                found.append(node["task"])
            walk(node.get("content"))

    plan = yaml.safe_load((DATA / "plan.yaml").read_text(encoding="utf-8"))
    for part in plan["parts"]:
        walk(part["content"])
    return found


def _body_text(fact: Fact, heading: str | None) -> str:
    """The words a body role may come from: the task's quote, and its section heading."""
    text = fact.source
    if heading is not None:
        text += "\n" + HEADINGS[heading]
    return _norm(text).casefold()


# --------------------------------------------------------------------------------------------
# Tests that need only the source and the registry
# --------------------------------------------------------------------------------------------

def test_at_least_25_records():
    assert len(FACTS) >= 25
    assert len(IDS) == len(set(IDS)), "one record per task"


def test_a_record_for_every_task_of_the_data():
    assert _task_ids_in_data() == IDS


@pytest.mark.parametrize("task_id", IDS)
def test_source_quote_is_in_the_document(task_id):
    """Every line of every quote is a whole line of the document (whitespace normalised)."""
    lines = set(SOURCE_LINES)
    for line in _quote_lines(FACTS_BY_ID[task_id].source):
        assert line in lines, f"{task_id}: not a line of the source: {line!r}"


@pytest.mark.parametrize("number", sorted(APPENDIX))
def test_appendix_quote_is_in_the_document(number):
    """Each Phụ lục row's quote is its cells, in order, as a run of the table's lines."""
    cells = [line for line in SOURCE_LINES if line]
    quote = _quote_lines(APPENDIX[number].source)
    assert any(cells[i:i + len(quote)] == quote for i in range(len(cells))), number
    # and the time cells recorded are that row's cells: the first time cell and the last one
    assert quote[-3] == APPENDIX[number].start_text
    assert quote[-1] == APPENDIX[number].completion_text


def test_headings_are_in_the_document():
    for label, heading in HEADINGS.items():
        assert any(line.startswith(_norm(heading)) for line in SOURCE_LINES), label
    for label, text in HEADING_AGENCY_TEXT.items():
        assert re.sub(r"^[\d.]+ ", "", _norm(HEADINGS[label])).rstrip(":") == text, label


def test_expected_agencies_exist_and_are_named_in_their_source():
    """The ids of the records are registry ids, and each is named where the record says."""
    for fact in FACTS:
        for _kind, _term, agencies, heading in fact.roles:
            words = _body_text(fact, heading)
            for agency_id in agencies:
                assert agency_id in AGENCY_NAMES, (fact.id, agency_id)
                assert any(name.casefold() in words for name in AGENCY_NAMES[agency_id]), (
                    fact.id, agency_id)
    for row in APPENDIX.values():
        words = _norm(row.source).casefold()
        for _kind, agencies in row.roles:
            for agency_id in agencies:
                assert agency_id in AGENCY_NAMES, (row.number, agency_id)
                assert any(name.casefold() in words for name in AGENCY_NAMES[agency_id]), (
                    row.number, agency_id)


def test_expected_timeframe_words_are_in_their_source():
    for fact in FACTS:
        if fact.timeframe is None:
            continue
        text, heading, *_ = fact.timeframe
        words = _norm(HEADINGS[heading] if heading else fact.source)
        assert _norm(text) in words, fact.id


# --------------------------------------------------------------------------------------------
# The model against the records
# --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def plan():
    from tests.support.plans import load  # the real loader, as of today

    return load(DATA)


def _period(period):
    # The model's precision codes are Vietnamese (they reach the open data); the records use the
    # English names of the same precisions.
    return None if period is None else (period.precision.name.lower(), period.first, period.last)


def _actual_roles(roles):
    return tuple((r.kind, r.term, tuple(r.agencies), r.heading) for r in roles)


def _actual_timeframe(timeframe):
    if timeframe is None:
        return None
    return (timeframe.text, timeframe.heading, _period(timeframe.start), _period(timeframe.due),
            timeframe.recurrence.name.lower())


def _actual_rows(rows):
    return tuple(
        (row.number, tuple((r.kind, tuple(r.agencies)) for r in row.roles),
         row.start_text, row.completion_text)
        for row in rows
    )


@pytest.mark.parametrize("task_id", IDS)
def test_body_roles(plan, task_id):
    assert _actual_roles(plan.task(task_id).roles) == FACTS_BY_ID[task_id].roles


@pytest.mark.parametrize("task_id", IDS)
def test_timeframe(plan, task_id):
    assert _actual_timeframe(plan.task(task_id).timeframe) == FACTS_BY_ID[task_id].timeframe


@pytest.mark.parametrize("task_id", IDS)
def test_due_date(plan, task_id):
    assert plan.task(task_id).due_date == FACTS_BY_ID[task_id].due_date


@pytest.mark.parametrize("task_id", IDS)
def test_appendix_rows(plan, task_id):
    assert _actual_rows(plan.task(task_id).appendix_rows) == FACTS_BY_ID[task_id].expected_rows()


@pytest.mark.parametrize("task_id", IDS)
def test_body_roles_come_from_the_body(plan, task_id):
    """Whatever the model says, a body role's words and agencies are in the task's own quote or
    in its section heading: a Phụ lục role merged into the body fails here."""
    fact = FACTS_BY_ID[task_id]
    for role in plan.task(task_id).roles:
        words = _body_text(fact, role.heading)
        assert role.text == role.text.rstrip(".;").strip(), (task_id, role.text)
        assert _norm(role.text).casefold() in words, (task_id, role.text)
        if role.heading is not None:
            assert role.text == HEADING_AGENCY_TEXT[role.heading], (task_id, role.text)
        for agency_id in role.agencies:
            names = AGENCY_NAMES.get(agency_id, [])
            assert any(name.casefold() in _norm(role.text).casefold() for name in names), (
                f"{task_id}: {agency_id} is not named by the role's words {role.text!r}")
            assert any(name.casefold() in words for name in names), (
                f"{task_id}: {agency_id} is not named in the task's source quote or heading")


@pytest.mark.parametrize("task_id", IDS)
def test_timeframe_words_are_the_tasks_own(plan, task_id):
    """A timeframe quotes its own words, or says which heading they are from."""
    timeframe = plan.task(task_id).timeframe
    if timeframe is None:
        return
    fact = FACTS_BY_ID[task_id]
    lines = _quote_lines(fact.source)
    if timeframe.heading is None:
        own = [line for line in lines if _norm(line) not in {_norm(h) for h in HEADINGS.values()}]
        assert any(_norm(timeframe.text) in line for line in own), (task_id, timeframe.text)
    else:
        assert _norm(timeframe.text).casefold() in _norm(HEADINGS[timeframe.heading]).casefold()


@pytest.mark.parametrize("task_id", IDS)
def test_open_data_period_words_are_the_plan_s_as_written(plan, task_id):
    """A period's `loi_van` in the open data is in the source, as written, where the task's
    dates come from (its words, its heading, or the Phụ lục row its dates are taken from): never
    the site's own words for it («năm 2019» for «trước năm 2020», «quý I/2019» for «Quý I năm
    2019»)."""
    from macros.files.opendata import task_record
    from tests.support.plans import edition

    task, fact = plan.task(task_id), FACTS_BY_ID[task_id]
    if task.timeframe is not None:
        heading = task.timeframe.heading
        words = _norm(HEADINGS[heading] if heading else fact.source)
    elif task.schedule_source is not None:
        words = _norm(APPENDIX[task.schedule_source.number].source)
    else:
        words = ""
    record = task_record(edition(plan), task)
    for key in ("bat_dau", "han_hoan_thanh_khoang"):
        if record[key] is not None:
            assert _norm(record[key]["loi_van"]) in words, (task_id, key, record[key])


def test_a_deadline_before_a_year_keeps_its_words():
    """ii-3-2-2, line 76: «(hoàn thành trước năm 2020)»: the due period is the year 2019 (the
    site's reading), its words «trước năm 2020»."""
    from macros.files.opendata import task_record
    from tests.support.plans import edition, load

    real = load(DATA)
    record = task_record(edition(real), real.task("ii-3-2-2"))
    assert record["han_hoan_thanh_khoang"] == {"do_chinh_xac": "nam", "gia_tri": "2019",
                                               "loi_van": "trước năm 2020"}
