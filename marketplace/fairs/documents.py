"""An artisan's QR labels for a fair: A4 sheets of 3 × 8 labels (70 × 37 mm, the common 24-up sheet), drawn
with reportlab like the proforma invoice. Each label: the piece's name in French and Arabic (shaped and
laid out right to left), its price in MAD (and in EUR at an international fair), its SKU, "unique piece"
where true, and a QR code (segno) to the product page with the fair as source (`?src=fair-<slug>`).

The QR modules are drawn as vector rectangles, so they stay sharp at any printer resolution."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import arabic_reshaper
import segno
from bidi import get_display
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONTS = Path(__file__).resolve().parent / "fonts"
COLUMNS, ROWS = 3, 8
LABEL_W, LABEL_H = 70 * mm, 37 * mm
TOP = (A4[1] - ROWS * LABEL_H) / 2
PAD = 2.5 * mm
QR_SIZE = 27 * mm
UNIQUE = ("Pièce unique", "قطعة فريدة")


@dataclass(frozen=True)
class Label:
    name_fr: str
    name_ar: str
    sku: str
    price_mad: Decimal | None
    price_eur: Decimal | None
    unique: bool
    url: str


@cache
def _fonts() -> tuple[str, str]:
    # DejaVu Sans covers Latin and Arabic (with its presentation forms): one font for both scripts.
    pdfmetrics.registerFont(TTFont("MaalemSans", str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("MaalemSans-Bold", str(FONTS / "DejaVuSans-Bold.ttf")))
    return "MaalemSans", "MaalemSans-Bold"


def arabic(text: str) -> str:
    """Logical Arabic text → the glyph order a PDF draws left to right: letters joined (reshaped), then the
    bidirectional algorithm applied (numbers and Latin words inside stay left to right)."""
    return get_display(arabic_reshaper.reshape(text), base_dir="R") if text else ""


def money(amount: Decimal | None, currency: str) -> str:
    """1800 → "1 800 MAD" (a narrow no-break space between thousands, as French writes it)."""
    if amount is None:
        return ""
    whole = amount == amount.to_integral_value()
    text = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    return text.replace(",", "\u202f") + f" {currency}"


def _fit(pdf: canvas.Canvas, text: str, font: str, size: float, width: float, *, rtl: bool = False) -> str:
    """Cut the text with an ellipsis to fit `width` (the logical end, which is the left side in Arabic)."""
    if pdf.stringWidth(text, font, size) <= width:
        return text
    while text and pdf.stringWidth("…" + text if rtl else text + "…", font, size) > width:
        text = text[1:] if rtl else text[:-1]
    return ("…" + text) if rtl else (text.rstrip() + "…")


def _qr(pdf: canvas.Canvas, url: str, x: float, y: float, size: float) -> None:
    code = segno.make(url, error="m", micro=False)
    matrix = [list(row) for row in code.matrix]
    border = 2
    count = len(matrix) + 2 * border
    module = size / count
    pdf.setFillGray(0)
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):  # one rectangle per run of dark modules
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            pdf.rect(x + (start + border) * module, y + size - (r + border + 1) * module,
                     (c - start) * module, module, stroke=0, fill=1)


def _label(pdf: canvas.Canvas, label: Label, x: float, y: float) -> None:
    regular, bold = _fonts()
    _qr(pdf, label.url, x + PAD / 2, y + (LABEL_H - QR_SIZE) / 2, QR_SIZE)
    left = x + QR_SIZE + PAD
    right = x + LABEL_W - PAD
    width = right - left
    line_y = y + LABEL_H - PAD - 3 * mm
    pdf.setFillGray(0)
    pdf.setFont(bold, 8)
    pdf.drawString(left, line_y, _fit(pdf, label.name_fr, bold, 8, width))
    line_y -= 4.2 * mm
    if label.name_ar:
        pdf.setFont(regular, 8.5)
        pdf.drawRightString(right, line_y, _fit(pdf, arabic(label.name_ar), regular, 8.5, width, rtl=True))
    line_y -= 5 * mm
    pdf.setFont(bold, 10)
    pdf.drawString(left, line_y, money(label.price_mad, "MAD"))
    if label.price_eur is not None:
        line_y -= 4 * mm
        pdf.setFont(regular, 8)
        pdf.drawString(left, line_y, money(label.price_eur, "EUR"))
    line_y -= 4.2 * mm
    pdf.setFont(regular, 6.5)
    pdf.drawString(left, line_y, _fit(pdf, f"SKU {label.sku}", regular, 6.5, width))
    if label.unique:
        pdf.setFont(bold, 6.5)
        pdf.drawString(left, y + PAD, UNIQUE[0])
        pdf.drawRightString(right, y + PAD, arabic(UNIQUE[1]))


def labels_pdf(labels: list[Label], *, title: str) -> bytes:
    """The sheets (at least one page, empty when there is no label)."""
    _fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(title)
    pdf.setAuthor("Maalem")
    per_page = COLUMNS * ROWS
    for start in range(0, max(1, len(labels)), per_page):
        for index, label in enumerate(labels[start:start + per_page]):
            row, column = divmod(index, COLUMNS)
            x = column * LABEL_W
            y = A4[1] - TOP - (row + 1) * LABEL_H
            _label(pdf, label, x, y)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
