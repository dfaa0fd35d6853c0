"""Batch loaders of the catalog (see core.graphql.loaders): one query per relation per request."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import Any

from django.db.models import F

from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.loaders import BatchLoader, group_by, loaders_for, selected_fields
from marketplace.core.reference_memo import memoized_batch


def _by_pk(model: Any, **select: Any):
    def batch(keys: list) -> dict:
        qs = model.objects.filter(pk__in=keys)
        if select.get("related"):
            qs = qs.select_related(*select["related"])
        return {obj.pk: obj for obj in qs}
    return batch


def category_by_id(info) -> BatchLoader:
    registry = loaders_for(info.context)
    loader = registry.loaders.get("category")  # asked once per card: the request's loader, built once
    if loader is not None:
        return loader
    from marketplace.catalog.models import Category

    return registry.get("category", "category", memoized_batch("category", _by_pk(Category), info.context))


ARTISAN_LARGE_FIELDS = {"story": "story", "portrait": "portrait", "workshopPhotos": "workshop_photos"}


def artisan_by_id(info) -> BatchLoader:
    """Artisans of products; the story and photo maps only when selected (product cards need neither)."""
    from marketplace.artisans.models import Artisan

    selected = selected_fields(info)
    skipped = tuple(column for field, column in ARTISAN_LARGE_FIELDS.items() if field not in selected)
    name = f"artisan:{','.join(skipped)}"
    registry = loaders_for(info.context)
    loader = registry.loaders.get(name)
    if loader is not None:
        return loader

    def batch(keys: list) -> dict:
        return {a.pk: a for a in Artisan.objects.filter(pk__in=keys).defer(*skipped)}

    return registry.get(name, "artisan", memoized_batch(name, batch, info.context))


def product_type_by_id(info) -> BatchLoader:
    from marketplace.catalog.models import ProductType

    return loaders_for(info.context).get("product_type", "product_type",
                                         memoized_batch("product_type", _by_pk(ProductType), info.context))


def product_by_id(info) -> BatchLoader:
    from marketplace.catalog.models import Product

    return loaders_for(info.context).get("product", "product_ref", _by_pk(Product))


def variants_by_product(info) -> BatchLoader:
    from marketplace.catalog.models import ProductVariant

    registry = loaders_for(info.context)

    def batch(keys: list) -> dict:
        return group_by(ProductVariant.objects.filter(product_id__in=keys).order_by("sort_order", "pk"),
                        lambda v: v.product_id)

    memoized = memoized_batch("variants_by_product", batch, info.context)

    def hinted(keys: list) -> dict:
        found = memoized(keys)
        registry.hint("variant", [v.pk for variants in found.values() for v in variants])
        registry.hint("product_ref", keys)  # variant fields that check their product's artisan
        return found

    return registry.get("variants_by_product", "product", hinted, default=list)


def variant_listing(info, channel) -> BatchLoader:
    from marketplace.catalog.models import ProductVariantChannelListing

    def batch(keys: list) -> dict:
        rows = ProductVariantChannelListing.objects.filter(variant_id__in=keys, channel=channel)
        return {row.variant_id: row for row in rows}

    name = f"variant_listing:{channel.pk}"
    return loaders_for(info.context).get(name, "variant", memoized_batch(name, batch, info.context))


def variant_listings_by_product(info, channel) -> BatchLoader:
    """Priced variant listings per product: what the price range and availability are made of."""
    name = f"variant_listings_by_product:{channel.pk}"
    registry = loaders_for(info.context)
    loader = registry.loaders.get(name)
    if loader is not None:
        return loader
    from marketplace.catalog.models import ProductVariantChannelListing

    def batch(keys: list) -> dict:
        # Plain rows, not model instances: a listing page reads a hundred of them only for their prices.
        rows = ProductVariantChannelListing.objects.filter(
            variant__product_id__in=keys, channel=channel, price_amount__isnull=False
        ).values_list("variant__product_id", "variant_id", "price_amount", "currency", named=True)
        return group_by(rows, lambda row: row.variant__product_id)

    return registry.get(name, "product", memoized_batch(name, batch, info.context), default=list)


def variant_listings_all(info) -> BatchLoader:
    from marketplace.catalog.models import ProductVariantChannelListing

    def batch(keys: list) -> dict:
        rows = ProductVariantChannelListing.objects.filter(variant_id__in=keys).select_related("channel")
        return group_by(rows, lambda row: row.variant_id)

    return loaders_for(info.context).get("variant_listings_all", "variant", batch, default=list)


def product_listing(info, channel) -> BatchLoader:
    name = f"product_listing:{channel.pk}"
    registry = loaders_for(info.context)
    loader = registry.loaders.get(name)
    if loader is not None:
        return loader
    from marketplace.catalog.models import ProductChannelListing

    def batch(keys: list) -> dict:
        rows = ProductChannelListing.objects.filter(product_id__in=keys, channel=channel)
        return {row.product_id: row for row in rows}

    return registry.get(name, "product", memoized_batch(name, batch, info.context))


def product_listings_all(info) -> BatchLoader:
    from marketplace.catalog.models import ProductChannelListing

    def batch(keys: list) -> dict:
        rows = ProductChannelListing.objects.filter(product_id__in=keys).select_related("channel")
        return group_by(rows, lambda row: row.product_id)

    return loaders_for(info.context).get("product_listings_all", "product", batch, default=list)


METADATA_FIELDS = frozenset({"metadata", "privateMetadata", "metafield", "metafields", "privateMetafield",
                             "privateMetafields", "__fragments__"})
MEDIA_OPTIONAL_FIELDS = {frozenset({"qualityReport", "__fragments__"}): "quality_report",
                         METADATA_FIELDS: "metadata", frozenset({"oembedData", "__fragments__"}): "oembed_data"}


def media_by_product(info) -> BatchLoader:
    from marketplace.media.models import ProductMedia

    # JSON columns are decoded only when asked for: the quality report (artisans' and curators' views),
    # metadata and oEmbed data; a product card needs only the files map.
    selected = selected_fields(info)
    optional = [column for field, column in MEDIA_OPTIONAL_FIELDS.items() if selected & field]
    name = f"media_by_product:{','.join(optional)}"
    registry = loaders_for(info.context)
    loader = registry.loaders.get(name)
    if loader is not None:
        return loader

    def batch(keys: list) -> dict:
        rows = (ProductMedia.objects.filter(product_id__in=keys, status=ProductMedia.Status.READY)
                .annotate(artisan_id=F("product__artisan_id"))
                .only("id", "product_id", "alt", "type", "files", "sort_order", "status", *optional)
                .order_by("sort_order", "pk"))
        return group_by(rows, lambda m: m.product_id)

    return registry.get(name, "product", memoized_batch(name, batch, info.context), default=list)


LARGE_TRANSLATION_FIELDS = ("description", "story")
# Read by every product card, and by the product page (attributes, variants, collections).
MEMOIZED_TRANSLATIONS = {"CategoryTranslation", "ProductTranslation", "AttributeTranslation",
                         "AttributeValueTranslation", "ProductVariantTranslation", "CollectionTranslation"}


def translation_loader(info, model: Any, fk: str, language: str, key_kind: str) -> BatchLoader:
    # Long texts (descriptions, stories) are loaded only when the query selects them.
    large = _large_translation_fields(model)
    light = bool(large) and not (selected_fields(info) & {"description", "descriptionJson", "story"})
    name = f"{model.__name__}:{language}:{'light' if light else 'full'}"
    registry = loaders_for(info.context)
    loader = registry.loaders.get(name)
    if loader is not None:
        return loader

    def batch(keys: list) -> dict:
        rows = model.objects.filter(**{f"{fk}__in": keys, "language_code": language})
        if light:
            rows = rows.defer(*large)
        return {getattr(row, fk): row for row in rows}

    if model.__name__ in MEMOIZED_TRANSLATIONS:
        batch = memoized_batch(name, batch, info.context)
    return registry.get(name, key_kind, batch)


@cache
def _large_translation_fields(model: Any) -> tuple[str, ...]:
    return tuple(f.name for f in model._meta.fields if f.name in LARGE_TRANSLATION_FIELDS)


def attributes_by_product(info) -> BatchLoader:
    """[(attribute, [values])] per product, in the product type's attribute order."""
    from marketplace.catalog.models import AssignedProductAttributeValue, AttributeProduct

    def batch(keys: list) -> dict:
        assigned = list(AssignedProductAttributeValue.objects.filter(product_id__in=keys)
                        .select_related("value__attribute", "product").order_by("sort_order", "pk"))
        type_ids = {a.product.product_type_id for a in assigned}
        order = {(ap.product_type_id, ap.attribute_id): ap.sort_order
                 for ap in AttributeProduct.objects.filter(product_type_id__in=type_ids)}
        result: dict[int, list] = {}
        for product_id, rows in group_by(assigned, lambda a: a.product_id).items():
            grouped: dict[Any, list] = defaultdict(list)
            for row in rows:
                grouped[row.value.attribute].append(row.value)
            type_id = rows[0].product.product_type_id
            result[product_id] = sorted(grouped.items(), key=lambda item: order.get((type_id, item[0].pk), 0))
        return result

    return _hinting_attributes(info, "attributes_by_product", "product", batch)


