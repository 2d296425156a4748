"""Status reports, derived states, the progress page, task pages, open data and the demo."""
from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros import routes
from macros.load.errors import DataError
from macros.model.news import News
from macros.model.status import DisplayState
from macros.settings import Settings
from macros.site.render import render
from macros.views.progress import ProgressPage
from macros.views.task import TaskPage
from tests.conftest import DATA, DEMO, build_site, soup
from tests.support.plans import edition, load
from tests.support.spreadsheet import assert_sheet_holds_csv

IN_PROGRESS = """\
state: đang thực hiện
percent: 40
done: Đang làm.
reporter: so-noi-vu
"""
DAY = "2018-07-20"


def reports_dir(tmp_path: Path, **files: str) -> Path:
    """A reports folder: ii_2_1_1="..." is data/tien-do/ii-2-1-1/2018-07-20.yaml; a name with a
    date (ii_2_1_1__2018_07_01) gives the file's date."""
    folder = tmp_path / "tien-do"
    folder.mkdir()
    for name, text in files.items():
        task, _, day = name.partition("__")
        path = folder / task.replace("_", "-") / f"{day.replace('_', '-') or DAY}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, "utf-8")
    return folder


def built_state(site: Path, task_id: str) -> str:
    """The state a reader sees for a task, on its page and in the progress table."""
    return shown_state(soup(site / "nhiem-vu" / task_id / "index.html"),
                       soup(site / "tien-do" / "index.html"), task_id)


def shown_state(task_page: BeautifulSoup, progress: BeautifulSoup, task_id: str) -> str:
    tag = task_page.select_one(".task-page__state .state")
    row = progress.select_one(f'tr:has(a[href="../nhiem-vu/{task_id}/"])')
    assert row["data-state"] == tag["class"][1].removeprefix("state--")
    return tag.get_text(strip=True)


def rendered_state(plan, task_id: str) -> str:
    """The same from the task page's and the progress page's views and templates (no build)."""
    news = News((), {})
    task_page = render("task_page.html", view=TaskPage.of(edition(plan), task_id, news), root="../../")
    progress = render("progress.html", view=ProgressPage.of(edition(plan)),
                      root=routes.root_of(routes.progress_page(1)))
    return shown_state(BeautifulSoup(str(task_page), "html.parser"),
                       BeautifulSoup(str(progress), "html.parser"), task_id)


# ii-2-1-1 is due "Hoàn thành trong tháng 7/2018": 31 July 2018. The date and instant a build
# takes from its environment (macros.settings), then the state its views show: the build passes
# the same settings through (the dated and demo session builds, tests/conftest.py).
@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"PLAN_AS_OF": "2018-07-30"}, "Đang thực hiện"),
        ({"PLAN_AS_OF": "2018-07-31"}, "Đang thực hiện"),
        ({"PLAN_AS_OF": "2018-08-01"}, "Quá hạn, chưa có báo cáo hoàn thành"),
        # 23:30 in Vietnam on the due date (16:30 UTC): not yet overdue.
        ({"SOURCE_DATE_EPOCH": str(int(datetime(2018, 7, 31, 16, 30, tzinfo=UTC).timestamp()))}, "Đang thực hiện"),
        # 00:30 in Vietnam the day after, while UTC is still 31 July: overdue.
        ({"SOURCE_DATE_EPOCH": str(int(datetime(2018, 7, 31, 17, 30, tzinfo=UTC).timestamp()))}, "Quá hạn, chưa có báo cáo hoàn thành"),
        # 06:30 in Vietnam the day after, 23:30 UTC of the due date: overdue.
        ({"SOURCE_DATE_EPOCH": str(int(datetime(2018, 7, 31, 23, 30, tzinfo=UTC).timestamp()))}, "Quá hạn, chưa có báo cáo hoàn thành"),
    ],
)
def test_overdue_around_the_due_date_in_vietnam_time(tmp_path, settings, expected):
    reports = reports_dir(tmp_path, ii_2_1_1=IN_PROGRESS)
    build = Settings.from_env(env={**settings, "PLAN_REPORTS_DIR": str(reports)})
    assert build.reports_dir == reports.resolve()
    plan = load(DATA, reports_dir=build.reports_dir, as_of=build.as_of)
    assert plan.status("ii-2-1-1").state.label == expected
    assert rendered_state(plan, "ii-2-1-1") == expected


