"""XLSX workbooks as people make them: the sheet that holds the catalogue (not the notes sheet beside it),
merged cells read as their value on every row they cover, and formulas whose value was never computed (a
file written by a program, never opened and saved in Excel or LibreOffice) reported, not read as empty.

Read-only (streaming) openpyxl reads the values; the merged ranges come from the sheet's XML, and the
formulas from a second streaming pass, made only when the sheet has formulas at all.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import range_boundaries

from catalog_import.numbers import NumberText

_MERGE = re.compile(rb'<mergeCell\s+ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')


@dataclass
class Sheet:
    title: str
    grid: list[list[Any]]  # row 1 first; cells as text (NumberText for numbers)
    formulas: set[tuple[int, int]] = field(default_factory=set)  # (row, column) of formulas with no value


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: a boolean cell (TRUE/FALSE, VRAI/FAUX in French Excel)
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return NumberText(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _sheet_facts(archive: zipfile.ZipFile, part: str) -> tuple[list[tuple[int, int, int, int]], bool]:
    """The merged ranges of the sheet, (min_col, min_row, max_col, max_row) each, from its XML's mergeCells,
    and whether it holds formulas."""
    with archive.open(part) as handle:
        data = handle.read()
    end = data.rfind(b"</sheetData>")
    tail = data[end:] if end >= 0 else data
    ranges = [range_boundaries(ref.decode()) for ref in _MERGE.findall(tail)]
    return ranges, re.search(rb"<f[\s>/]", data) is not None  # type: ignore[return-value]


def _fill_merged(grid: list[list[Any]], ranges: list[tuple[int, int, int, int]]) -> None:
    """A merged range's value on every row it covers, in its first column (where the value was written).
    The other columns of a range stay empty: a title merged across the row does not become every column."""
    for min_col, min_row, _max_col, max_row in ranges:
        if min_row > len(grid):
            continue
        value = grid[min_row - 1][min_col - 1] if min_col - 1 < len(grid[min_row - 1]) else ""
        for row in range(min_row + 1, min(max_row, len(grid)) + 1):
            cells = grid[row - 1]
            if len(cells) < min_col:
                cells.extend([""] * (min_col - len(cells)))
            cells[min_col - 1] = value


def _formulas_without_value(path: Path, index: int, grid: list[list[Any]]) -> set[tuple[int, int]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    try:
        found = set()
        for r, values in enumerate(book.worksheets[index].iter_rows(values_only=True), start=1):
            for c, value in enumerate(values, start=1):
                if isinstance(value, str) and value.startswith("=") and r <= len(grid) and (
                        c > len(grid[r - 1]) or grid[r - 1][c - 1] == ""):
                    found.add((r, c))
        return found
    finally:
        book.close()


def read_sheets(path: Path) -> list[Sheet]:
    """Every worksheet of the workbook (chart sheets have no cells and are skipped)."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    sheets = []
    try:
        with zipfile.ZipFile(path) as archive:
            for index, sheet in enumerate(book.worksheets):
                if not hasattr(sheet, "iter_rows"):
                    continue
                grid = [[cell_text(v) for v in values] for values in sheet.iter_rows(values_only=True)]
                part = getattr(sheet, "_worksheet_path", None)
                ranges, with_formulas = _sheet_facts(archive, part) if part else ([], False)
                _fill_merged(grid, ranges)
                formulas = _formulas_without_value(path, index, grid) if with_formulas else set()
                sheets.append(Sheet(sheet.title, grid, formulas))
    finally:
        book.close()
    return sheets