def _hinting_attributes(info, name: str, key_kind: str, batch) -> BatchLoader:
    """A memoized loader of [(attribute, [values])] that announces the attributes and values it returns (their
    translations are then read in one batch), whether the rows came from the memo or the database."""
    registry = loaders_for(info.context)
    memoized = memoized_batch(name, batch, info.context)

    def hinted(keys: list) -> dict:
        found = memoized(keys)
        pairs = [pair for pairs in found.values() for pair in pairs]
        registry.hint("attribute", [attribute.pk for attribute, _values in pairs])
        registry.hint("attribute_value", [value.pk for _attribute, values in pairs for value in values])
        return found

    return registry.get(name, key_kind, hinted, default=list)


def attributes_by_variant(info) -> BatchLoader:
    from marketplace.catalog.models import AssignedVariantAttributeValue

    def batch(keys: list) -> dict:
        assigned = list(AssignedVariantAttributeValue.objects.filter(variant_id__in=keys)
                        .select_related("value__attribute"))
        result: dict[int, list] = {}
        for variant_id, rows in group_by(assigned, lambda a: a.variant_id).items():
            grouped: dict[Any, list] = defaultdict(list)
            for row in rows:
                grouped[row.value.attribute].append(row.value)
            result[variant_id] = list(grouped.items())
        return result

    return _hinting_attributes(info, "attributes_by_variant", "variant", batch)


