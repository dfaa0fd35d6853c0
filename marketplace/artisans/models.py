"""Makers: mono-artisans, cooperatives and small craft businesses (PME), their members and labels."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models

from marketplace.artisans.regions import REGION_CHOICES
from marketplace.core.models import ModelWithMetadata, Translation


class Label(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=250)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LabelTranslation(Translation):
    label = models.ForeignKey(Label, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=250)
    description = models.TextField(blank=True)

    class Meta:
        unique_together = [("label", "language_code")]


class Artisan(ModelWithMetadata):
    class Kind(models.TextChoices):
        MONO_ARTISAN = "MONO_ARTISAN", "Mono-artisan"
        COOPERATIVE = "COOPERATIVE", "Coopérative"
        PME = "PME", "PME"

    class Verification(models.TextChoices):
        PENDING = "PENDING", "En attente"
        VERIFIED = "VERIFIED", "Vérifié"
        REJECTED = "REJECTED", "Refusé"

    slug = models.SlugField(unique=True, max_length=120)
    name = models.CharField(max_length=250)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    region = models.CharField(max_length=40, choices=REGION_CHOICES, db_index=True)
    city = models.CharField(max_length=120)
    crafts = models.ManyToManyField("catalog.Category", blank=True, related_name="artisans")
    story = models.TextField(blank=True)
    phone = models.CharField(max_length=32, blank=True)
    languages = ArrayField(models.CharField(max_length=8), default=list, blank=True)
    verification_status = models.CharField(max_length=16, choices=Verification.choices, default=Verification.PENDING)
    labels = models.ManyToManyField(Label, blank=True, related_name="artisans")
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="ArtisanMember", related_name="artisans")
    # Commission the marketplace keeps on each sale line (payout ledger).
    commission_rate = models.DecimalField(max_digits=5, decimal_places=4, default=Decimal("0.1200"))
    # Photo derivative maps, as ProductMedia.files ({"master": path, "JPEG": {"512": path}, ...}).
    portrait = models.JSONField(default=dict, blank=True)
    workshop_photos = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ArtisanTranslation(Translation):
    artisan = models.ForeignKey(Artisan, on_delete=models.CASCADE, related_name="translations")
    story = models.TextField(blank=True)

    class Meta:
        unique_together = [("artisan", "language_code")]


class ArtisanMember(models.Model):
    artisan = models.ForeignKey(Artisan, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="artisan_memberships")
    is_owner = models.BooleanField(default=False)

    class Meta:
        unique_together = [("artisan", "user")]
