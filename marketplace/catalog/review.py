"""Listing review: a member's new listing, or a change to its name, photos or price by more than
LISTING_REVIEW_PRICE_SHARE, waits for a curator before it shows in the channels (selectors.published_listings
hides products that are not APPROVED). Curators' and admins' own writes need no review."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone

from marketplace.catalog.access import is_manager
from marketplace.catalog.models import Product, ReviewStatus
from marketplace.catalog.services import after_catalog_change
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.permissions import require_curator


def initial_status(user: Any) -> str:
    return ReviewStatus.APPROVED if is_manager(user) else ReviewStatus.PENDING


def request_review(user: Any, product: Product, reason: str) -> None:
    """A member's significant change: the listing goes back to the queue (curators' writes do not)."""
    if is_manager(user):
        return
    if product.review_status == ReviewStatus.PENDING and product.review_reason:
        if reason not in product.review_reason:
            product.review_reason = f"{product.review_reason}; {reason}"[:2000]
    else:
        product.review_reason = reason
    product.review_status = ReviewStatus.PENDING
    product.review_requested_at = timezone.now()
    Product.objects.filter(pk=product.pk).update(review_status=product.review_status,
                                                 review_reason=product.review_reason,
                                                 review_requested_at=product.review_requested_at)


def price_change_needs_review(old: Decimal | None, new: Decimal) -> bool:
    if old is None or old == 0:
        return False
    share = Decimal(str(settings.LISTING_REVIEW_PRICE_SHARE))
    return abs(Decimal(new) - old) / old > share


def price_review_band(old: Decimal | None) -> tuple[Decimal, Decimal] | None:
    """The MAD prices a member may set without review, as price_change_needs_review decides (both ends
    included), or None when any price is free (no price yet)."""
    if old is None or old == 0:
        return None
    share = Decimal(str(settings.LISTING_REVIEW_PRICE_SHARE))
    return (old * (1 - share)).quantize(Decimal("0.01")), (old * (1 + share)).quantize(Decimal("0.01"))


def price_change_outcome(user: Any, variant: Any, new: Decimal) -> dict[str, Any]:
    """What saving `new` as the variant's MAD price would do: the rule of update_variant_channel_listings,
    asked before saving so that the artisan is warned (the atelier never restates the rule)."""
    from marketplace.catalog.listing_services import mad_price

    old = mad_price(variant.pk)
    band = None if is_manager(user) else price_review_band(old)
    needs = band is not None and price_change_needs_review(old, new)
    return {"needs_review": needs, "current": old, "band": band}


def approve(user: Any, product: Product) -> Product:
    require_curator(user)
    if product.review_status == ReviewStatus.APPROVED:
        raise MutationError([FieldError("id", "This listing is not waiting for review.", "INVALID")])
    product.review_status, product.review_reason = ReviewStatus.APPROVED, ""
    product.reviewed_at, product.reviewed_by = timezone.now(), user
    product.save(update_fields=["review_status", "review_reason", "reviewed_at", "reviewed_by", "updated_at"])
    after_catalog_change([product.pk])
    return product


def approve_many(user: Any, products: Any) -> list[int]:
    """Approve every listing of `products` that waits for review (a trusted importer's batch), in one write;
    the pks approved."""
    require_curator(user)
    pks = list(products.filter(review_status=ReviewStatus.PENDING).values_list("pk", flat=True))
    Product.objects.filter(pk__in=pks).update(review_status=ReviewStatus.APPROVED, review_reason="",
                                              reviewed_at=timezone.now(), reviewed_by=user, updated_at=timezone.now())
    after_catalog_change(pks, prices=False)
    return pks


def reject(user: Any, product: Product, reason: str) -> Product:
    require_curator(user)
    if not (reason or "").strip():
        raise MutationError([FieldError("reason", "Say why the listing is rejected: the artisan reads it.",
                                        "REQUIRED")])
    if product.review_status != ReviewStatus.PENDING:
        raise MutationError([FieldError("id", "This listing is not waiting for review.", "INVALID")])
    product.review_status, product.review_reason = ReviewStatus.REJECTED, reason.strip()[:2000]
    product.reviewed_at, product.reviewed_by = timezone.now(), user
    product.save(update_fields=["review_status", "review_reason", "reviewed_at", "reviewed_by", "updated_at"])
    after_catalog_change([product.pk])
    return product
