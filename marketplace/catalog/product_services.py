"""Management writes on products and variants (productCreate … productTranslate): permissions first,
then the change, review rules, and catalog.services.after_catalog_change."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Max
from django.utils.text import slugify
from text_unidecode import unidecode

from marketplace.catalog import review, revisions
from marketplace.catalog.access import artisan_for_create, product_for_write, variant_for_write
from marketplace.catalog.attributes import resolve_attribute_values
from marketplace.catalog.customs import clean_dimensions, clean_hs_code
from marketplace.catalog.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Category,
    Product,
    ProductType,
    ProductVariant,
)
from marketplace.catalog.services import after_catalog_change, parse_description, plaintext
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.text import clean_slug, clean_text

NAME_LENGTH = 250
SEO_LENGTH = 300


def slug_base(text: str) -> str:
    """As Saleor: the name transliterated to ASCII (an Arabic name gives a readable Latin slug), slugified."""
    return (slugify(unidecode(text or "")) or "product")[:240]


def unique_slug(text: str, taken: set[str] | None = None) -> str:
    """A free product slug from `text` (suffixes -2, -3 … as Saleor)."""
    base = slug_base(text)
    used = set(taken or ()) | set(Product.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in used:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _metadata(items: list[dict] | None) -> dict[str, str]:
    return {item["key"]: item["value"] for item in items or []}


def _category(pk: int | None) -> Category | None:
    if pk is None:
        return None
    category = Category.objects.filter(pk=pk).first()
    if category is None:
        raise MutationError([FieldError("category", f"Couldn't resolve to a category: {pk}", "NOT_FOUND")])
    return category


def _weight(value: Any) -> Decimal | None:
    if value is None:
        return None
    if Decimal(value) < 0:
        raise MutationError([FieldError("weight", "Weight cannot be negative.", "INVALID")])
    return Decimal(value).quantize(Decimal("0.001"))


def _assign_product_attributes(product: Product, items: list[dict] | None) -> None:
    if items is None:
        return
    allowed = {a.pk: a for a in product.product_type.product_attributes.all()}
    values = resolve_attribute_values(items, allowed)
    touched = {v.attribute_id for v in values}
    AssignedProductAttributeValue.objects.filter(product=product, value__attribute_id__in=touched).delete()
    AssignedProductAttributeValue.objects.bulk_create(
        [AssignedProductAttributeValue(product=product, value=v, sort_order=i) for i, v in enumerate(values)])


def create_product(user: Any, data: dict[str, Any], *, artisan_id: int | None) -> Product:
    metadata = _metadata(data.get("metadata"))
    artisan_id = artisan_for_create(user, artisan_id, metadata.get("artisan"))
    product_type = ProductType.objects.filter(pk=data["product_type"]).first()
    if product_type is None:
        raise MutationError([FieldError("productType", "Couldn't resolve to a product type.", "NOT_FOUND")])
    name = clean_text(data.get("name"), "name", max_length=NAME_LENGTH)
    slug = clean_slug(data["slug"]) if data.get("slug") else unique_slug(name)
    if Product.objects.filter(slug=slug).exists():
        raise MutationError([FieldError("slug", "Product with this Slug already exists.", "UNIQUE")])
    reference = data.get("external_reference") or None
    if reference and Product.objects.filter(external_reference=reference).exists():
        raise MutationError([FieldError("externalReference", "Product with this external reference already exists.",
                                        "UNIQUE")])
    description = parse_description(data.get("description"))
    seo = data.get("seo") or {}
    product = Product.objects.create(
        product_type=product_type, category=_category(data.get("category")), artisan_id=artisan_id, name=name,
        slug=slug, description=description, description_plaintext=plaintext(description),
        weight_kg=_weight(data.get("weight")), rating=data.get("rating"), external_reference=reference,
        seo_title=clean_text(seo.get("title"), "seo.title", max_length=SEO_LENGTH, required=False),
        seo_description=clean_text(seo.get("description"), "seo.description", max_length=SEO_LENGTH, required=False),
        metadata=metadata,
        private_metadata=_metadata(data.get("private_metadata")), review_status=review.initial_status(user),
        review_reason="" if review.initial_status(user) == "APPROVED" else "New listing",
    )
    if product.review_status == "PENDING":
        from django.utils import timezone

        Product.objects.filter(pk=product.pk).update(review_requested_at=timezone.now())
    _assign_product_attributes(product, data.get("attributes"))
    _add_to_collections(user, product, data.get("collections"))
    after_catalog_change([product.pk])
    return product


def _add_to_collections(user: Any, product: Product, collection_pks: list[int] | None) -> None:
    """Saleor's `collections` input: only curators and admins place products in collections."""
    from marketplace.catalog.access import is_manager
    from marketplace.catalog.models import Collection, CollectionProduct

    if not collection_pks:
        return
    if not is_manager(user):
        raise MutationError([FieldError("collections", "Only curators put products in collections.", "INVALID")])
    found = set(Collection.objects.filter(pk__in=collection_pks).values_list("pk", flat=True))
    if set(collection_pks) - found:
        raise MutationError([FieldError("collections", "Couldn't resolve to a collection.", "NOT_FOUND")])
    CollectionProduct.objects.bulk_create([CollectionProduct(collection_id=pk, product=product, sort_order=1000)
                                           for pk in collection_pks], ignore_conflicts=True)


