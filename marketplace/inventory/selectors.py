"""Stock availability per channel: what a buyer can still put in a cart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import IntegerField, Min, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from marketplace.channels.models import Channel
from marketplace.core.prepared import INT_ARG, INTS_ARG, TIME_ARG, PreparedQuery
from marketplace.inventory.models import Allocation, Reservation, Stock

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


def free_quantities(variant_ids: list[int], channel: Channel) -> dict[int, int]:
    """Units free to sell per variant in the warehouses serving `channel`: stock minus allocations minus
    unexpired reservations."""
    free: dict[int, int] = {}
    for variant_id, quantity, allocated, held in _FREE.rows(list(variant_ids), channel.pk, timezone.now()):
        free[variant_id] = free.get(variant_id, 0) + max(0, quantity - allocated - held)
    return free


# A product page and each checkout call ask it: compiled once (core/prepared.py), since building the annotated
# statement through the ORM cost more CPU than PostgreSQL's answer.
_FREE = PreparedQuery(Stock, lambda ids, channel_id, now: (
    Stock.objects.filter(product_variant_id__in=ids, warehouse__channels=channel_id)
    .annotate(held=held_units(now)).values_list("product_variant_id", "quantity", "quantity_allocated", "held")),
    INTS_ARG, INT_ARG, TIME_ARG)


def available_quantities(variant_ids: list[int], channel: Channel) -> dict[int, int]:
    """What `quantityAvailable` reports: free units, capped as Saleor does."""
    return {vid: min(MAX_REPORTED_QUANTITY, units) for vid, units in free_quantities(variant_ids, channel).items()}


@dataclass(frozen=True)
class StockHold:
    """No unit of a variant can be bought now, yet some are only held, not sold: in other buyers'
    checkouts (CHECKOUT) or by an order awaiting its bank transfer (AWAITING_PAYMENT); `until` is when the
    first of those holds ends at the latest (the unit may then be free again)."""

    reason: str
    until: datetime


def stock_holds(variant_ids: list[int], channel: Channel, now: datetime | None = None) -> dict[int, StockHold]:
    """StockHold per variant that has no free unit in `channel`'s warehouses because of holds (none for a
    variant with a free unit, or whose units are all sold for good). At most three queries."""
    from django.conf import settings

    now = now or timezone.now()
    free = free_quantities(variant_ids, channel)
    blocked = [vid for vid in variant_ids if not free.get(vid)]
    if not blocked:
        return {}
    holds: dict[int, StockHold] = {}
    in_checkouts = (Reservation.objects.filter(stock__product_variant_id__in=blocked,
                                               stock__warehouse__channels=channel,
                                               reserved_until__gt=now)
                    .values("stock__product_variant_id").annotate(until=Min("reserved_until")))
    for row in in_checkouts:
        holds[row["stock__product_variant_id"]] = StockHold("CHECKOUT", row["until"])
    awaiting = (Allocation.objects.filter(stock__product_variant_id__in=blocked, stock__warehouse__channels=channel,
                                          order_line__order__payment_method="BANK_TRANSFER",
                                          order_line__order__total_charged=0)
                .exclude(order_line__order__status="CANCELED")
                .exclude(order_line__order__channel__kind=Channel.Kind.TRADE)  # no release date: sold, not held
                .values("stock__product_variant_id").annotate(placed=Min("order_line__order__created")))
    for row in awaiting:
        until = row["placed"] + timedelta(days=settings.BANK_TRANSFER_HOLD_DAYS)
        current = holds.get(row["stock__product_variant_id"])
        if current is None or until < current.until:
            holds[row["stock__product_variant_id"]] = StockHold("AWAITING_PAYMENT", until)
    return holds

