"""The fidelity check: every sentence of the source document, outside the extraction artifacts
its README lists, appears in the rendered plan page's text, in order."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from bs4 import BeautifulSoup

# Elements the site adds around the document's words: links, contents, notes, list dashes.
SITE_ADDITIONS = [".ui-links", ".plan-contents", ".note", ".dash-mark", ".visually-hidden",
                  ".headerlink"]


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip()


def source_units(source: Path) -> list[str]:
    """The document as a list of text units (lines, table cells), artifacts removed."""
    lines = source.read_text("utf-8").split("\n")
    units: list[str] = []
    in_table = False
    cells: list[str] = []
    for raw in lines:
        if raw.startswith("\t"):
            in_table = True
            cells.append(raw[1:])
            continue
        if in_table and cells:
            # The extraction split one merged time cell in two: its 9 cells stand for 8 columns.
            # Header and number rows repeat the last column; data rows repeat the start column.
            if len(cells) == 9:
                drop = 8 if cells[7].strip() == cells[8].strip() else 7
                cells = cells[:drop] + cells[drop + 1 :]
            units.extend(cells)
            cells = []
        units.append(raw)
    units.extend(cells)
    out = []
    for unit in units:
        text = _clean(unit)
        text = re.sub(r"^- ", "", text)  # list dashes are drawn by the page, not written in it
        if text:
            out.append(text)
    return out


def rendered_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    body = soup.select_one(".plan-text")
    assert body is not None, "no .plan-text on the plan page"
    for selector in SITE_ADDITIONS:
        for element in body.select(selector):
            element.decompose()
    return _clean(body.get_text(" "))


def first_missing(source: Path, html: str) -> tuple[int, str] | None:
    """The first unit not found after the previous one, with its index; None when all are."""
    text = rendered_text(html)
    position = 0
    for index, unit in enumerate(source_units(source)):
        found = text.find(unit, position)
        if found < 0:
            return index, unit
        position = found + len(unit)
    return None
