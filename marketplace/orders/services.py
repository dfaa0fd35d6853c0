"""Order writes after placement: payment state, staff marking paid, refunds, artisans' fulfilments."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Sum

from marketplace.core.errors import FieldError, MutationError, PermissionDenied
from marketplace.core.permissions import (
    has_staff_permission,
    member_artisan_ids,
    require_authenticated,
    require_staff_permission,
)
from marketplace.orders.models import Fulfillment, Order, OrderEvent
from marketplace.orders.tasks import send_order_confirmation_task, send_order_shipped_task

STAGE_ORDER = [Fulfillment.Stage.PENDING, Fulfillment.Stage.PACKED, Fulfillment.Stage.SHIPPED,
               Fulfillment.Stage.DELIVERED]
SHIPPED_STAGES = {Fulfillment.Stage.SHIPPED, Fulfillment.Stage.DELIVERED}
CREDIT_TERMS_KEY = "creditTerms"


def after_order_placed(order: Order, *, commission_rate: Decimal | None = None) -> None:
    """A paid order's lines enter the payout ledger (at `commission_rate` when the sale's source sets one,
    a fair's; else each artisan's); the buyer gets a confirmation when there is an address to send it to."""
    if order.total_charged >= order.total_gross:
        from marketplace.payouts.services import record_sales

        record_sales(order, commission_rate=commission_rate)
    if order.user_email:
        transaction.on_commit(lambda: send_order_confirmation_task.delay(order.pk))


def refresh_payment(order_id: int) -> Order:
    """Recompute what was charged from the transactions; the first time it covers the total, the
    artisans' shares enter the payout ledger."""
    from marketplace.payments.models import TransactionItem
    from marketplace.payouts.services import record_sales

    order = Order.objects.select_for_update().get(pk=order_id)
    charged = TransactionItem.objects.filter(order=order).aggregate(total=Sum("charged_value"))["total"] or Decimal("0")
    was_paid = order.total_charged >= order.total_gross
    order.total_charged = charged
    order.save(update_fields=["total_charged", "updated_at"])
    if charged >= order.total_gross and not was_paid:
        OrderEvent.objects.create(order=order, type="ORDER_FULLY_PAID", parameters={"amount": str(charged)})
        record_sales(order)
    return order


def mark_as_paid(order: Order, user: Any, reference: str = "") -> Order:
    """Staff record cash collected on delivery or a bank transfer received."""
    from marketplace.payments import gateways
    from marketplace.payments.models import TransactionEvent, TransactionItem

    require_staff_permission(user, "manage_orders")
    order = Order.objects.select_for_update().get(pk=order.pk)  # against the release of an overdue transfer
    if order.status == Order.Status.CANCELED:
        raise MutationError([FieldError("id", "The order is canceled: its pieces went back on sale. Refund the "
                                        "payment, or place a new order if they are still free.", "NOT_EDITABLE")])
    if order.total_charged >= order.total_gross:
        raise MutationError([FieldError("id", "Order already paid.", "PAYMENT_ERROR")])
    balance = order.total_gross - order.total_charged
    gateway = {"COD": gateways.COD, "BANK_TRANSFER": gateways.BANK_TRANSFER}.get(order.payment_method, gateways.COD)
    item = TransactionItem.objects.filter(order=order, gateway=gateway).first() or TransactionItem.objects.create(
        order=order, gateway=gateway, name="Manual", currency=order.currency, amount=balance)
    item.charged_value += balance
    item.psp_reference = reference or item.psp_reference
    item.save(update_fields=["charged_value", "psp_reference", "modified_at"])
    TransactionEvent.objects.create(transaction=item, type="CHARGE_SUCCESS", amount=balance, currency=order.currency,
                                    psp_reference=reference, message="Marked as paid by staff", created_by=user)
    OrderEvent.objects.create(order=order, type="ORDER_MARKED_AS_PAID", user=user,
                              parameters={"transaction_reference": reference})
    return refresh_payment(order.pk)


def order_refunded(order: Order, amount: Decimal, *, reference: str) -> None:
    from marketplace.payouts.services import record_refund

    order = Order.objects.select_for_update().get(pk=order.pk)
    order.total_refunded += amount
    order.save(update_fields=["total_refunded", "updated_at"])
    OrderEvent.objects.create(order=order, type="PAYMENT_REFUNDED", parameters={"amount": str(amount)})
    record_refund(order, amount, reference=reference)


