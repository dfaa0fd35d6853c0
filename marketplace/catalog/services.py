"""Catalog writes and the rules they keep: derived prices, the listing's lowest price, the search index, rich text."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Min

from marketplace.catalog.models import ProductChannelListing, ProductVariantChannelListing
from marketplace.catalog.search import update_search_index
from marketplace.catalog.sql import bulk_set
from marketplace.channels.models import Channel
from marketplace.channels.services import derive_price
from marketplace.core.cache import bump_catalog_version
from marketplace.core.errors import FieldError, MutationError


def editorjs(text: str) -> dict:
    """Saleor stores rich text as EditorJS blocks: one paragraph per line of `text`."""
    return {"blocks": [{"type": "paragraph", "data": {"text": line}} for line in text.splitlines() if line.strip()],
            "version": "2.24.3"}


def plaintext(description: Any) -> str:
    if isinstance(description, dict):
        return "\n".join(str(b.get("data", {}).get("text", "")) for b in description.get("blocks", []))
    return ""


def parse_description(value: Any) -> dict | None:
    """Saleor's JSONString of EditorJS blocks; a plain string becomes paragraphs."""
    if value is None or isinstance(value, dict):
        return value
    if isinstance(value, str):
        return editorjs(value)
    raise MutationError([FieldError("description", "Expected EditorJS JSON.", "INVALID")])


def set_variant_prices_from_mad(variant_ids: Iterable[int], mad_prices: dict[int, Decimal],
                                channels: list[Channel]) -> None:
    """Write each channel's price from the MAD price, leaving prices set by hand (overridden) alone."""
    existing = {(row.variant_id, row.channel_id): row for row in
                ProductVariantChannelListing.objects.filter(variant_id__in=list(variant_ids), channel__in=channels)}
    creates, updates = [], []
    for variant_id, amount in mad_prices.items():
        for channel in channels:
            price = derive_price(amount, channel)
            row = existing.get((variant_id, channel.pk))
            if row is None:
                creates.append(ProductVariantChannelListing(
                    variant_id=variant_id, channel=channel, currency=channel.currency_code, price_amount=price,
                    price_overridden=channel.currency_code == "MAD"))
            elif not row.price_overridden or channel.currency_code == "MAD":
                row.price_amount = price
                updates.append(row)
    ProductVariantChannelListing.objects.bulk_create(creates)
    ProductVariantChannelListing.objects.bulk_update(updates, ["price_amount"])


def refresh_listing_prices(product_ids: Iterable[int]) -> None:
    """Keep ProductChannelListing.discounted_price_amount (lowest variant price) for sorting and filters."""
    ids = list(product_ids)
    lowest = {
        (row["variant__product_id"], row["channel_id"]): row["low"]
        for row in ProductVariantChannelListing.objects.filter(variant__product_id__in=ids, price_amount__isnull=False)
        .values("variant__product_id", "channel_id").annotate(low=Min("price_amount"))
    }
    listings = list(ProductChannelListing.objects.filter(product_id__in=ids).only("pk", "product_id", "channel_id"))
    bulk_set("catalog_productchannellisting", "discounted_price_amount", [row.pk for row in listings],
             [lowest.get((row.product_id, row.channel_id)) for row in listings], "numeric")


def after_catalog_change(product_ids: Iterable[int], *, prices: bool = True) -> None:
    """Derived data to refresh once a write touched these products; runs when the transaction commits.
    `prices=False`: the write changed no price (translations), or kept the listings' lowest prices itself."""
    ids = list(product_ids)

    def refresh() -> None:
        if prices:
            refresh_listing_prices(ids)
        update_search_index(ids)
        bump_catalog_version()

    transaction.on_commit(refresh)
