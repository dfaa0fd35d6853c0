"""Fairs and exhibitions ("Expo artisan"): the fair, its stands (artisan → stand number, hall), the sales made
on a stand (each one an order with the fair as its source) and the visits that came from a fair's QR labels.

Invariants: an artisan has at most one stand per fair; a stand sale's idempotency key is unique, so a retried
submit finds the sale it already recorded; a stand sale always has exactly one order."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models

from marketplace.core.models import ModelWithMetadata, Translation


class Fair(ModelWithMetadata):
    slug = models.SlugField(unique=True, max_length=120)
    name = models.CharField(max_length=250)  # French, the base language; ar and en in FairTranslation
    city = models.CharField(max_length=120)
    venue = models.CharField(max_length=250)
    map_url = models.URLField(max_length=500, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    # The markets the fair sells in (Expo artisan Marrakech: touristes and maroc; an exhibition abroad: export).
    # Stand sales are recorded in the first of them (by the markets' order) unless the sale names another.
    channels = models.ManyToManyField("channels.Channel", related_name="fairs")
    # What the marketplace keeps on a stand sale (the programme may waive it: 0).
    commission_rate = models.DecimalField(max_digits=5, decimal_places=4, default=Decimal("0"))
    # The fair's collection, built by curators in /curation/ like any other collection.
    collection = models.ForeignKey("catalog.Collection", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="fairs")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "slug"]
        constraints = [models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")),
                                              name="fair_ends_after_it_starts")]

    def __str__(self) -> str:
        return self.name

    @property
    def source(self) -> str:
        """The `src` value of the fair's QR codes and the `source` metadata of the orders it brought."""
        return f"fair-{self.slug}"


class FairTranslation(Translation):
    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=250)
    venue = models.CharField(max_length=250, blank=True)

    class Meta:
        unique_together = [("fair", "language_code")]


class FairStand(models.Model):
    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="stands")
    artisan = models.ForeignKey("artisans.Artisan", on_delete=models.PROTECT, related_name="fair_stands")
    number = models.CharField(max_length=16)
    hall = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["hall", "number", "pk"]
        unique_together = [("fair", "artisan")]


class StandSale(models.Model):
    class Payment(models.TextChoices):
        CASH = "CASH", "Cash"
        CARD = "CARD", "Card (the stand's terminal)"

    fair = models.ForeignKey(Fair, on_delete=models.PROTECT, related_name="sales")
    artisan = models.ForeignKey("artisans.Artisan", on_delete=models.PROTECT, related_name="stand_sales")
    order = models.OneToOneField("orders.Order", on_delete=models.PROTECT, related_name="stand_sale")
    # Made by the artisan's phone before the first submit: a retry with the same key is the same sale.
    idempotency_key = models.UUIDField(unique=True)
    payment = models.CharField(max_length=8, choices=Payment.choices)
    listed_price = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


class FairVisit(models.Model):
    """A landing on the shop with `?src=fair-<slug>` (a scanned label), counted once per landing."""

    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="visits")
    product = models.ForeignKey("catalog.Product", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    channel = models.ForeignKey("channels.Channel", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
