"""The proforma invoice (bank transfer): what to pay, to whom, with which reference, by when, in the buyer's
language: French or English (an Arabic buyer gets the English one: the PDF's built-in fonts have no Arabic
glyphs). The pieces are named in that language."""

from __future__ import annotations

import io

from django.conf import settings
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from marketplace.orders import selectors
from marketplace.orders.models import Order

TEXTS = {
    "fr": {"title": "Facture proforma — commande n° {number}", "delivery": "Livraison : {name}",
           "total": "Total à payer : {amount}", "bank": "Coordonnées bancaires :", "holder": "Titulaire : {value}",
           "name": "Banque : {value}", "reference": "Référence à indiquer : {value}",
           "due": "À payer avant le : {value}", "hs": "SH"},
    "en": {"title": "Proforma invoice — order no. {number}", "delivery": "Delivery: {name}",
           "total": "Total to pay: {amount}", "bank": "Bank details:", "holder": "Account holder: {value}",
           "name": "Bank: {value}", "reference": "Reference to give: {value}", "due": "Pay before: {value}",
           "hs": "HS"},
}


def proforma_pdf(order: Order) -> bytes:
    from babel import Locale

    language = "fr" if order.language_code == "fr" else "en"
    words = TEXTS[language]
    countries = Locale.parse(language).territories
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = 280 * mm
    pdf.setFont("Helvetica-Bold", 15)
    pdf.drawString(20 * mm, y, words["title"].format(number=order.number))
    pdf.setFont("Helvetica", 10)
    y -= 8 * mm
    address = order.billing_address
    if address:
        for text in (f"{address.first_name} {address.last_name}".strip(), address.company_name,
                     address.street_address_1, f"{address.postal_code} {address.city}", countries.get(address.country, address.country)):
            if text.strip():
                pdf.drawString(20 * mm, y, text)
                y -= 5 * mm
    y -= 5 * mm
    for line in order.lines.all():
        pdf.drawString(20 * mm, y, f"{line.quantity} × {selectors.translated_product_name(line, language)[:60]}")
        pdf.drawString(120 * mm, y, f"{words['hs']} {line.hs_code or '-'} · {line.country_of_origin}")
        pdf.drawRightString(190 * mm, y, f"{line.total_price_gross:.2f} {order.currency}")
        y -= 6 * mm
    pdf.drawString(20 * mm, y, words["delivery"].format(name=selectors.shipping_method_name(order, language) or "-"))
    pdf.drawRightString(190 * mm, y, f"{order.shipping_gross:.2f} {order.currency}")
    y -= 8 * mm
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawRightString(190 * mm, y, words["total"].format(amount=f"{order.total_gross:.2f} {order.currency}"))
    y -= 12 * mm
    pdf.setFont("Helvetica", 10)
    transfer = selectors.bank_transfer(order)
    due = [words["due"].format(value=transfer.due_date.isoformat())] if transfer else []
    for row in (words["bank"], words["holder"].format(value=settings.BANK_ACCOUNT_HOLDER),
                words["name"].format(value=settings.BANK_NAME), f"IBAN : {settings.BANK_IBAN}" if language == "fr"
                else f"IBAN: {settings.BANK_IBAN}", f"BIC : {settings.BANK_BIC}" if language == "fr"
                else f"BIC: {settings.BANK_BIC}", words["reference"].format(value=f"MAALEM-{order.number}"), *due):
        pdf.drawString(20 * mm, y, row)
        y -= 5 * mm
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
