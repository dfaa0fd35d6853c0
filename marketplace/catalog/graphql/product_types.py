"""Product, ProductVariant and their channel listings (Collection is collection_types.py)."""

from __future__ import annotations

import graphene

from marketplace.catalog import models
from marketplace.catalog.graphql import dataloaders as dl
from marketplace.catalog.graphql.delivery import resolve_variant_shipping_methods
from marketplace.catalog.graphql.inputs import PositiveDecimal
from marketplace.catalog.graphql.management_types import (
    PriceChangeOutcome,
    ProductReviewStatusEnum,
    Stock,
    resolve_managed_media,
    resolve_price_change_outcome,
    resolve_review_reason,
    resolve_review_rejection,
    resolve_review_status,
    resolve_suggested_price,
    resolve_variant_stocks,
)
from marketplace.catalog.graphql.review_types import (
    MoneyRange,
    ProductPendingChanges,
    resolve_pending_changes,
    resolve_review_price_range,
)
from marketplace.catalog.graphql.types import (
    Category,
    ProductPricingInfo,
    ProductTranslation,
    ProductType,
    ProductVariantTranslation,
    SelectedAttribute,
    VariantPricingInfo,
    _channel,
    _language,
    is_available_for_purchase,
    price_range,
    translation_field,
    with_channel,
)
from marketplace.channels.graphql.types import Channel
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.types import (
    Money,
    Node,
    ObjectWithMetadata,
    TaxedMoney,
    ThumbnailFormatEnum,
    Weight,
)
from marketplace.media.graphql.types import Image, ProductMedia, image_of
from marketplace.taxes.vat import net_of


class ProductChannelListing(graphene.ObjectType):
    class Meta:
        interfaces = (Node,)

    published_at = graphene.DateTime()
    is_published = graphene.Boolean(required=True)
    channel = graphene.Field(Channel, required=True)
    visible_in_listings = graphene.Boolean(required=True)
    available_for_purchase_at = graphene.DateTime()
    discounted_price = graphene.Field(Money)
    is_available_for_purchase = graphene.Boolean()

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("ProductChannelListing", root.pk)

    @staticmethod
    def resolve_discounted_price(root, info):
        amount = root.discounted_price_amount
        return None if amount is None else Money.of(amount, root.currency)

    @staticmethod
    def resolve_is_available_for_purchase(root, info):
        return is_available_for_purchase(root)


class ProductVariantChannelListing(graphene.ObjectType):
    class Meta:
        interfaces = (Node,)

    channel = graphene.Field(Channel, required=True)
    price = graphene.Field(Money)
    cost_price = graphene.Field(Money)
    price_overridden = graphene.Field(
        graphene.Boolean, resolver=lambda root, info: root.price_overridden,
        description="Marketplace extension: the price was set by hand instead of following the channel's rule.")
    suggested_price = graphene.Field(
        Money, resolver=resolve_suggested_price,
        description="Marketplace extension: the price the channel's rule derives from the MAD price.")
    review_price_range = graphene.Field(
        MoneyRange, resolver=resolve_review_price_range,
        description="Marketplace extension (managers only): prices an artisan's member may set in this channel "
                    "without sending the piece back to review (measured against the last approved price).")

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("ProductVariantChannelListing", root.pk)

    @staticmethod
    def resolve_price(root, info):
        return None if root.price_amount is None else Money.of(root.price_amount, root.currency)

    @staticmethod
    def resolve_cost_price(root, info):
        return None if root.cost_price_amount is None else Money.of(root.cost_price_amount, root.currency)


def _staff(info) -> bool:
    user = user_of(info)
    return bool(user and user.is_authenticated and user.is_staff)


def _manages(info, artisan_id: int) -> bool:
    """Staff, or a member of the product's artisan (management reads)."""
    from marketplace.core.permissions import member_artisan_ids

    return _staff(info) or artisan_id in member_artisan_ids(user_of(info))


