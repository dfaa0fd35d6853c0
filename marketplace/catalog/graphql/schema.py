"""Catalog queries: products, product, productVariant, categories, category, collections, collection."""

from __future__ import annotations

from typing import Any

import graphene
from django.db.models import QuerySet
from graphql import GraphQLError

from marketplace.catalog import models, selectors
from marketplace.catalog.graphql.collection_types import Collection
from marketplace.catalog.graphql.product_lists import product_connection, product_list_args
from marketplace.catalog.graphql.product_types import Product, ProductVariant
from marketplace.catalog.graphql.types import Category
from marketplace.channels.selectors import channel_for_request
from marketplace.core.graphql.channel_context import all_in_channel, in_channel
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import pk_from_global_id, pks_from_global_ids
from marketplace.core.graphql.loaders import loaders_for
from marketplace.core.graphql.pagination import paginate
from marketplace.core.graphql.types import (
    LanguageCodeEnum,
    OrderDirection,
    connection_args,
    countable_connection,
)
from marketplace.core.reference_memo import memoized

ProductCountableConnection = countable_connection(Product)  # also Category.products, Collection.products
CategoryCountableConnection = countable_connection(Category)
CollectionCountableConnection = countable_connection(Collection)



def _slug_lookup(model: Any, translation_model: Any, fk: str, slug: str, language: Any) -> Any:
    if language is None:
        return model.objects.filter(slug=slug).first()
    code = getattr(language, "value", language)
    translation = translation_model.objects.filter(slug=slug, language_code=code).first()
    return getattr(translation, fk) if translation else model.objects.filter(slug=slug).first()


class CategoryFilterInput(graphene.InputObjectType):
    search = graphene.String()
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))


class CollectionFilterInput(graphene.InputObjectType):
    search = graphene.String()
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))


class CategorySortField(graphene.Enum):
    NAME = "NAME"
    PRODUCT_COUNT = "PRODUCT_COUNT"
    SUBCATEGORY_COUNT = "SUBCATEGORY_COUNT"


class CategorySortingInput(graphene.InputObjectType):
    direction = graphene.Field(OrderDirection, required=True)
    field = graphene.Field(CategorySortField, required=True)


class CollectionSortField(graphene.Enum):
    NAME = "NAME"
    AVAILABILITY = "AVAILABILITY"
    PRODUCT_COUNT = "PRODUCT_COUNT"


class CollectionSortingInput(graphene.InputObjectType):
    direction = graphene.Field(OrderDirection, required=True)
    field = graphene.Field(CollectionSortField, required=True)


def _named_filter(queryset: QuerySet, data: dict | None, type_name: str) -> QuerySet:
    if not data:
        return queryset
    if data.get("ids"):
        queryset = queryset.filter(pk__in=pks_from_global_ids(data["ids"], type_name))
    if data.get("slugs"):
        queryset = queryset.filter(slug__in=data["slugs"])
    if data.get("search"):
        term = data["search"]
        queryset = queryset.filter(name__unaccent__icontains=term) | queryset.filter(
            translations__name__unaccent__icontains=term)
        queryset = queryset.distinct()
    return queryset


def _sorted(queryset: QuerySet, sort_by: dict | None, count_field: str) -> tuple[QuerySet, list]:
    from django.db.models import Count

    if not sort_by:
        return queryset, [("name", False)]
    field = getattr(sort_by["field"], "value", sort_by["field"])
    descending = getattr(sort_by["direction"], "value", sort_by["direction"]) == "DESC"
    if field == "NAME" or field == "AVAILABILITY":
        return queryset, [("name", descending)]
    if field == "SUBCATEGORY_COUNT":
        return queryset.annotate(sort_count=Count("children", distinct=True)), [("sort_count", descending)]
    return queryset.annotate(sort_count=Count(count_field, distinct=True)), [("sort_count", descending)]


