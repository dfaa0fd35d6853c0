"""Signed, expiring links to trade documents (line sheet PDF, order form XLSX): the GraphQL query that
checks who asks (a verified account, staff) hands them out, and the file views only check the signature,
so a browser can download them without the API token."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import signing

SALT = "maalem.trade.documents"
MAX_AGE_SECONDS = 3600


def sign(payload: dict[str, Any]) -> str:
    return signing.dumps(payload, salt=SALT, compress=True)


def unsign(token: str) -> dict[str, Any] | None:
    try:
        return signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:  # also SignatureExpired
        return None


def document_url(kind: str, payload: dict[str, Any]) -> str:
    suffix = {"line-sheet": "pdf", "order-form": "xlsx"}[kind]
    return f"{settings.PUBLIC_API_URL.rstrip('/')}/trade/{kind}/{sign(payload)}.{suffix}"