def test_every_derived_state_in_the_demo(demo_site):
    site = demo_site
    expected = {
        "ii-2-1-1": "Hoàn thành đúng hạn",  # done 25/7/2018, due 31/7/2018
        "ii-2-1-2": "Hoàn thành chậm",  # done 10/2/2019, due 31/12/2018
        "ii-2-1-3": "Đang thực hiện",  # due 31/12/2019
        "ii-2-1-4": "Quá hạn, chưa có báo cáo hoàn thành",  # in progress, due 31/3/2019
        "ii-3-1-2": "Quá hạn, chưa có báo cáo hoàn thành",  # not started, due 31/12/2018
        "ii-3-5-1": "Quá hạn, chưa có báo cáo hoàn thành",  # no report at all, due 31/12/2018
        "ii-3-2-2": "Tạm dừng",  # paused, due 31/12/2019
        "ii-3-5-8": "Đang thực hiện",  # due 31/12/2020, revised to 30/6/2021
        "ii-3-4-1": "Đang thực hiện",  # no deadline: never overdue
        "ii-3-5-3": "Không còn áp dụng",
        "ii-2-1-5": "Chưa có báo cáo",  # "Thực hiện từ năm 2018": no deadline
        "ii-3-1-9": "Chưa có báo cáo",  # no report, due 31/12/2019: not yet due
    }
    for task_id, state in expected.items():
        assert built_state(site, task_id) == state, task_id
    # Original and revised deadlines side by side.
    deadlines = soup(site / "nhiem-vu" / "ii-3-5-8" / "index.html").select_one("table.deadlines").get_text(" ")
    assert "ngày 31 tháng 12 năm 2020" in deadlines and "ngày 30 tháng 6 năm 2021" in deadlines
    # A task without a deadline shows its last report and the next report due instead.
    recurring = soup(site / "nhiem-vu" / "ii-3-4-1" / "index.html").get_text(" ")
    assert "Kỳ báo cáo tiếp theo" in recurring and "ngày 13 tháng 7 năm 2019" in recurring
    # The history lists every report with its evidence.
    history = soup(site / "nhiem-vu" / "ii-2-1-1" / "index.html").select("table.reports tbody tr")
    assert len(history) == 2 and "(Minh họa) Văn bản số 00/MH" in history[1].get_text()
    # Every page of the demo carries the banner; data says it is illustrative.
    for page in site.rglob("*.html"):
        assert "Bản trình diễn." in page.read_text("utf-8"), page
    assert json.loads((site / "du-lieu" / "nhiem-vu.json").read_text("utf-8"))["minh_hoa"] is True


def test_the_real_data_has_no_reports_and_says_so(site):
    plan = load(DATA)
    assert plan.report_logs == {} and plan.data_as_of is None
    page = soup(site / "tien-do" / "index.html")
    states = {row.th.a["href"].split("/")[-2]: row["data-state"]
              for row in page.select("table.tasks tbody tr")}
    # As of today, every task with a deadline is overdue without a completion report; the others
    # have no report.
    overdue = {t.id for t in plan.tasks if t.due_date and t.due_date < plan.as_of}
    assert len(overdue) == 15
    assert {t for t, s in states.items() if s == "qua-han"} == overdue
    assert {t for t, s in states.items() if s == "chua-co-bao-cao"} == {t.id for t in plan.tasks} - overdue
    assert "15 trong 49 nhiệm vụ đã quá hạn mà chưa có báo cáo hoàn thành" in " ".join(page.get_text().split())
    assert "Chưa có báo cáo tiến độ nào được công bố." in page.get_text()
    assert "Bản trình diễn" not in (site / "index.html").read_text("utf-8")
    assert json.loads((site / "du-lieu" / "nhiem-vu.json").read_text("utf-8"))["minh_hoa"] is False
    # Each task still shows its deadline.
    row = page.select_one('tr:has(a[href="../nhiem-vu/ii-2-1-1/"])')
    assert "31/7/2018" in row.get_text()


def test_every_task_has_one_page_reachable_from_the_progress_tables(site):
    plan = load(DATA)
    pages = {p.parent.name for p in (site / "nhiem-vu").glob("*/index.html")}
    assert pages == {task.id for task in plan.tasks}
    links = [a["href"] for a in soup(site / "tien-do" / "index.html").select("table.tasks tbody th a")]
    assert sorted(links) == sorted(f"../nhiem-vu/{task.id}/" for task in plan.tasks)


