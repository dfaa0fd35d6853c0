"""Saleor's Transaction API: a TransactionItem per payment attempt (on a checkout, then its order),
with the events that moved its amounts. Stripe webhook events are recorded to process each once."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models

ZERO = Decimal("0")


class TransactionItem(models.Model):
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)
    checkout = models.ForeignKey("checkout.Checkout", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="transactions")
    order = models.ForeignKey("orders.Order", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="transactions")
    gateway = models.CharField(max_length=64)  # a PaymentGateway id, e.g. "maalem.payments.stripe"
    name = models.CharField(max_length=255, blank=True)
    message = models.CharField(max_length=512, blank=True)
    psp_reference = models.CharField(max_length=255, blank=True, db_index=True)
    currency = models.CharField(max_length=3)
    amount = models.DecimalField(max_digits=12, decimal_places=2)  # what the transaction is for
    authorized_value = models.DecimalField(max_digits=12, decimal_places=2, default=ZERO)
    charged_value = models.DecimalField(max_digits=12, decimal_places=2, default=ZERO)
    refunded_value = models.DecimalField(max_digits=12, decimal_places=2, default=ZERO)
    charge_pending_value = models.DecimalField(max_digits=12, decimal_places=2, default=ZERO)
    canceled_value = models.DecimalField(max_digits=12, decimal_places=2, default=ZERO)

    class Meta:
        ordering = ["created_at", "pk"]


class TransactionEvent(models.Model):
    transaction = models.ForeignKey(TransactionItem, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)
    type = models.CharField(max_length=64)
    amount = models.DecimalField(max_digits=12, decimal_places=2, default=ZERO)
    currency = models.CharField(max_length=3)
    psp_reference = models.CharField(max_length=255, blank=True)
    message = models.CharField(max_length=512, blank=True)
    # Set for events that come from the PSP (a PaymentIntent state, a Stripe event id): unique, so the
    # same news applied twice (webhook retried, transactionProcess after the webhook) has one effect.
    idempotency_key = models.CharField(max_length=255, null=True, blank=True, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]


class StripeWebhookEvent(models.Model):
    """Every Stripe event id received, processed once."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=128)
    created = models.DateTimeField()  # Stripe's event time (ordering)
    received_at = models.DateTimeField(auto_now_add=True)
