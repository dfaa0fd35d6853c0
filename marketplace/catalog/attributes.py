"""Saleor's AttributeValueInput → our attribute values: look up (or create, as Saleor does for new
dropdown names, numbers and texts) the values to assign, checked against the product type."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.text import slugify

from marketplace.catalog.models import Attribute, AttributeValue
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.graphql.ids import from_global_id

SELECTABLE = ("dropdown", "swatch")


def _pk(global_id: str, type_name: str, field: str) -> int | None:
    try:
        kind, pk = from_global_id(global_id)
    except Exception:  # graphql's error is fine for queries; here we want a payload error
        kind, pk = "", ""
    if kind != type_name or not pk.isdigit():
        raise MutationError([FieldError(field, f"Invalid ID: {global_id}. Expected: {type_name}.", "GRAPHQL_ERROR")])
    return int(pk)


def _value_for(attribute: Attribute, spec: dict[str, Any], field: str, cache: dict | None) -> AttributeValue:
    if spec.get("id"):
        value = AttributeValue.objects.filter(pk=_pk(spec["id"], "AttributeValue", field), attribute=attribute).first()
    elif spec.get("external_reference"):
        value = AttributeValue.objects.filter(external_reference=spec["external_reference"],
                                              attribute=attribute).first()
    elif spec.get("value"):
        return _text_value(attribute, spec["value"], cache)
    else:
        raise MutationError([FieldError(field, f"Give a value for attribute {attribute.slug}.", "REQUIRED")])
    if value is None:
        raise MutationError([FieldError(field, f"Unknown value for attribute {attribute.slug}.", "NOT_FOUND")])
    return value


def _text_value(attribute: Attribute, text: str, cache: dict | None = None) -> AttributeValue:
    slug = slugify(text)[:240] or "value"
    key = (attribute.pk, slug)
    if cache is not None and key in cache:
        return cache[key]
    value, _ = AttributeValue.objects.get_or_create(attribute=attribute, slug=slug, defaults={"name": text[:250]})
    if cache is not None:
        cache[key] = value
    return value


def resolve_attribute_values(items: Iterable[dict[str, Any]], allowed: dict[int, Attribute],
                             field: str = "attributes", cache: dict | None = None) -> list[AttributeValue]:
    """`allowed`: the product type's attributes by pk. Returns the values to assign, in order. `cache`
    ((attribute pk, slug) -> value) spares a bulk call one lookup per row for values rows share."""
    values: list[AttributeValue] = []
    seen: set[int] = set()
    by_reference = {a.external_reference: a for a in allowed.values() if a.external_reference}
    by_slug = {a.slug: a for a in allowed.values()}
    for item in items or []:
        if item.get("id"):
            attribute = allowed.get(_pk(item["id"], "Attribute", field))
        else:
            reference = item.get("external_reference") or ""
            attribute = by_reference.get(reference) or by_slug.get(reference)
        if attribute is None:
            raise MutationError([FieldError(field, "This attribute cannot be assigned to this product type.",
                                            "ATTRIBUTE_CANNOT_BE_ASSIGNED")])
        if attribute.pk in seen:
            raise MutationError([FieldError(field, f"Attribute {attribute.slug} is given twice.",
                                            "DUPLICATED_INPUT_ITEM")])
        seen.add(attribute.pk)
        kind = attribute.input_type
        if kind in (Attribute.InputType.DROPDOWN, Attribute.InputType.SWATCH):
            spec = item.get("dropdown") or item.get("swatch")
            if spec is None and item.get("values"):
                spec = {"value": item["values"][0]}
            values.append(_value_for(attribute, spec or {}, field, cache))
        elif kind == Attribute.InputType.MULTISELECT:
            specs = item.get("multiselect") or [{"value": v} for v in item.get("values") or []]
            values.extend(_value_for(attribute, spec, field, cache) for spec in specs)
        elif kind == Attribute.InputType.NUMERIC:
            raw = item.get("numeric")
            try:
                float(raw)
            except (TypeError, ValueError):
                raise MutationError([FieldError(field, f"{attribute.slug}: a number is expected.",
                                                "INVALID")]) from None
            values.append(_text_value(attribute, str(raw), cache))
        else:
            text = item.get("plain_text")
            if not text:
                raise MutationError([FieldError(field, f"{attribute.slug}: a text is expected.", "REQUIRED")])
            value = _text_value(attribute, text, cache)
            if not value.plain_text:
                value.plain_text = text
                value.save(update_fields=["plain_text"])
            values.append(value)
    return values
