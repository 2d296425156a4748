"""The open data's spreadsheets (macros/files/xlsx.py): what openpyxl reads back is what the CSV
holds (headings, rows, every cell), with days as date cells, a frozen header row, columns as wide
as their contents, and the same bytes for the same build instant."""
from __future__ import annotations

import re
import zipfile
from datetime import UTC, date, datetime
from io import BytesIO

import pytest

from macros import routes
from macros.files import opendata, xlsx
from tests.conftest import DATA, ROOT
from tests.support.plans import edition, load
from tests.support.spreadsheet import assert_sheet_holds_csv, sheet

DEMO = ROOT / "tests" / "fixtures" / "demo" / "tien-do"
INSTANT = datetime(2019, 7, 1, 3, 4, 5, tzinfo=UTC)


@pytest.fixture(scope="module")
def plan():
    """The real plan with the demo's illustrative reports, as of a day after the bodies' changes
    of 2025: every kind of cell is there (days, numbers, lists, empty cells), reports with
    completion dates, and the bodies' ends and changes (only those in effect by the as-of day are
    in the files)."""
    return load(DATA, reports_dir=DEMO, as_of=date(2026, 12, 1))


@pytest.fixture(scope="module")
def shown(plan):
    """The demo's edition, built at INSTANT."""
    return edition(plan, built_at=INSTANT, demo=True)


@pytest.fixture(scope="module")
def books(shown) -> dict[str, bytes]:
    return dict(xlsx.files(shown))


def test_every_csv_has_a_spreadsheet(books):
    csv_files = [path for path in opendata.FILES if path.endswith(".csv")]
    assert sorted(books) == sorted(path.replace(".csv", ".xlsx") for path in csv_files)


@pytest.mark.parametrize(("book", "table", "write_csv"), [
    (routes.TASKS_XLSX, opendata.tasks_table, opendata.tasks_csv),
    (routes.REPORTS_XLSX, opendata.reports_table, opendata.reports_csv),
    (routes.AGENCIES_XLSX, opendata.agencies_table, opendata.agencies_csv),
    (routes.AGENCY_EVENTS_XLSX, opendata.agency_events_table, opendata.agency_events_csv),
], ids=["nhiem-vu", "bao-cao", "co-quan", "co-quan-thay-doi"])
def test_each_spreadsheet_holds_what_its_csv_holds(shown, books, book, table, write_csv):
    assert opendata.FILES[book.replace(".xlsx", ".csv")] is write_csv
    cells = assert_sheet_holds_csv(books[book], write_csv(shown).encode("utf-8"))
    rows = table(shown).rows
    assert len(cells) == len(rows) + 1 > 2
    # Vietnamese headings, the fields' own.
    assert [c.value for c in cells[0]] == [f.header for f in table(shown).fields]
    # Days are dates, in a date format, and no text looks like a day; numbers are numbers.
    days = [c for row in cells[1:] for c in row if isinstance(c.value, datetime)]
    assert days and {c.number_format for c in days} == {xlsx.DATE_FORMAT}
    assert not [c for row in cells[1:] for c in row
                if isinstance(c.value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", c.value)]
    numbers = [c for row in cells[1:] for c in row if isinstance(c.value, int)]
    assert all(c.data_type == "n" for c in numbers)  # the tasks have some: days overdue


def test_dates_are_the_model_dates(plan, books):
    ws = sheet(books[routes.TASKS_XLSX])
    headers = [c.value for c in ws[1]]
    due = headers.index("Hạn hoàn thành") + 1
    found = [ws.cell(row, due).value for row in range(2, ws.max_row + 1)]
    assert [d.date() if d else None for d in found] == [t.due_date for t in plan.tasks]
    reports = sheet(books[routes.REPORTS_XLSX])
    headers = [c.value for c in reports[1]]
    done = headers.index("Ngày hoàn thành") + 1
    completed = [reports.cell(row, done).value for row in range(2, reports.max_row + 1)]
    expected = [r.completed_on for t in plan.tasks for r in plan.status(t).reports]
    assert [d.date() if d else None for d in completed] == expected
    assert any(expected)
    # Whole numbers are number cells: the days overdue of the tasks.
    late = headers_of(ws).index("Số ngày quá hạn") + 1
    days = [ws.cell(row, late).value for row in range(2, ws.max_row + 1)]
    assert [d for d in days if d is not None] and all(isinstance(d, int) for d in days if d)


def headers_of(ws) -> list:
    return [c.value for c in ws[1]]


def test_the_header_row_is_frozen_and_columns_fit(books):
    for raw in books.values():
        ws = sheet(raw)
        assert ws.freeze_panes == "A2"
        assert all(c.font.b for c in ws[1])
        assert ws.auto_filter.ref == ws.dimensions
        for column in ws.iter_cols(min_row=2):
            letter = column[0].column_letter
            width = ws.column_dimensions[letter].width
            assert xlsx.NARROWEST <= width <= xlsx.WIDEST
            for cell in column:
                shown = xlsx.DATE_WIDTH if cell.is_date else len(str(cell.value or ""))
                # A cell fits its column, or wraps inside it.
                assert shown < width or cell.alignment.wrap_text, cell.coordinate


def test_the_same_instant_gives_the_same_bytes(plan, books):
    again = dict(xlsx.files(edition(plan, built_at=INSTANT, demo=True)))
    assert again == books
    later = dict(xlsx.files(edition(plan, built_at=datetime(2019, 7, 2, tzinfo=UTC), demo=True)))
    assert later[routes.TASKS_XLSX] != books[routes.TASKS_XLSX]  # the stamp is the instant's
    with zipfile.ZipFile(BytesIO(books[routes.TASKS_XLSX])) as book:
        assert {e.date_time for e in book.infolist()} == {(2019, 7, 1, 3, 4, 4)}  # 2 s grain
        core = book.read("docProps/core.xml").decode("utf-8")
    assert core.count("2019-07-01T03:04:05Z") == 2  # created, modified


def test_a_text_that_looks_like_a_formula_stays_text():
    fields = tuple(opendata.TASK_FIELDS[:2])
    hostile = ('=HYPERLINK("https://example.org","x")', "=1+1")
    raw = xlsx.workbook(opendata.Table(fields, (hostile,)), "t", "s", INSTANT)
    ws = sheet(raw)
    assert [(c.value, c.data_type) for c in ws[2]] == [(text, "s") for text in hostile]
    with zipfile.ZipFile(BytesIO(raw)) as book:
        assert "<f>" not in book.read("xl/worksheets/sheet1.xml").decode("utf-8")
