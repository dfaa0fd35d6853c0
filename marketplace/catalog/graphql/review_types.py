"""What a client can know before saving a change (marketplace extensions): whether it will send the piece back
to review. `ProductVariantChannelListing.reviewPriceRange` gives, per channel, the prices a member may set at
once; `listingReviewPolicy` states the rules; `Product.pendingChanges` shows the texts waiting for a curator
(the public keeps reading the approved ones). The rules themselves live in catalog/review_rules.py."""

from __future__ import annotations

import graphene
from django.conf import settings

from marketplace.catalog import review_rules
from marketplace.catalog.graphql import dataloaders as dl
from marketplace.catalog.graphql.management_types import manages
from marketplace.catalog.models import ProductRevision
from marketplace.channels.graphql.types import Channel
from marketplace.channels.models import Channel as ChannelModel
from marketplace.core.graphql.loaders import loaders_for
from marketplace.core.graphql.types import LanguageCodeEnum, Money


class MoneyRange(graphene.ObjectType):
    """Saleor's MoneyRange."""

    start = graphene.Field(Money, description="Lower bound of a price range.")
    stop = graphene.Field(Money, description="Upper bound of a price range.")


class PendingTranslation(graphene.ObjectType):
    language_code = graphene.Field(LanguageCodeEnum, required=True)
    name = graphene.String()
    description = graphene.JSONString()
    seo_title = graphene.String()
    seo_description = graphene.String()


class ProductPendingChanges(graphene.ObjectType):
    """Marketplace extension: a member's changes to an approved product's texts, waiting for a curator (null
    fields did not change). A rejected proposal keeps only the curator's reason."""

    name = graphene.String()
    description = graphene.JSONString()
    seo_title = graphene.String()
    seo_description = graphene.String()
    translations = graphene.NonNull(graphene.List(graphene.NonNull(PendingTranslation)))
    requested_at = graphene.DateTime(description="Null once approved or rejected.")
    rejection_reason = graphene.String(description="Why a curator refused the last proposal.")

    @staticmethod
    def resolve_translations(root, info):
        return [{"language_code": language.upper(), **texts} for language, texts in sorted(root.translations.items())]

    @staticmethod
    def resolve_rejection_reason(root, info):
        return root.rejected_reason or None


def _proposed(name: str):
    return staticmethod(lambda root, info: root.base.get(name))


for _name in ("name", "description", "seo_title", "seo_description"):
    setattr(ProductPendingChanges, f"resolve_{_name}", _proposed(_name))


class ChannelMinimumPrice(graphene.ObjectType):
    channel = graphene.Field(Channel, required=True)
    minimum = graphene.Field(Money, required=True)


class ListingReviewPolicy(graphene.ObjectType):
    """Marketplace extension: when a member's change sends a published piece back to the curators."""

    price_change_share = graphene.Float(required=True, description=(
        "A price further than this share from the last approved price of its channel goes to review."))
    price_floor_share = graphene.Float(required=True, description=(
        "A price under this share of the last approved price goes to review."))
    minimum_prices = graphene.NonNull(graphene.List(graphene.NonNull(ChannelMinimumPrice)), description=(
        "A price under its channel's minimum goes to review, approved or not."))
    reviewed_texts = graphene.NonNull(graphene.List(graphene.NonNull(graphene.String)), description=(
        "Product fields whose change, in any language, waits for a curator while the approved text stays "
        "public."))
    photos_reviewed = graphene.Boolean(required=True, description=(
        "Adding, changing or removing a photo sends the piece back to review (hidden until approved)."))


def resolve_listing_review_policy(root, info):
    return {"price_change_share": settings.LISTING_REVIEW_PRICE_SHARE,
            "price_floor_share": settings.LISTING_REVIEW_PRICE_FLOOR_SHARE,
            "minimum_prices": [{"channel": channel, "minimum": Money.of(review_rules.minimum_price(channel),
                                                                        channel.currency_code)}
                               for channel in ChannelModel.objects.filter(is_active=True).order_by("sort_order")],
            "reviewed_texts": list(review_rules.REVIEWED_TEXTS), "photos_reviewed": True}


def _product_of_listing(info, listing):
    from marketplace.catalog.models import ProductVariant

    def batch(keys: list) -> dict:
        return dict(ProductVariant.objects.filter(pk__in=keys).values_list("pk", "product_id"))

    product_id = loaders_for(info.context).get("product_id_of_variant", "variant", batch).load(listing.variant_id)
    return dl.product_by_id(info).load(product_id) if product_id else None


def resolve_review_price_range(root, info):
    """Managers only: the prices a member may set in this channel without sending the piece to review."""
    product = _product_of_listing(info, root)
    if product is None or not manages(info, product.artisan_id):
        return None
    baseline = root.approved_price_amount
    if baseline is None and product.review_status == "APPROVED":
        baseline = root.price_amount
    if product.review_status != "APPROVED" and baseline is None:
        return None  # a listing not yet approved: every change is reviewed with it
    allowed = review_rules.price_range(baseline, root.channel)
    currency = root.channel.currency_code
    return {"start": Money.of(allowed.low, currency),
            "stop": Money.of(allowed.high, currency) if allowed.high is not None else None}


def resolve_pending_changes(root, info):
    """Product.pendingChanges (`root` is the product's ChannelContext)."""
    if not manages(info, root.node.artisan_id):
        return None

    def batch(keys: list) -> dict:
        return {r.product_id: r for r in ProductRevision.objects.filter(product_id__in=keys)}

    return loaders_for(info.context).get("product_revision", "product", batch).load(root.node.pk)
