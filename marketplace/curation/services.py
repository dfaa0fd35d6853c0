"""Curators' writes: the channels' price rule (collections are the catalog's: catalog/collection_services.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from marketplace.catalog.models import (
    ProductVariantChannelListing,
)
from marketplace.catalog.services import after_catalog_change
from marketplace.channels.models import Channel
from marketplace.channels.services import derive_price
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.permissions import require_curator


def update_price_rule(user: Any, channel_pk: int, rate: Decimal | None, margin: Decimal | None,
                      rounding: Decimal | None) -> tuple[Channel, int]:
    """The ministry's market rule; every price that follows the rule (not overridden) is derived again.
    Returns the channel and how many prices changed."""
    require_curator(user)
    channel = Channel.objects.filter(pk=channel_pk).first()
    if channel is None:
        raise MutationError([FieldError("channel", "Couldn't resolve to a channel.", "NOT_FOUND")])
    if channel.currency_code == "MAD":
        raise MutationError([FieldError("channel", "MAD channels take the artisan's price as it is.", "INVALID")])
    for name, value, low in (("rate", rate, Decimal("0.000001")), ("margin", margin, Decimal("0")),
                             ("rounding", rounding, Decimal("0.01"))):
        if value is not None and value < low:
            raise MutationError([FieldError(name, f"{name} must be at least {low}.", "INVALID")])
    channel.price_rate = rate if rate is not None else channel.price_rate
    channel.price_margin = margin if margin is not None else channel.price_margin
    channel.price_rounding = rounding if rounding is not None else channel.price_rounding
    channel.save()
    return channel, rederive_channel_prices(channel)


def rederive_channel_prices(channel: Channel) -> int:
    rows = list(ProductVariantChannelListing.objects.filter(channel=channel, price_overridden=False))
    mad = dict(ProductVariantChannelListing.objects.filter(
        variant_id__in=[r.variant_id for r in rows], currency="MAD", price_amount__isnull=False)
        .order_by("-channel__sort_order").values_list("variant_id", "price_amount"))
    changed = []
    for row in rows:
        if row.variant_id in mad:
            price = derive_price(mad[row.variant_id], channel)
            if price != row.price_amount:
                # The ministry's rule changed the price: it is the approved baseline members are measured against.
                row.price_amount = row.approved_price_amount = price
                changed.append(row)
    ProductVariantChannelListing.objects.bulk_update(changed, ["price_amount", "approved_price_amount"],
                                                     batch_size=2000)
    after_catalog_change(list(ProductVariantChannelListing.objects.filter(pk__in=[r.pk for r in changed])
                              .values_list("variant__product_id", flat=True).distinct()))
    return len(changed)
