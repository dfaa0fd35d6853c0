"""Form helpers shared by the curation views: API errors next to their fields, dates, positions."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext as _

from storefront.core.templatetags.sf import block_texts, editorjs

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
Errors = dict[str, list[str]]


def api_message(error: dict[str, Any]) -> str:
    """The API's messages are English: the usual codes get a message in the page's language."""
    code = error.get("code", "")
    field = error.get("field") or ""
    if code == "UNIQUE" and field == "slug":
        return _("Another collection already uses this slug: choose another one.")
    messages = {
        "REQUIRED": _("This field is required."),
        "INVALID": _("Enter a valid value."),
        "NOT_FOUND": _("This item no longer exists: reload the page."),
        "DUPLICATED_INPUT_ITEM": _("The same item is given twice."),
        "UNIQUE": _("This value is already used."),
    }
    return messages.get(code) or error.get("message") or _("Enter a valid value.")


def api_errors(errors: list[dict[str, Any]], fields: dict[str, str] | None = None) -> Errors:
    """Payload errors keyed by the form's field names (`fields` maps API names); others go under `form`."""
    out: Errors = {}
    for error in errors:
        name = (fields or {}).get(error.get("field") or "", "form")
        out.setdefault(name, []).append(api_message(error))
    return out


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def parse_datetime_local(value: str) -> dt.datetime | None:
    """An <input type=datetime-local> value (Casablanca time) → an aware datetime; '' → None.
    Raises ValueError on anything else."""
    value = value.strip()
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=local_zone())
    return parsed


def datetime_local_value(iso: str | None) -> str:
    """An API DateTime → the value an <input type=datetime-local> shows (Casablanca time, minutes)."""
    if not iso:
        return ""
    parsed = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return parsed.astimezone(local_zone()).strftime("%Y-%m-%dT%H:%M")


def parse_date(value: str) -> dt.date | None:
    value = value.strip()
    return dt.date.fromisoformat(value) if value else None


def parse_positions(posted: dict[str, str], ids: list[str], prefix: str = "pos-") -> tuple[list[str], Errors]:
    """Numbered positions (1 = first) typed next to each item → the new order of `ids`.
    A blank position keeps the item's place; a bad number is an error next to its field."""
    errors: Errors = {}
    numbered: list[tuple[int, int, str]] = []
    for index, item in enumerate(ids):
        raw = (posted.get(prefix + item) or "").strip()
        if not raw:
            numbered.append((index + 1, index, item))
            continue
        if not raw.isdigit() or not 1 <= int(raw) <= len(ids):
            errors[prefix + item] = [_("Enter a number from 1 to %(count)s.") % {"count": len(ids)}]
            continue
        numbered.append((int(raw), index, item))
    if errors:
        return ids, errors
    # Ties keep the current order; a moved item goes before the one that had its number.
    moved_first = sorted(numbered, key=lambda t: (t[0], 0 if t[0] != t[1] + 1 else 1, t[1]))
    return [item for _pos, _index, item in moved_first], errors


def moves_for(current: list[str], wanted: list[str]) -> list[dict[str, Any]]:
    """Saleor's MoveProductInput list (relative shifts, applied in turn) that turns `current` into `wanted`;
    the API applies each move as a pop and an insert, as simulated here."""
    order = list(current)
    moves = []
    for target, item in enumerate(wanted):
        index = order.index(item)
        if index != target:
            order.pop(index)
            order.insert(target, item)
            moves.append({"productId": item, "sortOrder": target - index})
    return moves


def description_json(text: str) -> str | None:
    """Plain text (paragraphs separated by blank lines) → EditorJS JSON, as the API stores descriptions."""
    import json

    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    if not paragraphs:
        return None
    return json.dumps({"blocks": [{"type": "paragraph", "data": {"text": p}} for p in paragraphs]},
                      ensure_ascii=False)


def description_text(value: Any) -> str:
    """EditorJS JSON → the plain text a <textarea> shows back."""
    blocks, raw = editorjs(value)
    if raw is not None:
        return raw
    return "\n\n".join(re.sub(r"<[^>]+>", "", text) for text in block_texts(blocks))
