"""Stock availability per channel: what a buyer can still put in a cart."""

from __future__ import annotations

from django.db.models import F, Sum

from marketplace.channels.models import Channel
from marketplace.inventory.models import Stock

# Saleor's cap on what `quantityAvailable` reveals.
MAX_REPORTED_QUANTITY = 50


def available_quantities(variant_ids: list[int], channel: Channel) -> dict[int, int]:
    """Units free to sell per variant in the warehouses serving `channel` (stock minus allocations)."""
    rows = (
        Stock.objects.filter(product_variant_id__in=variant_ids, warehouse__channels=channel)
        .values("product_variant_id")
        .annotate(free=Sum(F("quantity") - F("quantity_allocated")))
    )
    return {row["product_variant_id"]: max(0, min(MAX_REPORTED_QUANTITY, row["free"])) for row in rows}
