from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from graphql import GraphQLError

from marketplace.artisans.models import Artisan
from marketplace.artisans.regions import REGIONS


def public_artisans(user: Any = None) -> QuerySet:
    """Verified artisans are public; pending or rejected ones only to staff."""
    if user is not None and user.is_authenticated and user.is_staff:
        return Artisan.objects.all()
    return Artisan.objects.filter(verification_status=Artisan.Verification.VERIFIED)


def check_regions(codes: list[str]) -> None:
    unknown = [code for code in codes if code not in REGIONS]
    if unknown:
        raise GraphQLError(f"Unknown region: {', '.join(unknown)}. Known regions: {', '.join(REGIONS)}.")


def sort_artisans(artisans: QuerySet, sort_by: dict | None) -> tuple[QuerySet, list[tuple[str, bool]]]:
    if not sort_by:
        return artisans, [("name", False)]
    field = getattr(sort_by["field"], "value", sort_by["field"])
    descending = getattr(sort_by["direction"], "value", sort_by["direction"]) == "DESC"
    if field == "PRODUCT_COUNT":
        return artisans.annotate(product_count=Count("products")), [("product_count", descending)]
    return artisans, [("created_at" if field == "CREATED_AT" else "name", descending)]
