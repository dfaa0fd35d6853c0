"""Reads of the fairs app: the public list, an artisan's labels, and the ministry's figures per fair.

Figures (amounts in MAD, export sales converted back with the channel's rate as the programme dashboard does):
- stand sales: orders recorded on the fair's stands (not cancelled), count and value, by artisan, craft, region;
- QR scans: landings with `src=fair-<slug>` (FairVisit), during the fair and after it;
- orders from those visits: orders whose `source` metadata is the fair's (the storefront carries a scanned
  label's source into the checkout), placed from the fair's first day to 60 days after its last, stand sales
  excluded;
- export share: of the value of both, what was sold in an export market or shipped out of Morocco."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from marketplace.artisans.regions import region_name
from marketplace.catalog.models import ProductTranslation, ProductVariantChannelListing
from marketplace.catalog.selectors import visible_products
from marketplace.channels.models import Channel
from marketplace.curation.selectors import craft_names, in_mad
from marketplace.fairs.documents import Label
from marketplace.fairs.models import Fair, FairVisit, StandSale
from marketplace.inventory.selectors import free_quantities
from marketplace.orders.models import Order, OrderLine

FOLLOW_UP_DAYS = 60
TWO = Decimal("0.01")


def fairs_queryset() -> QuerySet:
    return Fair.objects.prefetch_related("channels")


def label_channel(fair: Fair) -> Channel | None:
    """The market a fair's QR codes open: its tourist market when it has one, else its first."""
    channels = sorted(fair.channels.all(), key=lambda c: (c.sort_order, c.slug))
    return next((c for c in channels if c.kind == Channel.Kind.TOURIST), channels[0] if channels else None)


def is_international(fair: Fair) -> bool:
    return any(c.kind == Channel.Kind.EXPORT for c in fair.channels.all())


def _local_bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[first day 00:00, the day after `last` 00:00) in the marketplace's time zone."""
    zone = timezone.get_current_timezone()
    return (dt.datetime.combine(first, dt.time.min, zone),
            dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, zone))


def artisan_labels(fair: Fair, artisan_id: int, storefront_url: str) -> list[Label]:
    """One label per piece of the artisan priced in the fair's label market and still in stock there."""
    channel = label_channel(fair)
    if channel is None:
        return []
    mad = next((c for c in sorted(fair.channels.all(), key=lambda c: c.sort_order) if c.currency_code == "MAD"),
               None) or Channel.objects.filter(currency_code="MAD").order_by("sort_order").first()
    eur = next((c for c in fair.channels.all() if c.currency_code == "EUR"), None) if is_international(fair) else None
    # Only pieces the shop shows in that market: a label must never open a missing page.
    products = list(visible_products(channel, None).filter(artisan_id=artisan_id)
                    .prefetch_related("variants").order_by("name", "pk"))
    variants = [v for p in products for v in p.variants.all()]
    prices = {(row.variant_id, row.channel_id): row.price_amount for row in ProductVariantChannelListing.objects
              .filter(variant__in=variants, channel__in=[c for c in (channel, mad, eur) if c is not None],
                      price_amount__isnull=False)}
    free = free_quantities([v.pk for v in variants], channel)
    arabic = dict(ProductTranslation.objects.filter(product__in=products, language_code="ar")
                  .values_list("product_id", "name"))
    base = storefront_url.rstrip("/")
    labels = []
    for product in products:
        for variant in product.variants.all():
            if (variant.pk, channel.pk) not in prices or free.get(variant.pk, 0) <= 0:
                continue
            url = f"{base}/{channel.default_language}/{channel.slug}/p/{product.slug}/?src={fair.source}"
            labels.append(Label(
                name_fr=product.name if not variant.name else f"{product.name} — {variant.name}",
                name_ar=arabic.get(product.pk, ""), sku=variant.sku or "",
                price_mad=prices.get((variant.pk, mad.pk)) if mad else None,
                price_eur=prices.get((variant.pk, eur.pk)) if eur else None,
                unique=variant.is_one_of_a_kind, url=url))
    return labels