def test_progress_tables_are_accessible(site):
    page = soup(site / "tien-do" / "index.html")
    tables = page.select("table.tasks")
    assert len(tables) == 2
    for table in tables:
        assert table.caption.get_text(strip=True)
        assert [th.get("scope") for th in table.select("thead th")] == ["col"] * 6
        assert table.has_attr("data-sortable")
        # On a phone a row is a card naming each fact by its cell's data-label: the heading of
        # its column, word for word (the name and summary need none).
        headings = [th.get_text(strip=True) for th in table.select("thead th")]
        for row in table.select("tbody tr"):
            labels = [cell.get("data-label") for cell in row.find_all(["th", "td"], recursive=False)]
            assert labels == [None, None, *headings[2:]], row
    assert page.select_one(".table-filters").has_attr("hidden")  # controls only with JavaScript
    chart = page.select_one("figure.chart")
    counts = {row.th.get_text(strip=True): int(row.select_one("td.num").get_text()) for row in chart.select("tbody tr")}
    plan = load(DATA)
    overdue = sum(1 for t in plan.tasks if t.due_date and t.due_date < plan.as_of)
    assert counts["Chưa có báo cáo"] == len(plan.tasks) - overdue
    assert counts["Quá hạn, chưa có báo cáo hoàn thành"] == overdue
    assert set(counts) == {state.label for state in DisplayState}


def test_open_data_loads_back_to_the_same_data(demo_site):
    from macros.files.opendata import TASK_FIELDS

    plan = load(DATA, reports_dir=DEMO, as_of=date(2019, 6, 30))
    folder = demo_site / "du-lieu"
    document = json.loads((folder / "nhiem-vu.json").read_text("utf-8"))
    assert document["tinh_den_ngay"] == "2019-06-30" and document["minh_hoa"] is True
    records = {r["ma"]: r for r in document["nhiem_vu"]}
    assert list(records) == [task.id for task in plan.tasks]
    for task in plan.tasks:
        status = plan.status(task)
        record = records[task.id]
        assert record["noi_dung"] == task.text
        assert record["chu_tri"] == list(task.role_agencies("lead"))
        assert record["ma_trang_thai"] == status.state.slug
        assert record["han_hoan_thanh"] == (task.due_date.isoformat() if task.due_date else None)
        assert record["qua_han_tu"] == (status.overdue_since.isoformat() if status.is_overdue else None)
        # The two sources stay apart: body roles, and the Phụ lục's with their row.
        assert all(r["dong_phu_luc"] is None for r in record["trach_nhiem"])
        assert [r["dong_phu_luc"] for r in record["phu_luc_vai_tro"]] == [
            role.row for role in task.appendix_roles]
        assert [(r["ngay"], r["trang_thai"], r["ket_qua"]) for r in record["bao_cao"]] == [
            (r.date.isoformat(), r.state.value, r.done) for r in status.reports
        ]
    raw = (folder / "nhiem-vu.csv").read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    # Vietnamese headings, one per field.
    assert list(rows[0]) == [f.header for f in TASK_FIELDS]
    assert [row["Mã nhiệm vụ"] for row in rows] == list(records)
    for row in rows:
        record = records[row["Mã nhiệm vụ"]]
        for field in TASK_FIELDS:
            value, cell = record[field.key], row[field.header]
            if isinstance(value, dict):  # a period: its words
                assert cell == value["loi_van"], (row["Mã nhiệm vụ"], field.key)
            elif value and isinstance(value, list) and isinstance(value[0], dict):  # roles
                # One role a line, in the source's own term (or, where it writes none, the
                # site's label saying so) and words (never registry names).
                assert len(cell.split("\n")) == len(value)
                for role, line in zip(value, cell.split("\n"), strict=True):
                    assert role["nhan"] == (role["thuat_ngu"] or role["nhan"])
                    assert line.startswith(role["nhan"]) and line.endswith(
                        f": {role['loi_van']}"), (row["Mã nhiệm vụ"], line)
            elif isinstance(value, bool):  # «có»/«không», as the other yes-no fields
                assert cell == ("có" if value else "không"), (row["Mã nhiệm vụ"], field.key)
            else:
                expected = "; ".join(map(str, value)) if isinstance(value, list) else (
                    "" if value is None else str(value))
                assert cell == expected, (row["Mã nhiệm vụ"], field.key)
    reports = list(csv.DictReader(io.StringIO((folder / "bao-cao.csv").read_bytes().decode("utf-8-sig"))))
    assert [(r["Mã nhiệm vụ"], r["Ngày báo cáo"]) for r in reports] == [
        (task_id, r["ngay"]) for task_id, rec in records.items() for r in rec["bao_cao"]
    ]


