"""The ministry's review decisions on listings: who approved or rejected what, when, and why (preset reasons
and a free note). The latest rejection is what the artisan reads on the piece; the history stays."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ReviewDecision(models.Model):
    class Outcome(models.TextChoices):
        APPROVED = "APPROVED"
        REJECTED = "REJECTED"

    product = models.ForeignKey("catalog.Product", on_delete=models.CASCADE, related_name="review_decisions")
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    # Codes of curation.rejection_reasons.REJECTION_REASONS (translated where they are shown).
    reasons = models.JSONField(default=list, blank=True)
    note = models.TextField(blank=True)  # the curator's own words, in the curator's language
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        indexes = [models.Index(fields=["product", "-decided_at"])]
