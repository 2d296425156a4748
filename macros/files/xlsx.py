"""The open data's tables as spreadsheets (.xlsx), beside the CSV files: Excel takes a CSV's
separator from the regional settings, and under Vietnamese ones («;») a comma CSV opens in one
column; an .xlsx opens the same everywhere.

Each sheet is a table of macros.files.opendata, the one the CSV is written from: the same
headings and rows, days as date cells, numbers as numbers. The header row is frozen and filters,
and columns are as wide as their contents (long texts wrap).

Rebuilds give the same bytes: openpyxl stamps the workbook with the time it is saved and the zip
entries with the time they are written, so the workbook carries the build's instant
(SOURCE_DATE_EPOCH in a reproducible build) and the archive is written again with that instant
on every entry.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from .. import routes
from ..views.edition import Edition
from .opendata import Table, agencies_table, agency_events_table, reports_table, tasks_table

DATE_FORMAT = "dd/mm/yyyy"  # as dates are written in Vietnam
WIDEST = 60  # characters; a longer text wraps inside its column
NARROWEST = 8
DATE_WIDTH = 12  # "31/12/2020" and a margin


def _width(cells: list) -> float:
    """Characters a column needs: its longest cell (a day as DATE_FORMAT shows it)."""
    longest = max((DATE_WIDTH if isinstance(c, date) else len(str(c)) for c in cells
                   if c is not None), default=0)
    return min(max(longest + 2, NARROWEST), WIDEST)


def _sheet(workbook: Workbook, title: str, table: Table) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append(list(table.headers))
    for row in table.rows:
        sheet.append(list(row))
        # Data are text, never a formula: openpyxl makes a formula of any text that starts with
        # "=", which Excel would then run.
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":
                cell.data_type = "s"
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, header in enumerate(table.headers, start=1):
        column = [row[index - 1] for row in table.rows]
        # The heading wraps too: a column is as wide as its cells, or its heading's longest word.
        width = max(_width(column), min(max(map(len, header.split())) + 2, WIDEST))
        sheet.column_dimensions[get_column_letter(index)].width = width
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
            if isinstance(cell.value, str) and len(cell.value) + 2 > WIDEST:
                cell.alignment = wrap
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = wrap
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _archive(workbook: Workbook, instant: datetime) -> bytes:
    """The workbook as .xlsx bytes, every entry dated `instant` (zip dates have no time zone:
    UTC, as the workbook's own properties)."""
    written = io.BytesIO()
    with zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()  # openpyxl's save, without restamping the time
    stamp = instant.astimezone(UTC).timetuple()[:6]
    out = io.BytesIO()
    with (zipfile.ZipFile(written) as source,
          zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target):
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry.filename))
    return out.getvalue()


def workbook(table: Table, title: str, sheet: str, instant: datetime) -> bytes:
    book = Workbook()
    if book.active is not None:  # the blank sheet a new workbook starts with
        book.remove(book.active)
    _sheet(book, sheet, table)
    naive_utc = instant.astimezone(UTC).replace(tzinfo=None)
    book.properties.created = book.properties.modified = naive_utc
    book.properties.creator = book.properties.lastModifiedBy = None
    book.properties.title = title
    book.properties.language = "vi"
    return _archive(book, instant)


# Each spreadsheet: its address, the table it holds, its title and its sheet's name.
SHEETS: dict[str, tuple[Callable[[Edition], Table], str, str]] = {
    routes.TASKS_XLSX: (tasks_table, "Nhiệm vụ của Kế hoạch {number}", "Nhiệm vụ"),
    routes.REPORTS_XLSX: (reports_table, "Báo cáo tiến độ các nhiệm vụ của Kế hoạch {number}",
                          "Báo cáo"),
    routes.AGENCIES_XLSX: (agencies_table, "Các cơ quan Kế hoạch {number} nêu tên", "Cơ quan"),
    routes.AGENCY_EVENTS_XLSX: (agency_events_table,
                                "Thay đổi của các cơ quan Kế hoạch {number} nêu tên", "Thay đổi"),
}


def files(edition: Edition):
    """(path, bytes) of each spreadsheet, stamped with the build instant (as the calendars)."""
    number = edition.plan.document.number
    for path, (table, title, sheet) in SHEETS.items():
        yield path, workbook(table(edition), title.format(number=number), sheet,
                             edition.built_at)
