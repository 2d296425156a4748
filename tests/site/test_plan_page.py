"""The plan page: the full text word for word, in order, with an anchor on every task."""
from __future__ import annotations

import pytest

from tests.conftest import DATA, build_site, copy_data, soup
from tests.support.fidelity import first_missing, source_units
from tests.support.plans import load


def test_build_is_clean(real_build):
    _, result = real_build
    problems = [line for line in result.stderr.splitlines()
                if line.startswith(("WARNING", "ERROR"))]
    assert problems == []


def test_source_copy_is_the_shared_source(source):
    from tests.conftest import SHARED_SOURCE

    if not SHARED_SOURCE.is_file():
        pytest.skip("../shared/source is not beside this clone (as on GitHub's runners)")
    assert source.read_bytes() == SHARED_SOURCE.read_bytes()


def test_every_sentence_of_the_source_in_order(site, source):
    units = source_units(source)
    assert len(units) > 250  # the whole document, appendix cells included
    assert first_missing(source, (site / "ke-hoach" / "index.html").read_text("utf-8")) is None


def test_changing_one_word_of_the_data_fails_fidelity(edited_site, source):
    # «39-NQ/TW» made «38-NQ/TW» in data/plan.yaml (EDITS["one word"] in tests/conftest.py): the
    # site is built, and the check finds the sentence that no longer reads as issued.
    missing = first_missing(source, (edited_site / "ke-hoach" / "index.html").read_text("utf-8"))
    assert missing is not None and "39-NQ/TW" in missing[1]


def test_every_task_has_an_anchor_matching_its_id(site):
    page = soup(site / "ke-hoach" / "index.html")
    plan = load(DATA)
    for task in plan.tasks:
        element = page.find(id=task.id)
        assert element is not None, task.id
        assert task.text in element.get_text(" ")
        link = element.select_one(".ui-links a")
        assert link["href"] == f"../nhiem-vu/{task.id}/"
        assert (site / "nhiem-vu" / task.id / "index.html").exists()


def test_headings_for_the_three_parts(site):
    page = soup(site / "ke-hoach" / "index.html")
    headings = [h.get_text(" ", strip=True) for h in page.select(".plan-text h2")]
    assert headings[:3] == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN"]
    assert page.select_one("h3#muc-ii-2").get_text(strip=True) == "2. Nhiệm vụ chung"
    assert page.select_one("h4#muc-ii-2-1").get_text(strip=True) == "2.1. Nhiệm vụ thực hiện theo lộ trình"


def test_appendix_is_an_accessible_table_with_eight_columns(site):
    page = soup(site / "ke-hoach" / "index.html")
    table = page.select_one("table.appendix")
    assert table.caption and table.caption.get_text(strip=True)
    header = [th.get_text(strip=True) for th in table.select("thead tr")[0].find_all("th")]
    assert header == [
        "TT", "Nội dung nhiệm vụ", "Cơ quan, đơn vị chủ trì tham mưu", "Cơ quan, đơn vị phối hợp",
        "Cơ quan có thẩm quyền cho ý kiến", "Cơ quan có thẩm quyền quyết định",
        "Thời gian thực hiện", "Thời gian hoàn thành",
    ]
    assert all(th.get("scope") == "col" for th in table.select("thead th"))
    rows = table.select("tbody tr")
    assert len(rows) == 21
    for number, row in enumerate(rows, start=1):
        cells = row.find_all(["th", "td"], recursive=False)
        assert len(cells) == 8
        assert cells[0].name == "th" and cells[0]["scope"] == "row"
        assert cells[0].get_text(strip=True) == str(number)
    row3 = [c.get_text(" ", strip=True) for c in rows[2].find_all(["th", "td"], recursive=False)]
    assert row3[6:] == ["Từ Quý II/2018", "Trong năm 2018"]


