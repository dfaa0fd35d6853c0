"""A variant's customs data (marketplace extension, Saleor has none): the HS code and the parcel
dimensions, which export shipments (customs declarations, volumetric weight) need."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from marketplace.core.errors import FieldError, MutationError

HS_CODE = re.compile(r"^\d{6,10}$")
MAX_CM = Decimal("9999999.9")  # the columns' precision (8 digits, one decimal)
SIDES = ("length", "width", "height")


def clean_hs_code(value: str | None, field: str = "hsCode") -> str:
    """6 to 10 digits (dots and spaces as written on tariffs are dropped); empty clears it."""
    code = re.sub(r"[\s.]", "", value or "")
    if code and not HS_CODE.match(code):
        raise MutationError([FieldError(field, f"{value!r} is not an HS code (6 to 10 digits).", "INVALID")])
    return code


def clean_dimensions(value: dict[str, Any] | None, field: str = "dimensions") -> dict[str, Decimal | None]:
    """{'length_cm': …, 'width_cm': …, 'height_cm': …}; a side left out or null is cleared."""
    value = value or {}
    cleaned: dict[str, Decimal | None] = {}
    for side in SIDES:
        raw = value.get(side)
        if raw is None:
            cleaned[f"{side}_cm"] = None
            continue
        try:
            number = Decimal(str(raw)).quantize(Decimal("0.1"))
        except (InvalidOperation, ValueError):
            number = Decimal(-1)
        if not number.is_finite() or number <= 0 or number > MAX_CM:
            raise MutationError([FieldError(f"{field}.{side}", f"{raw!r}: a length in centimetres greater than "
                                            "zero is expected.", "INVALID")])
        cleaned[f"{side}_cm"] = number
    return cleaned
