"""Read CSV (UTF-8 with or without BOM, or Windows-1252 as Excel writes it; `;` or `,`), XLSX and JSON into
rows of {canonical key: text}, remembering each row's number and the headers as written."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog_import.columns import canonical
from catalog_import.model import Problem

MAX_INPUT_BYTES = 200 * 1024 * 1024


@dataclass
class Table:
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # canonical key -> header as written
    problems: list[Problem] = field(default_factory=list)


def _decode(data: bytes) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    # cp1252 decodes nearly any byte string: refuse control characters that text never holds (binary files).
    if any(ord(c) < 32 and c not in "\t\r\n" for c in text):
        return None
    return text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _table(header: list[Any], records: list[tuple[int, list[Any]]]) -> Table:
    table = Table()
    keys: list[str | None] = []
    for raw in header:
        name = _cell(raw)
        key = canonical(name) if name else None
        if name and key is None:
            table.problems.append(Problem(1, name, "UNKNOWN_COLUMN", {"column": name}, "warning"))
        if key is not None and key in table.headers:
            table.problems.append(Problem(1, name, "DUPLICATE_COLUMN", {"column": name}))
            key = None
        if key is not None:
            table.headers[key] = name
        keys.append(key)
    for number, values in records:
        row = {key: _cell(v) for key, v in zip(keys, values, strict=False) if key is not None}
        if any(row.values()):
            table.rows.append((number, row))
    return table


def read_csv(data: bytes) -> Table:
    text = _decode(data)
    if text is None:
        return Table(problems=[Problem(None, None, "ENCODING")])
    sample = text[:20000]
    first = sample.splitlines()[0] if sample else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    if first.count("\t") > max(first.count(";"), first.count(",")):
        delimiter = "\t"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        lines = list(reader)
    except csv.Error as error:
        return Table(problems=[Problem(reader.line_num, None, "UNREADABLE", {"detail": str(error)})])
    if not lines:
        return Table(problems=[Problem(None, None, "EMPTY_FILE")])
    # line numbers as a spreadsheet shows them (quoted multi-line cells are rare in catalogs: approximate)
    return _table(lines[0], [(i + 2, values) for i, values in enumerate(lines[1:])])


def read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for broken archives
        return Table(problems=[Problem(None, None, "UNREADABLE", {"detail": f"{type(error).__name__}: {error}"})])
    try:
        sheet = book.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
    finally:
        book.close()
    if not rows:
        return Table(problems=[Problem(None, None, "EMPTY_FILE")])
    return _table(list(rows[0]), [(i + 2, list(values)) for i, values in enumerate(rows[1:])])


def _flatten_json(items: list[Any]) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """JSON: a list of objects with the same keys as the columns; an object may hold a `variants` list whose
    items carry the variant columns (they inherit the product's)."""
    header: list[str] = []
    records: list[tuple[int, dict[str, Any]]] = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            records.append((number, {}))
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
                if key not in header:
                    header.append(key)
            records.append((number, merged))
    return header, [(n, [r.get(h) for h in header]) for n, r in records]


def read_json(data: bytes) -> Table:
    try:
        payload = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        return Table(problems=[Problem(None, None, "UNREADABLE", {"detail": str(error)})])
    items = payload.get("products") if isinstance(payload, dict) else payload
    if not isinstance(items, list) or not items:
        return Table(problems=[Problem(None, None, "EMPTY_FILE")])
    header, records = _flatten_json(items)
    return _table(header, records)


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
