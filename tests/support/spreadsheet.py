"""Open data's spreadsheets read back: a sheet as openpyxl reads it, and the CSV it must equal."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime

import openpyxl


def csv_rows(raw: bytes) -> list[list[str]]:
    """A published CSV (UTF-8 with a byte order mark), headings first."""
    assert raw.startswith("\ufeff".encode("utf-8"))
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def sheet(raw: bytes):
    """The one sheet of a published .xlsx, as openpyxl reads it."""
    book = openpyxl.load_workbook(io.BytesIO(raw))
    assert len(book.worksheets) == 1
    return book.worksheets[0]


def as_csv_text(cell) -> str:
    """What the CSV writes for a cell: a day NĂM-THÁNG-NGÀY, a number its digits, nothing ''.
    A day must be a date cell with a date format, never text that looks like a date."""
    value = cell.value
    if isinstance(value, datetime):
        assert cell.is_date and value.time() == datetime.min.time(), cell.coordinate
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    assert not isinstance(value, float), cell.coordinate  # whole numbers only
    return "" if value is None else str(value)


def assert_sheet_holds_csv(xlsx: bytes, csv_raw: bytes) -> list[list]:
    """The spreadsheet holds what the CSV holds: the same headings, the same rows in the same
    order, cell for cell; returns the sheet's cells for further checks."""
    rows = csv_rows(csv_raw)
    ws = sheet(xlsx)
    cells = [list(row) for row in ws.iter_rows(min_row=1, max_row=ws.max_row)]
    assert [[as_csv_text(c) for c in row] for row in cells] == rows
    return cells