def test_typos_of_the_original_stay_as_issued(site):
    text = soup(site / "ke-hoach" / "index.html").select_one(".plan-text").get_text(" ")
    for as_issued in ["TM. ỦY BAN NHÂN DÂN TINH", "PHỤ LỤC", "CỦA NGHỊ QUYẾT SỐ 18/NQ-CP",
                      "Các các cơ quan, đơn vị có liên quan", "Kế hoạch số 07 -KH/TW"]:
        assert as_issued in text


def test_no_request_leaves_the_site(site):
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        tree = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in tree.find_all(tag):
                if tag == "link" and {"canonical", "alternate"} & set(element.get("rel", [])):
                    continue  # an address, not something the browser loads
                target = element.get(attr) or ""
                assert not target.startswith(("http:", "https:", "//")), (page, target)
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_site_is_in_vietnamese_with_ascii_urls(site):
    page = soup(site / "index.html")
    assert page.html["lang"] == "vi"
    for path in site.rglob("*"):
        assert str(path.relative_to(site)).isascii(), path


def test_home_page_dates_in_the_administrative_form(site):
    lead = soup(site / "index.html").select_one(".home .lead").get_text(" ", strip=True)
    assert lead.startswith("Ngày 02 tháng 7 năm 2018, Ủy ban nhân dân tỉnh Tuyên Quang ban hành")


def identity_facts(page) -> dict[str, str]:
    box = page.select_one("section.doc-identity")
    assert box is not None and box.find_parent(class_="plan-text") is None  # not the document's words
    return {dt.get_text(strip=True): " ".join(dt.find_next_sibling("dd").get_text().split())
            for dt in box.select("dt")}


def test_the_plan_page_opens_with_the_documents_identity_from_the_data(site):
    page = soup(site / "ke-hoach" / "index.html")
    box = page.select_one("section.doc-identity")
    # First thing after the page title, before the contents and the text.
    assert box.find_previous_sibling() is page.select_one("article h1")
    assert box.h2.get_text(strip=True) == "Thông tin văn bản (do trang web tổng hợp)"
    plan = load(DATA)
    doc = plan.document
    assert (doc.kind, doc.number, doc.issuer, doc.date.isoformat(), doc.place) == (
        "Kế hoạch", "68/KH-UBND", "ubnd-tinh", "2018-07-02", "Tuyên Quang")
    assert identity_facts(page) == {
        "Loại văn bản": doc.kind,
        "Số, ký hiệu": doc.number,
        "Cơ quan ban hành": plan.agency(doc.issuer).name,
        "Ngày ban hành": "ngày 02 tháng 7 năm 2018",
        "Nơi ban hành": doc.place,
    }
    assert box.select_one("a")["href"] == "../co-quan/ubnd-tinh/"
    # No address of the original is known: no link, no placeholder.
    assert doc.original_url is None
    assert not box.select('a[href^="http"]') and "gốc" not in box.get_text()


def test_the_official_original_is_linked_when_the_data_gives_it(edited_site, tmp_path):
    # Given in data/plan.yaml (EDITS["original"] in tests/conftest.py).
    page = soup(edited_site / "ke-hoach" / "index.html")
    assert identity_facts(page)["Văn bản gốc"] == "Kế hoạch số 68/KH-UBND (bản gốc chính thức)"
    href = page.select_one("section.doc-identity dd a[href^='https:']")["href"]
    assert href == "https://example.org/van-ban/68-KH-UBND.pdf"
    # Only https: a plain http address is refused with the file and field named.
    data = copy_data(tmp_path)
    plan = data / "plan.yaml"
    text = plan.read_text("utf-8")
    anchor = "  place: Tuyên Quang\n"
    assert text.count(anchor) == 1
    plan.write_text(text.replace(anchor, f"{anchor}  original_url: http://example.org/68.pdf\n"), "utf-8")
    result = build_site(tmp_path / "refused", data_dir=data)
    assert result.returncode != 0 and "original_url" in result.stderr
