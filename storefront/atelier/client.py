"""What the artisan space adds to the storefront's API client: GraphQL multipart uploads (photos) and
API error codes turned into messages in the page's language."""

from __future__ import annotations

import json
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest
from django.utils.translation import gettext as _

from storefront.core.client import api_headers, document, post
from storefront.core.pages import TOKEN_SESSION_KEY
from storefront.core.photos import PHOTO_ERRORS, photo_problem

UPLOAD_TIMEOUT = 120.0  # the API runs the photo pipeline before it answers


def upload(request: HttpRequest, name: str, variables: dict[str, Any], files: dict[str, UploadedFile]) -> dict:
    """Run a mutation with files, as the GraphQL multipart request spec says (operations, map, files).
    `files` maps a variable path ("image") to the uploaded file; returns `data` or raises ApiError."""
    variables = {**variables, **{path: None for path in files}}
    mapping = {str(i): [f"variables.{path}"] for i, path in enumerate(files)}
    parts = {str(i): (f.name or "photo", f.open("rb"), f.content_type or "application/octet-stream")
             for i, f in enumerate(files.values())}
    headers = api_headers(request.session.get(TOKEN_SESSION_KEY), request.lang)
    return post(name, headers=headers, files=parts, timeout=UPLOAD_TIMEOUT, data={
        "operations": json.dumps({"query": document(name), "variables": variables}), "map": json.dumps(mapping)})


def message(error: dict[str, Any]) -> str:
    """An API payload error in the page's language (the API's own messages are English)."""
    if error.get("field") == "image":
        if error.get("code") in PHOTO_ERRORS:
            return photo_problem(PHOTO_ERRORS[error["code"]])
        if error.get("code") == "TOO_MANY_PHOTOS":
            return _("Your profile already has the most workshop photos it can show.")
    messages = {
        "REQUIRED": _("This field is required."),
        "INVALID": _("Enter a valid value."),
        "INVALID_PRICE": _("The price must be greater than zero."),
        "INVALID_FILE_TYPE": _("This file is not a photo we accept (JPEG, PNG, WebP, HEIC)."),
        "MEDIA_ALREADY_ASSIGNED": _("This photo is already on this piece."),
        "FILE_SIZE_LIMIT_EXCEEDED": _("This photo is too large."),
        "NOT_FOUND": _("This choice no longer exists: choose again."),
        "UNIQUE": _("This value is already used."),
        "CANNOT_FULFILL_UNPAID_ORDER": _("Wait until the buyer has paid before you ship."),
    }
    return messages.get(error.get("code") or "", error.get("message") or _("Enter a valid value."))


def field_errors(payload_errors: list[dict], fields: dict[str, str], default: str = "form") -> dict[str, list[str]]:
    """API errors keyed by the form's field names (`fields` maps an API field to a form field)."""
    out: dict[str, list[str]] = {}
    for error in payload_errors or []:
        out.setdefault(fields.get(error.get("field") or "", default), []).append(message(error))
    return out
