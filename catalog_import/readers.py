"""Read CSV, XLSX and JSON into rows of {canonical key: text}, remembering each row's number as the
spreadsheet shows it and the headers as written.

- CSV: decoded with confidence or refused (catalog_import.encoding); `;`, `,` or tab, whichever gives the
  most regular rows.
- XLSX: the sheet that holds the catalogue, merged cells and formulas as catalog_import.xlsx reads them.
- The header row is the first row that names known columns (a title above it is skipped, and said).
Numbers already typed as numbers (XLSX numeric cells, JSON numbers) stay exact (catalog_import.numbers).

The column schema is the catalogue's (catalog_import.columns) unless the caller gives its own `columns`
(header → canonical key): the trade order form (marketplace/trade/order_form.py) reads a buyer's
spreadsheet with the same rules and its own columns.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog_import.columns import canonical
from catalog_import.encoding import NAMES, decode
from catalog_import.model import Problem
from catalog_import.text import has_arabic
from catalog_import.xlsx import Sheet, cell_text, read_sheets

MAX_INPUT_BYTES = 200 * 1024 * 1024
_LOST = re.compile(r"\?{2,}|\w\?\w")  # "?????" or "T?bl?": letters replaced by "?" when the file was saved
HEADER_SEARCH_ROWS = 30


@dataclass
class Table:
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # canonical key -> header as written
    problems: list[Problem] = field(default_factory=list)
    blocked: set[tuple[int, str]] = field(default_factory=set)  # (row, key) already reported: no second problem
    encoding: str | None = None


Columns = Callable[[str], str | None]  # a header → its canonical key, or None


def _known(cells: list[Any], columns: Columns = canonical) -> tuple[int, int]:
    texts = [str(c).strip() for c in cells if str(c or "").strip()]
    return len({k for k in map(columns, texts) if k is not None}), len(texts)


def header_index(grid: list[list[Any]], columns: Columns = canonical) -> int:
    """The header row: the first row (among the first ones) that names at least two known columns, most of
    its cells being known; else the first non-empty row."""
    first = next((i for i, cells in enumerate(grid) if any(str(c or "").strip() for c in cells)), 0)
    for index, cells in enumerate(grid[:HEADER_SEARCH_ROWS]):
        known, filled = _known(cells, columns)
        if known >= 2 and 2 * known >= filled:
            return index
    return first


def _auto_language(key: str, value: str) -> str:
    """`auto:name` / `auto:description`: Arabic script makes it the Arabic one, else the French one."""
    generic = key.split(":", 1)[1]
    return f"{generic}_ar" if has_arabic(value) else f"{generic}_fr"


def build_table(grid: list[list[Any]], formulas: set[tuple[int, int]] = frozenset(),  # type: ignore[assignment]
                numbers: list[int] | None = None, *, find_header: bool = True, columns: Columns = canonical,
                ) -> Table:
    """`grid`: the sheet's rows, row 1 first (or numbered by `numbers`). Finds the header row, maps the
    columns, keeps the non-empty rows with their spreadsheet numbers."""
    table = Table()
    if not grid:
        return table
    numbers = numbers or list(range(1, len(grid) + 1))
    start = header_index(grid, columns) if find_header else 0
    header_number = numbers[start]
    skipped = [i for i in range(start) if any(str(c or "").strip() for c in grid[i])]
    if skipped:
        table.problems.append(Problem(header_number, None, "HEADER_ROW", {"row": header_number}, "info"))
    keys: list[str | None] = []
    for raw in grid[start]:
        name = str(raw or "").strip()
        key = columns(name) if name else None
        if name and key is None:
            table.problems.append(Problem(header_number, name, "UNKNOWN_COLUMN", {"column": name}, "warning"))
        elif key is not None and (key in table.headers or key in keys):
            table.problems.append(Problem(header_number, name, "DUPLICATE_COLUMN", {"column": name}))
            key = None
        if key is not None:
            if key.startswith("auto:"):
                for target in (f"{key[5:]}_fr", f"{key[5:]}_ar"):
                    table.headers.setdefault(target, name)
            else:
                table.headers[key] = name
        keys.append(key)
    for offset, values in enumerate(grid[start + 1:], start=start + 1):
        number = numbers[offset]
        row: dict[str, str] = {}
        for column, (key, value) in enumerate(zip(keys, values, strict=False), start=1):
            if key is None:
                continue
            if (offset + 1, column) in formulas:
                target = key if not key.startswith("auto:") else f"{key[5:]}_fr"
                table.problems.append(Problem(number, table.headers.get(target), "FORMULA_WITHOUT_VALUE"))
                table.blocked.add((number, target))
                row[target] = ""
                continue
            if key.startswith("auto:"):
                if not value:
                    continue
                key = _auto_language(key, value)
                if row.get(key) and row[key] != value:
                    table.problems.append(Problem(number, table.headers.get(key), "CONFLICT",
                                                  {"value": value, "other": number, "previous": row[key]}))
                    continue
            if value or key not in row:
                row[key] = value
        if any(row.values()) or any((number, k) in table.blocked for k in row):
            table.rows.append((number, row))
    return table


def _delimiter(text: str) -> str:
    """The delimiter that splits the first lines most regularly (a title line or commas inside descriptions
    do not mislead it)."""
    sample = "\n".join(text.splitlines()[:60])
    best, chosen = (0, 0), ","
    for delimiter in (";", ",", "\t"):
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if len(r) > 1]
        except csv.Error:
            continue
        if widths:
            width, times = Counter(widths).most_common(1)[0]
            if (times, width) > best:
                best, chosen = (times, width), delimiter
    return chosen


def read_csv(data: bytes, columns: Columns = canonical) -> Table:
    decoded = decode(data)
    if decoded.text is None:
        return Table(problems=[Problem(None, None, decoded.problem or "ENCODING")])
    text = decoded.text
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        lines = list(reader)
    except csv.Error as error:
        return Table(problems=[Problem(reader.line_num, None, "UNREADABLE", {"detail": str(error)})])
    if not lines:
        return Table(problems=[Problem(None, None, "EMPTY_FILE")])
    lost = [(number, cell) for number, line in enumerate(lines, start=1) for cell in line if _LOST.search(cell)]
    if lost:  # letters the code page could not hold were saved as "?": never import them as text
        return Table(problems=[Problem(None, None, "LOST_CHARACTERS",
                                       {"count": len(lost), "row": lost[0][0], "value": lost[0][1]})])
    # Row numbers as a spreadsheet shows the file: one row per record (a quoted cell may span lines).
    table = build_table([[cell.strip() for cell in line] for line in lines], columns=columns)
    table.encoding = NAMES.get(decoded.encoding or "", decoded.encoding)
    return table


def _catalogue_sheet(sheets: list[Sheet], columns: Columns = canonical) -> Sheet:
    """The sheet whose header row names the most known columns (the first one on a tie)."""
    return max(sheets, key=lambda s: (_known(s.grid[header_index(s.grid, columns)], columns)[0] if s.grid else -1,
                                      -sheets.index(s)))


def read_xlsx(path: Path, columns: Columns = canonical) -> Table:
    try:
        sheets = read_sheets(path)
    except Exception as error:  # openpyxl raises many types for broken archives
        return Table(problems=[Problem(None, None, "UNREADABLE", {"detail": f"{type(error).__name__}: {error}"})])
    sheets = [s for s in sheets if any(any(str(c).strip() for c in row) for row in s.grid)]
    if not sheets:
        return Table(problems=[Problem(None, None, "EMPTY_FILE")])
    sheet = _catalogue_sheet(sheets, columns)
    table = build_table(sheet.grid, sheet.formulas, columns=columns)
    if len(sheets) > 1:
        others = ", ".join(s.title for s in sheets if s is not sheet)
        table.problems.insert(0, Problem(None, None, "SHEET_USED", {"sheet": sheet.title, "others": others}, "info"))
    return table


def _flatten_json(items: list[Any]) -> tuple[list[list[Any]], list[int]]:
    """JSON: a list of objects with the same keys as the columns; an object may hold a `variants` list whose
    items carry the variant columns (they inherit the product's). Returns the grid, header first, and the
    row numbers: each record is numbered by its item, from 1."""
    header: list[str] = []
    records: list[dict[str, Any]] = []
    numbers = [0]
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            records.append({})
            numbers.append(number)
            continue
        base = {k: v for k, v in item.items() if k != "variants"}
        variants = item.get("variants") if isinstance(item.get("variants"), list) else [{}]
        for variant in variants or [{}]:
            merged = {**base, **(variant if isinstance(variant, dict) else {})}
            for key, value in merged.items():
                if isinstance(value, list):
                    merged[key] = " | ".join(str(v) for v in value)
                elif isinstance(value, dict):
                    merged[key] = "; ".join(f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}"
                                            for k, v in value.items())
                else:
                    merged[key] = cell_text(value)
                if key not in header:
                    header.append(key)
            records.append(merged)
            numbers.append(number)
    return [header, *[[r.get(h, "") for h in header] for r in records]], numbers


def read_json(data: bytes) -> Table:
    try:
        payload = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        return Table(problems=[Problem(None, None, "UNREADABLE", {"detail": str(error)})])
    items = payload.get("products") if isinstance(payload, dict) else payload
    if not isinstance(items, list) or not items:
        return Table(problems=[Problem(None, None, "EMPTY_FILE")])
    grid, numbers = _flatten_json(items)
    return build_table(grid, numbers=numbers, find_header=False)


def read_table(path: Path) -> Table:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".json"):
        return Table(problems=[Problem(None, None, "UNKNOWN_FORMAT", {"suffix": suffix or "?"})])
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            return Table(problems=[Problem(None, None, "UNREADABLE", {"detail": f"{size} bytes is too large"})])
        if suffix in (".xlsx", ".xlsm"):
            return read_xlsx(path)
        data = path.read_bytes()
    except OSError as error:
        return Table(problems=[Problem(None, None, "UNREADABLE", {"detail": str(error)})])
    return read_json(data) if suffix == ".json" else read_csv(data)
