"""Which pages a caller may read: the published ones (staff read every page)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from marketplace.pages.models import Page


def visible_pages(user: Any) -> QuerySet[Page]:
    pages = Page.objects.select_related("page_type")
    if getattr(user, "is_staff", False):
        return pages
    return pages.filter(Q(published_at__isnull=True) | Q(published_at__lte=timezone.now()), is_published=True)
