"""Abstract building blocks shared by every app: metadata, translations, sortable rows."""

from __future__ import annotations

from django.db import models

LANGUAGE_CODES = ("fr", "ar", "en")
LANGUAGE_CHOICES = [("fr", "Français"), ("ar", "العربية"), ("en", "English")]


class ModelWithMetadata(models.Model):
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True


class Translation(models.Model):
    """One language's text for a translatable object; the base language (fr) lives on the object."""

    language_code = models.CharField(max_length=8, choices=LANGUAGE_CHOICES)

    class Meta:
        abstract = True


class SortableModel(models.Model):
    sort_order = models.IntegerField(default=0, db_index=True)

    class Meta:
        abstract = True
        ordering = ["sort_order", "pk"]
