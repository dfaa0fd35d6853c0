"""What only the product's managers see (its artisan's members, curators, admins): the resolvers of the
review status, price help, stocks and every photo (declared on their types in product_types.py); the
Warehouse and Stock types (Saleor's names)."""

from __future__ import annotations

from typing import Any

import graphene

from marketplace.accounts.graphql.address_types import Address
from marketplace.catalog.access import can_manage_artisan
from marketplace.catalog.graphql import dataloaders as dl
from marketplace.channels.services import derive_price
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.loaders import group_by, loaders_for
from marketplace.core.graphql.types import Money
from marketplace.curation import review as curation_review


class ProductReviewStatusEnum(graphene.Enum):
    """Marketplace extension: where a listing is in the ministry's review."""

    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


class WarehouseClickAndCollectOptionEnum(graphene.Enum):
    DISABLED = "DISABLED"
    LOCAL = "LOCAL"
    ALL = "ALL"


class Warehouse(graphene.ObjectType):
    # An artisan's workshop (stocks) and, for Saleor's click and collect, a collection point.

    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    email = graphene.String(required=True)
    is_private = graphene.Boolean(required=True)
    address = graphene.Field(Address, required=True)
    company_name = graphene.String(required=True)
    click_and_collect_option = graphene.Field(WarehouseClickAndCollectOptionEnum, required=True)
    # Public metadata as Saleor's ObjectWithMetadata.metafield: a pickup point's "openingHours"
    # ("Mo-Sa 09:00-18:00", OpenStreetMap's syntax).
    metafield = graphene.String(key=graphene.String(required=True))

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Warehouse", root.pk)

    @staticmethod
    def resolve_company_name(root, info):
        return root.address.company_name

    @staticmethod
    def resolve_metafield(root, info, key):
        return (root.metadata or {}).get(key)


class Stock(graphene.ObjectType):
    id = graphene.ID(required=True)
    warehouse = graphene.Field(Warehouse, required=True)
    quantity = graphene.Int(required=True)
    quantity_allocated = graphene.Int(required=True)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Stock", root.pk)



def manages(info, artisan_id: int) -> bool:
    return can_manage_artisan(user_of(info), artisan_id)


def product_of_variant(info, variant: Any) -> Any:
    """The variant's product: the one loaded with it when the query selected it, else from the batch loader."""
    if type(variant).product.is_cached(variant):
        return variant.product
    return dl.product_by_id(info).load(variant.product_id)


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
    """ProductVariant.priceChangeOutcome (`root` is the variant's ChannelContext)."""
    from marketplace.catalog import review

    product = product_of_variant(info, root.node)
    if product is None or not manages(info, product.artisan_id):
        return None
    return review.price_change_outcome(user_of(info), root.node, price)


def resolve_managed_media(root, info):
    """Every photo of the product whatever its pipeline status (the public `media` shows READY ones only)."""
    from marketplace.media.models import ProductMedia as ProductMediaModel

    root = root.node  # the product's ChannelContext
    if not manages(info, root.artisan_id):
        return None

    def batch(keys: list) -> dict:
        rows = ProductMediaModel.objects.filter(product_id__in=keys).select_related("product").order_by(
            "sort_order", "pk")
        return group_by(rows, lambda m: m.product_id)

    return loaders_for(info.context).get("managed_media", "product", batch, default=list).load(root.pk)


def resolve_review_status(root, info):
    product = root.node
    return str(product.review_status) if manages(info, product.artisan_id) else None


def resolve_review_reason(root, info):
    product = root.node
    return product.review_reason if manages(info, product.artisan_id) else None


def resolve_variant_stocks(root, info, **_):
    product = product_of_variant(info, root.node)
    return _stocks(info, root.node.pk) if product and manages(info, product.artisan_id) else None


def resolve_suggested_price(root, info):
    """What the channel's rule derives from the variant's MAD price (the artisan may override it)."""
    listings = dl.variant_listings_all(info).load(root.variant_id)
    mad = next((row.price_amount for row in sorted(listings, key=lambda r: r.channel.sort_order)
                if row.currency == "MAD" and row.price_amount is not None), None)
    channel = next((row.channel for row in listings if row.pk == root.pk), None)
    if mad is None or channel is None:
        return None
    return Money.of(derive_price(mad, channel), channel.currency_code)


def resolve_review_rejection(root, info):
    """The curator's latest rejection of the piece (curation's decisions), while it is rejected."""
    product = root.node
    if product.review_status != "REJECTED" or not manages(info, product.artisan_id):
        return None
    loader = loaders_for(info.context).get("review_rejection", "product", curation_review.latest_rejections)
    return loader.load(product.pk)
