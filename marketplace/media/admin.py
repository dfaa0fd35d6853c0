"""Product photos, read-only: uploads, retries and deletions go through media/services.py (the photography
pipeline, private originals, derivatives)."""

from django.contrib import admin

from marketplace.core.admin import ReadOnlyAdmin
from marketplace.media.models import ProductMedia


@admin.register(ProductMedia)
class ProductMediaAdmin(ReadOnlyAdmin):
    list_display = ["product", "status", "error_code", "pipeline_version", "created_at", "processed_at"]
    list_filter = ["status", "error_code"]
    search_fields = ["product__name"]
