"""Saleor's product filter inputs (`filter`, and the subset of `where` that Maalem supports)."""

from __future__ import annotations

from typing import Any

import graphene
from django.db.models import Q, QuerySet
from graphql import GraphQLError

from marketplace.artisans.regions import REGIONS
from marketplace.catalog import selectors
from marketplace.core.graphql.ids import pks_from_global_ids
from marketplace.core.graphql.types import OrderDirection


class StockAvailability(graphene.Enum):
    IN_STOCK = "IN_STOCK"
    OUT_OF_STOCK = "OUT_OF_STOCK"


class PriceRangeInput(graphene.InputObjectType):
    gte = graphene.Float()
    lte = graphene.Float()


class IntRangeInput(graphene.InputObjectType):
    gte = graphene.Int()
    lte = graphene.Int()


class StringFilterInput(graphene.InputObjectType):
    eq = graphene.String()
    one_of = graphene.List(graphene.NonNull(graphene.String))


class GlobalIDFilterInput(graphene.InputObjectType):
    eq = graphene.ID()
    one_of = graphene.List(graphene.NonNull(graphene.ID))


class DecimalRangeInput(graphene.InputObjectType):
    gte = graphene.Decimal()
    lte = graphene.Decimal()


class DecimalFilterInput(graphene.InputObjectType):
    eq = graphene.Decimal()
    one_of = graphene.List(graphene.NonNull(graphene.Decimal))
    range = graphene.Field(DecimalRangeInput)


class AssignedAttributeValueInput(graphene.InputObjectType):
    slug = graphene.Field(StringFilterInput)
    name = graphene.Field(StringFilterInput)
    numeric = graphene.Field(DecimalFilterInput)


class AttributeInput(graphene.InputObjectType):
    slug = graphene.String()
    value = graphene.Field(AssignedAttributeValueInput)
    values = graphene.List(graphene.NonNull(graphene.String), description="Value slugs (deprecated in Saleor).")
    values_range = graphene.Field(IntRangeInput)


class ProductFilterInput(graphene.InputObjectType):
    is_published = graphene.Boolean()
    collections = graphene.List(graphene.NonNull(graphene.ID))
    categories = graphene.List(graphene.NonNull(graphene.ID))
    has_category = graphene.Boolean()
    attributes = graphene.List(graphene.NonNull(AttributeInput))
    stock_availability = graphene.Field(StockAvailability)
    search = graphene.String()
    price = graphene.Field(PriceRangeInput)
    minimal_price = graphene.Field(PriceRangeInput)
    product_types = graphene.List(graphene.NonNull(graphene.ID))
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))
    is_available = graphene.Boolean()
    is_visible_in_listing = graphene.Boolean()
    # Marketplace extensions
    artisans = graphene.List(graphene.NonNull(graphene.ID), description="Products of these artisans.")
    regions = graphene.List(graphene.NonNull(graphene.String),
                            description="Region codes of the artisans (e.g. fes-meknes).")


class ProductWhereInput(graphene.InputObjectType):
    ids = graphene.List(graphene.NonNull(graphene.ID))
    name = graphene.Field(StringFilterInput)
    slug = graphene.Field(StringFilterInput)
    product_type = graphene.Field(GlobalIDFilterInput)
    category = graphene.Field(GlobalIDFilterInput)
    collection = graphene.Field(GlobalIDFilterInput)
    is_available = graphene.Boolean()
    has_category = graphene.Boolean()
    price = graphene.Field(DecimalFilterInput)
    minimal_price = graphene.Field(DecimalFilterInput)
    attributes = graphene.List(graphene.NonNull(AttributeInput))
    stock_availability = graphene.Field(StockAvailability)
    AND = graphene.List(graphene.NonNull(lambda: ProductWhereInput), name="AND")
    OR = graphene.List(graphene.NonNull(lambda: ProductWhereInput), name="OR")


class ProductOrderField(graphene.Enum):
    NAME = "NAME"
    RANK = "RANK"
    PRICE = "PRICE"
    MINIMAL_PRICE = "MINIMAL_PRICE"
    LAST_MODIFIED = "LAST_MODIFIED"
    DATE = "DATE"
    TYPE = "TYPE"
    PUBLISHED = "PUBLISHED"
    PUBLICATION_DATE = "PUBLICATION_DATE"
    PUBLISHED_AT = "PUBLISHED_AT"
    LAST_MODIFIED_AT = "LAST_MODIFIED_AT"
    COLLECTION = "COLLECTION"
    RATING = "RATING"
    CREATED_AT = "CREATED_AT"


class ProductOrder(graphene.InputObjectType):
    direction = graphene.Field(OrderDirection, required=True)
    attribute_id = graphene.ID()
    field = graphene.Field(ProductOrderField)


def _value(v: Any) -> Any:
    return getattr(v, "value", v)


