"""Warehouses (one per artisan's workshop) and stock per variant."""

from __future__ import annotations

from django.db import models

from marketplace.core.models import ModelWithMetadata


class Warehouse(ModelWithMetadata):
    class ClickAndCollect(models.TextChoices):
        DISABLED = "DISABLED"
        LOCAL = "LOCAL"
        ALL = "ALL"

    artisan = models.OneToOneField(
        "artisans.Artisan", null=True, blank=True, on_delete=models.CASCADE, related_name="warehouse"
    )
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    email = models.EmailField(blank=True)
    address = models.ForeignKey("accounts.Address", on_delete=models.PROTECT, related_name="+")
    is_private = models.BooleanField(default=True)
    # Tourists may collect at the workshop.
    click_and_collect_option = models.CharField(
        max_length=16, choices=ClickAndCollect.choices, default=ClickAndCollect.LOCAL
    )
    channels = models.ManyToManyField("channels.Channel", related_name="warehouses", blank=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class Stock(models.Model):
    warehouse = models.ForeignKey(Warehouse, on_delete=models.CASCADE, related_name="stocks")
    product_variant = models.ForeignKey("catalog.ProductVariant", on_delete=models.CASCADE, related_name="stocks")
    quantity = models.PositiveIntegerField(default=0)
    quantity_allocated = models.PositiveIntegerField(default=0)

    class Meta:
        unique_together = [("warehouse", "product_variant")]
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity_allocated__lte=models.F("quantity")),
                                   name="stock_allocated_within_quantity"),
        ]


class Reservation(models.Model):
    """Units held for a checkout line until `reserved_until`; past that time the hold is ignored (expires
    lazily, so no worker is needed) and a periodic task deletes it."""

    checkout_line = models.ForeignKey("checkout.CheckoutLine", on_delete=models.CASCADE, related_name="reservations")
    stock = models.ForeignKey(Stock, on_delete=models.CASCADE, related_name="reservations")
    quantity_reserved = models.PositiveIntegerField()
    reserved_until = models.DateTimeField(db_index=True)

    class Meta:
        unique_together = [("checkout_line", "stock")]


class Allocation(models.Model):
    """Units of a stock taken by an order line when the order is placed."""

    order_line = models.ForeignKey("orders.OrderLine", on_delete=models.CASCADE, related_name="allocations")
    stock = models.ForeignKey(Stock, on_delete=models.PROTECT, related_name="allocations")
    quantity_allocated = models.PositiveIntegerField()

    class Meta:
        unique_together = [("order_line", "stock")]
