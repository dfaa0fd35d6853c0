"""Channel listings, prices (MAD set by the artisan, export prices suggested by the channel's rule and
overridable), stock and translations of products under management."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from marketplace.catalog import review, review_rules, revisions
from marketplace.catalog.access import product_for_write, variant_for_write
from marketplace.catalog.models import (
    ProductChannelListing,
    ProductTranslation,
    ProductVariant,
    ProductVariantChannelListing,
    ProductVariantTranslation,
)
from marketplace.catalog.services import after_catalog_change, parse_description, set_variant_prices_from_mad
from marketplace.channels.models import Channel
from marketplace.channels.services import derive_price
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.text import clean_text, clean_translation


def _channels(ids: list[int], field: str) -> dict[int, Channel]:
    channels = {c.pk: c for c in Channel.objects.filter(pk__in=ids)}
    missing = [pk for pk in ids if pk not in channels]
    if missing:
        raise MutationError([FieldError(field, f"Couldn't resolve to a channel: {missing[0]}", "NOT_FOUND")])
    if len(set(ids)) != len(ids):
        raise MutationError([FieldError(field, "A channel is given twice.", "DUPLICATED_INPUT_ITEM")])
    return channels


def update_product_channel_listings(user: Any, product_pk: int, update: list[dict], remove: list[int]) -> Any:
    product = product_for_write(user, product_pk)
    channels = _channels([item["channel_id"] for item in update], "updateChannels")
    if set(remove) & set(channels):
        raise MutationError([FieldError("removeChannels", "A channel cannot be both updated and removed.",
                                        "DUPLICATED_INPUT_ITEM")])
    for item in update:
        channel = channels[item["channel_id"]]
        listing, _ = ProductChannelListing.objects.get_or_create(
            product=product, channel=channel, defaults={"currency": channel.currency_code})
        if item.get("is_published") is not None:
            listing.is_published = item["is_published"]
        if "published_at" in item:
            listing.published_at = item["published_at"]
        if item.get("visible_in_listings") is not None:
            listing.visible_in_listings = item["visible_in_listings"]
        if "available_for_purchase_at" in item:
            listing.available_for_purchase_at = item["available_for_purchase_at"]
        if item.get("is_available_for_purchase") is False:
            listing.available_for_purchase_at = None
        listing.save()
        variant_ids = [pk for pk in item.get("add_variants") or []]
        owned = set(ProductVariant.objects.filter(product=product, pk__in=variant_ids).values_list("pk", flat=True))
        if set(variant_ids) - owned:
            raise MutationError([FieldError("addVariants", "The variant is not this product's.",
                                            "NOT_PRODUCTS_VARIANT")])
        _follow_rule(owned, channel)
        ProductVariantChannelListing.objects.filter(variant__product=product, channel=channel,
                                                    variant_id__in=item.get("remove_variants") or []).delete()
    ProductChannelListing.objects.filter(product=product, channel_id__in=remove).delete()
    ProductVariantChannelListing.objects.filter(variant__product=product, channel_id__in=remove).delete()
    after_catalog_change([product.pk])
    return product


def _follow_rule(variant_ids: set[int], channel: Channel) -> None:
    """Variants added to a channel get the price that the channel's rule derives from their MAD price."""
    mad = dict(ProductVariantChannelListing.objects.filter(
        variant_id__in=variant_ids, currency="MAD", price_amount__isnull=False)
        .order_by("channel__sort_order").values_list("variant_id", "price_amount"))
    if channel.currency_code != "MAD" and mad:
        set_variant_prices_from_mad(mad.keys(), mad, [channel])
        ProductVariantChannelListing.objects.filter(variant_id__in=mad.keys(), channel=channel).update(
            price_overridden=False)


def mad_price(variant_id: int) -> Decimal | None:
    return (ProductVariantChannelListing.objects.filter(variant_id=variant_id, currency="MAD",
                                                       price_amount__isnull=False)
            .order_by("channel__sort_order").values_list("price_amount", flat=True).first())


MAX_PRICE = Decimal("9999999999.99")  # the columns hold 12 digits, 2 of them decimals


def clean_price(value: Any, field: str = "price") -> Decimal:
    try:
        price = Decimal(str(value))
    except ArithmeticError:
        price = Decimal("NaN")
    if not price.is_finite() or price <= 0 or price > MAX_PRICE:
        raise MutationError([FieldError(field, f"The price must be greater than zero and at most {MAX_PRICE}.",
                                        "INVALID_PRICE")])
    return price.quantize(Decimal("0.01"))