def require_fulfillment_access(user: Any, fulfillment: Fulfillment) -> None:
    """A member of the fulfilment's artisan, or staff who manage orders."""
    require_authenticated(user)
    if has_staff_permission(user, "manage_orders"):
        return
    if fulfillment.artisan_id not in member_artisan_ids(user):
        raise PermissionDenied("You can only fulfil your own artisan's lines.")


def handed_over_in_person(order: Order) -> bool:
    """Workshop or Expo pickup, and hotel or riad delivery by the artisan: no carrier, no tracking number."""
    from marketplace.shipping.models import ShippingMethod

    if order.collection_point_id:
        return True
    return bool(order.shipping_method_id) and order.shipping_method.kind == ShippingMethod.Kind.HOTEL


def update_fulfillment(fulfillment: Fulfillment, user: Any, *, stage: str | None, tracking_number: str | None,
                       notify_customer: bool = True, note: str | None = None) -> Fulfillment:
    """Move an artisan's part forward. A carrier's parcel needs its tracking number to leave; what is handed
    over in person (workshop pickup, hotel delivery) may go straight to DELIVERED with an optional note, and
    needs no tracking number."""
    require_fulfillment_access(user, fulfillment)
    fulfillment = Fulfillment.objects.select_for_update(of=("self",)).select_related(
        "order", "order__shipping_method", "artisan").get(pk=fulfillment.pk)
    order = fulfillment.order
    in_person = handed_over_in_person(order)
    if order.status == Order.Status.CANCELED:
        raise MutationError([FieldError("id", "The order is canceled.", "NOT_EDITABLE")])
    if stage and STAGE_ORDER.index(stage) < STAGE_ORDER.index(fulfillment.stage):
        raise MutationError([FieldError("stage", f"Already {fulfillment.stage.lower()}.", "INVALID")])
    if stage in SHIPPED_STAGES and paid_before_shipping(order) and order.total_charged < order.total_gross:
        raise MutationError([FieldError("stage", "Cannot ship an unpaid order.", "CANNOT_FULFILL_UNPAID_ORDER")])
    newly_shipped = stage in SHIPPED_STAGES and fulfillment.stage not in SHIPPED_STAGES
    if newly_shipped and not in_person and order.shipping_method_id \
            and not (tracking_number or fulfillment.tracking_number):
        raise MutationError([FieldError("tracking_number", "A tracking number is required to ship.", "REQUIRED")])
    if note is not None and len(note.strip()) > 500:
        raise MutationError([FieldError("note", "At most 500 characters.", "INVALID")])
    if stage:
        fulfillment.stage = stage
    if tracking_number is not None:
        fulfillment.tracking_number = tracking_number.strip()
    if note is not None:
        fulfillment.handover_note = note.strip()
    fulfillment.save()
    OrderEvent.objects.create(order=order, type="TRACKING_UPDATED" if not stage else "FULFILLMENT_FULFILLED_ITEMS",
                              user=user, parameters={"artisan": fulfillment.artisan.name, "stage": fulfillment.stage,
                                                     "tracking_number": fulfillment.tracking_number,
                                                     "note": fulfillment.handover_note})
    recompute_status(order)
    if newly_shipped and notify_customer:
        args = (order.pk, fulfillment.artisan.name, fulfillment.tracking_number, in_person)
        transaction.on_commit(lambda: send_order_shipped_task.delay(*args))
    return fulfillment


def paid_before_shipping(order: Order) -> bool:
    """Prepaid orders (card, bank transfer) ship once paid; cash on delivery is paid on delivery, and an
    order on credit terms (a trusted trade account's net 30: private metadata `creditTerms`, written by
    marketplace/trade) is paid by its due date after shipping."""
    if order.private_metadata.get(CREDIT_TERMS_KEY):
        return False
    return order.payment_method in ("STRIPE", "BANK_TRANSFER", "DEV")


def recompute_status(order: Order) -> None:
    """The order's status follows from its fulfilments."""
    if order.status == Order.Status.CANCELED:
        return
    stages = list(order.fulfillments.values_list("stage", flat=True))
    shipped = sum(1 for s in stages if s in SHIPPED_STAGES)
    status = (Order.Status.FULFILLED if stages and shipped == len(stages)
              else Order.Status.PARTIALLY_FULFILLED if shipped else Order.Status.UNFULFILLED)
    if status != order.status:
        order.status = status
        order.save(update_fields=["status", "updated_at"])
