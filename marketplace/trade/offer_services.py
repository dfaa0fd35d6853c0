"""What an artisan offers to trade buyers, from the atelier: its minimums, which products are offered in
the trade channels (their wholesale prices then follow the trade rule from the MAD price), and per variant
the pack size, the made-to-order capacity and lead time, and a wholesale price set by hand (an override,
like an export price) or back to the rule. Members act for their own artisan; curators and admins for any."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from marketplace.catalog.access import product_for_write, variant_for_write
from marketplace.catalog.listing_services import follow_price_rule, mad_price, update_variant_channel_listings
from marketplace.catalog.models import ProductChannelListing, ProductVariantChannelListing
from marketplace.catalog.services import after_catalog_change, set_variant_prices_from_mad
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.permissions import require_artisan_access
from marketplace.trade.models import ArtisanTradeTerms, VariantTradeTerms
from marketplace.trade.setup import trade_channels

MAX_MINIMUM = Decimal("100000")
LIMITS = {"pack_size": (1, 1000), "lead_time_weeks": (0, 104), "made_to_order_capacity": (0, 100000)}
FIELD_NAMES = {"pack_size": "packSize", "lead_time_weeks": "leadTimeWeeks",
               "made_to_order_capacity": "madeToOrderCapacity"}


def _amount(value: Any, field: str) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        amount = Decimal(-1)
    if not amount.is_finite() or amount < 0 or amount > MAX_MINIMUM:
        raise MutationError([FieldError(field, f"An amount from 0 to {MAX_MINIMUM} euros is expected.", "INVALID")])
    return amount.quantize(Decimal("0.01"))


@transaction.atomic
def update_artisan_terms(user: Any, artisan_pk: int, *, first_order_minimum: Any = None,
                         reorder_minimum: Any = None) -> ArtisanTradeTerms:
    require_artisan_access(user, artisan_pk)
    terms, _ = ArtisanTradeTerms.objects.select_for_update().get_or_create(artisan_id=artisan_pk)
    if first_order_minimum is not None:
        terms.first_order_minimum = _amount(first_order_minimum, "firstOrderMinimum")
    if reorder_minimum is not None:
        terms.reorder_minimum = _amount(reorder_minimum, "reorderMinimum")
    terms.save()
    return terms


@transaction.atomic
def set_product_offer(user: Any, product_pk: int, offered: bool) -> Any:
    """Offer a product in every trade channel (published; each variant's wholesale price follows the rule
    from its MAD price), or withdraw it from them."""
    product = product_for_write(user, product_pk, "productId")
    channels = trade_channels()
    if not offered:
        ProductChannelListing.objects.filter(product=product, channel__in=channels).delete()
        ProductVariantChannelListing.objects.filter(variant__product=product, channel__in=channels).delete()
        after_catalog_change([product.pk])
        return product
    variants = list(product.variants.all())
    mad = {v.pk: mad_price(v.pk) for v in variants}
    if not variants or any(amount is None for amount in mad.values()):
        raise MutationError([FieldError("productId", "Set the MAD price of every variant first: wholesale prices "
                                        "derive from it.", "INVALID_PRICE")])
    now = timezone.now()
    for channel in channels:
        ProductChannelListing.objects.update_or_create(product=product, channel=channel, defaults={
            "is_published": True, "published_at": now, "visible_in_listings": True,
            "available_for_purchase_at": now, "currency": channel.currency_code})
    set_variant_prices_from_mad(mad.keys(), mad, channels)
    warehouse = getattr(product.artisan, "warehouse", None)
    if warehouse is not None:
        warehouse.channels.add(*channels)
    after_catalog_change([product.pk])
    return product


@transaction.atomic
def update_variant_terms(user: Any, variant_pk: int, data: dict[str, Any]) -> VariantTradeTerms:
    """Pack size, capacity and lead time; `wholesale_prices`: [{channel: slug, price: amount or None}], None
    giving the price back to the rule."""
    variant = variant_for_write(user, variant_pk, "variantId")
    terms, _ = VariantTradeTerms.objects.select_for_update().get_or_create(variant=variant)
    for name, (low, high) in LIMITS.items():
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, int) or not low <= value <= high:
            raise MutationError([FieldError(FIELD_NAMES[name], f"A whole number from {low} to {high} is expected.",
                                            "INVALID")])
        setattr(terms, name, value)
    if terms.made_to_order_capacity and not terms.lead_time_weeks:
        raise MutationError([FieldError("leadTimeWeeks", "Say in how many weeks the units beyond stock are made.",
                                        "REQUIRED")])
    terms.save()
    channels = {c.slug: c for c in trade_channels()}
    for item in data.get("wholesale_prices") or []:
        channel = channels.get(item.get("channel") or "")
        if channel is None:
            raise MutationError([FieldError("wholesalePrices", f"{item.get('channel')!r} is not a trade channel.",
                                            "NOT_FOUND")])
        if item.get("price") is None:
            follow_price_rule(user, variant.pk, channel.pk)
        else:
            update_variant_channel_listings(user, variant.pk, [{"channel_id": channel.pk, "price": item["price"]}])
    return terms
