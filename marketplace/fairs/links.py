"""The labels PDF's signed link: it names the fair, the artisan and the storefront the QR codes open, and
expires after a day. Whoever holds it may download the sheets (the link is made for the artisan's members
and curators only, by `Fair.labelsUrl`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "maalem.fairs.labels"
MAX_AGE = 24 * 3600


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def labels_link(fair_id: int, artisan_id: int, storefront_url: str) -> str:
    token = signing.dumps({"f": fair_id, "a": artisan_id, "s": storefront_url.rstrip("/")}, salt=SALT, compress=True)
    return f"{settings.PUBLIC_API_URL}{reverse('fair-labels', args=[token])}"


def read_labels_link(token: str) -> dict[str, Any]:
    try:
        return signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise LinkExpired from None
    except signing.BadSignature:
        raise LinkInvalid from None
