"""The listing forms' rules, read from POST data: what is missing or wrong (keyed by field, in the page's
language) and the API input the valid values become. No API calls here."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _

from storefront.core.templatetags.sf import block_texts, editorjs

MAX_NAME = 250
MAX_TEXT = 5000
MAX_PRICE = Decimal("10000000")
MAX_QUANTITY = 10000


def number(raw: str) -> Decimal | None:
    """A decimal typed on a phone: "1 250", "12,5" and Arabic-Indic digits are accepted."""
    text = (raw or "").strip().replace("\u00a0", "").replace(" ", "").replace("\u066b", ".").replace(",", ".")
    text = text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


def editor_text(description: Any) -> str:
    """The API's EditorJS description → the plain text an artisan typed (one paragraph per line)."""
    blocks, raw = editorjs(description)
    if raw is not None:
        return raw
    return "\n".join(str(text) for text in block_texts(blocks))


def attribute_field(attribute: dict) -> str:
    return f"attr-{attribute['slug']}"


def details_values(post: QueryDict, attributes: list[dict]) -> dict[str, Any]:
    values: dict[str, Any] = {k: post.get(k, "").strip() for k in
                              ("name_fr", "name_ar", "category", "description_fr", "description_ar")}
    for attribute in attributes:
        name = attribute_field(attribute)
        values[name] = post.getlist(name) if attribute["inputType"] == "MULTISELECT" else post.get(name, "").strip()
    return values


def details_errors(values: dict[str, Any], attributes: list[dict], category_ids: set[str]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not values["name_fr"] and not values["name_ar"]:
        errors["name_fr"] = [_("Give the piece a name, in French or in Arabic.")]
    for field in ("name_fr", "name_ar"):
        if len(values[field]) > MAX_NAME:
            errors[field] = [_("At most %(count)s characters.") % {"count": MAX_NAME}]
    for field in ("description_fr", "description_ar"):
        if len(values[field]) > MAX_TEXT:
            errors[field] = [_("At most %(count)s characters.") % {"count": MAX_TEXT}]
    if not values["category"]:
        errors["category"] = [_("Choose the craft.")]
    elif values["category"] not in category_ids:
        errors["category"] = [_("This choice no longer exists: choose again.")]
    for attribute in attributes:
        name = attribute_field(attribute)
        choices = {edge["node"]["id"] for edge in (attribute.get("choices") or {}).get("edges", [])}
        if attribute["inputType"] == "MULTISELECT":
            if set(values[name]) - choices:
                errors[name] = [_("This choice no longer exists: choose again.")]
        elif attribute["inputType"] in ("DROPDOWN", "SWATCH"):
            if values[name] and values[name] not in choices:
                errors[name] = [_("This choice no longer exists: choose again.")]
        elif attribute["inputType"] == "NUMERIC" and values[name]:
            try:
                size = number(values[name])
            except ValueError:
                size = Decimal(-1)
            if size is None or size <= 0 or size > 100000:
                errors[name] = [_("Enter a size in centimetres, for example 40 or 12.5.")]
    return errors


def details_input(values: dict[str, Any], attributes: list[dict]) -> dict[str, Any]:
    """ProductInput for productUpdate: the French (base) name, else the Arabic one."""
    assigned = []
    for attribute in attributes:
        value = values[attribute_field(attribute)]
        if attribute["inputType"] == "MULTISELECT":
            assigned.append({"id": attribute["id"], "multiselect": [{"id": v} for v in value]})
        elif attribute["inputType"] in ("DROPDOWN", "SWATCH") and value:
            assigned.append({"id": attribute["id"], "dropdown": {"id": value}})
        elif attribute["inputType"] == "NUMERIC" and value:
            assigned.append({"id": attribute["id"], "numeric": str(number(value).normalize())})
    return {"name": values["name_fr"] or values["name_ar"], "category": values["category"],
            "description": json.dumps(values["description_fr"] or values["description_ar"]),
            "attributes": assigned}


def price_values(post: QueryDict, export_channels: list[dict]) -> dict[str, Any]:
    values: dict[str, Any] = {"price": post.get("price", "").strip(), "quantity": post.get("quantity", "").strip(),
                              "unique": post.get("unique") == "on"}
    for channel in export_channels:
        values[f"price-{channel['slug']}"] = post.get(f"price-{channel['slug']}", "").strip()
    return values


def price_errors(values: dict[str, Any], export_channels: list[dict], *, price_only: bool = False
                 ) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    try:
        price = number(values["price"])
    except ValueError:
        price = Decimal(-1)
    if price is None:
        errors["price"] = [_("Enter the price in dirhams.")]
    elif price <= 0 or price >= MAX_PRICE:
        errors["price"] = [_("Enter a price in dirhams greater than zero, for example 450.")]
    if price_only:
        return errors
    for channel in export_channels:
        field = f"price-{channel['slug']}"
        try:
            amount = number(values[field])
        except ValueError:
            amount = Decimal(-1)
        if amount is not None and (amount <= 0 or amount >= MAX_PRICE):
            errors[field] = [_("Enter a price greater than zero, or leave it empty to follow the suggestion.")]
    if not values["unique"]:
        quantity = values["quantity"]
        try:
            count = int(number(quantity)) if quantity and number(quantity) == int(number(quantity)) else -1
        except ValueError:
            count = -1
        if count < 0 or count > MAX_QUANTITY:
            errors["quantity"] = [_("Enter how many pieces you have, a whole number (0 when sold out).")]
    return errors


def quantity(values: dict[str, Any]) -> int:
    return 1 if values["unique"] else int(number(values["quantity"]))