def _slug_follows_name(product: Product) -> bool:
    """The slug was made from the current name and no market lists the product yet (no URL was shared)."""
    import re

    bases = {slug_base(product.name), (slugify(product.name) or "product")[:240]}  # today's, and before transliteration
    made_from_name = any(re.fullmatch(re.escape(base) + r"(-\d+)?", product.slug) for base in bases)
    return made_from_name and not product.channel_listings.exists()


def update_product(user: Any, pk: int, data: dict[str, Any]) -> Product:
    product = product_for_write(user, pk)
    fields: list[str] = []
    texts = _texts(data)
    if revisions.proposes(user, product):
        # An approved product's texts: the member's version waits for a curator, the public keeps reading
        # the approved one (catalog/revisions.py).
        revisions.propose(user, product, {k: v for k, v in texts.items() if v != getattr(product, k)})
        texts = {}
    if "name" in texts and texts["name"] != product.name:
        name = texts["name"]
        if data.get("slug") is None and slug_base(name) != slug_base(product.name) and _slug_follows_name(product):
            # A draft's slug (no market has shown it yet) follows its name: the first real name replaces the
            # provisional one's.
            product.slug = unique_slug(name)
            fields.append("slug")
        product.name = name
        fields.append("name")
        review.request_review(user, product, "Name changed")
    if data.get("slug") is not None and data["slug"] != product.slug:
        slug = clean_slug(data["slug"])
        if Product.objects.filter(slug=slug).exclude(pk=pk).exists():
            raise MutationError([FieldError("slug", "Product with this Slug already exists.", "UNIQUE")])
        product.slug = slug
        fields.append("slug")
    if "description" in texts:
        product.description = texts["description"]
        product.description_plaintext = plaintext(product.description)
        fields += ["description", "description_plaintext"]
    if "category" in data:
        product.category = _category(data["category"])
        fields.append("category")
    if "weight" in data:
        product.weight_kg = _weight(data["weight"])
        fields.append("weight_kg")
    for key in ("seo_title", "seo_description"):
        if key in texts:
            setattr(product, key, texts[key])
            fields.append(key)
    if data.get("metadata") is not None:
        product.metadata = {**product.metadata, **_metadata(data["metadata"])}
        fields.append("metadata")
    if "external_reference" in data:
        reference = data["external_reference"] or None
        if reference and Product.objects.filter(external_reference=reference).exclude(pk=pk).exists():
            raise MutationError([FieldError("externalReference", "Product with this external reference already "
                                            "exists.", "UNIQUE")])
        product.external_reference = reference
        fields.append("external_reference")
    if fields:
        product.save(update_fields=[*fields, "updated_at"])
    if product.review_status == "REJECTED" and (set(fields) - {"metadata"} or data.get("attributes") is not None):
        # The artisan corrected a rejected listing (its description, craft…): back to the curators' queue.
        review.request_review(user, product, "Changed after rejection")
    _assign_product_attributes(product, data.get("attributes"))
    _add_to_collections(user, product, data.get("collections"))
    after_catalog_change([product.pk])
    return product


