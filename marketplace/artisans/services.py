"""Artisan profile writes: members edit their own story, languages and photos; curators verify and label."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from marketplace.artisans.models import Artisan, ArtisanTranslation, Label
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.models import LANGUAGE_CODES
from marketplace.core.permissions import require_artisan_access, require_authenticated, require_curator
from marketplace.core.text import clean_text

PHOTO_KINDS = ("PORTRAIT", "WORKSHOP")
MAX_WORKSHOP_PHOTOS = 8


def artisan_for_write(user: Any, pk: int) -> Artisan:
    require_authenticated(user)
    artisan = Artisan.objects.filter(pk=pk).first()
    if artisan is None:
        raise MutationError([FieldError("id", f"Couldn't resolve to an artisan: {pk}", "NOT_FOUND")])
    require_artisan_access(user, artisan.pk)
    return artisan


def update_profile(user: Any, pk: int, data: dict[str, Any]) -> Artisan:
    artisan = artisan_for_write(user, pk)
    if data.get("story") is not None:
        artisan.story = data["story"].strip()[:10000]
    if data.get("languages") is not None:
        unknown = [code for code in data["languages"] if code not in LANGUAGE_CODES and len(code) != 2]
        if unknown:
            raise MutationError([FieldError("languages", f"Unknown language code: {unknown[0]}", "INVALID")])
        artisan.languages = list(dict.fromkeys(code.lower() for code in data["languages"]))
    if data.get("phone") is not None:
        import phonenumbers

        try:
            number = phonenumbers.parse(data["phone"], "MA")
            if not phonenumbers.is_valid_number(number):
                raise phonenumbers.NumberParseException(0, "invalid")
        except phonenumbers.NumberParseException:
            raise MutationError([FieldError("phone", "This phone number is not valid.", "INVALID")]) from None
        artisan.phone = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if data.get("city") is not None:
        artisan.city = clean_text(data["city"], "city", max_length=120)
    artisan.save()
    for item in data.get("story_translations") or []:
        language = str(getattr(item["language_code"], "value", item["language_code"])).lower()
        if language == "fr":
            artisan.story = item["story"]
            artisan.save(update_fields=["story"])
            continue
        ArtisanTranslation.objects.update_or_create(artisan=artisan, language_code=language,
                                                    defaults={"story": item["story"]})
    _refresh(artisan)
    return artisan


def _refresh(artisan: Artisan) -> None:
    from marketplace.catalog.services import after_catalog_change

    after_catalog_change(list(artisan.products.values_list("pk", flat=True)))


def add_photo(user: Any, pk: int, kind: str, data: bytes) -> Artisan:
    """A portrait (1:1) or workshop photo (4:3) through the photography pipeline (synchronously: profiles are
    small). Each refusal has its own code (empty, not a photo, too large, damaged, too many photos)."""
    from marketplace.media.services import UPLOAD_ERROR_CODES, save_derivatives, store_original
    from marketplace.photography import PhotoRejected, check_photo, process_photo

    artisan = artisan_for_write(user, pk)
    if kind not in PHOTO_KINDS:
        raise MutationError([FieldError("kind", "PORTRAIT or WORKSHOP.", "INVALID")])
    if kind == "WORKSHOP" and len(artisan.workshop_photos) >= MAX_WORKSHOP_PHOTOS:
        raise MutationError([FieldError("image", f"At most {MAX_WORKSHOP_PHOTOS} workshop photos.",
                                        "TOO_MANY_PHOTOS")])
    try:
        check_photo(data)
        result = process_photo(data, aspect="1:1" if kind == "PORTRAIT" else "4:3")
    except PhotoRejected as error:
        raise MutationError([FieldError("image", error.message, UPLOAD_ERROR_CODES.get(error.code, "INVALID"))]
                            ) from None
    _, digest = store_original(data, f"artisans/{artisan.pk}")
    files = save_derivatives(result, f"artisans/{artisan.pk}/{kind.lower()}-{digest[:12]}")
    if kind == "PORTRAIT":
        artisan.portrait = files
    else:
        artisan.workshop_photos = [*artisan.workshop_photos, files]
    artisan.save(update_fields=["portrait", "workshop_photos", "updated_at"])
    transaction.on_commit(lambda: _refresh(artisan))
    return artisan


def set_verification(user: Any, pk: int, status: str) -> Artisan:
    require_curator(user)
    artisan = Artisan.objects.filter(pk=pk).first()
    if artisan is None:
        raise MutationError([FieldError("id", f"Couldn't resolve to an artisan: {pk}", "NOT_FOUND")])
    if status not in Artisan.Verification.values:
        raise MutationError([FieldError("status", "Unknown verification status.", "INVALID")])
    artisan.verification_status = status
    artisan.save(update_fields=["verification_status", "updated_at"])
    _refresh(artisan)
    return artisan


def set_labels(user: Any, pk: int, add: list[str], remove: list[str]) -> Artisan:
    require_curator(user)
    artisan = Artisan.objects.filter(pk=pk).first()
    if artisan is None:
        raise MutationError([FieldError("id", f"Couldn't resolve to an artisan: {pk}", "NOT_FOUND")])
    labels = {label.slug: label for label in Label.objects.filter(slug__in=[*add, *remove])}
    unknown = [slug for slug in [*add, *remove] if slug not in labels]
    if unknown:
        raise MutationError([FieldError("addLabels" if unknown[0] in add else "removeLabels",
                                        f"Unknown label: {unknown[0]}", "NOT_FOUND")])
    artisan.labels.add(*[labels[s] for s in add])
    artisan.labels.remove(*[labels[s] for s in remove])
    _refresh(artisan)
    return artisan
