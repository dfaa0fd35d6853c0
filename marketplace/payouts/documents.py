"""PDF documents with reportlab: an artisan's payout statement."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from marketplace.payouts.models import LedgerEntry, PayoutBatch


def statement_pdf(batch: PayoutBatch, entries: list[LedgerEntry]) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    artisan = entries[0].artisan if entries else None
    y = 280 * mm
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(20 * mm, y, f"Maalem — relevé de versement n° {batch.pk}")
    pdf.setFont("Helvetica", 10)
    y -= 8 * mm
    pdf.drawString(20 * mm, y, f"Artisan : {artisan.name if artisan else '-'}   Devise : {batch.currency}   "
                               f"Statut : {batch.status}")
    y -= 10 * mm
    pdf.drawString(20 * mm, y, "Commande")
    pdf.drawString(45 * mm, y, "Article")
    pdf.drawRightString(140 * mm, y, "Brut")
    pdf.drawRightString(165 * mm, y, "Commission")
    pdf.drawRightString(190 * mm, y, "Net")
    total = 0
    for entry in entries:
        y -= 6 * mm
        if y < 20 * mm:
            pdf.showPage()
            pdf.setFont("Helvetica", 10)
            y = 280 * mm
        line = entry.order_line
        pdf.drawString(20 * mm, y, f"#{line.order.number}")
        pdf.drawString(45 * mm, y, f"{line.product_name[:45]}{' (remb.)' if entry.kind == 'REFUND' else ''}")
        pdf.drawRightString(140 * mm, y, f"{entry.gross:.2f}")
        pdf.drawRightString(165 * mm, y, f"{entry.commission:.2f}")
        pdf.drawRightString(190 * mm, y, f"{entry.net:.2f}")
        total += entry.net
    y -= 10 * mm
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawRightString(190 * mm, y, f"Net à verser : {total:.2f} {batch.currency}")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