def update_variant_channel_listings(user: Any, variant_pk: int, items: list[dict]) -> ProductVariant:
    """Prices per channel. A MAD price re-derives the non-overridden export prices; an export price given
    here is an override (price_overridden = True). A member's price outside the review range of its channel
    (catalog/review_rules.py, measured against the last approved price) sends the product back to review;
    a curator's or an admin's price is approved as it is written."""
    from marketplace.catalog.access import is_manager

    variant = variant_for_write(user, variant_pk)
    channels = _channels([item["channel_id"] for item in items], "channelId")
    listed = set(ProductChannelListing.objects.filter(product_id=variant.product_id)
                 .values_list("channel_id", flat=True))
    existing = {row.channel_id: row for row in ProductVariantChannelListing.objects.filter(variant=variant)}
    public = variant.product.review_status == "APPROVED"
    new_mad, reasons = None, []
    for item in items:
        channel = channels[item["channel_id"]]
        if channel.pk not in listed:
            raise MutationError([FieldError("channelId", f"Product not available in channel {channel.slug}.",
                                            "PRODUCT_NOT_ASSIGNED_TO_CHANNEL")])
        price = clean_price(item["price"])
        row = existing.get(channel.pk)
        # Listings written before approved prices were kept: the price the public sees now is the baseline.
        baseline = row.approved_price_amount if row is not None else None
        if baseline is None and public and row is not None:
            baseline = row.price_amount
        reason = review_rules.price_review_reason(baseline, row.price_amount if row else None, price, channel)
        if reason:
            reasons.append(reason)
        ProductVariantChannelListing.objects.update_or_create(
            variant=variant, channel=channel,
            defaults={"currency": channel.currency_code, "price_amount": price,
                      "cost_price_amount": item.get("cost_price"), "price_overridden": True,
                      "approved_price_amount": baseline})
        if channel.currency_code == "MAD":
            new_mad = price
    if new_mad is not None:
        rule_channels = list(Channel.objects.filter(product_listings__product_id=variant.product_id)
                             .exclude(currency_code="MAD").exclude(pk__in=[c.pk for c in channels.values()]))
        set_variant_prices_from_mad([variant.pk], {variant.pk: new_mad}, rule_channels)
    if is_manager(user):
        review.approve_prices([variant.product_id])
    elif reasons:
        review.request_review(user, variant.product, "; ".join(reasons))
    after_catalog_change([variant.product_id])
    return variant


def follow_price_rule(user: Any, variant_pk: int, channel_pk: int) -> ProductVariant:
    """Undo an override: the channel's price follows the rule from the MAD price again."""
    variant = variant_for_write(user, variant_pk)
    channel = _channels([channel_pk], "channel")[channel_pk]
    amount = mad_price(variant.pk)
    if amount is None:
        raise MutationError([FieldError("channel", "Set the MAD price first.", "INVALID_PRICE")])
    ProductVariantChannelListing.objects.update_or_create(
        variant=variant, channel=channel,
        defaults={"currency": channel.currency_code, "price_amount": derive_price(amount, channel),
                  "price_overridden": False})
    after_catalog_change([variant.product_id])
    return variant


def set_stocks(user: Any, variant: ProductVariant, stocks: list[dict]) -> None:
    """Quantities per warehouse; only the artisan's own workshop warehouse (curators: any). The write is
    inventory/services.py's (locks, holds beyond the new quantity)."""
    from marketplace.catalog.access import is_manager
    from marketplace.inventory import services as inventory
    from marketplace.inventory.models import Warehouse

    for item in stocks:
        warehouse = Warehouse.objects.filter(pk=item["warehouse"]).first()
        if warehouse is None:
            raise MutationError([FieldError("warehouse", "Couldn't resolve to a warehouse.", "NOT_FOUND")])
        if warehouse.artisan_id != variant.product.artisan_id and not is_manager(user):
            raise MutationError([FieldError("warehouse", "This warehouse is not your workshop's.", "INVALID")])
        quantity = int(item["quantity"])
        if quantity < 0:
            raise MutationError([FieldError("quantity", "The quantity cannot be negative.", "INVALID")])
        try:
            inventory.set_quantity(warehouse.pk, variant.pk, quantity)
        except inventory.BelowAllocated as error:
            raise MutationError([FieldError("quantity", f"{error.allocated} units are already sold and waiting to "
                                            "ship: the quantity cannot be lower.", "INVALID")]) from None


def update_stocks(user: Any, variant_pk: int, stocks: list[dict]) -> ProductVariant:
    variant = variant_for_write(user, variant_pk, "variantId")
    set_stocks(user, variant, stocks)
    after_catalog_change([variant.product_id])
    return variant


def translate_product(user: Any, product_pk: int, language: str, data: dict[str, Any]) -> Any:
    product = product_for_write(user, product_pk)
    if language == "fr":
        raise MutationError([FieldError("languageCode", "French is the base language: use productUpdate.", "INVALID")])
    texts = clean_translation(data)
    if "description" in data:
        texts["description"] = parse_description(data["description"])
    if revisions.proposes(user, product):
        # The approved translation stays public; the member's version waits for a curator (the slug does not).
        revisions.propose(user, product, texts, language)
        texts = {key: value for key, value in texts.items() if key == "slug"}
        if not texts:
            return product
    translation, _ = ProductTranslation.objects.get_or_create(product=product, language_code=language,
                                                              defaults={"name": product.name})
    for key, value in texts.items():
        setattr(translation, key, value)
    translation.save()
    after_catalog_change([product.pk])
    return product


def translate_variant(user: Any, variant_pk: int, language: str, name: str | None) -> ProductVariant:
    variant = variant_for_write(user, variant_pk)
    name = clean_text(name, "name", max_length=250, required=False)
    ProductVariantTranslation.objects.update_or_create(product_variant=variant, language_code=language,
                                                       defaults={"name": name})
    after_catalog_change([variant.product_id])
    return variant

