"""Review decisions: a curator approves a listing, or rejects it with preset reasons (translated for the
artisan) and an optional note; a trusted importer's batch is approved at once; the artisan sends a rejected
piece again for review. Every decision is kept (ReviewDecision); the status rules live in catalog.review."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from marketplace.catalog import review
from marketplace.catalog.access import product_for_write
from marketplace.catalog.models import Product, ReviewStatus
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.permissions import require_curator
from marketplace.curation.models import ReviewDecision
from marketplace.curation.rejection_reasons import REJECTION_REASONS, text

MAX_NOTE = 2000
MAX_BULK_IDS = 100
SENT_AGAIN = "Sent again for review"


def _product(pk: int) -> Product:
    product = Product.objects.filter(pk=pk).first()
    if product is None:
        raise MutationError([FieldError("id", "Couldn't resolve to a product.", "NOT_FOUND")])
    return product


@transaction.atomic
def approve_listing(user: Any, pk: int) -> Product:
    require_curator(user)
    product = review.approve(user, _product(pk))
    ReviewDecision.objects.create(product=product, outcome=ReviewDecision.Outcome.APPROVED, decided_by=user)
    return product


@transaction.atomic
def reject_listing(user: Any, pk: int, reasons: list[str], note: str = "") -> Product:
    """Preset reasons (at least one, or a note alone) and an optional note; the product's review reason keeps
    an English summary for clients that read only that."""
    require_curator(user)
    note = (note or "").strip()
    unknown = [code for code in reasons if code not in REJECTION_REASONS]
    if unknown:
        raise MutationError([FieldError("reasons", f"Unknown reason: {unknown[0]}", "INVALID")])
    if not reasons and not note:
        raise MutationError([FieldError("reasons", "Pick at least one reason: the artisan reads it.", "REQUIRED")])
    if len(note) > MAX_NOTE:
        raise MutationError([FieldError("note", f"At most {MAX_NOTE} characters.", "INVALID")])
    if reasons:
        reasons = list(dict.fromkeys(reasons))
        summary = "; ".join(text(code, "en") for code in reasons) + (f" — {note}" if note else "")
    else:  # a note alone is the reason, word for word
        reasons, summary = ["OTHER"], note
    product = review.reject(user, _product(pk), summary)
    ReviewDecision.objects.create(product=product, outcome=ReviewDecision.Outcome.REJECTED, reasons=reasons,
                                  note=note, decided_by=user)
    return product


@transaction.atomic
def bulk_approve(user: Any, products: Any) -> int:
    """Approve a batch (the queue's filter, or ticked listings): only those waiting for review."""
    require_curator(user)
    pks = review.approve_many(user, products)
    ReviewDecision.objects.bulk_create([ReviewDecision(product_id=pk, outcome=ReviewDecision.Outcome.APPROVED,
                                                       decided_by=user) for pk in pks])
    return len(pks)


def request_again(user: Any, pk: int) -> Product:
    """The artisan fixed what was asked: a rejected piece goes back to the ministry's queue."""
    from django.utils import timezone

    product = product_for_write(user, pk)
    if product.review_status != ReviewStatus.REJECTED:
        raise MutationError([FieldError("id", "Only a rejected piece is sent again for review.", "INVALID")])
    review.request_review(user, product, SENT_AGAIN)
    if product.review_status != ReviewStatus.PENDING:  # a curator's own request: request_review skips those
        Product.objects.filter(pk=product.pk).update(review_status=ReviewStatus.PENDING, review_reason=SENT_AGAIN,
                                                     review_requested_at=timezone.now())
    product.refresh_from_db()
    return product


def latest_rejections(product_pks: list[int]) -> dict[int, ReviewDecision]:
    """The newest rejection of each product (those currently rejected read it)."""
    found: dict[int, ReviewDecision] = {}
    for decision in ReviewDecision.objects.filter(product_id__in=product_pks,
                                                  outcome=ReviewDecision.Outcome.REJECTED).order_by(
            "product_id", "-decided_at", "-pk").distinct("product_id"):
        found[decision.product_id] = decision
    return found