class CatalogQueries(graphene.ObjectType):
    products = graphene.Field(ProductCountableConnection, **product_list_args())
    product = graphene.Field(Product, id=graphene.ID(), slug=graphene.String(), slug_language_code=LanguageCodeEnum(),
                             external_reference=graphene.String(), channel=graphene.String())
    product_variant = graphene.Field(ProductVariant, id=graphene.ID(), sku=graphene.String(),
                                     external_reference=graphene.String(), channel=graphene.String())
    categories = graphene.Field(CategoryCountableConnection, filter=CategoryFilterInput(),
                                sort_by=CategorySortingInput(), level=graphene.Int(), **connection_args())
    category = graphene.Field(Category, id=graphene.ID(), slug=graphene.String(), slug_language_code=LanguageCodeEnum())
    collections = graphene.Field(CollectionCountableConnection, filter=CollectionFilterInput(),
                                 sort_by=CollectionSortingInput(), channel=graphene.String(), **connection_args())
    collection = graphene.Field(Collection, id=graphene.ID(), slug=graphene.String(),
                                slug_language_code=LanguageCodeEnum(), channel=graphene.String())

    @staticmethod
    def resolve_products(root, info, channel=None, **kwargs):
        ch = channel_for_request(info.context, channel)
        products = selectors.visible_products(ch, user_of(info), for_listing=True)
        return product_connection(info, products, ch, count_scope="all", **kwargs)

    @staticmethod
    def resolve_product(root, info, id=None, slug=None, slug_language_code=None, external_reference=None, channel=None):
        if sum(v is not None for v in (id, slug, external_reference)) != 1:
            raise GraphQLError("Provide exactly one of: id, slug, externalReference.")
        ch = channel_for_request(info.context, channel)
        pk = pk_from_global_id(id, "Product") if id is not None else None  # a bad ID is refused, never memoized
        products = selectors.visible_products(ch, user_of(info))

        def find() -> Any:
            if pk is not None:
                return products.filter(pk=pk).first()
            if external_reference is not None:
                return products.filter(external_reference=external_reference).first()
            if slug_language_code is None:  # slugs are unique: one query, not a look-up then a visibility check
                return products.filter(slug=slug).first()
            found = _slug_lookup(models.Product, models.ProductTranslation, "product", slug, slug_language_code)
            return products.filter(pk=found.pk).first() if found else None

        # The product page's own row is memoized like its other rows (reference_memo: anonymous requests only).
        product = memoized("product_row", (ch.pk, pk, slug, slug_language_code, external_reference), find,
                           info.context)
        return in_channel(product, ch)

    @staticmethod
    def resolve_product_variant(root, info, id=None, sku=None, external_reference=None, channel=None):
        if sum(v is not None for v in (id, sku, external_reference)) != 1:
            raise GraphQLError("Provide exactly one of: id, sku, externalReference.")
        ch = channel_for_request(info.context, channel)
        variants = models.ProductVariant.objects.filter(product__in=selectors.visible_products(ch, user_of(info)))
        if id is not None:
            variant = variants.filter(pk=pk_from_global_id(id, "ProductVariant")).first()
        elif sku is not None:
            variant = variants.filter(sku=sku).first()
        else:
            variant = variants.filter(external_reference=external_reference).first()
        return in_channel(variant, ch)

    @staticmethod
    def resolve_categories(root, info, filter=None, sort_by=None, level=None, **page_args):
        categories = models.Category.objects.all()
        if level is not None:
            categories = categories.filter(level=level)
        categories = _named_filter(categories, filter, "Category")
        categories, sort = _sorted(categories, sort_by, "products")
        if not sort_by:
            sort = [("sort_order", False), ("name", False)]
        page = paginate(categories, sort=sort, connection_name="categories", **page_args)
        loaders_for(info.context).hint("category", [c.pk for c in page.nodes])
        return page

    @staticmethod
    def resolve_category(root, info, id=None, slug=None, slug_language_code=None):
        if id is not None:
            return models.Category.objects.filter(pk=pk_from_global_id(id, "Category")).first()
        if slug is not None:
            return _slug_lookup(models.Category, models.CategoryTranslation, "category", slug, slug_language_code)
        raise GraphQLError("Provide one of: id, slug.")

    @staticmethod
    def resolve_collections(root, info, channel=None, filter=None, sort_by=None, **page_args):
        ch = channel_for_request(info.context, channel)
        collections = _named_filter(selectors.visible_collections(ch, user_of(info)), filter, "Collection")
        collections, sort = _sorted(collections, sort_by, "collection_products")
        page = paginate(collections, sort=sort, connection_name="collections", **page_args)
        loaders_for(info.context).hint("collection", [c.pk for c in page.nodes])
        page.nodes = all_in_channel(page.nodes, ch)
        return page

    @staticmethod
    def resolve_collection(root, info, id=None, slug=None, slug_language_code=None, channel=None):
        ch = channel_for_request(info.context, channel)
        collections = selectors.visible_collections(ch, user_of(info))
        if id is not None:
            collection = collections.filter(pk=pk_from_global_id(id, "Collection")).first()
        elif slug is not None:
            found = _slug_lookup(models.Collection, models.CollectionTranslation, "collection", slug,
                                 slug_language_code)
            collection = collections.filter(pk=found.pk).first() if found else None
        else:
            raise GraphQLError("Provide one of: id, slug.")
        return in_channel(collection, ch)
