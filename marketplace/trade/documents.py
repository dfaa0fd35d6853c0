"""Trade PDFs (reportlab): the proforma invoice of a trade order (customs data per line, cartons and weights,
deposit and balance, bank details), and the line sheet of a collection for a trade channel (photos, names,
SKUs, wholesale and retail prices, pack sizes, minimums, lead times). In French or English: the buyer's
language, English for any other."""

from __future__ import annotations

import io
from collections import defaultdict
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from marketplace.trade.document_texts import label

GRID = TableStyle([
    ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8), ("FONT", (0, 1), (-1, -1), "Helvetica", 8),
    ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black), ("LINEBELOW", (0, 1), (-1, -1), 0.2, colors.grey),
    ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (-4, 1), (-1, -1), "RIGHT"),
])


def document_language(language: str | None) -> str:
    return language if language in ("fr", "en") else "en"


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {"title": ParagraphStyle("t", parent=base["Title"], fontSize=16, alignment=0, spaceAfter=4),
            "h2": ParagraphStyle("h", parent=base["Heading2"], fontSize=11, spaceBefore=8, spaceAfter=3),
            "p": ParagraphStyle("p", parent=base["BodyText"], fontSize=9, leading=11),
            "small": ParagraphStyle("s", parent=base["BodyText"], fontSize=7.5, leading=9)}


def _money(amount: Decimal, currency: str) -> str:
    return f"{amount:,.2f} {currency}".replace(",", "\u202f")


def _p(text: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def trade_proforma_pdf(order: Any) -> bytes:
    """The proforma of a trade order (registered with orders.documents for TRADE channels)."""
    from marketplace.trade.models import ProductionOrder, TradeOrder
    from marketplace.trade.pricing import parcels, unit_weight_kg

    trade = TradeOrder.objects.select_related("account").filter(order=order).first()
    lang = document_language(order.language_code)
    t = lambda key, **kw: label(key, lang, **kw)  # noqa: E731
    s = _styles()
    story: list[Any] = [_p(t("proforma_title", number=order.number), s["title"]),
                        _p(t("issued", date=order.created.date().isoformat()), s["p"])]
    buyer = [trade.account.company_name] if trade else []
    address = order.billing_address
    if address:
        buyer += [address.street_address_1, f"{address.postal_code} {address.city}".strip(), address.country]
    if trade:
        buyer.append(f"{t(trade.account.tax_id_kind)} : {trade.account.tax_id}" if lang == "fr"
                     else f"{t(trade.account.tax_id_kind)}: {trade.account.tax_id}")
    story += [_p(t("buyer"), s["h2"]), *[_p(line, s["p"]) for line in buyer if line and line.strip()]]
    ship = order.shipping_address
    if ship:
        story += [_p(t("deliver_to"), s["h2"]), _p(", ".join(p for p in (
            ship.company_name, ship.street_address_1, f"{ship.postal_code} {ship.city}".strip(),
            ship.country) if p), s["p"])]
    lines = list(order.lines.select_related("artisan", "variant__product__product_type").order_by("artisan__name",
                                                                                                  "pk"))
    production = {p.order_line_id: p for p in ProductionOrder.objects.filter(order_line__order=order)}
    by_artisan: dict[int, list[Any]] = defaultdict(list)
    for line in lines:
        by_artisan[line.artisan_id].append(line)
    header = [t("sku"), t("product"), t("hs_code"), t("origin"), t("unit_kg"), t("quantity"), t("unit_price"),
              t("total")]
    for artisan_lines in by_artisan.values():
        artisan = artisan_lines[0].artisan
        rows = [header]
        for line in artisan_lines:
            made = production.get(line.pk)
            quantity = str(line.quantity) + (f"\n{t('to_make', n=made.quantity, weeks=made.lead_time_weeks)}"
                                             if made else "")
            weight = unit_weight_kg(line.variant) if line.variant_id else Decimal(0)
            rows.append([line.product_sku, _p(line.product_name + (f" — {line.variant_name}" if line.variant_name
                                                                   else ""), s["small"]),
                         line.hs_code or "-", line.country_of_origin, f"{weight:.2f}", quantity,
                         _money(line.unit_price_gross, order.currency), _money(line.total_price_gross, order.currency)])
        table = Table(rows, colWidths=[24 * mm, 52 * mm, 18 * mm, 12 * mm, 14 * mm, 22 * mm, 22 * mm, 24 * mm],
                      repeatRows=1)
        table.setStyle(GRID)
        story += [_p(t("artisan_part", name=artisan.name, city=artisan.city), s["h2"]), table]
    shipments = parcels([(line.variant, line.quantity) for line in lines if line.variant_id])
    cartons = sum(p.cartons for p in shipments)
    chargeable = sum((p.chargeable_kg for p in shipments), Decimal(0))
    totals = [[t("subtotal"), _money(order.subtotal_gross, order.currency)],
              [t("shipping", method=order.shipping_method_name, cartons=cartons, kg=f"{chargeable:.1f}"),
               _money(order.shipping_gross, order.currency)],
              [t("total_due"), _money(order.total_gross, order.currency)]]
    table = Table(totals, colWidths=[140 * mm, 48 * mm])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "Helvetica", 9), ("FONT", (0, -1), (-1, -1),
                               "Helvetica-Bold", 10), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                               ("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.black)]))
    story += [Spacer(1, 4 * mm), table,
              _p(t("weights", net=f"{order.weight_kg:.1f}", chargeable=f"{chargeable:.1f}"), s["small"]),
              _p(t("customs_note"), s["small"])]
    story.append(_p(t("payment"), s["h2"]))
    if trade and trade.payment_terms == TradeOrder.Terms.DEPOSIT:
        story += [_p(t("deposit_line", share=int(trade.deposit_share * 100),
                       amount=_money(trade.deposit_amount, order.currency)), s["p"]),
                  _p(t("balance_line", amount=_money(trade.balance_amount, order.currency)), s["p"])]
    elif trade:
        story.append(_p(t("net30_line", amount=_money(order.total_gross, order.currency)), s["p"]))
    story.append(_p(t("received", amount=_money(order.total_charged, order.currency)), s["p"]))
    story += [_p(t("bank"), s["h2"]), _p(f"{settings.BANK_ACCOUNT_HOLDER} — {settings.BANK_NAME}", s["p"]),
              _p(f"IBAN {settings.BANK_IBAN} · BIC {settings.BANK_BIC}", s["p"]),
              _p(t("reference", reference=f"MAALEM-{order.number}"), s["p"])]
    return _build(story, t("proforma_title", number=order.number))


def _build(story: list[Any], title: str) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=11 * mm, rightMargin=11 * mm, topMargin=12 * mm,
                            bottomMargin=12 * mm, title=title, author="Maalem")
    doc.build(story)
    return buffer.getvalue()