def test_open_data_fields_are_documented(site):
    from macros.files.opendata import REPORT_FIELDS, TASK_FIELDS

    documented = {code.get_text() for code in soup(site / "du-lieu" / "index.html").select("table th code")}
    assert {f.key for f in TASK_FIELDS + REPORT_FIELDS} <= documented


def test_the_open_data_page_offers_each_csv_as_a_spreadsheet_and_says_which_to_pick(site):
    from macros.files.opendata import FILES

    page = soup(site / "du-lieu" / "index.html")
    links = {a["href"].removeprefix("../") for a in page.select(".open-data__files a[download]")}
    tables = [path for path in FILES if path.endswith(".csv")]
    assert len(tables) >= 4 and links == set(FILES) | {t.replace(".csv", ".xlsx") for t in tables}
    which = " ".join(page.select_one(".open-data__which").get_text().split())
    assert "Excel" in which and ".xlsx" in which and "«;»" in which and "dấu phẩy" in which
    # Beside every CSV, a spreadsheet that holds what the CSV holds.
    for table in tables:
        book = table.replace(".csv", ".xlsx")
        assert_sheet_holds_csv((site / book).read_bytes(), (site / table).read_bytes())


# (name, file under tien-do/, text, line of the defect or text on it, field, what the message says)
BAD_REPORTS = [
    ("unknown-task", "ii-9-9-9/2018-07-20.yaml", IN_PROGRESS, 1, "", "không phải mã của nhiệm vụ nào"),
    ("date-after-build", "ii-2-1-1/2030-01-01.yaml", IN_PROGRESS, 1, "", "muộn hơn ngày dựng trang"),
    ("date-not-real", "ii-2-1-1/2018-09-31.yaml", IN_PROGRESS, 1, "", "phải là ngày báo cáo có thật"),
    ("date-other-form", "ii-2-1-1/20-07-2018.yaml", IN_PROGRESS, 1, "", "dạng NĂM-THÁNG-NGÀY"),
    ("old-layout", "ii-2-1-1.yaml", IN_PROGRESS, 1, "", "nằm ngay trong thư mục tiến độ"),
    ("date-in-file", "ii-2-1-1/2018-07-20.yaml", "date: 2018-07-20\n" + IN_PROGRESS, "date:", "date",
     "Ngày báo cáo là tên tệp"),
    ("placeholder", "ii-2-1-1/2018-07-20.yaml", IN_PROGRESS.replace("so-noi-vu", "<mã cơ quan>"),
     "reporter:", "reporter", "Chưa điền «reporter»"),
    ("state-outside-list", "ii-2-1-1/2018-07-20.yaml", IN_PROGRESS.replace("đang thực hiện", "sắp xong"),
     "state: sắp xong", "state", "Giá trị «sắp xong» không hợp lệ"),
    ("percent-over-100", "ii-2-1-1/2018-07-20.yaml", IN_PROGRESS.replace("percent: 40", "percent: 140"),
     "percent: 140", "percent", "không quá 100"),
    ("done-without-date", "ii-2-1-1/2018-07-20.yaml", IN_PROGRESS.replace("đang thực hiện", "hoàn thành"),
     1, "", "phải có ngày hoàn thành"),
    ("completed-after-report", "ii-2-1-1/2018-07-20.yaml",
     IN_PROGRESS.replace("đang thực hiện", "hoàn thành") + "completed_on: 2018-07-25\n", 1, "",
     "Ngày hoàn thành 25/7/2018 muộn hơn ngày báo cáo 20/7/2018"),
    ("unknown-reporter", "ii-2-1-1/2018-07-20.yaml", IN_PROGRESS.replace("reporter: so-noi-vu", "reporter: so-noi-vuu"),
     "reporter: so-noi-vuu", "reporter", "Không có cơ quan mã «so-noi-vuu»"),
    ("javascript-link", "ii-2-1-1/2018-07-20.yaml", IN_PROGRESS + "evidence:\n  - number: QĐ\n  - number: QĐ 2\n    url: javascript:alert(1)\n",
     "url: javascript", "evidence[2].url", "không đúng dạng"),
    ("correction-before-report", "ii-2-1-1/2018-07-20.yaml",
     IN_PROGRESS + "corrections:\n  - date: 2018-07-01\n    reason: Sửa số.\n", 1, "",
     "Ngày đính chính 01/7/2018 sớm hơn ngày báo cáo 20/7/2018"),
]


