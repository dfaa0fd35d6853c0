"""Product media: the private original, the improved master and its derivatives (photography pipeline)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from marketplace.core.models import ModelWithMetadata, SortableModel


class ProductMedia(ModelWithMetadata, SortableModel):
    class Type(models.TextChoices):
        IMAGE = "IMAGE"
        VIDEO = "VIDEO"

    class Status(models.TextChoices):
        PENDING = "PENDING"  # waiting for the pipeline
        READY = "READY"
        FAILED = "FAILED"

    product = models.ForeignKey("catalog.Product", on_delete=models.CASCADE, related_name="media")
    type = models.CharField(max_length=16, choices=Type.choices, default=Type.IMAGE)
    alt = models.CharField(max_length=250, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(blank=True)
    # Why the pipeline refused the photo: the photography package's stable code (PhotoRejected.code), or
    # PROCESSING_ERROR when the pipeline itself failed; clients translate it for the artisan.
    error_code = models.CharField(max_length=32, blank=True)
    # Private storage path of the upload as received (GPS and all): never served.
    original = models.CharField(max_length=500, blank=True)
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    # Public storage paths: {"master": path, "JPEG": {"1024": path, ...}, "WEBP": {...}, "AVIF": {...}}
    files = models.JSONField(default=dict, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    quality_report = models.JSONField(default=dict, blank=True)
    pipeline_version = models.PositiveIntegerField(null=True, blank=True)
    oembed_data = models.JSONField(default=dict, blank=True)
    external_url = models.URLField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta(SortableModel.Meta):
        pass
