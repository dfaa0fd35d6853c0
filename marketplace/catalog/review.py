"""Listing review: a member's new listing, a change of its photos, or a price outside the review range of its
channel (catalog/review_rules.py, measured against the last approved price) waits for a curator before the
product shows in the channels again (selectors.published_listings hides products that are not APPROVED). A
member's change to the texts of an approved product waits as a proposal while the approved texts stay public
(catalog/revisions.py). Curators' and admins' own writes need no review, and what they approve becomes the
new baseline."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import F
from django.utils import timezone

from marketplace.catalog import review_rules, revisions
from marketplace.catalog.access import is_manager
from marketplace.catalog.models import Product, ProductVariantChannelListing, ReviewStatus
from marketplace.catalog.services import after_catalog_change
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.permissions import require_curator


def initial_status(user: Any) -> str:
    return ReviewStatus.APPROVED if is_manager(user) else ReviewStatus.PENDING


def request_review(user: Any, product: Product, reason: str) -> None:
    """A member's significant change: the listing goes back to the queue (curators' writes do not)."""
    if is_manager(user):
        return
    waiting = product.review_status == ReviewStatus.PENDING or revisions.pending(product) is not None
    if waiting and product.review_reason:
        if reason not in product.review_reason:
            product.review_reason = f"{product.review_reason}; {reason}"[:2000]
    else:
        product.review_reason = reason
    product.review_status = ReviewStatus.PENDING
    product.review_requested_at = timezone.now()
    Product.objects.filter(pk=product.pk).update(review_status=product.review_status,
                                                 review_reason=product.review_reason,
                                                 review_requested_at=product.review_requested_at)


def approve_prices(product_ids: list[int]) -> None:
    """The prices now written are the approved baseline of every channel (a curator's write or approval)."""
    ProductVariantChannelListing.objects.filter(variant__product_id__in=product_ids).update(
        approved_price_amount=F("price_amount"))


def waits_for_review(product: Product) -> bool:
    return product.review_status == ReviewStatus.PENDING or revisions.pending(product) is not None


def price_change_outcome(user: Any, variant: Any, new: Decimal) -> dict[str, Any]:
    """What saving `new` as the variant's MAD price would do, by the rule update_variant_channel_listings
    applies (catalog/review_rules.py: the range around the last approved price), asked before saving so that
    the artisan is warned (the atelier never restates the rule). `band` is None when any price is free."""
    row = (ProductVariantChannelListing.objects.filter(variant_id=variant.pk, currency="MAD")
           .select_related("channel").order_by("channel__sort_order").first())
    if row is None or is_manager(user):
        return {"needs_review": False, "current": row.price_amount if row else None, "band": None}
    baseline = row.approved_price_amount
    if baseline is None and variant.product.review_status == ReviewStatus.APPROVED:
        baseline = row.price_amount  # as the service: a listing from before approved prices were kept
    allowed = review_rules.price_range(baseline, row.channel)
    needs = review_rules.price_review_reason(baseline, row.price_amount, new, row.channel) is not None
    return {"needs_review": needs, "current": baseline if baseline is not None else row.price_amount,
            "band": (allowed.low, allowed.high)}


def approve(user: Any, product: Product) -> Product:
    """Publish the listing as it stands, with its proposed texts; its prices become the approved baseline."""
    require_curator(user)
    if not waits_for_review(product):
        raise MutationError([FieldError("id", "This listing is not waiting for review.", "INVALID")])
    revisions.apply(product)
    product.review_status, product.review_reason = ReviewStatus.APPROVED, ""
    product.reviewed_at, product.reviewed_by = timezone.now(), user
    product.save(update_fields=["review_status", "review_reason", "reviewed_at", "reviewed_by", "updated_at"])
    approve_prices([product.pk])
    after_catalog_change([product.pk])
    return product


def approve_many(user: Any, products: Any) -> list[int]:
    """Approve every listing of `products` that waits for review (a trusted importer's batch), in one write;
    the pks approved."""
    require_curator(user)
    pks = list(products.filter(review_status=ReviewStatus.PENDING).values_list("pk", flat=True))
    Product.objects.filter(pk__in=pks).update(review_status=ReviewStatus.APPROVED, review_reason="",
                                              reviewed_at=timezone.now(), reviewed_by=user, updated_at=timezone.now())
    approve_prices(pks)  # their prices become the approved baseline, as for one approval
    after_catalog_change(pks, prices=False)
    return pks


def reject(user: Any, product: Product, reason: str) -> Product:
    require_curator(user)
    if not (reason or "").strip():
        raise MutationError([FieldError("reason", "Say why the listing is rejected: the artisan reads it.",
                                        "REQUIRED")])
    if not waits_for_review(product):
        raise MutationError([FieldError("id", "This listing is not waiting for review.", "INVALID")])
    revisions.discard(product, reason.strip()[:2000])
    if product.review_status != ReviewStatus.PENDING:
        # Only proposed texts waited: the approved listing stays public, the artisan reads the reason in
        # `pendingChanges.rejectionReason`.
        product.review_reason, product.reviewed_at, product.reviewed_by = "", timezone.now(), user
        product.save(update_fields=["review_reason", "reviewed_at", "reviewed_by", "updated_at"])
        return product
    product.review_status, product.review_reason = ReviewStatus.REJECTED, reason.strip()[:2000]
    product.reviewed_at, product.reviewed_by = timezone.now(), user
    product.save(update_fields=["review_status", "review_reason", "reviewed_at", "reviewed_by", "updated_at"])
    after_catalog_change([product.pk])
    return product