def _line_rows(lines: QuerySet) -> list[dict[str, Any]]:
    channels = {c.pk: c for c in Channel.objects.all()}
    rows = []
    for line in lines.values("order_id", "artisan_id", "artisan__name", "artisan__region", "order__channel_id",
                             "total_price_gross", "variant__product__category_id",
                             "order__shipping_address__country"):
        channel = channels[line["order__channel_id"]]
        country = line["order__shipping_address__country"] or "MA"
        rows.append({"order": line["order_id"], "artisan": line["artisan__name"],
                     "region": region_name(line["artisan__region"], "fr"),
                     "category": line["variant__product__category_id"],
                     "sales": in_mad(line["total_price_gross"], channel),
                     "export": channel.kind == Channel.Kind.EXPORT or country != "MA"})
    crafts = craft_names({r["category"] for r in rows if r["category"]})
    for row in rows:
        row["craft"] = crafts.get(row.pop("category"), "")
    return rows


def _grouped(rows: list[dict], key: str) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = defaultdict(lambda: {"orders": set(), "sales": Decimal(0)})
    for row in rows:
        groups[row[key]]["orders"].add(row["order"])
        groups[row[key]]["sales"] += row["sales"]
    return [{"key": k, "count": len(v["orders"]), "sales_mad": v["sales"].quantize(TWO)}
            for k, v in sorted(groups.items(), key=lambda item: (-item[1]["sales"], item[0]))]


def fair_figures(fair: Fair, *, now: dt.datetime | None = None) -> dict[str, Any]:
    now = now or timezone.now()
    start, end = _local_bounds(fair.starts_on, fair.ends_on)
    follow_up_end = end + dt.timedelta(days=FOLLOW_UP_DAYS)
    placed = ~Q(order__status__in=[Order.Status.CANCELED, Order.Status.UNCONFIRMED])
    stand_lines = OrderLine.objects.filter(placed, order__stand_sale__fair=fair)
    visit_lines = (OrderLine.objects.filter(placed, order__metadata__source=fair.source,
                                            order__created__gte=start, order__created__lt=follow_up_end)
                   .filter(order__stand_sale__isnull=True))
    stand_rows, visit_rows = _line_rows(stand_lines), _line_rows(visit_lines)
    visits = FairVisit.objects.filter(fair=fair).aggregate(
        total=Count("pk"), during=Count("pk", filter=Q(created_at__gte=start, created_at__lt=end)),
        after=Count("pk", filter=Q(created_at__gte=end)))
    stand_total = sum((r["sales"] for r in stand_rows), Decimal(0))
    visit_total = sum((r["sales"] for r in visit_rows), Decimal(0))
    everything = stand_total + visit_total
    export = sum((r["sales"] for r in stand_rows + visit_rows if r["export"]), Decimal(0))
    return {
        "stand_sales_count": len({r["order"] for r in stand_rows}),
        "stand_sales_mad": stand_total.quantize(TWO),
        "by_artisan": _grouped(stand_rows, "artisan"),
        "by_craft": _grouped(stand_rows, "craft"),
        "by_region": _grouped(stand_rows, "region"),
        "qr_visits": visits["total"],
        "qr_visits_during": visits["during"],
        "qr_visits_after": visits["after"],
        "visit_orders_count": len({r["order"] for r in visit_rows}),
        "visit_orders_mad": visit_total.quantize(TWO),
        "follow_up_until": (fair.ends_on + dt.timedelta(days=FOLLOW_UP_DAYS)),
        "follow_up_open": now < follow_up_end,
        "export_share": float((export / everything).quantize(Decimal("0.0001"))) if everything else 0.0,
    }


def figures_csv_rows(fair: Fair, figures: dict[str, Any]) -> list[list[str]]:
    """The dashboard's flat CSV layout: section, key, count, sales_mad."""
    out = [["section", "key", "count", "sales_mad"]]
    out.append(["summary", "stand_sales", str(figures["stand_sales_count"]), str(figures["stand_sales_mad"])])
    out.append(["summary", "qr_visits", str(figures["qr_visits"]), ""])
    out.append(["summary", "qr_visits_during_fair", str(figures["qr_visits_during"]), ""])
    out.append(["summary", "qr_visits_after_fair", str(figures["qr_visits_after"]), ""])
    out.append(["summary", "orders_from_visits", str(figures["visit_orders_count"]), str(figures["visit_orders_mad"])])
    out.append(["summary", "export_share", str(figures["export_share"]), ""])
    for section in ("by_artisan", "by_craft", "by_region"):
        for row in figures[section]:
            out.append([f"stand_sales_{section}", row["key"], str(row["count"]), str(row["sales_mad"])])
    return out


def stand_sales_of(fair: Fair, artisan_ids: set[int] | None) -> QuerySet:
    sales = StandSale.objects.filter(fair=fair).select_related("order", "artisan")
    return sales if artisan_ids is None else sales.filter(artisan_id__in=artisan_ids)
