"""The export checkout's duties note: the import VAT the destination country charges on arrival, where a
simple rule exists. The API knows the rates and estimates the amount (`Checkout.importVatEstimate`); this
module only asks and names the country. Elsewhere the note only says that duties are the buyer's."""

from __future__ import annotations

from django.http import HttpRequest

from storefront.core.pages import api
from storefront.core.templatetags.sf import country_name


def duties_estimate(request: HttpRequest, country: str, checkout: dict) -> dict | None:
    """{country, rate, amount} of the import VAT on the pieces and the delivery, or None without a rule."""
    if not (len(country) == 2 and country.isalpha()):
        return None
    found = api(request, "marketplace/CheckoutImportVat", {"id": checkout["id"], "countryCode": country.upper()},
                channel=False, authenticated=True, cache_seconds=0)["checkout"]
    estimate = (found or {}).get("importVatEstimate")
    if not estimate:
        return None
    return {"country": country_name(country), "rate": f"{estimate['rate']:g}", "amount": estimate["amount"]}
