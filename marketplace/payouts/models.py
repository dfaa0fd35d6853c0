"""The payout ledger: per paid order line what the artisan is owed (gross − commission = net); refunds
reverse it. Payout batches group owed entries for a bank transfer and are marked paid."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PayoutBatch(models.Model):
    class Status(models.TextChoices):
        OPEN = "OPEN"
        PAID = "PAID"

    currency = models.CharField(max_length=3)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    paid_at = models.DateTimeField(null=True, blank=True)
    reference = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]


class LedgerEntry(models.Model):
    class Kind(models.TextChoices):
        SALE = "SALE"
        REFUND = "REFUND"

    artisan = models.ForeignKey("artisans.Artisan", on_delete=models.PROTECT, related_name="ledger_entries")
    order_line = models.ForeignKey("orders.OrderLine", on_delete=models.PROTECT, related_name="ledger_entries")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    currency = models.CharField(max_length=3)
    gross = models.DecimalField(max_digits=12, decimal_places=2)
    commission_rate = models.DecimalField(max_digits=5, decimal_places=4)
    commission = models.DecimalField(max_digits=12, decimal_places=2)
    net = models.DecimalField(max_digits=12, decimal_places=2)
    created = models.DateTimeField(auto_now_add=True)
    batch = models.ForeignKey(PayoutBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries")
    # A sale is recorded once per line; a refund once per refund event.
    reference = models.CharField(max_length=255, unique=True)

    class Meta:
        ordering = ["created", "pk"]
