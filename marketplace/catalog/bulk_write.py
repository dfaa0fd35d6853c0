"""productBulkCreate's writes, once every row is valid: products and variants with bulk_create (their ids
are needed), their child rows (listings, prices, stocks, attribute values) as column arrays in one
statement per table, the listings' lowest prices computed here rather than re-read, and one refresh of
the search index for the whole call."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone

from marketplace.catalog import review
from marketplace.catalog.models import Product, ProductVariant
from marketplace.catalog.services import after_catalog_change, parse_description, plaintext
from marketplace.catalog.sql import bulk_set, insert_rows
from marketplace.channels.services import derive_price
from marketplace.core.errors import FieldError, MutationError
from marketplace.inventory import services as inventory

CENT = Decimal("0.01")
LISTING_COLUMNS = [("product_id", "bigint"), ("channel_id", "bigint"), ("currency", "varchar"),
                   ("is_published", "boolean"), ("published_at", "timestamptz"), ("visible_in_listings", "boolean"),
                   ("available_for_purchase_at", "timestamptz"), ("discounted_price_amount", "numeric")]
PRICE_COLUMNS = [("variant_id", "bigint"), ("channel_id", "bigint"), ("currency", "varchar"),
                 ("price_amount", "numeric"), ("cost_price_amount", "numeric"), ("price_overridden", "boolean")]


def _meta(items: list[dict] | None) -> dict[str, str]:
    return {i["key"]: i["value"] for i in items or []}


@dataclass
class _Children:
    listings: list[tuple] = field(default_factory=list)
    prices: list[tuple] = field(default_factory=list)
    stocks: list[tuple] = field(default_factory=list)
    product_values: list[tuple] = field(default_factory=list)
    variant_values: list[tuple] = field(default_factory=list)


def write_rows(user: Any, channels: dict[int, Any], rows: list[Any]) -> None:
    """`rows`: validated bulk rows (`row.data` as the mutation gives it, plus `_artisan`, `_slug`, `_values`
    and per variant `_values`, `_hs_code`, `_dimensions`); sets `row.product` on each."""
    now = timezone.now()
    status = review.initial_status(user)
    for row in rows:
        d = row.data
        description = parse_description(d.get("description"))
        seo = d.get("seo") or {}
        row.product = Product(
            product_type_id=d["product_type"], category_id=d.get("category"), artisan_id=d["_artisan"],
            name=d["name"].strip(), slug=d["_slug"], description=description,
            description_plaintext=plaintext(description), weight_kg=d.get("weight"), rating=d.get("rating"),
            external_reference=d.get("external_reference") or None, seo_title=seo.get("title") or "",
            seo_description=seo.get("description") or "", metadata=_meta(d.get("metadata")),
            private_metadata=_meta(d.get("private_metadata")), created_at=now, review_status=status,
            review_reason="" if status == "APPROVED" else "New listing",
            review_requested_at=None if status == "APPROVED" else now)
    Product.objects.bulk_create([row.product for row in rows], batch_size=2000)
    _collections(rows)
    variant_rows = []
    for row in rows:
        for order, spec in enumerate(row.data.get("variants") or []):
            variant = ProductVariant(
                product=row.product, sku=spec.get("sku") or None, name=spec.get("name") or "",
                track_inventory=spec.get("track_inventory", True) is not False,
                quantity_limit_per_customer=spec.get("quantity_limit_per_customer"), weight_kg=spec.get("weight"),
                external_reference=spec.get("external_reference") or None, metadata=_meta(spec.get("metadata")),
                private_metadata=_meta(spec.get("private_metadata")), hs_code=spec.get("_hs_code") or "",
                **(spec.get("_dimensions") or {}), sort_order=order, created_at=now)
            variant_rows.append((row, spec, variant))
    ProductVariant.objects.bulk_create([variant for _row, _spec, variant in variant_rows], batch_size=5000)
    children = _Children()
    lowest: dict[tuple[int, int], Decimal] = {}
    for row, spec, variant in variant_rows:
        _variant_children(channels, row, spec, variant, children, lowest)
    for row in rows:
        for listing in row.data.get("channel_listings") or []:
            channel = channels[listing["channel_id"]]
            children.listings.append((
                row.product.pk, channel.pk, channel.currency_code, bool(listing.get("is_published")),
                listing.get("published_at"), listing.get("visible_in_listings", True) is not False,
                listing.get("available_for_purchase_at") or (now if listing.get("is_available_for_purchase") else None),
                lowest.get((row.product.pk, channel.pk))))
        children.product_values += [(order, row.product.pk, value.pk)
                                    for order, value in enumerate(row.data.get("_values") or [])]
    insert_rows("catalog_productchannellisting", LISTING_COLUMNS, children.listings)
    insert_rows("catalog_productvariantchannellisting", PRICE_COLUMNS, children.prices)
    inventory.create_stocks(children.stocks)
    insert_rows("catalog_assignedproductattributevalue",
                [("sort_order", "integer"), ("product_id", "bigint"), ("value_id", "bigint")], children.product_values)
    insert_rows("catalog_assignedvariantattributevalue",
                [("sort_order", "integer"), ("variant_id", "bigint"), ("value_id", "bigint")], children.variant_values)
    defaults: dict[int, int] = {}
    for row, _spec, variant in variant_rows:
        defaults.setdefault(row.product.pk, variant.pk)
    for row in rows:
        row.product.default_variant_id = defaults.get(row.product.pk)
    bulk_set("catalog_product", "default_variant_id", list(defaults), list(defaults.values()), "bigint")
    # The listings' lowest prices were written above: only the search index and the caches are left.
    after_catalog_change([row.product.pk for row in rows], prices=False)


def _collections(rows: list[Any]) -> None:
    from marketplace.catalog.models import Collection, CollectionProduct

    wanted = {pk for row in rows for pk in row.data.get("collections") or []}
    known = set(Collection.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    if wanted - known:
        raise MutationError([FieldError("collections", "Couldn't resolve to a collection.", "NOT_FOUND")])
    CollectionProduct.objects.bulk_create([CollectionProduct(collection_id=pk, product=row.product, sort_order=1000)
                                           for row in rows for pk in row.data.get("collections") or []],
                                          ignore_conflicts=True)


def _variant_children(channels: dict[int, Any], row: Any, spec: dict, variant: ProductVariant,
                      children: _Children, lowest: dict[tuple[int, int], Decimal]) -> None:
    """Prices (given ones are kept; channels without a price follow the rule from MAD), stocks and
    attribute values of one new variant; `lowest` keeps each (product, channel)'s lowest price."""
    given = {p["channel_id"]: p for p in spec.get("channel_listings") or []}
    mad = next((Decimal(p["price"]) for cid, p in given.items() if channels[cid].currency_code == "MAD"), None)
    for listing in row.data.get("channel_listings") or []:
        channel = channels[listing["channel_id"]]
        price = given.get(channel.pk)
        if price is not None:
            amount = Decimal(price["price"]).quantize(CENT)
            children.prices.append((variant.pk, channel.pk, channel.currency_code, amount, price.get("cost_price"),
                                    True))
        elif mad is not None:
            amount = derive_price(mad, channel)
            children.prices.append((variant.pk, channel.pk, channel.currency_code, amount, None, False))
        else:
            continue
        key = (row.product.pk, channel.pk)
        if key not in lowest or amount < lowest[key]:
            lowest[key] = amount
    children.stocks += [(stock["warehouse"], variant.pk, stock["quantity"]) for stock in spec.get("stocks") or []]
    children.variant_values += [(order, variant.pk, value.pk) for order, value in enumerate(spec.get("_values") or [])]
