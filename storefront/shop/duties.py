"""The export checkout's duties note: the import VAT the destination country charges on arrival, where a
simple rule exists (standard rates of the EU countries, the United Kingdom, Switzerland and Norway, charged
on the goods and the delivery). Elsewhere the note only says that duties are the buyer's."""

from __future__ import annotations

from decimal import Decimal

from storefront.core.templatetags.sf import country_name

IMPORT_VAT = {
    "AT": 20, "BE": 21, "BG": 20, "HR": 25, "CY": 19, "CZ": 21, "DK": 25, "EE": 24, "FI": 25.5, "FR": 20, "DE": 19,
    "GR": 24, "HU": 27, "IE": 23, "IT": 22, "LV": 21, "LT": 21, "LU": 17, "MT": 18, "NL": 21, "PL": 23, "PT": 23,
    "RO": 21, "SK": 23, "SI": 22, "ES": 21, "SE": 25, "GB": 20, "CH": 8.1, "NO": 25,
}


def duties_estimate(country: str, checkout: dict) -> dict | None:
    """{country, rate, amount} of the import VAT on the pieces and the delivery, or None without a rule."""
    rate = IMPORT_VAT.get(country)
    if rate is None:
        return None
    total = (checkout.get("totalPrice") or {}).get("gross")
    amount = None
    if total:
        value = (Decimal(str(total["amount"])) * Decimal(str(rate)) / 100).quantize(Decimal("1"))
        amount = {"amount": value, "currency": total["currency"]}
    return {"country": country_name(country), "rate": f"{rate:g}", "amount": amount}
