"""The order form's upload: a filled-in spreadsheet becomes the verified account's trade cart (replacing
what it held). order_form.py reads it with the importer's rules; each row is then checked as a cart line
would be (the piece offered in the account's market, whole packs, stock plus capacity). Any problem and
nothing changes; every problem comes back with its row, in the reader's language."""

from __future__ import annotations

from typing import Any

from marketplace.catalog.models import ProductVariant
from marketplace.core.errors import MutationError
from marketplace.trade import texts
from marketplace.trade.access import require_verified_buyer
from marketplace.trade.cart_services import set_lines
from marketplace.trade.models import TradeCart
from marketplace.trade.order_form import MAX_UPLOAD_BYTES, parse_order_form


def _row(row: int | None, column: str | None, code: str, message: str, severity: str = "error") -> dict[str, Any]:
    return {"row": row, "column": column, "code": code, "message": message, "severity": severity}


def upload_order_form(user: Any, file: Any, language: str = "en") -> tuple[TradeCart | None, list[dict[str, Any]]]:
    """(the cart, problems) when every row is right; (None, problems) otherwise, nothing written."""
    account = require_verified_buyer(user)
    size = getattr(file, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        return None, [_row(None, None, "FILE_TOO_LARGE", texts.form_message("FILE_TOO_LARGE", language,
                                                                             limit=MAX_UPLOAD_BYTES // 1024 // 1024))]
    parsed = parse_order_form(file.read(), getattr(file, "name", "") or "")
    problems = [_row(p.row, p.column, p.code, p.text(language), p.severity) for p in parsed.problems]
    if parsed.errors:
        return None, problems
    if not parsed.lines:
        return None, problems + [_row(None, None, "NO_QUANTITY", texts.form_message("NO_QUANTITY", language))]
    variants = {v.sku.upper(): v for v in ProductVariant.objects.filter(
        sku__in=[sku for _row_number, sku, _q in parsed.lines] + [sku.upper() for _r, sku, _q in parsed.lines])}
    lines, rows = [], []
    for row, sku, quantity in parsed.lines:
        variant = variants.get(sku.upper())
        if variant is None:
            problems.append(_row(row, "sku", "UNKNOWN_SKU", texts.form_message("UNKNOWN_SKU", language, sku=sku)))
            continue
        lines.append({"variant_id": variant.pk, "quantity": quantity})
        rows.append((row, sku))
    if any(p["severity"] == "error" for p in problems):
        return None, problems
    try:
        cart = set_lines(user, lines, replace=True)
    except MutationError as error:
        for item in error.errors:
            index = int(item.field.split(".")[1]) if item.field and item.field.startswith("lines.") else None
            row, sku = rows[index] if index is not None else (None, "")
            problems.append(_row(row, "quantity", item.code,
                                 texts.form_message(item.code, language, sku=sku, **item.extra)))
        return None, problems
    cart.account = account
    return cart, problems
