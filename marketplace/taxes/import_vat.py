"""The import VAT a destination country charges on arrival, as an estimate for export buyers (the shop does
not collect it: the carrier does, on delivery). Only where a simple rule exists: the standard rates of the EU
countries, the United Kingdom, Switzerland and Norway, charged on the goods and the delivery. Elsewhere there
is no estimate (None), never a guess. Rates are percentages, as Saleor's `TaxClassCountryRate.rate`."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

STANDARD_IMPORT_VAT_PERCENT = {code: Decimal(rate) for code, rate in {
    "AT": "20", "BE": "21", "BG": "20", "HR": "25", "CY": "19", "CZ": "21", "DK": "25", "EE": "24", "FI": "25.5",
    "FR": "20", "DE": "19", "GR": "24", "HU": "27", "IE": "23", "IT": "22", "LV": "21", "LT": "21", "LU": "17",
    "MT": "18", "NL": "21", "PL": "23", "PT": "23", "RO": "21", "SK": "23", "SI": "22", "ES": "21", "SE": "25",
    "GB": "20", "CH": "8.1", "NO": "25",
}.items()}


@dataclass(frozen=True)
class ImportVatEstimate:
    country: str
    rate_percent: Decimal
    amount: Decimal  # in the currency of the value it was computed on, rounded to a whole unit


def import_vat_estimate(country: str | None, value: Decimal) -> ImportVatEstimate | None:
    """The import VAT `country` would charge on `value` (the goods and the delivery), or None without a rule."""
    rate = STANDARD_IMPORT_VAT_PERCENT.get((country or "").upper())
    if rate is None:
        return None
    amount = (Decimal(value) * rate / 100).quantize(Decimal("1"), rounding=ROUND_HALF_EVEN)
    return ImportVatEstimate(country=country.upper(), rate_percent=rate, amount=amount)
