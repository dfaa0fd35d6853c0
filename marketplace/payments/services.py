"""Transactions (Saleor's Transaction API): initialize, process, refund, and Stripe's webhook news.

Every amount change is a TransactionEvent; news from Stripe carries an idempotency key (the intent's
state, the refund id), so a webhook delivered three times, or after transactionProcess, has one effect.
Stripe events are not trusted for state: the current PaymentIntent is fetched, so out-of-order
deliveries converge on the truth."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import stripe
from django.db import IntegrityError, transaction

from marketplace.checkout import selectors as checkout_selectors
from marketplace.checkout.models import Checkout
from marketplace.checkout.pricing import load_checkout_info
from marketplace.core.errors import FieldError, MutationError
from marketplace.payments import gateways, stripe_gateway
from marketplace.payments.models import StripeWebhookEvent, TransactionEvent, TransactionItem


def _event(item: TransactionItem, type_: str, amount: Decimal, *, message: str = "", key: str | None = None,
           user: Any = None) -> TransactionEvent | None:
    """Record an event once (by key); None when this news was already applied."""
    event = TransactionEvent(transaction=item, type=type_, amount=amount, currency=item.currency,
                             psp_reference=item.psp_reference, message=message[:512], idempotency_key=key,
                             created_by=user if getattr(user, "is_authenticated", False) else None)
    if key is None:  # only a key can have been recorded already: no savepoint to fall back to
        event.save(force_insert=True)
        return event
    try:
        with transaction.atomic():
            event.save(force_insert=True)
            return event
    except IntegrityError:
        return None


def initialize(checkout: Checkout, gateway_id: str, *, amount: Decimal | None = None, data: Any = None,
               idempotency_key: str | None = None) -> tuple[TransactionItem, TransactionEvent | None, dict | None]:
    info = load_checkout_info(checkout)
    gateway = gateways.gateway_for(checkout.channel, gateway_id)
    if gateway is None:
        raise MutationError([FieldError("payment_gateway", f"Payment gateway {gateway_id} is not available for "
                                        "this checkout.", "NOT_FOUND")])
    if not info.lines:
        raise MutationError([FieldError("id", "The checkout has no lines.", "INVALID")])
    if gateway.id == gateways.COD and checkout.channel.kind == checkout.channel.Kind.TOURIST and (
            checkout.shipping_method is None or checkout.shipping_method.kind != "HOTEL"):
        raise MutationError([FieldError("payment_gateway", "Tourists pay cash on delivery only for a delivery to "
                                        "their hotel or riad.", "INVALID")])
    paid = sum((t.charged_value - t.refunded_value for t in checkout_selectors.transactions(checkout)), Decimal("0"))
    amount = Decimal(amount) if amount is not None else info.total.gross - paid
    if amount <= 0:
        raise MutationError([FieldError("amount", "Nothing left to pay for this checkout.", "INVALID")])
    if idempotency_key:
        existing = checkout.transactions.filter(message=f"idempotency:{idempotency_key}").first()
        if existing:
            return existing, existing.events.last(), None
    item = TransactionItem.objects.create(checkout=checkout, gateway=gateway.id, name=gateway.name,
                                          currency=info.currency, amount=amount,
                                          message=f"idempotency:{idempotency_key}" if idempotency_key else "")
    response = None
    if gateway.id == gateways.STRIPE:
        try:
            intent = stripe_gateway.create_payment_intent(
                amount, info.currency, metadata={"transaction": str(item.token), "checkout": str(checkout.pk)},
                idempotency_key=f"maalem-{item.token}")
        except stripe.StripeError as error:
            raise MutationError([FieldError("payment_gateway", f"Stripe: {error.user_message or error}",
                                            "INVALID")]) from None
        item.psp_reference = intent.id
        item.charge_pending_value = amount
        item.save(update_fields=["psp_reference", "charge_pending_value"])
        event = _event(item, "CHARGE_ACTION_REQUIRED", amount, message="Confirm the payment with Stripe.js",
                       key=f"{intent.id}:created")
        response = {"paymentIntent": {"id": intent.id, "clientSecret": intent.client_secret,
                                      "publishableKey": dict(gateway.config).get("api_key", "")}}
    elif gateway.id == gateways.DEV:
        outcome = (data or {}).get("outcome", "success") if isinstance(data, dict) else "success"
        item.psp_reference = f"dev-{item.token}"
        if outcome == "failure":
            item.save(update_fields=["psp_reference"])
            event = _event(item, "CHARGE_FAILURE", amount, message="Declined by the development gateway")
        else:
            item.charged_value = amount
            item.save(update_fields=["psp_reference", "charged_value"])
            event = _event(item, "CHARGE_SUCCESS", amount, message="Development gateway: paid")
    else:
        label = "Cash on delivery" if gateway.id == gateways.COD else "Awaiting bank transfer"
        event = _event(item, "INFO", amount, message=f"{label}: the order is placed unpaid.")
        response = {"paidLater": True}
        if gateway.id == gateways.BANK_TRANSFER:
            from django.conf import settings

            response.update(iban=settings.BANK_IBAN, bic=settings.BANK_BIC, bankName=settings.BANK_NAME,
                            accountHolder=settings.BANK_ACCOUNT_HOLDER)
    return item, event, response


def apply_intent(item: TransactionItem, intent: Any) -> TransactionEvent | None:
    """Bring a Stripe transaction in line with the PaymentIntent's current state."""
    if hasattr(intent, "to_dict"):
        intent = intent.to_dict()
    status = intent["status"]
    amount = stripe_gateway.from_minor(intent["amount"], item.currency)
    item = TransactionItem.objects.select_for_update().get(pk=item.pk)
    if status == "succeeded":
        event = _event(item, "CHARGE_SUCCESS", amount, message="Stripe: payment succeeded",
                       key=f"{intent['id']}:succeeded")
        if event is not None:
            item.charged_value = amount
            item.charge_pending_value = Decimal("0")
            item.save(update_fields=["charged_value", "charge_pending_value", "modified_at"])
            _order_changed(item)
        return event
    if status in ("requires_payment_method", "canceled") and intent.get("last_payment_error"):
        if item.charged_value:
            return None  # a stale failure arriving after the success
        error = intent["last_payment_error"] or {}
        return _event(item, "CHARGE_FAILURE", amount, message=f"Stripe: {error.get('message', status)}",
                      key=f"{intent['id']}:failed:{error.get('code', status)}:{intent.get('created')}")
    return None


