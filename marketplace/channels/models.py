"""Channels are the markets: domestic (MAD), tourists in Morocco (MAD), export (EUR, USD), and trade
(wholesale to verified foreign shops, EUR and USD: marketplace/trade), which only some users may see
(channels/selectors.py: can_see_channel)."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.postgres.fields import ArrayField
from django.db import models

from marketplace.core.models import LANGUAGE_CHOICES, ModelWithMetadata


class Channel(ModelWithMetadata):
    class Kind(models.TextChoices):
        DOMESTIC = "DOMESTIC", "Domestic"
        TOURIST = "TOURIST", "Tourist"
        EXPORT = "EXPORT", "Export"
        TRADE = "TRADE", "Trade"  # wholesale: visible to verified trade accounts and staff only

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=250)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    is_active = models.BooleanField(default=True)
    currency_code = models.CharField(max_length=3)
    default_country = models.CharField(max_length=2)
    # Empty means "every country" (export worldwide).
    countries = ArrayField(models.CharField(max_length=2), default=list, blank=True)
    default_language = models.CharField(max_length=8, choices=LANGUAGE_CHOICES, default="fr")
    languages = ArrayField(models.CharField(max_length=8), default=list)
    # Prices in this channel may derive from MAD: price = MAD * rate * (1 + margin), rounded up to `rounding`.
    price_rate = models.DecimalField(max_digits=12, decimal_places=6, null=True, blank=True)
    price_margin = models.DecimalField(max_digits=6, decimal_places=4, default=Decimal("0"))
    price_rounding = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0.01"))
    # VAT included in prices (Morocco 20 %); export is zero-rated.
    vat_rate = models.DecimalField(max_digits=5, decimal_places=4, default=Decimal("0"))
    sort_order = models.IntegerField(default=0)
    # A market's own commission on the artisans' sales (trade), instead of each artisan's rate; null: the artisan's.
    commission_rate = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)

    class Meta:
        ordering = ["sort_order", "slug"]

    def __str__(self) -> str:
        return self.slug
