"""productBulkCreate: validate every row against prefetched data, then batched inserts (a handful of
queries per call, not per product), so that importers bring in thousands of products a second."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.text import slugify

from marketplace.catalog.access import artisan_for_create, is_manager
from marketplace.catalog.attributes import resolve_attribute_values
from marketplace.catalog.bulk_write import write_rows
from marketplace.catalog.customs import clean_dimensions, clean_hs_code
from marketplace.catalog.models import (
    Category,
    Product,
    ProductType,
    ProductVariant,
)
from marketplace.channels.models import Channel
from marketplace.core.errors import MutationError
from marketplace.core.permissions import member_artisan_ids, require_authenticated
from marketplace.core.text import clean_slug, clean_text


@dataclass
class RowError:
    path: str
    message: str
    code: str


@dataclass
class Row:
    index: int
    data: dict[str, Any]
    errors: list[RowError] = field(default_factory=list)
    product: Product | None = None


def _meta(items: list[dict] | None) -> dict[str, str]:
    return {i["key"]: i["value"] for i in items or []}


class _Context:
    """Everything rows refer to, loaded once per call."""

    def __init__(self, user: Any, rows: list[Row]):
        self.user = user
        datas = [r.data for r in rows]
        self.types = {t.pk: t for t in ProductType.objects.filter(pk__in={d.get("product_type") for d in datas})}
        self.categories = set(Category.objects.filter(pk__in={d.get("category") for d in datas if d.get("category")})
                              .values_list("pk", flat=True))
        self.channels = {c.pk: c for c in Channel.objects.all()}
        from marketplace.inventory.models import Warehouse

        self.warehouses = dict(Warehouse.objects.values_list("pk", "artisan_id"))
        skus = [v.get("sku") for d in datas for v in d.get("variants") or [] if v.get("sku")]
        self.taken_skus = set(ProductVariant.objects.filter(sku__in=skus).values_list("sku", flat=True))
        references = [d.get("external_reference") for d in datas if d.get("external_reference")]
        self.taken_references = set(Product.objects.filter(external_reference__in=references)
                                    .values_list("external_reference", flat=True))
        slugs = [d.get("slug") or (slugify(d.get("name") or "") or "product")[:240] for d in datas]
        self.taken_slugs = set(Product.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        self.own_artisans = member_artisan_ids(user)
        self.allowed_attributes: dict[int, dict] = {}
        self.allowed_variant_attributes: dict[int, dict] = {}

    def attributes_of(self, product_type: ProductType) -> dict:
        if product_type.pk not in self.allowed_attributes:
            self.allowed_attributes[product_type.pk] = {a.pk: a for a in product_type.product_attributes.all()}
        return self.allowed_attributes[product_type.pk]

    def variant_attributes_of(self, product_type: ProductType) -> dict:
        if product_type.pk not in self.allowed_variant_attributes:
            self.allowed_variant_attributes[product_type.pk] = {a.pk: a for a in product_type.variant_attributes.all()}
        return self.allowed_variant_attributes[product_type.pk]

    def assign_slugs(self, rows: list[Row]) -> None:
        """Free slugs for the rows in a few queries: the name's slug, else suffixed with the row's external
        reference or SKU, else with a short random token (a catalog often repeats a product name)."""
        import secrets

        wanted: dict[int, str] = {}
        for row in rows:
            d = row.data
            base = d.get("slug") or (slugify(d.get("name") or "") or "product")[:240]
            if base in self.taken_slugs or base in wanted.values():
                if d.get("slug"):
                    row.errors.append(RowError("slug", "Product with this Slug already exists.", "UNIQUE"))
                    continue
                token = d.get("external_reference") or next(
                    (v.get("sku") for v in d.get("variants") or [] if v.get("sku")), "") or secrets.token_hex(3)
                base = f"{base[:200]}-{slugify(token)[:40] or secrets.token_hex(3)}"
            wanted[row.index] = base
        clashes = set(Product.objects.filter(slug__in=list(wanted.values())).values_list("slug", flat=True))
        seen: set[str] = set()
        for row in rows:
            slug = wanted.get(row.index)
            if slug is None:
                continue
            if slug in clashes or slug in seen:
                slug = f"{slug[:230]}-{secrets.token_hex(4)}"
            seen.add(slug)
            row.data["_slug"] = slug


def _validate(ctx: _Context, row: Row) -> None:
    d, err = row.data, row.errors.append
    try:
        d["name"] = clean_text(d.get("name"), "name", max_length=250)
        if d.get("slug"):
            d["slug"] = clean_slug(d["slug"])
    except MutationError as error:
        row.errors += [RowError(e.field or "", e.message, e.code) for e in error.errors]
    if d.get("product_type") not in ctx.types:
        err(RowError("productType", "Couldn't resolve to a product type.", "NOT_FOUND"))
    if d.get("category") and d["category"] not in ctx.categories:
        err(RowError("category", "Couldn't resolve to a category.", "NOT_FOUND"))
    reference = d.get("external_reference")
    if reference:
        if reference in ctx.taken_references:
            err(RowError("externalReference", f"Product with external reference {reference} already exists.",
                         "UNIQUE"))
        ctx.taken_references.add(reference)
    for i, listing in enumerate(d.get("channel_listings") or []):
        if listing["channel_id"] not in ctx.channels:
            err(RowError(f"channelListings.{i}.channelId", "Couldn't resolve to a channel.", "NOT_FOUND"))
    listed = {c["channel_id"] for c in d.get("channel_listings") or []}
    for v, variant in enumerate(d.get("variants") or []):
        sku = variant.get("sku")
        if sku:
            if sku in ctx.taken_skus:
                err(RowError(f"variants.{v}.sku", f"SKU {sku} already exists.", "UNIQUE"))
            ctx.taken_skus.add(sku)
        for i, price in enumerate(variant.get("channel_listings") or []):
            if price["channel_id"] not in listed:
                err(RowError(f"variants.{v}.channelListings.{i}.channelId",
                             "The product is not available in this channel.", "PRODUCT_NOT_ASSIGNED_TO_CHANNEL"))
            if Decimal(price["price"]) <= 0:
                err(RowError(f"variants.{v}.channelListings.{i}.price", "The price must be greater than zero.",
                             "INVALID_PRICE"))
        try:
            variant["_hs_code"] = clean_hs_code(variant.get("hs_code"), f"variants.{v}.hsCode")
            variant["_dimensions"] = clean_dimensions(variant.get("dimensions"), f"variants.{v}.dimensions")
        except MutationError as error:
            row.errors += [RowError(e.field or "", e.message, e.code) for e in error.errors]
        for i, stock in enumerate(variant.get("stocks") or []):
            owner = ctx.warehouses.get(stock["warehouse"], -1)
            if owner == -1:
                err(RowError(f"variants.{v}.stocks.{i}.warehouse", "Couldn't resolve to a warehouse.", "NOT_FOUND"))
            elif owner != d.get("_artisan") and not is_manager(ctx.user):
                err(RowError(f"variants.{v}.stocks.{i}.warehouse", "This warehouse is not your workshop's.",
                             "INVALID"))
            if stock["quantity"] < 0:
                err(RowError(f"variants.{v}.stocks.{i}.quantity", "The quantity cannot be negative.", "INVALID"))


def bulk_create_products(user: Any, products: list[dict[str, Any]], error_policy: str = "REJECT_EVERYTHING"
                         ) -> list[Row]:
    """Create the rows; with REJECT_EVERYTHING (Saleor's default) one bad row writes nothing, with
    REJECT_FAILED_ROWS / IGNORE_FAILED the good rows are written. Returns every row with its errors."""
    require_authenticated(user)
    rows = [Row(i, data) for i, data in enumerate(products)]
    artisan_cache: dict[tuple, int] = {}
    for row in rows:
        key = (row.data.get("artisan"), _meta(row.data.get("metadata")).get("artisan"))
        try:
            if key not in artisan_cache:
                artisan_cache[key] = artisan_for_create(user, *key)
            row.data["_artisan"] = artisan_cache[key]
        except MutationError as error:
            row.errors += [RowError(e.field or "artisan", e.message, e.code) for e in error.errors]
    ctx = _Context(user, rows)
    for row in rows:
        _validate(ctx, row)
        if row.data.get("collections") and not is_manager(user):
            row.errors.append(RowError("collections", "Only curators put products in collections.", "INVALID"))
    ctx.assign_slugs([r for r in rows if not r.errors])
    failed = any(r.errors for r in rows)
    if failed and error_policy == "REJECT_EVERYTHING":
        return rows
    good = [r for r in rows if not r.errors]
    _attributes(ctx, good)
    good = [r for r in good if not r.errors]
    write_rows(user, ctx.channels, good)
    return rows


def _attributes(ctx: _Context, rows: list[Row]) -> None:
    values: dict = {}  # (attribute pk, slug) -> value: rows of a catalog share most of their values
    for row in rows:
        product_type = ctx.types[row.data["product_type"]]
        try:
            if row.data.get("attributes"):
                row.data["_values"] = resolve_attribute_values(row.data["attributes"], ctx.attributes_of(product_type),
                                                               cache=values)
            for v, spec in enumerate(row.data.get("variants") or []):
                if spec.get("attributes"):
                    spec["_values"] = resolve_attribute_values(spec["attributes"],
                                                               ctx.variant_attributes_of(product_type),
                                                               f"variants.{v}.attributes", cache=values)
        except MutationError as error:
            row.errors += [RowError(e.field or "attributes", e.message, e.code) for e in error.errors]
