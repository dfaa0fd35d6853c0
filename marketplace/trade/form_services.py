"""The order form's upload: a filled-in XLSX becomes the verified account's trade cart (order_form.py
parses it with the importer's rules; cart_services.py checks the lines)."""

from __future__ import annotations

from typing import Any

from marketplace.trade.models import TradeCart


def upload_order_form(user: Any, file: Any) -> tuple[TradeCart | None, list[dict[str, Any]]]:
    raise NotImplementedError
