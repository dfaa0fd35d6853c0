"""Shipping zones (where), methods (how, how long) and their rates per channel (how much)."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models

from marketplace.core.models import ModelWithMetadata


class ShippingZone(ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(unique=True)
    # Empty countries with `default=True`: every country no other zone of the channel covers (rest of world).
    countries = ArrayField(models.CharField(max_length=2), default=list, blank=True)
    default = models.BooleanField(default=False)
    # A city group: empty means every city of the countries; names compared case- and accent-insensitively.
    cities = ArrayField(models.CharField(max_length=80), default=list, blank=True)
    # True: a group of "every other city" of the countries (cities listed are excluded).
    exclude_cities = models.BooleanField(default=False)
    channels = models.ManyToManyField("channels.Channel", related_name="shipping_zones")

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class ShippingMethod(ModelWithMetadata):
    class Kind(models.TextChoices):
        STANDARD = "STANDARD"
        EXPRESS = "EXPRESS"
        HOTEL = "HOTEL"  # delivery to a hotel or riad: its name in the address's company name or the note
        HOME = "HOME"  # a tourist's purchase shipped to their home abroad

    zone = models.ForeignKey(ShippingZone, on_delete=models.CASCADE, related_name="methods")
    name = models.CharField(max_length=250)
    slug = models.SlugField(unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.STANDARD)
    description = models.CharField(max_length=500, blank=True)
    minimum_delivery_days = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_delivery_days = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_order_weight_kg = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    # Names in other languages: {"ar": "...", "en": "..."}.
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["zone__slug", "slug"]

    def __str__(self) -> str:
        return self.name


class ShippingMethodChannelListing(models.Model):
    """The rate in a channel's currency: base price plus a price per started kilogram above the first."""

    shipping_method = models.ForeignKey(ShippingMethod, on_delete=models.CASCADE, related_name="channel_listings")
    channel = models.ForeignKey("channels.Channel", on_delete=models.CASCADE, related_name="shipping_listings")
    currency = models.CharField(max_length=3)
    base_price = models.DecimalField(max_digits=12, decimal_places=2)
    price_per_kg = models.DecimalField(max_digits=12, decimal_places=2, default=0)

    class Meta:
        unique_together = [("shipping_method", "channel")]
