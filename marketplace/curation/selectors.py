"""Programme results for the ministry: listings, artisans, photo quality and money, by artisan, region,
craft, market and month. Amounts are in MAD.

Sales are what buyers paid for the goods of placed orders (export sales converted with the channel's rate);
the part of orders not paid yet (cash on delivery not collected, a transfer not received) is shown apart.
The artisans' income is the payout ledger's (what each line credits the artisan, less commission, less
refunds), split into paid out and still owed, so that it ties to the artisans' payout pages; the platform's
margin (commission and the export markets' margin) is apart."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Count
from django.db.models.functions import TruncMonth

from marketplace.artisans.models import Artisan
from marketplace.artisans.regions import region_name
from marketplace.catalog.models import Category, CategoryTranslation, Product
from marketplace.channels.models import Channel
from marketplace.media.models import ProductMedia
from marketplace.orders.models import Order, OrderLine
from marketplace.payouts.models import LedgerEntry, PayoutBatch

TWO = Decimal("0.01")
ZERO = Decimal(0)
GROUPS = ("artisan", "region", "craft", "market", "month")
# The money figures, in the CSV's order (name, key of programme_results).
FIGURES = ("sales_mad", "awaiting_payment_mad", "income_mad", "income_paid_mad", "income_pending_mad",
           "commission_mad", "export_margin_mad", "platform_margin_mad")


def _crafts() -> dict[int, Category]:
    """The top-level craft of each category."""
    categories = {c.pk: c for c in Category.objects.all()}
    out = {}
    for pk, category in categories.items():
        top = category
        while top.parent_id is not None and top.parent_id in categories:
            top = categories[top.parent_id]
        out[pk] = top
    return out


def craft_names(category_ids: set[int]) -> dict[int, str]:
    """The top-level craft's name (French, the catalogue's own) of each category."""
    crafts = _crafts()
    return {pk: crafts[pk].name for pk in category_ids if pk in crafts}


def _month(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m") if value else ""


def in_mad(amount: Decimal, channel: Channel) -> Decimal:
    if channel.currency_code == "MAD" or not channel.price_rate:
        return amount
    return amount / channel.price_rate


def _lines(since: dt.datetime | None, until: dt.datetime | None):
    lines = OrderLine.objects.exclude(order__status__in=[Order.Status.CANCELED, Order.Status.UNCONFIRMED])
    if since:
        lines = lines.filter(order__created__gte=since)
    if until:
        lines = lines.filter(order__created__lt=until)
    return lines


def money_rows(since: dt.datetime | None, until: dt.datetime | None) -> list[dict[str, Any]]:
    """One row per order line of placed orders: its group keys, the buyer's money in MAD, whether the order
    is paid, and what the ledger says of it (income, paid or owed, commission, export margin)."""
    channels = {c.pk: c for c in Channel.objects.all()}
    artisans = {a.pk: a for a in Artisan.objects.all()}
    crafts = _crafts()
    lines = _lines(since, until)
    rows: dict[int, dict[str, Any]] = {}
    for line in lines.values("pk", "artisan_id", "order__channel_id", "order__created", "total_price_gross",
                             "order__total_charged", "order__total_gross", "variant__product__category_id"):
        channel, artisan = channels[line["order__channel_id"]], artisans[line["artisan_id"]]
        craft = crafts.get(line["variant__product__category_id"])
        rows[line["pk"]] = {
            "keys": {"artisan": artisan.slug, "region": artisan.region, "craft": craft.slug if craft else "",
                     "market": channel.slug, "month": _month(line["order__created"])},
            "export": channel.kind == Channel.Kind.EXPORT, "channel": channel,
            "sales": in_mad(line["total_price_gross"], channel),
            "paid": line["order__total_charged"] >= line["order__total_gross"],
            "income": ZERO, "income_paid": ZERO, "commission": ZERO, "export_margin": ZERO}
    entries = LedgerEntry.objects.filter(order_line__in=lines).values(
        "order_line_id", "kind", "currency", "gross", "commission", "net", "batch__status")
    for entry in entries:
        row = rows.get(entry["order_line_id"])
        if row is None:
            continue
        # Entries are in MAD; older export entries are in the market's currency: converted like sales.
        rate_of = (lambda amount: amount) if entry["currency"] == "MAD" else (
            lambda amount, ch=row["channel"]: in_mad(amount, ch))
        net = rate_of(entry["net"])
        row["income"] += net
        if entry["batch__status"] == PayoutBatch.Status.PAID:
            row["income_paid"] += net
        row["commission"] += rate_of(entry["commission"])
        if entry["kind"] == LedgerEntry.Kind.SALE:
            row["export_margin"] += row["sales"] - rate_of(entry["gross"])
    return list(rows.values())


def _money(rows: list[dict[str, Any]]) -> dict[str, Decimal]:
    total = defaultdict(lambda: ZERO)
    for row in rows:
        total["sales_mad"] += row["sales"]
        if not row["paid"]:
            total["awaiting_payment_mad"] += row["sales"]
        total["income_mad"] += row["income"]
        total["income_paid_mad"] += row["income_paid"]
        total["commission_mad"] += row["commission"]
        total["export_margin_mad"] += row["export_margin"]
    total["income_pending_mad"] = total["income_mad"] - total["income_paid_mad"]
    total["platform_margin_mad"] = total["commission_mad"] + total["export_margin_mad"]
    return {name: total[name].quantize(TWO) for name in FIGURES}


def _grouped(rows: list[dict], key: str) -> list[dict[str, Any]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row["keys"][key]].append(row)
    return [{"group": key, "key": k, "sales_mad": sum((r["sales"] for r in v), ZERO).quantize(TWO),
             "income_mad": sum((r["income"] for r in v), ZERO).quantize(TWO), "order_lines": len(v)}
            for k, v in sorted(groups.items())]


MARKET_NAMES = {  # the storefront's market names (the channels' own names are French only)
    Channel.Kind.DOMESTIC: {"fr": "Maroc", "ar": "المغرب", "en": "Morocco"},
    Channel.Kind.TOURIST: {"fr": "Touristes", "ar": "السياح", "en": "Tourists"},
    Channel.Kind.EXPORT: {"fr": "Export ({currency})", "ar": "التصدير ({currency})", "en": "Export ({currency})"},
}


def group_names(groups: list[dict[str, Any]], language: str) -> dict[tuple[str, str], str]:
    """The names of group keys in `language`: artisans' names, regions, crafts, markets; months keep their
    key (YYYY-MM)."""
    keys = {(g["group"], g["key"]) for g in groups}
    names: dict[tuple[str, str], str] = {}
    artisan_slugs = [k for group, k in keys if group == "artisan"]
    for slug, name in Artisan.objects.filter(slug__in=artisan_slugs).values_list("slug", "name"):
        names[("artisan", slug)] = name
    craft_slugs = [k for group, k in keys if group == "craft"]
    crafts = dict(Category.objects.filter(slug__in=craft_slugs).values_list("slug", "name"))
    translated = dict(CategoryTranslation.objects.filter(category__slug__in=craft_slugs, language_code=language)
                      .values_list("category__slug", "name"))
    for slug in craft_slugs:
        names[("craft", slug)] = translated.get(slug) or crafts.get(slug, slug)
    for channel in Channel.objects.filter(slug__in=[k for group, k in keys if group == "market"]):
        pattern = MARKET_NAMES.get(channel.kind, {}).get(language)
        names[("market", channel.slug)] = pattern.format(currency=channel.currency_code) if pattern else channel.name
    for group, key in keys:
        if group == "region":
            names[(group, key)] = region_name(key, language) if key else ""
        names.setdefault((group, key), key)
    return names


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
    rows = money_rows(since, until)
    money = _money(rows)
    export = sum((r["sales"] for r in rows if r["export"]), ZERO)
    sales = money["sales_mad"]
    return {
        "listings_added": products.count(),
        "listings_by_month": listings_by_month,
        "active_artisans": Artisan.objects.filter(verification_status=Artisan.Verification.VERIFIED,
                                                  products__isnull=False).distinct().count(),
        "selling_artisans": len({r["keys"]["artisan"] for r in rows}),
        **money,
        "export_share": float((export / sales).quantize(Decimal("0.0001"))) if sales else 0.0,
        **{f"by_{group}": _grouped(rows, group) for group in GROUPS},
        "photo_quality": photo_quality(since, until),
    }


CSV_HEADER = ["section", "key", "name", "sales_mad", "income_mad", "order_lines"]


def results_csv_rows(results: dict[str, Any], names: dict[tuple[str, str], str]) -> list[list[str]]:
    """A flat table (section, key, name, then values) the ministry opens in a spreadsheet; the storefront's
    CSV is built the same way from the GraphQL answer, row for row."""
    out = [list(CSV_HEADER)]
    for name in ("listings_added", "active_artisans", "selling_artisans", *FIGURES, "export_share"):
        out.append(["summary", name, "", str(results[name]), "", ""])
    quality = results["photo_quality"]
    for name in ("photos", "average_before", "average_after"):
        out.append(["photo_quality", name, "", "" if quality[name] is None else str(quality[name]), "", ""])
    for row in results["listings_by_month"]:
        out.append(["listings_by_month", row["key"], "", str(row["count"]), "", ""])
    for group in GROUPS:
        for row in results[f"by_{group}"]:
            out.append([f"by_{group}", row["key"], names.get((group, row["key"]), row["key"]), str(row["sales_mad"]),
                        str(row["income_mad"]), str(row["order_lines"])])
    return out