def _photo(files: dict[str, Any]) -> Any:
    """The product's first photo as a flowable (the 512 px JPEG derivative), or an empty cell."""
    from django.core.files.storage import default_storage

    from marketplace.media.selectors import derivative_path

    path = derivative_path(files, 512, "JPEG")
    if not path:
        return ""
    try:
        with default_storage.open(path, "rb") as handle:
            data = io.BytesIO(handle.read())
    except OSError:
        return ""
    image = Image(data, width=34 * mm, height=34 * mm, kind="proportional")
    image.hAlign = "CENTER"
    return image


def line_sheet_pdf(sheet: Any) -> bytes:
    """`sheet`: trade.line_sheets.LineSheet (rows already chosen for a collection and a channel)."""
    lang = sheet.language
    t = lambda key, **kw: label(key, lang, **kw)  # noqa: E731
    s = _styles()
    story: list[Any] = [_p(sheet.title, s["title"]),
                        _p(t("sheet_subtitle", channel=sheet.channel.name, date=timezone.localdate().isoformat()),
                           s["p"]),
                        _p(t("sheet_terms", share=int(sheet.deposit_share * 100)), s["small"]), Spacer(1, 3 * mm)]
    for group in sheet.artisans:
        story += [_p(t("sheet_artisan", name=group.name, region=group.city), s["h2"]),
                  _p(t("sheet_minimum", first=_money(group.minimum.first_order, sheet.currency),
                       reorder=_money(group.minimum.reorder, sheet.currency)), s["p"])]
        for product in group.products:
            details = [Paragraph(f"<b>{escape(product.name)}</b>", s["p"])]
            if product.description:
                details.append(_p(product.description[:220], s["small"]))
            rows = [[t("sku"), t("variant"), t("wholesale"), t("retail"), t("pack"), t("availability")]]
            for v in product.variants:
                rows.append([v.sku, _p(v.name or "—", s["small"]), _money(v.offer.wholesale, sheet.currency),
                             _money(v.offer.retail, sheet.currency) if v.offer.retail else "—",
                             str(v.offer.pack_size), Paragraph(escape(t("stock_line", n=v.offer.in_stock)) + (
                                 "<br/>" + escape(t("more_line", n=v.offer.capacity_left,
                                                    weeks=v.offer.lead_time_weeks))
                                 if v.offer.capacity_left else ""), s["small"])])
            variants = Table(rows, colWidths=[24 * mm, 26 * mm, 22 * mm, 22 * mm, 12 * mm, 36 * mm])
            variants.setStyle(TableStyle([("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 7.5),
                                          ("FONT", (0, 1), (-1, -1), "Helvetica", 7.5),
                                          ("LINEBELOW", (0, 0), (-1, 0), 0.4, colors.black),
                                          ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            block = Table([[_photo(product.files), [*details, Spacer(1, 2 * mm), variants]]],
                          colWidths=[38 * mm, 150 * mm])
            block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("LINEBELOW", (0, 0), (-1, -1), 0.2, colors.lightgrey),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
            story.append(KeepTogether([block]))
    if not sheet.artisans:
        story.append(_p(t("sheet_empty"), s["p"]))
    return _build(story, sheet.title)
