"""productBulkTranslate: every item checked against prefetched products and translations, then one
bulk insert, one bulk update and one derived-data refresh for the whole call (an importer sends
thousands of translations at once; per-item writes each refreshed the search index)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marketplace.catalog import revisions
from marketplace.catalog.models import Product, ProductTranslation
from marketplace.catalog.services import after_catalog_change, parse_description
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.graphql.ids import from_global_id
from marketplace.core.permissions import require_artisan_access, require_authenticated
from marketplace.core.text import clean_translation

TRANSLATED_FIELDS = ("name", "slug", "seo_title", "seo_description", "description")


@dataclass
class TranslateItem:
    """One input item: the product (global ID or external reference), the language, the fields."""

    id: str | None
    external_reference: str | None
    language: str  # lower case, as stored
    fields: dict[str, Any]
    translation: ProductTranslation | None = None
    errors: list[FieldError] = field(default_factory=list)


def _product_pk(item: TranslateItem) -> int | None:
    if not item.id:
        return None
    try:
        kind, pk = from_global_id(item.id)
    except Exception:  # a malformed ID is this item's error, not the whole call's
        kind, pk = "", ""
    if kind == "Product" and pk.isdigit():
        return int(pk)
    item.errors.append(FieldError("id", f"Invalid ID: {item.id}.", "GRAPHQL_ERROR"))
    return None


def bulk_translate_products(user: Any, items: list[TranslateItem], error_policy: str = "REJECT_EVERYTHING") -> None:
    """Validate every item (errors go to `item.errors`), then write the good ones, unless the policy is
    REJECT_EVERYTHING and one failed. PermissionDenied (another artisan's product) stops the whole call,
    as the one-product mutation does."""
    require_authenticated(user)
    pks = {i: _product_pk(item) for i, item in enumerate(items)}
    references = {item.external_reference for item in items if not item.id and item.external_reference}
    by_reference = dict(Product.objects.filter(external_reference__in=references)
                        .values_list("external_reference", "pk")) if references else {}
    for i, item in enumerate(items):
        if not item.id and not item.errors:
            pks[i] = by_reference.get(item.external_reference or "")
            if pks[i] is None:
                item.errors.append(FieldError("externalReference", "Couldn't resolve to a product.", "NOT_FOUND"))
    products = {p.pk: p for p in Product.objects.filter(pk__in={pk for pk in pks.values() if pk})
                .only("pk", "name", "artisan_id", "review_status")}
    for i, item in enumerate(items):
        if pks[i] is not None and pks[i] not in products and not item.errors:
            item.errors.append(FieldError("id", f"Couldn't resolve to a product: {pks[i]}", "NOT_FOUND"))
    for artisan_id in sorted({products[pk].artisan_id for pk in pks.values() if pk in products}):
        require_artisan_access(user, artisan_id)
    existing = {(t.product_id, t.language_code): t for t in ProductTranslation.objects.filter(
        product_id__in=list(products), language_code__in={item.language for item in items})}
    new: dict[tuple[int, str], ProductTranslation] = {}
    changed: dict[int, ProductTranslation] = {}
    proposals: list[tuple[Product, dict, str]] = []
    for i, item in enumerate(items):
        if item.errors:
            continue
        product = products[pks[i]]  # type: ignore[index]
        if item.language == "fr":
            item.errors.append(FieldError("languageCode", "French is the base language: use productUpdate.",
                                          "INVALID"))
            continue
        try:
            description = parse_description(item.fields["description"]) if "description" in item.fields else None
            texts = clean_translation(item.fields)
        except MutationError as error:
            item.errors += error.errors
            continue
        key = (product.pk, item.language)
        if revisions.proposes(user, product):
            # An approved product: the member's texts wait for a curator, the approved ones stay public. The
            # answer shows what was proposed; the slug is not reviewed and is written.
            proposal = {**texts, **({"description": description} if "description" in item.fields else {})}
            proposals.append((product, proposal, item.language))
            current = existing.get(key)
            item.translation = ProductTranslation(product=product, language_code=item.language,
                                                  **{k: getattr(current, k) for k in TRANSLATED_FIELDS} if current
                                                  else {"name": product.name})
            for name, value in proposal.items():
                setattr(item.translation, name, value)
            if "slug" in texts and current is not None:
                current.slug = texts["slug"]
                changed[current.pk] = current
            continue
        translation = existing.get(key) or new.get(key)
        if translation is None:
            translation = new[key] = ProductTranslation(product=product, language_code=item.language,
                                                        name=product.name)
        elif translation.pk is not None:
            changed[translation.pk] = translation
        for name, value in texts.items():
            setattr(translation, name, value)
        if "description" in item.fields:
            translation.description = description
        item.translation = translation
    if error_policy == "REJECT_EVERYTHING" and any(item.errors for item in items):
        for item in items:
            item.translation = None
        return
    for product, proposal, language in proposals:
        revisions.propose(user, product, proposal, language)
    ProductTranslation.objects.bulk_create(list(new.values()), batch_size=2000)
    ProductTranslation.objects.bulk_update(list(changed.values()), list(TRANSLATED_FIELDS), batch_size=500)
    after_catalog_change(sorted({t.product_id for t in [*new.values(), *changed.values()]}), prices=False)
