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
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

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

# canonical column -> headers accepted (fr, en, ar), compared with catalog_import.text.match_key
COLUMNS = {
    "sku": ("sku", "réf", "réf.", "ref", "référence", "reference", "référence article", "code article", "article code",
            "item code", "rmz", "الرمز", "رمز المنتج", "المرجع"),
    "quantity": ("quantity", "quantité", "qty", "qté", "qte", "quantité commandée", "ordered quantity",
                 "order quantity", "commande", "الكمية", "الكمية المطلوبة"),
}


@dataclass
class FormProblem:
    row: int | None
    column: str | None
    code: str  # EMPTY_FILE, UNREADABLE, NO_HEADER, UNKNOWN_SKU, NOT_A_NUMBER, AMBIGUOUS_NUMBER, NOT_WHOLE, DUPLICATE…
    message: str


@dataclass
class ParsedForm:
    lines: list[tuple[int, str, int]] = field(default_factory=list)  # (row, sku, quantity)
    problems: list[FormProblem] = field(default_factory=list)
    sheet: str = ""
    header_row: int | None = None


def parse_order_form(data: bytes, filename: str = "order-form.xlsx") -> ParsedForm:
    raise NotImplementedError  # written once the importer's parsing code is in main (see the module docstring)


def _unused(_: Any) -> None:
    return None
