"""Collections: their writes, products, order, per-market publication and translations, and the home page's
featured collections (curators; Saleor's collection mutations call these)."""

from __future__ import annotations

from typing import Any

from django.db.models import Max
from django.utils.text import slugify

from marketplace.catalog.models import (
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    CollectionTranslation,
    Product,
)
from marketplace.catalog.services import after_catalog_change, parse_description, plaintext
from marketplace.channels.models import Channel
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.permissions import require_curator
from marketplace.core.text import clean_slug, clean_text, clean_translation


def collection_for_write(user: Any, pk: int, field: str = "id") -> Collection:
    require_curator(user)
    collection = Collection.objects.filter(pk=pk).first()
    if collection is None:
        raise MutationError([FieldError(field, f"Couldn't resolve to a collection: {pk}", "NOT_FOUND")])
    return collection


def _check_products(pks: list[int], field: str = "products") -> list[int]:
    if len(set(pks)) != len(pks):
        raise MutationError([FieldError(field, "A product is given twice.", "DUPLICATED_INPUT_ITEM")])
    found = set(Product.objects.filter(pk__in=pks).values_list("pk", flat=True))
    if set(pks) - found:
        raise MutationError([FieldError(field, "Couldn't resolve to a product.", "NOT_FOUND")])
    return pks


def _apply(collection: Collection, data: dict[str, Any]) -> None:
    if data.get("name") is not None:
        collection.name = clean_text(data["name"], "name", max_length=250)
    if data.get("slug") is not None:
        collection.slug = clean_slug(data["slug"])
    if "description" in data:
        collection.description = parse_description(data["description"])
        collection.description_plaintext = plaintext(collection.description)
    if data.get("background_image_alt") is not None:
        collection.background_image_alt = data["background_image_alt"]
    seo = data.get("seo") or {}
    collection.seo_title = seo.get("title") or collection.seo_title
    collection.seo_description = seo.get("description") or collection.seo_description
    if data.get("metadata") is not None:
        collection.metadata = {**collection.metadata, **{m["key"]: m["value"] for m in data["metadata"]}}
    if Collection.objects.filter(slug=collection.slug).exclude(pk=collection.pk).exists():
        raise MutationError([FieldError("slug", "Collection with this Slug already exists.", "UNIQUE")])


def create_collection(user: Any, data: dict[str, Any], products: list[int]) -> Collection:
    require_curator(user)
    name = clean_text(data.get("name"), "name", max_length=250)
    collection = Collection(name=name, slug=clean_slug(data["slug"]) if data.get("slug")
                            else slugify(name)[:250] or "collection")
    _apply(collection, data)
    collection.save()
    _add(collection, _check_products(products))
    if data.get("is_published"):
        for channel in Channel.objects.filter(is_active=True):
            CollectionChannelListing.objects.create(collection=collection, channel=channel, is_published=True)
    after_catalog_change(products)
    return collection


def update_collection(user: Any, pk: int, data: dict[str, Any]) -> Collection:
    collection = collection_for_write(user, pk)
    _apply(collection, data)
    collection.save()
    if data.get("is_published") is not None:
        CollectionChannelListing.objects.filter(collection=collection).update(is_published=data["is_published"])
    after_catalog_change([])
    return collection


def _add(collection: Collection, pks: list[int]) -> None:
    existing = set(collection.collection_products.values_list("product_id", flat=True))
    start = (collection.collection_products.aggregate(m=Max("sort_order"))["m"] or 0) + 1
    CollectionProduct.objects.bulk_create([
        CollectionProduct(collection=collection, product_id=pk, sort_order=start + i)
        for i, pk in enumerate(pk for pk in pks if pk not in existing)])


def add_products(user: Any, pk: int, products: list[int]) -> Collection:
    collection = collection_for_write(user, pk, "collectionId")
    _add(collection, _check_products(products))
    after_catalog_change(products)
    return collection


