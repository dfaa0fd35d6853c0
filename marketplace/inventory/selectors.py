"""Stock availability per channel: what a buyer can still put in a cart."""

from __future__ import annotations

from datetime import datetime

from django.db.models import IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from marketplace.channels.models import Channel
from marketplace.inventory.models import Reservation, Stock

# Saleor's cap on what `quantityAvailable` reveals.
MAX_REPORTED_QUANTITY = 50


def held_units(now: datetime | None = None, *, exclude_checkout: object = None, only_checkout: object = None,
               ) -> Coalesce:
    """Units held by unexpired reservations per stock row (a correlated subquery on OuterRef("pk")): of
    every checkout, of all but `exclude_checkout`, or of `only_checkout` alone.

    Never use it inside a locking statement to decide a write: it would read the snapshot taken before the
    lock wait (inventory/services.py counts in a statement of its own)."""
    reservations = Reservation.objects.filter(stock_id=OuterRef("pk"), reserved_until__gt=now or timezone.now())
    if only_checkout is not None:
        reservations = reservations.filter(checkout_line__checkout_id=only_checkout)
    elif exclude_checkout is not None:
        reservations = reservations.filter(~Q(checkout_line__checkout_id=exclude_checkout))
    held = reservations.order_by().values("stock_id").annotate(total=Sum("quantity_reserved")).values("total")
    return Coalesce(Subquery(held, output_field=IntegerField()), Value(0))


def free_quantities(variant_ids: list[int], channel: Channel, exclude_checkout_token: object = None) -> dict[int, int]:
    """Units free to sell per variant in the warehouses serving `channel`: stock minus allocations minus
    unexpired reservations of other checkouts."""
    rows = (
        Stock.objects.filter(product_variant_id__in=variant_ids, warehouse__channels=channel)
        .annotate(held=held_units(exclude_checkout=exclude_checkout_token))
        .values("product_variant_id", "quantity", "quantity_allocated", "held")
    )
    free: dict[int, int] = {}
    for row in rows:
        units = max(0, row["quantity"] - row["quantity_allocated"] - row["held"])
        free[row["product_variant_id"]] = free.get(row["product_variant_id"], 0) + units
    return free


def available_quantities(variant_ids: list[int], channel: Channel) -> dict[int, int]:
    """What `quantityAvailable` reports: free units, capped as Saleor does."""
    return {vid: min(MAX_REPORTED_QUANTITY, units) for vid, units in free_quantities(variant_ids, channel).items()}

