"""The proforma invoice (bank transfer): what to pay, to whom, with which reference, by when, in the buyer's
language (French, English or Arabic), the pieces and the delivery named in that language.

Arabic is written right to left with a bundled font (Noto Naskh Arabic, SIL Open Font License): the PDF's
built-in fonts have no Arabic glyphs and reportlab lays text out left to right, so each Arabic line is
shaped (arabic-reshaper) and put in visual order (python-bidi) here, with every embedded value (a name, an
amount, an IBAN) between Unicode isolates so that it keeps its own direction."""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from babel import Locale
from django.conf import settings
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen import canvas

from marketplace.orders import selectors
from marketplace.orders.models import Order

ARABIC_FONT = Path(__file__).resolve().parent / "fonts" / "NotoNaskhArabic-Regular.ttf"
FSI, PDI = "\u2068", "\u2069"
TEXTS = {
    "fr": {"title": "Facture proforma — commande n° {number}", "delivery": "Livraison : {name}",
           "total": "Total à payer : {amount}", "bank": "Coordonnées bancaires :", "holder": "Titulaire : {value}",
           "name": "Banque : {value}", "iban": "IBAN : {value}", "bic": "BIC : {value}",
           "reference": "Référence à indiquer : {value}", "due": "À payer avant le : {value}", "hs": "SH"},
    "en": {"title": "Proforma invoice — order no. {number}", "delivery": "Delivery: {name}",
           "total": "Total to pay: {amount}", "bank": "Bank details:", "holder": "Account holder: {value}",
           "name": "Bank: {value}", "iban": "IBAN: {value}", "bic": "BIC: {value}",
           "reference": "Reference to give: {value}", "due": "Pay before: {value}", "hs": "HS"},
    "ar": {"title": "فاتورة أولية — الطلب رقم {number}", "delivery": "التوصيل: {name}",
           "total": "المبلغ الواجب أداؤه: {amount}", "bank": "المعلومات البنكية:", "holder": "صاحب الحساب: {value}",
           "name": "البنك: {value}", "iban": "IBAN: {value}", "bic": "BIC: {value}",
           "reference": "المرجع الواجب ذكره: {value}", "due": "الأداء قبل: {value}", "hs": "النظام المنسق"},
}


class Writer:
    """Draws lines in the order's language: left-aligned Helvetica, or right-aligned shaped Arabic."""

    def __init__(self, pdf: canvas.Canvas, language: str):
        self.pdf, self.rtl = pdf, language == "ar"
        self.regular, self.bold = (_arabic_font(), _arabic_font()) if self.rtl else ("Helvetica", "Helvetica-Bold")

    def value(self, text: object) -> str:
        """An embedded value (name, number, IBAN): isolated from the Arabic around it."""
        return f"{FSI}{text}{PDI}" if self.rtl else str(text)

    def visual(self, text: str) -> str:
        if not self.rtl:
            return text
        import arabic_reshaper
        from bidi import get_display

        return get_display(arabic_reshaper.reshape(text), base_dir="R").replace(FSI, "").replace(PDI, "")

    def line(self, y: float, text: str, *, size: int = 10, bold: bool = False, end: str = "") -> None:
        """`text` at the line's start (left, or right in Arabic), `end` at its other end."""
        start, other = (190 * mm, 20 * mm) if self.rtl else (20 * mm, 190 * mm)
        self.draw(start, y, text, size, bold, right=self.rtl)
        if end:
            self.draw(other, y, end, size, bold, right=not self.rtl)

    def draw(self, x: float, y: float, text: str, size: int, bold: bool, *, right: bool) -> None:
        latin = "Helvetica-Bold" if bold else "Helvetica"
        if not self.rtl:
            self.pdf.setFont(latin, size)
            (self.pdf.drawRightString if right else self.pdf.drawString)(x, y, text)
            return
        # The Arabic font has no Latin letters: each run of the visual line gets the font that has its glyphs.
        runs = _font_runs(self.visual(text), self.regular, latin)
        width = sum(stringWidth(run, font, size) for run, font in runs)
        x = x - width if right else x
        for run, font in runs:
            self.pdf.setFont(font, size)
            self.pdf.drawString(x, y, run)
            x += stringWidth(run, font, size)


def _font_runs(text: str, arabic: str, latin: str) -> list[tuple[str, str]]:
    """Consecutive characters grouped by the font to draw them with (the Arabic font where it has a glyph)."""
    glyphs = getFont(arabic).face.charToGlyph
    runs: list[tuple[str, str]] = []
    for char in text:
        font = arabic if ord(char) in glyphs and not char.isascii() or char == " " and runs and \
            runs[-1][1] == arabic else latin
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + char, font)
        else:
            runs.append((char, font))
    return runs


@lru_cache(maxsize=1)
def _arabic_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("NotoNaskhArabic", str(ARABIC_FONT)))
    return "NotoNaskhArabic"


def proforma_pdf(order: Order) -> bytes:
    language = order.language_code if order.language_code in TEXTS else "fr"
    words = TEXTS[language]
    countries = Locale.parse(language).territories
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    write = Writer(pdf, language)
    money = lambda amount: write.value(f"{amount:.2f} {order.currency}")  # noqa: E731
    y = 280 * mm
    write.line(y, words["title"].format(number=write.value(order.number)), size=15, bold=True)
    y -= 8 * mm
    address = order.billing_address
    if address:
        for text in (f"{address.first_name} {address.last_name}".strip(), address.company_name,
                     address.street_address_1, f"{address.postal_code} {address.city}",
                     countries.get(address.country, address.country)):
            if text.strip():
                write.line(y, write.value(text))
                y -= 5 * mm
    y -= 5 * mm
    for line in order.lines.all():
        name = selectors.translated_product_name(line, language)[:60]
        choice = selectors.variant_choice(line, language)
        customs = f"{words['hs']} {write.value(line.hs_code or '-')} · {write.value(line.country_of_origin)}"
        # A separator rather than brackets: reportlab draws the visual line as is, brackets unmirrored.
        write.line(y, f"{line.quantity} × {write.value(name)}" + (f" · {write.value(choice)}" if choice else ""),
                   end=money(line.total_price_gross))
        y -= 5 * mm
        write.line(y, customs, size=8)
        y -= 6 * mm
    write.line(y, words["delivery"].format(name=write.value(selectors.shipping_method_name(order, language) or "-")),
               end=money(order.shipping_gross))
    y -= 8 * mm
    write.line(y, words["total"].format(amount=money(order.total_gross)), size=11, bold=True)
    y -= 12 * mm
    transfer = selectors.bank_transfer(order)
    rows = [words["bank"], words["holder"].format(value=write.value(settings.BANK_ACCOUNT_HOLDER)),
            words["name"].format(value=write.value(settings.BANK_NAME)),
            words["iban"].format(value=write.value(settings.BANK_IBAN)),
            words["bic"].format(value=write.value(settings.BANK_BIC)),
            words["reference"].format(value=write.value(f"MAALEM-{order.number}"))]
    if transfer:
        rows.append(words["due"].format(value=write.value(transfer.due_date.isoformat())))
    for row in rows:
        write.line(y, row)
        y -= 5 * mm
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# Markets with their own proforma (trade: deposit and balance, customs data per artisan) register a renderer
# when their app loads; the proforma link of an order then serves that one.
_renderers: dict[str, Callable[[Order], bytes]] = {}


def register_proforma(channel_kind: str, renderer: Callable[[Order], bytes]) -> None:
    _renderers[channel_kind] = renderer


def render_proforma(order: Order) -> bytes:
    return _renderers.get(order.channel.kind, proforma_pdf)(order)
