"""Checkout reads an answer needs besides its prices (checkout/pricing.py): its transactions and when its
stock holds expire. Statements compiled once (core/prepared.py); rows read for each call."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings

from marketplace.checkout.models import Checkout
from marketplace.checkout.pricing import load_checkout_info
from marketplace.core.prepared import UUID_ARG, PreparedQuery
from marketplace.inventory.models import Reservation
from marketplace.payments.models import TransactionItem

_TRANSACTIONS = PreparedQuery(TransactionItem, lambda token: TransactionItem.objects.filter(checkout_id=token),
                              UUID_ARG)
# The earliest hold (MIN(reserved_until): the first in ascending order, a NOT NULL column).
_FIRST_HOLD = PreparedQuery(Reservation, lambda token: Reservation.objects.filter(checkout_line__checkout_id=token)
                            .order_by("reserved_until").values_list("reserved_until")[:1], UUID_ARG)


def transactions(checkout: Checkout) -> list[TransactionItem]:
    """The checkout's transactions, oldest first (created_at, pk)."""
    if getattr(checkout, "_created_here", False):  # checkoutCreate's answer: none can exist yet
        return []
    return _TRANSACTIONS(checkout.pk)


def reservation_expires(checkout: Checkout) -> datetime:
    """When the checkout's first stock hold expires; with no hold, its last change plus the hold time."""
    info = load_checkout_info(checkout)
    if info.holds_changed:  # read again: this request replaced them after reading the lines
        rows = _FIRST_HOLD.rows(checkout.pk)
        first = rows[0][0] if rows else None
    else:
        first = info.first_hold
    return first or checkout.updated_at + timedelta(seconds=settings.CHECKOUT_RESERVATION_SECONDS)
