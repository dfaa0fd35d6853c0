"""A buyer's checkout: lines, e-mail, addresses, delivery method. Prices are never stored here: they
are always computed from the channel listings (checkout/pricing.py)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from marketplace.core.models import LANGUAGE_CHOICES, ModelWithMetadata


class Checkout(ModelWithMetadata):
    token = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    channel = models.ForeignKey("channels.Channel", on_delete=models.PROTECT, related_name="checkouts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="checkouts")
    email = models.EmailField(blank=True)
    language_code = models.CharField(max_length=8, choices=LANGUAGE_CHOICES, default="fr")
    shipping_address = models.ForeignKey("accounts.Address", null=True, blank=True, on_delete=models.SET_NULL,
                                         related_name="+")
    billing_address = models.ForeignKey("accounts.Address", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="+")
    shipping_method = models.ForeignKey("shipping.ShippingMethod", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="+")
    collection_point = models.ForeignKey("inventory.Warehouse", null=True, blank=True, on_delete=models.SET_NULL,
                                         related_name="+")
    customer_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created"]


class CheckoutLine(ModelWithMetadata):
    checkout = models.ForeignKey(Checkout, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey("catalog.ProductVariant", on_delete=models.CASCADE, related_name="+")
    quantity = models.PositiveIntegerField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