def _texts(data: dict[str, Any]) -> dict[str, Any]:
    """The public texts given in a productUpdate input, cleaned (an empty SEO text keeps the current one)."""
    texts: dict[str, Any] = {}
    if data.get("name") is not None:
        texts["name"] = clean_text(data["name"], "name", max_length=NAME_LENGTH)
    if "description" in data:
        texts["description"] = parse_description(data["description"])
    seo = data.get("seo") or {}
    for key, name in (("seo_title", "title"), ("seo_description", "description")):
        value = clean_text(seo.get(name), f"seo.{name}", max_length=SEO_LENGTH, required=False)
        if value:
            texts[key] = value
    return texts


def delete_product(user: Any, pk: int) -> Product:
    product = product_for_write(user, pk)
    snapshot = Product(pk=product.pk, name=product.name, slug=product.slug, artisan_id=product.artisan_id,
                       product_type_id=product.product_type_id, created_at=product.created_at,
                       updated_at=product.updated_at)
    product.delete()
    after_catalog_change([])
    return snapshot


def _variant_fields(variant: ProductVariant, data: dict[str, Any]) -> list[str]:
    fields = []
    if "sku" in data:
        sku = data["sku"] or None
        if sku and len(sku) > 255:
            raise MutationError([FieldError("sku", "At most 255 characters.", "INVALID")])
        if sku and ProductVariant.objects.filter(sku=sku).exclude(pk=variant.pk).exists():
            raise MutationError([FieldError("sku", "Product variant with this SKU already exists.", "UNIQUE")])
        variant.sku = sku
        fields.append("sku")
    if data.get("name") is not None:
        variant.name = clean_text(data["name"], "name", max_length=255, required=False)
        fields.append("name")
    for key, attr in (("track_inventory", "track_inventory"),
                      ("quantity_limit_per_customer", "quantity_limit_per_customer")):
        if data.get(key) is not None:
            setattr(variant, attr, data[key])
            fields.append(attr)
    if "weight" in data:
        variant.weight_kg = _weight(data["weight"])
        fields.append("weight_kg")
    if data.get("metadata") is not None:
        variant.metadata = {**variant.metadata, **_metadata(data["metadata"])}
        fields.append("metadata")
    if "hs_code" in data:
        variant.hs_code = clean_hs_code(data["hs_code"])
        fields.append("hs_code")
    if "dimensions" in data:
        for column, value in clean_dimensions(data["dimensions"]).items():
            setattr(variant, column, value)
            fields.append(column)
    if "external_reference" in data:
        reference = data["external_reference"] or None
        if reference and ProductVariant.objects.filter(external_reference=reference).exclude(pk=variant.pk).exists():
            raise MutationError([FieldError("externalReference", "Variant with this external reference exists.",
                                            "UNIQUE")])
        variant.external_reference = reference
        fields.append("external_reference")
    return fields


def _assign_variant_attributes(variant: ProductVariant, items: list[dict] | None) -> None:
    if items is None:
        return
    allowed = {a.pk: a for a in variant.product.product_type.variant_attributes.all()}
    values = resolve_attribute_values(items, allowed)
    touched = {v.attribute_id for v in values}
    AssignedVariantAttributeValue.objects.filter(variant=variant, value__attribute_id__in=touched).delete()
    AssignedVariantAttributeValue.objects.bulk_create(
        [AssignedVariantAttributeValue(variant=variant, value=v, sort_order=i) for i, v in enumerate(values)])


def create_variant(user: Any, product_pk: int, data: dict[str, Any]) -> ProductVariant:
    from marketplace.catalog.listing_services import set_stocks

    product = product_for_write(user, product_pk, "product")
    variant = ProductVariant(product=product)
    _variant_fields(variant, data)
    variant.sort_order = (product.variants.aggregate(m=Max("sort_order"))["m"] or 0) + 1
    variant.is_one_of_a_kind = bool(data.get("is_one_of_a_kind", False))
    variant.save()
    _assign_variant_attributes(variant, data.get("attributes") or [])
    if product.default_variant_id is None:
        Product.objects.filter(pk=product.pk).update(default_variant=variant)
    if data.get("stocks"):
        set_stocks(user, variant, data["stocks"])
    after_catalog_change([product.pk])
    return variant


def update_variant(user: Any, pk: int, data: dict[str, Any]) -> ProductVariant:
    variant = variant_for_write(user, pk)
    fields = _variant_fields(variant, data)
    if fields:
        variant.save(update_fields=[*fields, "updated_at"])
    _assign_variant_attributes(variant, data.get("attributes"))
    after_catalog_change([variant.product_id])
    return variant
