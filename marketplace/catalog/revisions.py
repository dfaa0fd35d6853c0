"""Members' changes to the texts of an approved product: the name, the description and the SEO texts, in any
language (productUpdate, productTranslate, productBulkTranslate). They are kept as a proposal (one
ProductRevision per product, merged as the member edits) that a curator approves or rejects; meanwhile the
approved texts stay public, untouched. Curators' and admins' own writes, and products that are not public
yet (new listings, rejected ones), are written directly as before.

Approving applies the proposal to the product and its translations; rejecting discards it and keeps the
curator's reason for the artisan."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from marketplace.catalog.access import is_manager
from marketplace.catalog.models import Product, ProductRevision, ProductTranslation, ReviewStatus
from marketplace.catalog.services import plaintext

TEXT_FIELDS = ("name", "description", "seo_title", "seo_description")


def proposes(user: Any, product: Product) -> bool:
    """Whether this user's text change to this product waits for review instead of being written: its approved
    texts are public (a draft in no market yet shows nothing, so its texts are written as they come)."""
    return (product.review_status == ReviewStatus.APPROVED and not is_manager(user)
            and product.channel_listings.exists())


def pending(product: Product) -> ProductRevision | None:
    return ProductRevision.objects.filter(product=product, requested_at__isnull=False).first()


def propose(user: Any, product: Product, changes: dict[str, Any],
            language: str | None = None) -> ProductRevision | None:
    """Merge `changes` (TEXT_FIELDS only, already cleaned) into the product's proposal, for the base language
    (None) or a translation. Values equal to what is public are dropped; an empty proposal waits for nothing."""
    changes = {key: value for key, value in changes.items() if key in TEXT_FIELDS}
    if not changes:
        return pending(product)
    revision, _ = ProductRevision.objects.select_for_update().get_or_create(product=product)
    if revision.requested_at is None:  # a new proposal: the previous one was applied or rejected
        revision.base, revision.translations = {}, {}
    if language is None:
        live = {key: getattr(product, key) for key in TEXT_FIELDS}
        revision.base = _differences({**revision.base, **changes}, live)
    else:
        row = ProductTranslation.objects.filter(product=product, language_code=language).first()
        live = {key: getattr(row, key, None) if row else None for key in TEXT_FIELDS}
        merged = _differences({**revision.translations.get(language, {}), **changes}, live)
        revision.translations = {**revision.translations, language: merged}
        if not merged:
            revision.translations.pop(language)
    if not revision.base and not revision.translations:
        revision.requested_at = None
        revision.save()
        return None
    now = timezone.now()
    revision.requested_at = revision.requested_at or now
    revision.requested_by = user
    revision.rejected_reason, revision.rejected_at = "", None
    revision.save()
    # The queue's order, and what the curation pages list as the changes (translated there).
    names = "name" in revision.base or any("name" in texts for texts in revision.translations.values())
    others = set(revision.base) - {"name"} or any(set(t) - {"name"} for t in revision.translations.values())
    reason = "; ".join([*(["Name changed"] if names else []), *(["Texts changed"] if others else [])])
    Product.objects.filter(pk=product.pk).update(review_requested_at=revision.requested_at, review_reason=reason)
    return revision


def _differences(proposed: dict[str, Any], live: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in proposed.items() if value != live.get(key)}


def apply(product: Product) -> bool:
    """Write the pending proposal to the product and its translations; whether there was one."""
    revision = pending(product)
    if revision is None:
        return False
    fields = []
    for key, value in revision.base.items():
        setattr(product, key, value)
        fields.append(key)
    if "description" in revision.base:
        product.description_plaintext = plaintext(product.description)
        fields.append("description_plaintext")
    if fields:
        product.save(update_fields=[*fields, "updated_at"])
    for language, texts in revision.translations.items():
        translation, _ = ProductTranslation.objects.get_or_create(product=product, language_code=language,
                                                                  defaults={"name": product.name})
        for key, value in texts.items():
            setattr(translation, key, value)
        translation.save()
    revision.delete()
    return True


def discard(product: Product, reason: str) -> bool:
    """Refuse the pending proposal, keeping the reason for the artisan; whether there was one."""
    revision = pending(product)
    if revision is None:
        return False
    revision.base, revision.translations, revision.requested_at = {}, {}, None
    revision.rejected_reason, revision.rejected_at = reason, timezone.now()
    revision.save()
    return True
