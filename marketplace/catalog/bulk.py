"""productBulkCreate: validate every row against prefetched data, then batched inserts (a handful of
queries per call, not per product), so that importers bring in thousands of products a second."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.text import slugify

from marketplace.catalog import review
from marketplace.catalog.access import artisan_for_create, is_manager
from marketplace.catalog.attributes import resolve_attribute_values
from marketplace.catalog.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Category,
    Product,
    ProductChannelListing,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
)
from marketplace.catalog.product_services import parse_description, plaintext
from marketplace.catalog.services import after_catalog_change
from marketplace.catalog.sql import bulk_set
from marketplace.channels.models import Channel
from marketplace.channels.services import derive_price
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.permissions import member_artisan_ids, require_authenticated


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

    def attributes_of(self, product_type: ProductType) -> dict:
        if product_type.pk not in self.allowed_attributes:
            self.allowed_attributes[product_type.pk] = {a.pk: a for a in product_type.product_attributes.all()}
        return self.allowed_attributes[product_type.pk]

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
    if not (d.get("name") or "").strip():
        err(RowError("name", "This field cannot be blank.", "REQUIRED"))
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
    _write(ctx, good)
    return rows


def _attributes(ctx: _Context, rows: list[Row]) -> None:
    for row in rows:
        product_type = ctx.types[row.data["product_type"]]
        try:
            if row.data.get("attributes"):
                row.data["_values"] = resolve_attribute_values(row.data["attributes"], ctx.attributes_of(product_type))
            for v, spec in enumerate(row.data.get("variants") or []):
                if spec.get("attributes"):
                    allowed = {a.pk: a for a in product_type.variant_attributes.all()}
                    spec["_values"] = resolve_attribute_values(spec["attributes"], allowed, f"variants.{v}.attributes")
        except MutationError as error:
            row.errors += [RowError(e.field or "attributes", e.message, e.code) for e in error.errors]


def _write(ctx: _Context, rows: list[Row]) -> None:
    now = timezone.now()
    status = review.initial_status(ctx.user)
    products = []
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
        products.append(row.product)
    Product.objects.bulk_create(products, batch_size=2000)
    _collections(rows)
    listings, variants, variant_rows = [], [], []
    assigned = []
    for row in rows:
        for listing in row.data.get("channel_listings") or []:
            channel = ctx.channels[listing["channel_id"]]
            listings.append(ProductChannelListing(
                product=row.product, channel=channel, currency=channel.currency_code,
                is_published=bool(listing.get("is_published")), published_at=listing.get("published_at"),
                visible_in_listings=listing.get("visible_in_listings", True) is not False,
                available_for_purchase_at=listing.get("available_for_purchase_at")
                or (now if listing.get("is_available_for_purchase") else None)))
        for order, value in enumerate(row.data.get("_values") or []):
            assigned.append(AssignedProductAttributeValue(product=row.product, value=value, sort_order=order))
        for order, spec in enumerate(row.data.get("variants") or []):
            variant = ProductVariant(
                product=row.product, sku=spec.get("sku") or None, name=spec.get("name") or "",
                track_inventory=spec.get("track_inventory", True) is not False,
                quantity_limit_per_customer=spec.get("quantity_limit_per_customer"), weight_kg=spec.get("weight"),
                external_reference=spec.get("external_reference") or None, metadata=_meta(spec.get("metadata")),
                sort_order=order, created_at=now)
            variants.append(variant)
            variant_rows.append((row, spec, variant))
    ProductChannelListing.objects.bulk_create(listings, batch_size=5000)
    AssignedProductAttributeValue.objects.bulk_create(assigned, batch_size=5000)
    ProductVariant.objects.bulk_create(variants, batch_size=5000)
    _variant_children(ctx, variant_rows)
    defaults = {}
    for row, _spec, variant in variant_rows:
        defaults.setdefault(row.product.pk, variant.pk)
    for row in rows:
        row.product.default_variant_id = defaults.get(row.product.pk)
    bulk_set("catalog_product", "default_variant_id", list(defaults), list(defaults.values()), "bigint")
    after_catalog_change([r.product.pk for r in rows])


def _collections(rows: list[Row]) -> None:
    from marketplace.catalog.models import Collection, CollectionProduct

    wanted = {pk for row in rows for pk in row.data.get("collections") or []}
    known = set(Collection.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    if wanted - known:
        raise MutationError([FieldError("collections", "Couldn't resolve to a collection.", "NOT_FOUND")])
    CollectionProduct.objects.bulk_create([CollectionProduct(collection_id=pk, product=row.product, sort_order=1000)
                                           for row in rows for pk in row.data.get("collections") or []],
                                          ignore_conflicts=True)


def _variant_children(ctx: _Context, variant_rows: list[tuple]) -> None:
    """Prices (given ones are kept; channels without a price follow the rule from MAD) and stocks."""
    from marketplace.inventory.models import Stock

    prices, stocks = [], []
    for row, spec, variant in variant_rows:
        given = {p["channel_id"]: p for p in spec.get("channel_listings") or []}
        mad = next((Decimal(p["price"]) for cid, p in given.items() if ctx.channels[cid].currency_code == "MAD"), None)
        for listing in row.data.get("channel_listings") or []:
            channel = ctx.channels[listing["channel_id"]]
            price = given.get(channel.pk)
            if price is not None:
                prices.append(ProductVariantChannelListing(
                    variant=variant, channel=channel, currency=channel.currency_code,
                    price_amount=Decimal(price["price"]).quantize(Decimal("0.01")),
                    cost_price_amount=price.get("cost_price"), price_overridden=True))
            elif mad is not None:
                prices.append(ProductVariantChannelListing(
                    variant=variant, channel=channel, currency=channel.currency_code,
                    price_amount=derive_price(mad, channel), price_overridden=False))
        for stock in spec.get("stocks") or []:
            stocks.append(Stock(warehouse_id=stock["warehouse"], product_variant=variant, quantity=stock["quantity"]))
    ProductVariantChannelListing.objects.bulk_create(prices, batch_size=5000)
    Stock.objects.bulk_create(stocks, batch_size=5000)
    AssignedVariantAttributeValue.objects.bulk_create(
        [AssignedVariantAttributeValue(variant=variant, value=value, sort_order=order)
         for _row, spec, variant in variant_rows for order, value in enumerate(spec.get("_values") or [])],
        batch_size=5000)


def row_errors_as_field_errors(rows: list[Row]) -> list[FieldError]:
    return [FieldError(f"products.{r.index}.{e.path}", e.message, e.code) for r in rows for e in r.errors]
