"""Calls to Stripe's HTTP API (PaymentIntents, Refunds) through the stripe library. Keys from the
environment only; STRIPE_API_BASE points the library at another server (the loopback stand-in in tests)."""

from __future__ import annotations

from decimal import Decimal

import stripe
from django.conf import settings

ZERO_DECIMAL_CURRENCIES: set[str] = set()  # MAD, EUR and USD all have two decimals


def client() -> stripe.StripeClient:
    base = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, base_addresses=base, max_network_retries=1)


def to_minor(amount: Decimal, currency: str) -> int:
    return int((Decimal(amount) * 100).quantize(Decimal("1")))


def from_minor(amount: int, currency: str) -> Decimal:
    return (Decimal(amount) / 100).quantize(Decimal("0.01"))


def create_payment_intent(amount: Decimal, currency: str, *, metadata: dict[str, str],
                          idempotency_key: str) -> stripe.PaymentIntent:
    return client().v1.payment_intents.create(
        params={"amount": to_minor(amount, currency), "currency": currency.lower(), "metadata": metadata,
                "automatic_payment_methods": {"enabled": True}},
        options={"idempotency_key": idempotency_key})


def retrieve_payment_intent(intent_id: str) -> stripe.PaymentIntent:
    return client().v1.payment_intents.retrieve(intent_id)


def create_refund(intent_id: str, amount: Decimal, currency: str, *, idempotency_key: str) -> stripe.Refund:
    return client().v1.refunds.create(params={"payment_intent": intent_id, "amount": to_minor(amount, currency)},
                                      options={"idempotency_key": idempotency_key})


def construct_event(payload: bytes, signature: str) -> stripe.Event:
    """Verified with stripe's own signature check (raises stripe.SignatureVerificationError)."""
    return stripe.Webhook.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET)