def remove_products(user: Any, pk: int, products: list[int]) -> Collection:
    collection = collection_for_write(user, pk, "collectionId")
    CollectionProduct.objects.filter(collection=collection, product_id__in=products).delete()
    after_catalog_change(products)
    return collection


def reorder_products(user: Any, pk: int, moves: list[tuple[int, int]]) -> Collection:
    """Saleor's moves: each product shifts by `sort_order` places (positive: later)."""
    collection = collection_for_write(user, pk, "collectionId")
    rows = list(collection.collection_products.order_by("sort_order", "pk"))
    order = [r.product_id for r in rows]
    for product_id, shift in moves:
        if product_id not in order:
            raise MutationError([FieldError("moves", f"Couldn't resolve to a product in this collection: "
                                            f"{product_id}", "NOT_FOUND")])
        index = order.index(product_id)
        order.pop(index)
        order.insert(max(0, min(len(order), index + (shift or 0))), product_id)
    by_product = {r.product_id: r for r in rows}
    for position, product_id in enumerate(order):
        by_product[product_id].sort_order = position
    CollectionProduct.objects.bulk_update(rows, ["sort_order"])
    after_catalog_change([])
    return collection


def update_collection_listings(user: Any, pk: int, add: list[dict], remove: list[int]) -> Collection:
    """Per-market publication with dates."""
    collection = collection_for_write(user, pk)
    ids = [item["channel_id"] for item in add]
    channels = {c.pk: c for c in Channel.objects.filter(pk__in=ids)}
    if len(channels) != len(set(ids)) or len(ids) != len(set(ids)):
        raise MutationError([FieldError("addChannels", "Unknown or repeated channel.", "NOT_FOUND")])
    if set(ids) & set(remove):
        raise MutationError([FieldError("removeChannels", "A channel cannot be both added and removed.",
                                        "DUPLICATED_INPUT_ITEM")])
    for item in add:
        listing, _ = CollectionChannelListing.objects.get_or_create(collection=collection,
                                                                    channel=channels[item["channel_id"]])
        if item.get("is_published") is not None:
            listing.is_published = item["is_published"]
        if "published_at" in item:
            listing.published_at = item["published_at"]
        listing.save()
    CollectionChannelListing.objects.filter(collection=collection, channel_id__in=remove).delete()
    after_catalog_change([])
    return collection


def delete_collection(user: Any, pk: int) -> Collection:
    collection = collection_for_write(user, pk)
    snapshot = Collection(pk=collection.pk, name=collection.name, slug=collection.slug)
    collection.delete()
    after_catalog_change([])
    return snapshot


def translate_collection(user: Any, pk: int, language: str, data: dict[str, Any]) -> Collection:
    collection = collection_for_write(user, pk)
    translation, _ = CollectionTranslation.objects.get_or_create(collection=collection, language_code=language,
                                                                 defaults={"name": collection.name})
    for key, value in clean_translation(data).items():
        setattr(translation, key, value)
    if "description" in data:
        translation.description = parse_description(data["description"])
    translation.save()
    after_catalog_change([])
    return collection


def set_featured_collections(user: Any, pks: list[int]) -> list[Collection]:
    """The home page shows these collections in this order; every other collection stops being featured."""
    require_curator(user)
    if len(set(pks)) != len(pks):
        raise MutationError([FieldError("collections", "A collection is given twice.", "DUPLICATED_INPUT_ITEM")])
    found = {c.pk: c for c in Collection.objects.filter(pk__in=pks)}
    if len(found) != len(pks):
        raise MutationError([FieldError("collections", "Couldn't resolve to a collection.", "NOT_FOUND")])
    Collection.objects.exclude(pk__in=pks).update(featured_rank=None)
    for rank, pk in enumerate(pks, start=1):
        found[pk].featured_rank = rank
    Collection.objects.bulk_update(list(found.values()), ["featured_rank"])
    after_catalog_change([])
    return [found[pk] for pk in pks]
