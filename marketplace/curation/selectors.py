"""Programme results for the ministry: listings, artisans, photo quality and, from the orders app, sales
and artisans' income by artisan, region, craft, market and month. Amounts are in MAD: export sales are
converted back with the channel's exchange rate (price_rate, MAD → currency)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Count
from django.db.models.functions import TruncMonth

from marketplace.artisans.models import Artisan
from marketplace.artisans.regions import region_name
from marketplace.catalog.models import Category, Product
from marketplace.channels.models import Channel
from marketplace.media.models import ProductMedia

TWO = Decimal("0.01")


def _craft_of(category_ids: set[int]) -> dict[int, str]:
    """Top-level craft name of each category."""
    parents = dict(Category.objects.values_list("pk", "parent_id"))
    names = dict(Category.objects.values_list("pk", "name"))
    result = {}
    for pk in category_ids:
        top = pk
        while top is not None and parents.get(top) is not None:
            top = parents[top]
        result[pk] = names.get(top, "")
    return result


def _month(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m") if value else ""


def _in_mad(amount: Decimal, channel: Channel) -> Decimal:
    if channel.currency_code == "MAD" or not channel.price_rate:
        return amount
    return amount / channel.price_rate


def sales_rows(since: dt.datetime | None, until: dt.datetime | None) -> list[dict[str, Any]]:
    """One row per order line of placed (not cancelled) orders; [] while the orders app has no orders."""
    try:
        from marketplace.orders.models import Order, OrderLine
    except ImportError:  # the orders app is optional for the curation reports
        return []
    lines = OrderLine.objects.exclude(order__status__in=[Order.Status.CANCELED, Order.Status.UNCONFIRMED])
    if since:
        lines = lines.filter(order__created__gte=since)
    if until:
        lines = lines.filter(order__created__lt=until)
    channels = {c.pk: c for c in Channel.objects.all()}
    artisans = {a.pk: a for a in Artisan.objects.all()}
    rows = []
    for line in lines.values("artisan_id", "order__channel_id", "order__created", "total_price_gross",
                             "variant__product__category_id"):
        channel = channels[line["order__channel_id"]]
        artisan = artisans[line["artisan_id"]]
        gross = _in_mad(line["total_price_gross"], channel)
        rows.append({"artisan": artisan.name, "region": region_name(artisan.region, "fr"), "channel": channel.slug,
                     "export": channel.kind == Channel.Kind.EXPORT, "month": _month(line["order__created"]),
                     "category_id": line["variant__product__category_id"], "sales": gross,
                     "income": gross * (1 - artisan.commission_rate)})
    crafts = _craft_of({r["category_id"] for r in rows if r["category_id"]})
    for row in rows:
        row["craft"] = crafts.get(row.pop("category_id"), "")
    return rows


def _grouped(rows: list[dict], key: str) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Decimal]] = defaultdict(lambda: {"sales": Decimal(0), "income": Decimal(0),
                                                                 "lines": 0})
    for row in rows:
        group = groups[row[key]]
        group["sales"] += row["sales"]
        group["income"] += row["income"]
        group["lines"] += 1
    return [{"key": k, "sales_mad": v["sales"].quantize(TWO), "income_mad": v["income"].quantize(TWO),
             "order_lines": v["lines"]} for k, v in sorted(groups.items())]


def photo_quality(since: dt.datetime | None, until: dt.datetime | None) -> dict[str, Any]:
    media = ProductMedia.objects.filter(status=ProductMedia.Status.READY)
    if since:
        media = media.filter(created_at__gte=since)
    if until:
        media = media.filter(created_at__lt=until)
    before, after, count = 0.0, 0.0, 0
    for report in media.values_list("quality_report", flat=True).iterator():
        if isinstance(report, dict) and report.get("overall_before") is not None:
            before += float(report["overall_before"])
            after += float(report.get("overall_after") or 0)
            count += 1
    return {"photos": count, "average_before": round(before / count, 3) if count else None,
            "average_after": round(after / count, 3) if count else None}


def programme_results(since: dt.datetime | None = None, until: dt.datetime | None = None) -> dict[str, Any]:
    products = Product.objects.all()
    if since:
        products = products.filter(created_at__gte=since)
    if until:
        products = products.filter(created_at__lt=until)
    listings_by_month = [{"key": _month(r["m"]), "count": r["n"]} for r in
                         products.annotate(m=TruncMonth("created_at")).values("m").annotate(n=Count("pk")).order_by("m")]
    rows = sales_rows(since, until)
    sales = sum((r["sales"] for r in rows), Decimal(0))
    export = sum((r["sales"] for r in rows if r["export"]), Decimal(0))
    selling = {r["artisan"] for r in rows}
    return {
        "listings_added": products.count(),
        "listings_by_month": listings_by_month,
        "active_artisans": Artisan.objects.filter(verification_status=Artisan.Verification.VERIFIED,
                                                  products__isnull=False).distinct().count(),
        "selling_artisans": len(selling),
        "sales_mad": sales.quantize(TWO),
        "income_mad": sum((r["income"] for r in rows), Decimal(0)).quantize(TWO),
        "export_share": float((export / sales).quantize(Decimal("0.0001"))) if sales else 0.0,
        "by_artisan": _grouped(rows, "artisan"),
        "by_region": _grouped(rows, "region"),
        "by_craft": _grouped(rows, "craft"),
        "by_market": _grouped(rows, "channel"),
        "by_month": _grouped(rows, "month"),
        "photo_quality": photo_quality(since, until),
    }


def results_csv_rows(results: dict[str, Any]) -> list[list[str]]:
    """A flat table: section, key, value columns; one file the ministry opens in a spreadsheet."""
    out = [["section", "key", "sales_mad", "income_mad", "order_lines"]]
    for name in ("listings_added", "active_artisans", "selling_artisans", "sales_mad", "income_mad", "export_share"):
        out.append(["summary", name, str(results[name]), "", ""])
    quality = results["photo_quality"]
    for name in ("photos", "average_before", "average_after"):
        out.append(["photo_quality", name, "" if quality[name] is None else str(quality[name]), "", ""])
    for row in results["listings_by_month"]:
        out.append(["listings_by_month", row["key"], str(row["count"]), "", ""])
    for section in ("by_artisan", "by_region", "by_craft", "by_market", "by_month"):
        for row in results[section]:
            out.append([section, row["key"], str(row["sales_mad"]), str(row["income_mad"]), str(row["order_lines"])])
    return out
