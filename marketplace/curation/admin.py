"""The ministry's review decisions, read-only: every decision is a record kept as it was taken
(curation/services.py and catalog/review.py write them)."""

from django.contrib import admin

from marketplace.core.admin import ReadOnlyAdmin
from marketplace.curation.models import ReviewDecision


@admin.register(ReviewDecision)
class ReviewDecisionAdmin(ReadOnlyAdmin):
    list_display = ["decided_at", "product", "outcome", "decided_by"]
    list_filter = ["outcome"]
    search_fields = ["product__name"]
