"""Orders: a snapshot of what was bought, at which price, by whom, delivered how; one fulfilment per
artisan; history events."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models

from marketplace.core.models import LANGUAGE_CHOICES, ModelWithMetadata

ZERO = Decimal("0")


class Order(ModelWithMetadata):
    class Status(models.TextChoices):
        UNCONFIRMED = "UNCONFIRMED"
        UNFULFILLED = "UNFULFILLED"
        PARTIALLY_FULFILLED = "PARTIALLY_FULFILLED"
        FULFILLED = "FULFILLED"
        CANCELED = "CANCELED"

    class Payment(models.TextChoices):
        COD = "COD", "Cash on delivery"
        BANK_TRANSFER = "BANK_TRANSFER", "Bank transfer"
        STRIPE = "STRIPE", "Card (Stripe)"
        DEV = "DEV", "Development gateway"
        STAND_CASH = "STAND_CASH", "Cash on a fair stand"
        STAND_CARD = "STAND_CARD", "Card on a fair stand's terminal"

    number = models.PositiveIntegerField(unique=True)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    checkout_token = models.UUIDField(unique=True, null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    status = models.CharField(max_length=32, choices=Status.choices, default=Status.UNFULFILLED)
    channel = models.ForeignKey("channels.Channel", on_delete=models.PROTECT, related_name="orders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="orders")
    user_email = models.EmailField()
    language_code = models.CharField(max_length=8, choices=LANGUAGE_CHOICES, default="fr")
    billing_address = models.ForeignKey("accounts.Address", null=True, on_delete=models.PROTECT, related_name="+")
    shipping_address = models.ForeignKey("accounts.Address", null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="+")
    shipping_method = models.ForeignKey("shipping.ShippingMethod", null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="+")
    shipping_method_name = models.CharField(max_length=255, blank=True)
    collection_point = models.ForeignKey("inventory.Warehouse", null=True, blank=True, on_delete=models.SET_NULL,
                                         related_name="+")
    collection_point_name = models.CharField(max_length=255, blank=True)
    customer_note = models.TextField(blank=True)
    payment_method = models.CharField(max_length=16, choices=Payment.choices)
    currency = models.CharField(max_length=3)
    vat_rate = models.DecimalField(max_digits=5, decimal_places=4, default=ZERO)
    subtotal_gross = models.DecimalField(max_digits=12, decimal_places=2)
    subtotal_net = models.DecimalField(max_digits=12, decimal_places=2)
    shipping_gross = models.DecimalField(max_digits=12, decimal_places=2, default=ZERO)
    shipping_net = models.DecimalField(max_digits=12, decimal_places=2, default=ZERO)
    total_gross = models.DecimalField(max_digits=12, decimal_places=2)
    total_net = models.DecimalField(max_digits=12, decimal_places=2)
    total_charged = models.DecimalField(max_digits=12, decimal_places=2, default=ZERO)
    total_refunded = models.DecimalField(max_digits=12, decimal_places=2, default=ZERO)
    weight_kg = models.DecimalField(max_digits=10, decimal_places=3, default=ZERO)

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"#{self.number}"


class Fulfillment(models.Model):
    """One artisan's part of an order: packed, shipped (with a tracking number), delivered. Workshop pickup
    and hotel delivery are handed over in person: straight to DELIVERED, with an optional note, no tracking."""

    class Stage(models.TextChoices):
        PENDING = "PENDING"
        PACKED = "PACKED"
        SHIPPED = "SHIPPED"
        DELIVERED = "DELIVERED"

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="fulfillments")
    artisan = models.ForeignKey("artisans.Artisan", on_delete=models.PROTECT, related_name="fulfillments")
    fulfillment_order = models.PositiveSmallIntegerField()
    stage = models.CharField(max_length=16, choices=Stage.choices, default=Stage.PENDING)
    tracking_number = models.CharField(max_length=255, blank=True)
    handover_note = models.CharField(max_length=500, blank=True)
    warehouse = models.ForeignKey("inventory.Warehouse", null=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order_id", "fulfillment_order"]
        unique_together = [("order", "artisan")]


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    fulfillment = models.ForeignKey(Fulfillment, on_delete=models.CASCADE, related_name="lines")
    artisan = models.ForeignKey("artisans.Artisan", on_delete=models.PROTECT, related_name="order_lines")
    variant = models.ForeignKey("catalog.ProductVariant", null=True, on_delete=models.SET_NULL, related_name="+")
    product_name = models.CharField(max_length=386)
    variant_name = models.CharField(max_length=255, blank=True)
    product_sku = models.CharField(max_length=255, blank=True)
    quantity = models.PositiveIntegerField()
    currency = models.CharField(max_length=3)
    unit_price_gross = models.DecimalField(max_digits=12, decimal_places=2)
    unit_price_net = models.DecimalField(max_digits=12, decimal_places=2)
    total_price_gross = models.DecimalField(max_digits=12, decimal_places=2)
    total_price_net = models.DecimalField(max_digits=12, decimal_places=2)
    # The line's worth to the artisan before commission, in MAD (channels.services.artisan_unit_mad × quantity),
    # fixed when the order is placed: the payout ledger credits it; null on orders placed before it existed.
    artisan_total_mad = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    tax_rate = models.DecimalField(max_digits=5, decimal_places=4, default=ZERO)
    is_shipping_required = models.BooleanField(default=True)
    # Customs data (export): tariff code, material, country of origin.
    hs_code = models.CharField(max_length=12, blank=True)
    material = models.CharField(max_length=255, blank=True)
    country_of_origin = models.CharField(max_length=2, default="MA")

    class Meta:
        ordering = ["pk"]


class OrderEvent(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    date = models.DateTimeField(auto_now_add=True, db_index=True)
    type = models.CharField(max_length=64)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    parameters = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["date", "pk"]