def _attributes(products: QuerySet, attributes: list[dict]) -> QuerySet:
    for attribute in attributes or []:
        slug = attribute.get("slug")
        if not slug:
            raise GraphQLError("Each attribute filter needs the attribute's `slug`.")
        value = attribute.get("value") or {}
        slugs = list(attribute.get("values") or [])
        names: list[str] = []
        numeric = None
        if value.get("slug"):
            slugs += [s for s in [value["slug"].get("eq")] + list(value["slug"].get("one_of") or []) if s]
        if value.get("name"):
            names += [s for s in [value["name"].get("eq")] + list(value["name"].get("one_of") or []) if s]
        if value.get("numeric"):
            rng = value["numeric"].get("range") or {}
            eq = value["numeric"].get("eq")
            numeric = (eq, eq) if eq is not None else (rng.get("gte"), rng.get("lte"))
        if attribute.get("values_range"):
            numeric = (attribute["values_range"].get("gte"), attribute["values_range"].get("lte"))
        products = selectors.filter_by_attribute(products, slug, slugs or None, names or None, numeric)
    return products


def apply_filter(products: QuerySet, data: dict | None, channel: Any) -> QuerySet:
    if not data:
        return products
    if data.get("ids"):
        products = products.filter(pk__in=pks_from_global_ids(data["ids"], "Product"))
    if data.get("slugs"):
        products = products.filter(slug__in=data["slugs"])
    if data.get("categories"):
        ids = selectors.category_with_descendants(pks_from_global_ids(data["categories"], "Category"))
        products = products.filter(category_id__in=ids)
    if data.get("has_category") is not None:
        products = products.filter(category__isnull=not data["has_category"])
    if data.get("collections"):
        products = products.filter(collections__in=pks_from_global_ids(data["collections"], "Collection")).distinct()
    if data.get("product_types"):
        products = products.filter(product_type_id__in=pks_from_global_ids(data["product_types"], "ProductType"))
    if data.get("artisans"):
        products = products.filter(artisan_id__in=pks_from_global_ids(data["artisans"], "Artisan"))
    if data.get("regions"):
        unknown = [r for r in data["regions"] if r not in REGIONS]
        if unknown:
            raise GraphQLError(f"Unknown region: {', '.join(unknown)}. Known regions: {', '.join(REGIONS)}.")
        products = products.filter(artisan__region__in=data["regions"])
    products = _attributes(products, data.get("attributes"))
    if data.get("price"):
        products = selectors.filter_by_price(products, channel, data["price"].get("gte"), data["price"].get("lte"))
    if data.get("minimal_price"):
        mp = data["minimal_price"]
        products = selectors.filter_by_minimal_price(products, channel, mp.get("gte"), mp.get("lte"))
    if data.get("stock_availability"):
        products = selectors.filter_by_stock(products, channel, _value(data["stock_availability"]) == "IN_STOCK")
    if data.get("is_available") is not None:
        products = selectors.filter_available_for_purchase(products, channel, data["is_available"])
    if data.get("is_published") is not None:
        published = selectors.published_listings(channel).values("product_id")
        products = products.filter(pk__in=published) if data["is_published"] else products.exclude(pk__in=published)
    if data.get("search"):
        products = selectors.apply_search(products, data["search"])
    return products


def _string_q(field: str, value: dict) -> Q:
    if value.get("eq") is not None:
        return Q(**{field: value["eq"]})
    if value.get("one_of") is not None:
        return Q(**{f"{field}__in": value["one_of"]})
    return Q()


def _id_q(field: str, value: dict, type_name: str) -> Q:
    if value.get("eq") is not None:
        return Q(**{f"{field}__in": pks_from_global_ids([value["eq"]], type_name)})
    if value.get("one_of") is not None:
        return Q(**{f"{field}__in": pks_from_global_ids(value["one_of"], type_name)})
    return Q()


def apply_where(products: QuerySet, data: dict | None, channel: Any) -> QuerySet:
    if not data:
        return products
    base = products
    if data.get("ids"):
        products = products.filter(pk__in=pks_from_global_ids(data["ids"], "Product"))
    for field, key in (("name", "name"), ("slug", "slug")):
        if data.get(key):
            products = products.filter(_string_q(field, data[key]))
    for field, key, type_name in (("product_type_id", "product_type", "ProductType"),
                                  ("category_id", "category", "Category"), ("collections", "collection", "Collection")):
        if data.get(key):
            products = products.filter(_id_q(field, data[key], type_name)).distinct()
    for key in ("price", "minimal_price"):
        if data.get(key):
            value = data[key]
            rng = value.get("range") or {}
            gte, lte = ((value.get("eq"), value.get("eq")) if value.get("eq") is not None
                        else (rng.get("gte"), rng.get("lte")))
            fn = selectors.filter_by_price if key == "price" else selectors.filter_by_minimal_price
            products = fn(products, channel, gte, lte)
    products = apply_filter(products, {k: data.get(k) for k in ("attributes", "stock_availability", "is_available",
                                                                "has_category")}, channel)
    for sub in data.get("AND") or []:
        products = products.filter(pk__in=apply_where(base, sub, channel).values("pk"))
    if data.get("OR"):
        union = Q()
        for sub in data["OR"]:
            union |= Q(pk__in=apply_where(base, sub, channel).values("pk"))
        products = products.filter(union)
    return products
