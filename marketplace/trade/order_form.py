"""The XLSX order form: a line sheet as a workbook a retailer fills in (one row per variant, a Quantity
column), and its upload back into a trade cart.

The upload goes through the catalog importer's parsing code (catalog_import: xlsx, numbers, text), so the
same messy-spreadsheet rules apply as for artisans' catalogues: the sheet that holds the lines (not the
notes beside it), the header row found below a title, headers in French, English or Arabic whatever their
case, accents and punctuation, merged cells, formulas never computed reported, numbers as French, English
and Moroccan spreadsheets write them ("1 200", "12,0", Arabic-Indic digits), and an ambiguous or broken
value refused with its row, never guessed. Nothing is added to the cart unless every row is right."""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from catalog_import.columns import _HALVES
from catalog_import.model import Problem
from catalog_import.numbers import parse_number
from catalog_import.readers import Table, read_csv, read_xlsx
from catalog_import.text import match_key
from marketplace.trade.document_texts import label
from marketplace.trade.line_sheets import LineSheet

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
HEADER_ROW = 5


def order_form_xlsx(sheet: LineSheet) -> bytes:
    lang = sheet.language
    book = Workbook()
    ws = book.active
    ws.title = label("form_sheet", lang)
    cur = sheet.currency
    headers = [label("sku", lang), label("form_product", lang), label("variant", lang), label("form_artisan", lang),
               label("pack", lang), f"{label('wholesale', lang)} ({cur})", f"{label('retail', lang)} ({cur})",
               label("form_stock", lang), label("form_more", lang), label("form_lead", lang),
               label("form_quantity", lang)]
    ws["A1"] = sheet.title
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws["A2"] = label("form_intro", lang)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(headers))
    ws["A3"] = f"{sheet.channel.name} · {cur}"
    for column, text in enumerate(headers, start=1):
        cell = ws.cell(row=HEADER_ROW, column=column, value=text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EFE6D8")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    row = HEADER_ROW
    for artisan, product, variant in sheet.variants:
        row += 1
        offer = variant.offer
        values = [variant.sku, product.name, variant.name, artisan.name, offer.pack_size, float(offer.wholesale),
                  float(offer.retail) if offer.retail is not None else None, offer.in_stock, offer.capacity_left,
                  offer.lead_time_weeks if offer.capacity_left else None, None]
        for column, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=column, value=value)
            if column in (6, 7):
                cell.number_format = "#,##0.00"
    quantity_column = "K"
    validation = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    validation.add(f"{quantity_column}{HEADER_ROW + 1}:{quantity_column}{max(row, HEADER_ROW + 1)}")
    ws.add_data_validation(validation)
    for letter, width in zip("ABCDEFGHIJK", (16, 34, 18, 26, 7, 14, 14, 10, 12, 12, 11), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    notes = book.create_sheet(label("form_notes_sheet", lang))
    notes["A1"] = label("form_notes", lang)
    notes.column_dimensions["A"].width = 100
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- upload -------------------------------------------------------------------------------------------

# canonical column -> headers accepted (fr, en, ar), compared on catalog_import.text.match_key. Only the SKU and
# the quantity are read; the form's other columns (and their usual names) are known so that its header row
# is recognised as one (the importer's rule: most of a header row's cells name known columns).
COLUMNS = {
    "sku": ("sku", "réf", "ref", "référence", "reference", "référence article", "code article", "item code",
            "code", "الرمز", "رمز المنتج", "المرجع"),
    "quantity": ("quantity", "quantité", "qty", "qté", "qte", "quantité commandée", "ordered quantity",
                 "order quantity", "à commander", "to order", "الكمية", "الكمية المطلوبة"),
    "info:product": ("item", "article", "product", "produit", "désignation", "description", "name", "nom", "المنتج"),
    "info:variant": ("variant", "variante", "المتغير"),
    "info:artisan": ("artisan", "الحرفي"),
    "info:pack": ("pack", "lot", "pack size", "الحزمة"),
    "info:wholesale": ("wholesale", "prix de gros", "wholesale price", "سعر الجملة"),
    "info:retail": ("retail guide", "prix de détail conseillé", "retail price", "prix de détail", "سعر التقسيط"),
    "info:price": ("price", "prix", "unit price", "prix unitaire", "الثمن"),
    "info:stock": ("in stock", "en stock", "stock", "المخزون"),
    "info:more": ("made to order", "sur commande", "على الطلب"),
    "info:lead": ("lead time", "délai", "délai semaines", "lead time weeks", "الأجل"),
    "info:total": ("total", "montant", "amount", "المجموع"),
}
_ALIASES = {match_key(alias): key for key, aliases in COLUMNS.items() for alias in aliases}
SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt")


def form_column(header: str) -> str | None:
    """An order form's header → "sku", "quantity" or None; a bilingual header ("Quantité / الكمية") is the
    column both halves name."""
    key = _ALIASES.get(match_key(header))
    if key is not None:
        return key
    halves = {_ALIASES.get(match_key(half)) for half in _HALVES.split(header) if half.strip()} - {None}
    return halves.pop() if len(halves) == 1 else None


@dataclass
class ParsedForm:
    lines: list[tuple[int, str, int]] = field(default_factory=list)  # (row, sku, quantity)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def read_form(data: bytes, filename: str) -> Table:
    suffix = Path(filename or "").suffix.lower()
    if suffix not in SUFFIXES:
        return Table(problems=[Problem(None, None, "UNKNOWN_FORMAT", {"suffix": suffix or "?"})])
    if len(data) > MAX_UPLOAD_BYTES:
        return Table(problems=[Problem(None, None, "UNREADABLE", {"detail": f"{len(data)} bytes is too large"})])
    if suffix in (".csv", ".txt"):
        return read_csv(data, columns=form_column)
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:  # openpyxl reads from a path
        handle.write(data)
        handle.flush()
        return read_xlsx(Path(handle.name), columns=form_column)


def parse_order_form(data: bytes, filename: str = "order-form.xlsx") -> ParsedForm:
    """(row, SKU, quantity) for every row with a quantity; problems with their rows. A row without a
    quantity (empty or 0) is not ordered."""
    table = read_form(data, filename)
    parsed = ParsedForm(problems=list(table.problems))
    if any(p.severity == "error" for p in table.problems):
        return parsed
    for key in ("sku", "quantity"):
        if key not in table.headers:
            parsed.problems.append(Problem(None, None, "MISSING_COLUMN", {
                "label": key, "headers": ", ".join(COLUMNS[key][:4])}))
    if parsed.errors:
        return parsed
    seen: dict[str, int] = {}
    quantity_header, sku_header = table.headers["quantity"], table.headers["sku"]
    for row, values in table.rows[:MAX_ROWS + 1]:
        raw = values.get("quantity") or ""  # a numeric cell's text keeps its exact value (NumberText)
        if not str(raw).strip() or (row, "quantity") in table.blocked:
            continue
        number = parse_number(raw)
        if number.value is None:
            parsed.problems.append(Problem(row, quantity_header, number.problem or "NOT_A_NUMBER", {"value": str(raw)}))
            continue
        if number.value < 0:
            parsed.problems.append(Problem(row, quantity_header, "NEGATIVE", {"value": str(raw)}))
            continue
        if number.value != number.value.to_integral_value():
            parsed.problems.append(Problem(row, quantity_header, "NOT_AN_INTEGER", {"value": str(raw)}))
            continue
        if not number.value:
            continue
        sku = str(values.get("sku") or "").strip()
        if not sku:
            parsed.problems.append(Problem(row, sku_header, "REQUIRED"))
            continue
        if sku.upper() in seen:
            parsed.problems.append(Problem(row, sku_header, "DUPLICATE_SKU",
                                           {"value": sku, "other": seen[sku.upper()]}))
            continue
        seen[sku.upper()] = row
        parsed.lines.append((row, sku, int(number.value)))
    if len(table.rows) > MAX_ROWS:
        parsed.problems.append(Problem(None, None, "UNREADABLE", {"detail": f"more than {MAX_ROWS} rows"}))
    return parsed