def quantity_available(info, channel) -> BatchLoader:
    from marketplace.inventory.selectors import available_quantities

    def batch(keys: list) -> dict:
        return available_quantities(keys, channel)

    return loaders_for(info.context).get(f"quantity_available:{channel.pk}", "variant", batch, default=0)


def stock_hold(info, channel) -> BatchLoader:
    from marketplace.inventory.selectors import stock_holds

    def batch(keys: list) -> dict:
        return stock_holds(keys, channel)

    return loaders_for(info.context).get(f"stock_hold:{channel.pk}", "variant", batch, default=None)


def collections_by_product(info, channel) -> BatchLoader:
    from marketplace.catalog.models import CollectionProduct
    from marketplace.catalog.selectors import visible_collections

    def batch(keys: list) -> dict:
        visible = visible_collections(channel, user_of(info)) if channel else None
        rows = CollectionProduct.objects.filter(product_id__in=keys).select_related("collection")
        if visible is not None:
            rows = rows.filter(collection__in=visible)
        return {k: [r.collection for r in v] for k, v in group_by(rows, lambda r: r.product_id).items()}

    key = f"collections_by_product:{channel.pk if channel else 'none'}"
    return loaders_for(info.context).get(key, "product", memoized_batch(key, batch, info.context), default=list)
