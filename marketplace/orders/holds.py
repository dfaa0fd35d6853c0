"""Orders paid by bank transfer hold their pieces while the transfer travels, for BANK_TRANSFER_HOLD_DAYS.

A transfer takes days to arrive, and an export buyer's order takes a unique piece off sale at once (its
stock is allocated at checkoutComplete). The piece is held, not sold: the storefront shows it as awaiting
payment until the deadline (inventory/selectors.py: stock_holds). When the deadline passes with nothing
received, Celery beat's `orders.release_unpaid_bank_transfers` cancels the order, puts its pieces back on
sale (inventory/services.py: deallocate) and tells the buyer and the artisans by e-mail. An order partly
paid is left to the back office (a refund is a person's decision). A transfer that comes after the
release can no longer be recorded on the canceled order (orderMarkAsPaid refuses it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from marketplace.channels.models import Channel
from marketplace.inventory import services as inventory
from marketplace.orders.models import Order, OrderEvent

RELEASE_REASON = "BANK_TRANSFER_NOT_RECEIVED"


def release_unpaid_bank_transfers(notify: Callable[[int], Any], now: datetime | None = None) -> list[int]:
    """Cancel the orders whose transfer has not come by their deadline; their numbers. Each order in its own
    transaction, its row locked first (the lock order of inventory/services.py), and checked again under
    the lock: a payment recorded meanwhile keeps the order. `notify(order_id)` runs once each cancellation
    has committed (the task passes the e-mail task: this module never imports tasks.py)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.BANK_TRANSFER_HOLD_DAYS)
    # Trade orders (wholesale) follow their own terms, a deposit before production: not this hold.
    due = list(Order.objects.filter(payment_method=Order.Payment.BANK_TRANSFER, created__lte=cutoff, total_charged=0)
               .exclude(status=Order.Status.CANCELED).exclude(channel__kind=Channel.Kind.TRADE)
               .order_by("pk").values_list("pk", flat=True))
    released = []
    for order_id in due:
        with transaction.atomic():
            order = Order.objects.select_for_update().get(pk=order_id)
            if order.status == Order.Status.CANCELED or order.total_charged > 0 or order.created > cutoff:
                continue
            if order.fulfillments.exclude(stage="PENDING").exists():
                continue  # an artisan already packed it: the back office decides
            cancel(order, reason=RELEASE_REASON)
            transaction.on_commit(lambda pk=order.pk: notify(pk))
        released.append(order.number)
    return released


def cancel(order: Order, *, reason: str, user: object = None) -> Order:
    """Cancel a locked order that is not shipped: its units go back on sale, an event records why."""
    inventory.deallocate(order.lines.values_list("pk", flat=True))
    order.status = Order.Status.CANCELED
    order.save(update_fields=["status", "updated_at"])
    OrderEvent.objects.create(order=order, type="CANCELED", user=user if getattr(user, "is_authenticated", False)
                              else None, parameters={"reason": reason})
    return order