class ProductVariant(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    name = graphene.String(required=True)
    sku = graphene.String()
    product = graphene.Field(lambda: Product, required=True)
    track_inventory = graphene.Boolean(required=True)
    quantity_limit_per_customer = graphene.Int()
    weight = graphene.Field(Weight)
    channel = graphene.String()
    channel_listings = graphene.List(graphene.NonNull(ProductVariantChannelListing))
    pricing = graphene.Field(VariantPricingInfo)
    attributes = graphene.NonNull(graphene.List(graphene.NonNull(SelectedAttribute)))
    media = graphene.List(graphene.NonNull(ProductMedia))
    translation = translation_field(ProductVariantTranslation)
    quantity_available = graphene.Int(country_code=graphene.String())
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    external_reference = graphene.String()
    # Marketplace extensions: one-of-a-kind pieces and customs data for export.
    is_one_of_a_kind = graphene.Boolean(required=True)
    hs_code = graphene.String()
    country_of_origin = graphene.String(required=True)
    dimensions = graphene.Field(lambda: Dimensions)
    stock_hold = graphene.Field("marketplace.inventory.graphql.types.StockHold", description=(
        "Marketplace extension: when no unit can be bought in the channel because units are held (in other "
        "buyers' checkouts, or by an order awaiting its bank transfer), why and until when at the latest; null "
        "when a unit is free or every unit is sold."))
    price_change_outcome = graphene.Field(
        PriceChangeOutcome, price=PositiveDecimal(required=True), resolver=resolve_price_change_outcome,
        description="Marketplace extension (the product's managers): whether saving this MAD price sends the "
                    "listing to the ministry's review, and the prices that would not.")
    stocks = graphene.Field(
        graphene.List(graphene.NonNull(Stock)), resolver=resolve_variant_stocks, country_code=graphene.String())
    shipping_methods = graphene.Field(
        graphene.List(graphene.NonNull("marketplace.shipping.graphql.types.ShippingMethod")),
        country_code=graphene.Argument("marketplace.accounts.graphql.address_types.CountryCode", required=True),
        city=graphene.String(),
        description="Delivery methods and prices for one unit to this destination, cheapest first; without a "
                    "city, those of every zone of the country (marketplace extension). Null without a channel.",
        resolver=resolve_variant_shipping_methods,
    )

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("ProductVariant", root.pk)

    @staticmethod
    def resolve_product(root, info):
        product = getattr(root, "_product", None) or dl.product_by_id(info).load(root.product_id)
        return with_channel(product, _channel(root))

    @staticmethod
    def resolve_weight(root, info):
        return Weight.kg(root.weight_kg)

    @staticmethod
    def resolve_channel(root, info):
        channel = _channel(root)
        return channel.slug if channel else None

    @staticmethod
    def resolve_channel_listings(root, info):
        if _staff(info):
            return dl.variant_listings_all(info).load(root.pk)
        product = getattr(root, "_product", None) or dl.product_by_id(info).load(root.product_id)
        return dl.variant_listings_all(info).load(root.pk) if product and _manages(info, product.artisan_id) else None

    @staticmethod
    def resolve_pricing(root, info):
        channel = _channel(root)
        if channel is None:
            return None
        listing = dl.variant_listing(info, channel).load(root.pk)
        if listing is None or listing.price_amount is None:
            return None
        price = TaxedMoney.of(listing.price_amount, net_of(listing.price_amount, channel.vat_rate),
                              channel.currency_code)
        return {"on_sale": False, "discount": None, "price": price, "price_undiscounted": price}

    @staticmethod
    def resolve_attributes(root, info):
        return SelectedAttribute.of(dl.attributes_by_variant(info).load(root.pk))

    @staticmethod
    def resolve_media(root, info):
        return dl.media_by_product(info).load(root.product_id)

    @staticmethod
    def resolve_translation(root, info, language_code):
        return dl.translation_loader(info, models.ProductVariantTranslation, "product_variant_id",
                                     _language(language_code), "variant").load(root.pk)

    @staticmethod
    def resolve_quantity_available(root, info, country_code=None):
        channel = _channel(root)
        if channel is None:
            return None
        return dl.quantity_available(info, channel).load(root.pk)

    @staticmethod
    def resolve_stock_hold(root, info):
        channel = _channel(root)
        if channel is None:
            return None
        return dl.stock_hold(info, channel).load(root.pk)

    @staticmethod
    def resolve_created(root, info):
        return root.created_at

    @staticmethod
    def resolve_dimensions(root, info):
        if root.length_cm is None and root.width_cm is None and root.height_cm is None:
            return None
        return {"length": root.length_cm, "width": root.width_cm, "height": root.height_cm}


class Dimensions(graphene.ObjectType):
    """Parcel dimensions in centimetres (marketplace extension: shipping rates and customs)."""

    length = graphene.Float()
    width = graphene.Float()
    height = graphene.Float()


class Product(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString()
    product_type = graphene.Field(ProductType, required=True)
    slug = graphene.String(required=True)
    category = graphene.Field(Category)
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    weight = graphene.Field(Weight)
    default_variant = graphene.Field(ProductVariant)
    rating = graphene.Float()
    channel = graphene.String()
    thumbnail = graphene.Field(Image, size=graphene.Int(), format=ThumbnailFormatEnum(default_value="ORIGINAL"))
    pricing = graphene.Field(ProductPricingInfo)
    is_available = graphene.Boolean()
    attributes = graphene.NonNull(graphene.List(graphene.NonNull(SelectedAttribute)))
    channel_listings = graphene.List(graphene.NonNull(ProductChannelListing))
    variants = graphene.List(graphene.NonNull(ProductVariant))
    media = graphene.List(graphene.NonNull(ProductMedia))
    media_by_id = graphene.Field(ProductMedia, id=graphene.ID(required=True))
    collections = graphene.List(graphene.NonNull("marketplace.catalog.graphql.collection_types.Collection"))
    translation = translation_field(ProductTranslation)
    available_for_purchase_at = graphene.DateTime()
    is_available_for_purchase = graphene.Boolean()
    external_reference = graphene.String()
    artisan = graphene.Field(
        "marketplace.artisans.graphql.types.Artisan", required=True,
        description="The maker of this product (marketplace extension).",
        resolver=lambda root, info: dl.artisan_by_id(info).load(root.artisan_id),
    )
    managed_media = graphene.Field(
        graphene.List(graphene.NonNull(ProductMedia)), resolver=resolve_managed_media,
        description="Marketplace extension (the artisan's members, curators and admins; null for others): every "
                    "photo of the product with its pipeline `status` (PENDING, READY, FAILED) and, when it failed, "
                    "`processingErrorCode`; `media` lists the READY ones only.")
    review_status = graphene.Field(
        ProductReviewStatusEnum, resolver=resolve_review_status,
        description="Marketplace extension (managers only): the listing's review status.")
    review_reason = graphene.Field(
        graphene.String, resolver=resolve_review_reason,
        description="Marketplace extension (managers only): why the listing waits, or why it was rejected.")
    pending_changes = graphene.Field(
        ProductPendingChanges, resolver=resolve_pending_changes,
        description="Marketplace extension (managers only): the member's text changes waiting for a curator; the "
                    "public reads the approved texts meanwhile.")
    review_rejection = graphene.Field(
        "marketplace.curation.graphql.review.ProductReviewRejection", resolver=resolve_review_rejection,
        description="Marketplace extension (the product's managers): the preset reasons and note of the rejection, "
                    "while the listing is rejected.")

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Product", root.pk)

    @staticmethod
    def resolve_product_type(root, info):
        return dl.product_type_by_id(info).load(root.product_type_id)

    @staticmethod
    def resolve_category(root, info):
        return dl.category_by_id(info).load(root.category_id) if root.category_id else None

    @staticmethod
    def resolve_created(root, info):
        return root.created_at

    @staticmethod
    def resolve_weight(root, info):
        return Weight.kg(root.weight_kg)

    @staticmethod
    def resolve_default_variant(root, info):
        variants = dl.variants_by_product(info).load(root.pk)
        chosen = next((v for v in variants if v.pk == root.default_variant_id), variants[0] if variants else None)
        return with_channel(chosen, _channel(root))

    @staticmethod
    def resolve_channel(root, info):
        channel = _channel(root)
        return channel.slug if channel else None

    @staticmethod
    def resolve_thumbnail(root, info, size=None, format="ORIGINAL"):
        media = dl.media_by_product(info).load(root.pk)
        return image_of(media[0].files, media[0].alt or root.name, size, format) if media else None

    @staticmethod
    def resolve_pricing(root, info):
        channel = _channel(root)
        if channel is None:
            return None
        span = price_range(dl.variant_listings_by_product(info, channel).load(root.pk), channel)
        return {"on_sale": False, "discount": None, "display_gross_prices": True,
                "price_range": span, "price_range_undiscounted": span}

    @staticmethod
    def resolve_is_available(root, info):
        channel = _channel(root)
        if channel is None:
            return None
        listing = dl.product_listing(info, channel).load(root.pk)
        if not is_available_for_purchase(listing):
            return False
        quantities = dl.quantity_available(info, channel)
        return any(quantities.load(v.pk) > 0 for v in dl.variants_by_product(info).load(root.pk))

    @staticmethod
    def resolve_attributes(root, info):
        return SelectedAttribute.of(dl.attributes_by_product(info).load(root.pk))

    @staticmethod
    def resolve_channel_listings(root, info):
        return dl.product_listings_all(info).load(root.pk) if _manages(info, root.artisan_id) else None

    @staticmethod
    def resolve_variants(root, info):
        channel = _channel(root)
        return [with_channel(v, channel) for v in dl.variants_by_product(info).load(root.pk)]

    @staticmethod
    def resolve_media(root, info):
        return dl.media_by_product(info).load(root.pk)

    @staticmethod
    def resolve_media_by_id(root, info, id):
        from marketplace.core.graphql.ids import pk_from_global_id

        pk = pk_from_global_id(id, "ProductMedia")
        return next((m for m in dl.media_by_product(info).load(root.pk) if m.pk == pk), None)

    @staticmethod
    def resolve_collections(root, info):
        channel = _channel(root)
        return [with_channel(c, channel) for c in dl.collections_by_product(info, channel).load(root.pk)]

    @staticmethod
    def resolve_translation(root, info, language_code):
        return dl.translation_loader(info, models.ProductTranslation, "product_id", _language(language_code),
                                     "product").load(root.pk)

    @staticmethod
    def resolve_available_for_purchase_at(root, info):
        channel = _channel(root)
        listing = dl.product_listing(info, channel).load(root.pk) if channel else None
        return listing.available_for_purchase_at if listing else None

    @staticmethod
    def resolve_is_available_for_purchase(root, info):
        channel = _channel(root)
        if channel is None:
            return None
        return is_available_for_purchase(dl.product_listing(info, channel).load(root.pk))
