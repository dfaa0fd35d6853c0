"""The trade space's calls to the API (always as the signed-in user, never cached) and its API error codes
as messages in the page's language."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from storefront.core.pages import api


def call(request: HttpRequest, name: str, variables: dict | None = None) -> dict[str, Any]:
    return api(request, f"marketplace/{name}", variables, channel=False, authenticated=True, cache_seconds=0)


def message(error: dict[str, Any]) -> str:
    """An API payload error in the page's language (the API's own messages are English)."""
    code = error.get("code") or ""
    messages = {
        "REQUIRED": _("This field is required."),
        "INVALID": _("Enter a valid value."),
        "OUTSIDE_MARKETS": _("We do not sell wholesale to this country yet."),
        "ALREADY_VERIFIED": _("This account is already verified."),
        "NO_LINES": _("Your trade cart is empty."),
        "PACK_SIZE": _("This piece is sold in packs: order a multiple of the pack size."),
        "BEYOND_CAPACITY": _("More than the stock and what the artisan can make: lower the quantity."),
        "UNAVAILABLE": _("This piece is no longer offered to trade buyers."),
        "NET_TERMS_NOT_ALLOWED": _("Net-30 terms are for trusted accounts: pay a deposit instead."),
        "SHIPPING_METHOD_NOT_APPLICABLE": _("No shipping method reaches this address with these cartons."),
        "INVALID_PRICE": _("Enter a price greater than zero."),
        "NOT_EDITABLE": _("This can no longer be changed."),
        "NOT_FOUND": _("This choice no longer exists: choose again."),
        "DUPLICATED_INPUT_ITEM": _("A piece is given twice."),
        "PRODUCT_NOT_ASSIGNED_TO_CHANNEL": _("Offer the piece to trade buyers first."),
    }
    if code == "MINIMUM_NOT_REACHED" and error.get("missing"):
        from storefront.core.templatetags.sf import money

        return _("Below this artisan's minimum: add %(missing)s more.") % {"missing": money(error["missing"])}
    return messages.get(code, error.get("message") or _("Enter a valid value."))


def field_errors(payload_errors: list[dict], fields: dict[str, str] | None = None,
                 default: str = "form") -> dict[str, list[str]]:
    """API errors keyed by the form's field names (`fields` maps an API field, or its first part, to one)."""
    fields = fields or {}
    out: dict[str, list[str]] = {}
    for error in payload_errors or []:
        name = error.get("field") or ""
        key = fields.get(name) or fields.get(name.split(".")[0]) or default
        out.setdefault(key, []).append(message(error))
    return out