def process(item: TransactionItem) -> TransactionEvent | None:
    if item.gateway != gateways.STRIPE:
        raise MutationError([FieldError("id", "This transaction needs no processing.",
                                        "TRANSACTION_ALREADY_PROCESSED")])
    try:
        intent = stripe_gateway.retrieve_payment_intent(item.psp_reference)
    except stripe.StripeError as error:
        raise MutationError([FieldError("id", f"Stripe: {error}", "INVALID")]) from None
    return apply_intent(item, intent) or item.events.last()


def refund(item: TransactionItem, amount: Decimal | None, user: Any, *, reason: str = "") -> TransactionEvent | None:
    refundable = item.charged_value - item.refunded_value
    amount = Decimal(amount) if amount is not None else refundable
    if amount <= 0 or amount > refundable:
        raise MutationError([FieldError("amount", f"At most {refundable} {item.currency} can be refunded.", "INVALID")])
    key = None
    if item.gateway == gateways.STRIPE:
        try:
            stripe_refund = stripe_gateway.create_refund(item.psp_reference, amount, item.currency,
                                                         idempotency_key=f"maalem-refund-{item.token}-{item.events.count()}")
        except stripe.StripeError as error:
            raise MutationError([FieldError("amount", f"Stripe: {error}", "INVALID")]) from None
        key = stripe_refund.id
        amount = stripe_gateway.from_minor(stripe_refund.amount, item.currency)
    return record_refund(item, amount, key=key, user=user, reason=reason)


def record_refund(item: TransactionItem, amount: Decimal, *, key: str | None, user: Any = None,
                  reason: str = "") -> TransactionEvent | None:
    item = TransactionItem.objects.select_for_update().get(pk=item.pk)
    event = _event(item, "REFUND_SUCCESS", amount, message=f"Refunded: {reason}" if reason else "Refunded", key=key,
                   user=user)
    if event is None:
        return None
    item.refunded_value += amount
    item.save(update_fields=["refunded_value", "modified_at"])
    if item.order_id:
        from marketplace.orders.services import order_refunded

        order_refunded(item.order, amount, reference=f"refund:{event.pk}")
    return event


def _order_changed(item: TransactionItem) -> None:
    if item.order_id:
        from marketplace.orders.services import refresh_payment

        refresh_payment(item.order_id)


def handle_stripe_event(event: Any) -> str:
    """Apply a verified Stripe event once. Returns what happened (for the response body and logs)."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                StripeWebhookEvent.objects.create(event_id=event["id"], type=event["type"],
                                                  created=datetime.fromtimestamp(event["created"], tz=UTC))
        except IntegrityError:
            return "duplicate"
        obj = event["data"]["object"]
        obj = obj.to_dict() if hasattr(obj, "to_dict") else obj
        if event["type"].startswith("payment_intent."):
            intent_id = obj["id"]
        elif event["type"] in ("charge.refunded", "refund.created", "refund.updated"):
            intent_id = obj.get("payment_intent")
        else:
            return "ignored"
        item = TransactionItem.objects.filter(gateway=gateways.STRIPE, psp_reference=intent_id).first()
        if item is None:
            return "unknown payment intent"
        # Out-of-order safe: apply the intent's current state first, then any refund news.
        apply_intent(item, stripe_gateway.retrieve_payment_intent(intent_id))
        if event["type"] == "charge.refunded":
            for stripe_refund in (obj.get("refunds") or {}).get("data", []):
                record_refund(item, stripe_gateway.from_minor(stripe_refund["amount"], item.currency),
                              key=stripe_refund["id"])
        elif event["type"].startswith("refund.") and obj.get("status") == "succeeded":
            record_refund(item, stripe_gateway.from_minor(obj["amount"], item.currency), key=obj["id"])
        return "processed"
