"""The proforma invoice (bank transfer): what to pay, to whom, with which reference."""

from __future__ import annotations

import io
from collections.abc import Callable

from django.conf import settings
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from marketplace.orders.models import Order


def proforma_pdf(order: Order) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = 280 * mm
    pdf.setFont("Helvetica-Bold", 15)
    pdf.drawString(20 * mm, y, f"Facture proforma — commande n° {order.number}")
    pdf.setFont("Helvetica", 10)
    y -= 8 * mm
    address = order.billing_address
    if address:
        for text in (f"{address.first_name} {address.last_name}".strip(), address.company_name,
                     address.street_address_1, f"{address.postal_code} {address.city}", address.country):
            if text.strip():
                pdf.drawString(20 * mm, y, text)
                y -= 5 * mm
    y -= 5 * mm
    for line in order.lines.all():
        pdf.drawString(20 * mm, y, f"{line.quantity} × {line.product_name[:60]}")
        pdf.drawString(120 * mm, y, f"SH {line.hs_code or '-'} · {line.country_of_origin}")
        pdf.drawRightString(190 * mm, y, f"{line.total_price_gross:.2f} {order.currency}")
        y -= 6 * mm
    pdf.drawString(20 * mm, y, f"Livraison : {order.shipping_method_name or order.collection_point_name or '-'}")
    pdf.drawRightString(190 * mm, y, f"{order.shipping_gross:.2f} {order.currency}")
    y -= 8 * mm
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawRightString(190 * mm, y, f"Total à payer : {order.total_gross:.2f} {order.currency}")
    y -= 12 * mm
    pdf.setFont("Helvetica", 10)
    for text in ("Coordonnées bancaires :", f"Titulaire : {settings.BANK_ACCOUNT_HOLDER}",
                 f"Banque : {settings.BANK_NAME}", f"IBAN : {settings.BANK_IBAN}", f"BIC : {settings.BANK_BIC}",
                 f"Référence à indiquer : MAALEM-{order.number}"):
        pdf.drawString(20 * mm, y, text)
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