@pytest.mark.parametrize(("name", "where", "text", "line_of", "field", "says"), BAD_REPORTS,
                         ids=[b[0] for b in BAD_REPORTS])
def test_bad_reports_name_file_line_and_field(tmp_path, name, where, text, line_of, field, says):
    folder = tmp_path / "tien-do"
    (folder / where).parent.mkdir(parents=True, exist_ok=True)
    (folder / where).write_text(text, "utf-8")
    line = line_of if isinstance(line_of, int) else next(
        i for i, written in enumerate(text.split("\n"), 1) if line_of in written)
    with pytest.raises(DataError) as caught:
        load(DATA, reports_dir=folder, as_of=date(2026, 11, 26))
    assert any(
        p.file.endswith(f"tien-do/{where}") and p.line == line and p.field == field and says in p.message
        for p in caught.value.problems
    ), "\n".join(map(str, caught.value.problems))


def test_reports_of_a_task_are_read_in_date_order(tmp_path):
    later = IN_PROGRESS.replace("percent: 40", "percent: 60")
    folder = reports_dir(tmp_path, ii_2_1_1__2018_07_25=later, ii_2_1_1=IN_PROGRESS)
    (folder / "README.md").write_text("# Ghi chú", "utf-8")  # not a report
    plan = load(DATA, reports_dir=folder, as_of=date(2018, 7, 30))
    reports = plan.status("ii-2-1-1").reports
    assert [(r.date.isoformat(), r.percent) for r in reports] == [("2018-07-20", 40), ("2018-07-25", 60)]


def test_a_bad_report_stops_the_build(tmp_path):
    folder = reports_dir(tmp_path, ii_2_1_1=IN_PROGRESS.replace("percent: 40", "percent: 140"))
    result = build_site(tmp_path / "site", PLAN_REPORTS_DIR=str(folder))
    assert result.returncode != 0
    assert "ii-2-1-1/2018-07-20.yaml, dòng 2 (trường «percent»)" in result.stderr
    assert not (tmp_path / "site" / "tien-do").exists()


DEED = "https://creativecommons.org/licenses/by/4.0/deed.vi"


def test_the_licence_is_stated_on_the_open_data_page_and_in_every_footer(site):
    # The open data page: the plan's text is not protected by copyright (Điều 15 Luật Sở hữu trí
    # tuệ), the site's data and files are under CC BY 4.0, with a plain link to the deed.
    page = soup(site / "du-lieu" / "index.html")
    heading = page.select_one("h2#giay-phep")
    assert heading is not None and heading.get_text(strip=True) == "Giấy phép"
    items = [" ".join(li.get_text().split()) for li in heading.find_next_sibling("ul").select("li")]
    plan_text, data = items
    assert plan_text.startswith("Toàn văn Kế hoạch số 68/KH-UBND")
    assert "Điều 15 Luật Sở hữu trí tuệ" in plan_text
    assert "không thuộc phạm vi bảo hộ quyền tác giả" in plan_text
    assert "(CC BY 4.0)" in data and all(name in data for name in
                                         ("nhiem-vu.json", "nhiem-vu.csv", "bao-cao.csv"))
    assert [a["href"] for a in heading.find_next_sibling("ul").select("a")] == [DEED]
    # Every page's footer says the same in short (mkdocs.yml `copyright`, Material's footer).
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        footer = soup(path).select_one("footer .md-copyright")
        assert footer is not None, path
        text = " ".join(footer.get_text().split())
        assert "không thuộc phạm vi bảo hộ quyền tác giả (Điều 15 Luật Sở hữu trí tuệ)" in text, path
        assert "(CC BY 4.0)" in text and [a["href"] for a in footer.select("a")] == [DEED], path
