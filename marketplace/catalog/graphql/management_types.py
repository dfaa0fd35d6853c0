"""Fields that only the product's managers see (its artisan's members, curators, admins): review status,
channel listings with price help, stocks; the Warehouse and Stock types (Saleor's names)."""

from __future__ import annotations

from typing import Any

import graphene

from marketplace.catalog.access import can_manage_artisan
from marketplace.catalog.graphql import dataloaders as dl
from marketplace.catalog.graphql.inputs import PositiveDecimal
from marketplace.catalog.graphql.product_types import Product, ProductVariant, ProductVariantChannelListing
from marketplace.channels.services import derive_price
from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.loaders import group_by, loaders_for
from marketplace.core.graphql.types import Money
from marketplace.media.graphql.types import ProductMedia


class ProductReviewStatusEnum(graphene.Enum):
    """Marketplace extension: where a listing is in the ministry's review."""

    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


class Warehouse(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    slug = graphene.String(required=True)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Warehouse", root.pk)


class Stock(graphene.ObjectType):
    id = graphene.ID(required=True)
    warehouse = graphene.Field(Warehouse, required=True)
    quantity = graphene.Int(required=True)
    quantity_allocated = graphene.Int(required=True)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Stock", root.pk)


def _user(info) -> Any:
    return getattr(info.context, "user", None)


def manages(info, artisan_id: int) -> bool:
    return can_manage_artisan(_user(info), artisan_id)


def _product_of_variant(info, variant) -> Any:
    return getattr(variant, "_product", None) or dl.product_by_id(info).load(variant.product_id)


def _stocks(info, variant_id: int) -> list:
    from marketplace.inventory.models import Stock as StockModel

    def batch(keys: list) -> dict:
        return group_by(StockModel.objects.filter(product_variant_id__in=keys).select_related("warehouse"),
                        lambda s: s.product_variant_id)

    return loaders_for(info.context).get("stocks_by_variant", "variant", batch, default=list).load(variant_id)


class PriceChangeOutcome(graphene.ObjectType):
    """Marketplace extension: what saving a new MAD price would do, asked before saving."""

    needs_review = graphene.Boolean(required=True, description="The ministry reviews the change before buyers "
                                                               "see the new price.")
    current_price = graphene.Field(Money, description="The MAD price the change is compared with.")
    lowest_without_review = graphene.Field(Money)
    highest_without_review = graphene.Field(Money)

    @staticmethod
    def resolve_current_price(root, info):
        return Money.of(root["current"], "MAD") if root["current"] is not None else None

    @staticmethod
    def resolve_lowest_without_review(root, info):
        return Money.of(root["band"][0], "MAD") if root["band"] else None

    @staticmethod
    def resolve_highest_without_review(root, info):
        return Money.of(root["band"][1], "MAD") if root["band"] and root["band"][1] is not None else None


def resolve_price_change_outcome(root, info, price):
    from marketplace.catalog import review

    product = _product_of_variant(info, root)
    if product is None or not manages(info, product.artisan_id):
        return None
    return review.price_change_outcome(_user(info), root, price)


def resolve_managed_media(root, info):
    """Every photo of the product whatever its pipeline status (the public `media` shows READY ones only)."""
    from marketplace.media.models import ProductMedia as ProductMediaModel

    if not manages(info, root.artisan_id):
        return None

    def batch(keys: list) -> dict:
        rows = ProductMediaModel.objects.filter(product_id__in=keys).select_related("product").order_by(
            "sort_order", "pk")
        return group_by(rows, lambda m: m.product_id)

    return loaders_for(info.context).get("managed_media", "product", batch, default=list).load(root.pk)


def resolve_review_status(root, info):
    return str(root.review_status) if manages(info, root.artisan_id) else None


def resolve_review_reason(root, info):
    return root.review_reason if manages(info, root.artisan_id) else None


def resolve_variant_stocks(root, info, **_):
    product = _product_of_variant(info, root)
    return _stocks(info, root.pk) if product and manages(info, product.artisan_id) else None


def resolve_suggested_price(root, info):
    """What the channel's rule derives from the variant's MAD price (the artisan may override it)."""
    listings = dl.variant_listings_all(info).load(root.variant_id)
    mad = next((row.price_amount for row in sorted(listings, key=lambda r: r.channel.sort_order)
                if row.currency == "MAD" and row.price_amount is not None), None)
    channel = next((row.channel for row in listings if row.pk == root.pk), None)
    if mad is None or channel is None:
        return None
    return Money.of(derive_price(mad, channel), channel.currency_code)


Product._meta.fields["managed_media"] = graphene.Field(
    graphene.List(graphene.NonNull(ProductMedia)), resolver=resolve_managed_media,
    description="Marketplace extension (the artisan's members, curators and admins; null for others): every "
                "photo of the product with its pipeline `status` (PENDING, READY, FAILED) and, when it failed, "
                "`processingErrorCode`; `media` lists the READY ones only.")
Product._meta.fields["review_status"] = graphene.Field(
    ProductReviewStatusEnum, resolver=resolve_review_status,
    description="Marketplace extension (managers only): the listing's review status.")
Product._meta.fields["review_reason"] = graphene.Field(
    graphene.String, resolver=resolve_review_reason,
    description="Marketplace extension (managers only): why the listing waits, or why it was rejected.")
ProductVariant._meta.fields["price_change_outcome"] = graphene.Field(
    PriceChangeOutcome, price=PositiveDecimal(required=True), resolver=resolve_price_change_outcome,
    description="Marketplace extension (the product's managers): whether saving this MAD price sends the "
                "listing to the ministry's review, and the prices that would not.")
ProductVariant._meta.fields["stocks"] = graphene.Field(
    graphene.List(graphene.NonNull(Stock)), resolver=resolve_variant_stocks, country_code=graphene.String())
ProductVariantChannelListing._meta.fields["price_overridden"] = graphene.Field(
    graphene.Boolean, resolver=lambda root, info: root.price_overridden,
    description="Marketplace extension: the price was set by hand instead of following the channel's rule.")
ProductVariantChannelListing._meta.fields["suggested_price"] = graphene.Field(
    Money, resolver=resolve_suggested_price,
    description="Marketplace extension: the price the channel's rule derives from the MAD price.")
