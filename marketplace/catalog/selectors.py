"""Reads of the catalog that carry rules: visibility per channel, filters, sorting (search is `search.py`)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Now
from django.utils import timezone
from graphql import GraphQLError

from marketplace.catalog.models import (
    AssignedProductAttributeValue,
    Category,
    Collection,
    CollectionChannelListing,
    Product,
    ProductChannelListing,
    ProductVariantChannelListing,
)
from marketplace.catalog.search import search_products
from marketplace.channels.models import Channel


def can_see_unpublished(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_staff)


def published_listings(channel: Channel) -> QuerySet:
    # NOW() in SQL rather than a Python timestamp: the query does not depend on the moment it was built.
    # A listing waiting for (or refused at) the ministry's review is not public.
    return ProductChannelListing.objects.filter(channel=channel, is_published=True,
                                                product__review_status="APPROVED").filter(
        Q(published_at__isnull=True) | Q(published_at__lte=Now())
    )


_public_products: dict[tuple[int, bool], QuerySet] = {}


def visible_products(channel: Channel, user: Any = None, *, for_listing: bool = False) -> QuerySet:
    """Products a visitor may see in `channel`: listed there, published, publication date passed and,
    in listings, visible in listings. Staff also see unpublished products of the channel."""
    if can_see_unpublished(user):
        return _products().filter(channel_listings__channel=channel)
    # Built once per channel (it holds no moment and no user) and cloned per request: building the
    # Exists() subquery is a visible share of a listing's CPU time.
    # A join, not EXISTS: a product has at most one listing per channel, and the join compiles faster.
    key = (channel.pk, for_listing)
    public = _public_products.get(key)
    if public is None:
        public = _public_products[key] = _products().filter(
            Q(channel_listings__published_at__isnull=True) | Q(channel_listings__published_at__lte=Now()),
            channel_listings__channel=channel, channel_listings__is_published=True, review_status="APPROVED",
            **({"channel_listings__visible_in_listings": True} if for_listing else {}),
        )
    return public.all()


def _products() -> QuerySet:
    # The search document and vector are large and only ever read inside PostgreSQL.
    return Product.objects.defer("search_document", "search_vector")


def visible_collections(channel: Channel, user: Any = None) -> QuerySet:
    if can_see_unpublished(user):
        return Collection.objects.filter(channel_listings__channel=channel)
    now = timezone.now()
    listings = CollectionChannelListing.objects.filter(channel=channel, is_published=True).filter(
        Q(published_at__isnull=True) | Q(published_at__lte=now)
    )
    return Collection.objects.filter(Exists(listings.filter(collection=OuterRef("pk"))))


def category_with_descendants(category_ids: list[int]) -> list[int]:
    ids = set(category_ids)
    frontier = set(category_ids)
    while frontier:
        frontier = set(Category.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - ids
        ids |= frontier
    return list(ids)


def _price_listing(channel: Channel) -> QuerySet:
    return ProductVariantChannelListing.objects.filter(channel=channel, price_amount__isnull=False)


def filter_by_price(products: QuerySet, channel: Channel, gte: Any, lte: Any) -> QuerySet:
    listings = _price_listing(channel).filter(variant__product=OuterRef("pk"))
    if gte is not None:
        listings = listings.filter(price_amount__gte=Decimal(str(gte)))
    if lte is not None:
        listings = listings.filter(price_amount__lte=Decimal(str(lte)))
    return products.filter(Exists(listings))


def filter_by_minimal_price(products: QuerySet, channel: Channel, gte: Any, lte: Any) -> QuerySet:
    listings = ProductChannelListing.objects.filter(channel=channel, product=OuterRef("pk"))
    if gte is not None:
        listings = listings.filter(discounted_price_amount__gte=Decimal(str(gte)))
    if lte is not None:
        listings = listings.filter(discounted_price_amount__lte=Decimal(str(lte)))
    return products.filter(Exists(listings))


def filter_by_attribute(products: QuerySet, slug: str, value_slugs: list[str] | None = None,
                        value_names: list[str] | None = None, numeric: tuple[Any, Any] | None = None) -> QuerySet:
    assigned = AssignedProductAttributeValue.objects.filter(product=OuterRef("pk"), value__attribute__slug=slug)
    if value_slugs:
        assigned = assigned.filter(value__slug__in=value_slugs)
    if value_names:
        assigned = assigned.filter(value__name__in=value_names)
    if numeric is not None:
        # Numeric values are stored as their decimal text (Saleor does the same).
        gte, lte = numeric
        assigned = assigned.filter(value__name__regex=r"^-?[0-9]+(\.[0-9]+)?$")
        from django.db.models import DecimalField
        from django.db.models.functions import Cast

        assigned = assigned.annotate(number=Cast("value__name", DecimalField(max_digits=14, decimal_places=3)))
        if gte is not None:
            assigned = assigned.filter(number__gte=gte)
        if lte is not None:
            assigned = assigned.filter(number__lte=lte)
    return products.filter(Exists(assigned))


def filter_by_stock(products: QuerySet, channel: Channel, in_stock: bool) -> QuerySet:
    from marketplace.inventory.models import Stock

    stocks = Stock.objects.filter(
        product_variant__product=OuterRef("pk"), warehouse__channels=channel, quantity__gt=F("quantity_allocated")
    )
    return products.filter(Exists(stocks)) if in_stock else products.exclude(Exists(stocks))


def filter_available_for_purchase(products: QuerySet, channel: Channel, available: bool) -> QuerySet:
    now = timezone.now()
    listings = ProductChannelListing.objects.filter(
        product=OuterRef("pk"), channel=channel, available_for_purchase_at__lte=now
    )
    return products.filter(Exists(listings)) if available else products.exclude(Exists(listings))


def apply_search(products: QuerySet, query: str | None) -> QuerySet:
    if query is None or not query.strip():
        return products
    return search_products(products, query)


PRODUCT_SORT_FIELDS = {
    "NAME": "name",
    "RANK": "search_rank",
    "PRICE": "sort_price",
    "MINIMAL_PRICE": "sort_price",
    "LAST_MODIFIED": "updated_at",
    "LAST_MODIFIED_AT": "updated_at",
    "DATE": "updated_at",
    "CREATED_AT": "created_at",
    "PUBLISHED": "sort_published_at",
    "PUBLICATION_DATE": "sort_published_at",
    "PUBLISHED_AT": "sort_published_at",
    "RATING": "sort_rating",
    "TYPE": "product_type__name",
    "COLLECTION": "sort_collection",
}


def sort_products(products: QuerySet, channel: Channel, field: str | None, descending: bool,
                  *, searching: bool, collection: Collection | None = None) -> tuple[QuerySet, list[tuple[str, bool]]]:
    """Annotate what the sort needs; return the queryset and the keyset sort [(field, descending)]."""
    from django.db.models import DateTimeField, DecimalField, FloatField, Subquery, Value
    from django.db.models.functions import Coalesce

    if field is None:
        field, descending = ("RANK", True) if searching else (("COLLECTION", False) if collection else ("NAME", False))
    if field == "RANK" and not searching:
        raise GraphQLError("Sorting by RANK is valid only with a search.")
    if field == "COLLECTION":
        if collection is None:
            raise GraphQLError("Sorting by COLLECTION is valid only for a collection's products.")
        from marketplace.catalog.models import CollectionProduct

        order = CollectionProduct.objects.filter(collection=collection, product=OuterRef("pk")).values("sort_order")[:1]
        products = products.annotate(sort_collection=Coalesce(Subquery(order), Value(0)))
    if field in ("PRICE", "MINIMAL_PRICE"):
        price = ProductChannelListing.objects.filter(channel=channel, product=OuterRef("pk")).values(
            "discounted_price_amount")[:1]
        products = products.annotate(sort_price=Coalesce(Subquery(price), Value(Decimal("0")),
                                                         output_field=DecimalField(max_digits=12, decimal_places=2)))
    if field in ("PUBLISHED", "PUBLICATION_DATE", "PUBLISHED_AT"):
        published = ProductChannelListing.objects.filter(channel=channel, product=OuterRef("pk")).values(
            "published_at")[:1]
        products = products.annotate(sort_published_at=Coalesce(Subquery(published), F("created_at"),
                                                                 output_field=DateTimeField()))
    if field == "RATING":
        products = products.annotate(sort_rating=Coalesce(F("rating"), Value(0.0), output_field=FloatField()))
    return products, [(PRODUCT_SORT_FIELDS[field], descending)]
