"""Trade accounts: a shop applies (company, country, VAT or EORI number, website or shop address, kind of
shop); a curator approves it, or rejects it with a reason its owner reads in their own language; a curator
may trust a verified account with net-30 terms. Until verified, the account sees retail only."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from marketplace.accounts.addresses import address_from_input
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.permissions import require_authenticated, require_curator
from marketplace.trade.models import TradeAccount
from marketplace.trade.setup import channel_for_country, trade_channels

EUROPE_PREFIX = {"GR": "EL"}  # Greece's VAT numbers start with EL
NON_EU_EUROPE = {"CH", "GB", "NO"}
_CLEAN = re.compile(r"[\s.\-/]")


def normalise_tax_id(value: str) -> str:
    return _CLEAN.sub("", value or "").upper()


def _check_tax_id(tax_id: str, kind: str, country: str) -> FieldError | None:
    """VAT and EORI numbers carry the country's prefix (EL for Greece's VAT, CHE for Switzerland's, NO…MVA
    for Norway's); outside Europe a business number (Canada's BN, a US EIN) of 5 to 20 letters and digits."""
    from marketplace.channels.services import EU_COUNTRIES

    european = country in EU_COUNTRIES or country in NON_EU_EUROPE
    if not tax_id:
        return FieldError("taxId", "Give your VAT or EORI number (a business number outside Europe).", "REQUIRED")
    if kind == TradeAccount.TaxIdKind.BUSINESS_NUMBER:
        if european:
            return FieldError("taxIdKind", "In Europe, give your VAT or EORI number.", "INVALID")
        if not re.fullmatch(r"[A-Z0-9]{5,20}", tax_id):
            return FieldError("taxId", f"{tax_id!r} is not a business number (5 to 20 letters and digits).", "INVALID")
        return None
    prefix = EUROPE_PREFIX.get(country, country) if kind == TradeAccount.TaxIdKind.VAT else country
    if kind == TradeAccount.TaxIdKind.VAT and country == "CH":
        valid = re.fullmatch(r"CHE\d{9}(MWST|TVA|IVA)?", tax_id)
    elif kind == TradeAccount.TaxIdKind.VAT and country == "NO":
        valid = re.fullmatch(r"NO\d{9}(MVA)?", tax_id)
    elif kind == TradeAccount.TaxIdKind.VAT:
        valid = re.fullmatch(rf"{prefix}[0-9A-Z]{{2,13}}", tax_id) and sum(c.isdigit() for c in tax_id) >= 2
    else:  # EORI: the issuing country's code and up to 15 characters
        valid = re.fullmatch(rf"{prefix}[0-9A-Z]{{1,15}}", tax_id) and any(c.isdigit() for c in tax_id)
    if not valid:
        label = "VAT" if kind == TradeAccount.TaxIdKind.VAT else "EORI"
        return FieldError("taxId", f"{tax_id!r} is not a {label} number of {country} (it starts with {prefix}).",
                          "INVALID")
    return None


@transaction.atomic
def apply(user: Any, data: dict[str, Any]) -> TradeAccount:
    """Create or correct the signed-in user's application (PENDING again). A verified account is not
    re-applied for."""
    require_authenticated(user)
    existing = TradeAccount.objects.select_for_update().filter(user_id=user.pk).first()
    if existing is not None and existing.status == TradeAccount.Status.VERIFIED:
        raise MutationError([FieldError(None, "This account is already verified for trade.", "ALREADY_VERIFIED")])
    errors: list[FieldError] = []
    company = (data.get("company_name") or "").strip()
    if not company:
        errors.append(FieldError("companyName", "Give the name of your company or shop.", "REQUIRED"))
    elif len(company) > 250:
        errors.append(FieldError("companyName", "At most 250 characters.", "INVALID"))
    country = (getattr(data.get("country"), "value", data.get("country")) or "").strip().upper()
    served = {code for channel in trade_channels() for code in channel.countries}
    if not country:
        errors.append(FieldError("country", "Choose your country.", "REQUIRED"))
    elif country not in served:
        errors.append(FieldError("country", f"We do not sell wholesale to {country} yet.", "OUTSIDE_MARKETS"))
    kind = getattr(data.get("tax_id_kind"), "value", data.get("tax_id_kind")) or TradeAccount.TaxIdKind.VAT
    tax_id = normalise_tax_id(data.get("tax_id") or "")
    if country in served:
        problem = _check_tax_id(tax_id, kind, country)
        if problem:
            errors.append(problem)
    shop_kind = getattr(data.get("shop_kind"), "value", data.get("shop_kind"))
    if not shop_kind:
        errors.append(FieldError("shopKind", "Choose the kind of shop.", "REQUIRED"))
    website = (data.get("website") or "").strip()
    if website and "://" not in website:
        website = "https://" + website
    if website:
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError:
            errors.append(FieldError("website", f"{website!r} is not a web address.", "INVALID"))
    address_data = data.get("shop_address")
    has_address = bool(address_data and (address_data.get("street_address_1") or address_data.get("city")))
    if not website and not has_address:
        errors.append(FieldError("website", "Give your website or your shop's address.", "REQUIRED"))
    address = None
    if has_address and not errors:
        if (getattr(address_data.get("country"), "value", address_data.get("country")) or country) != country:
            errors.append(FieldError("shopAddress", "The shop's address must be in the country you chose.", "INVALID"))
        else:
            try:
                address = address_from_input({**address_data, "country": country, "company_name": company},
                                             instance=existing.shop_address if existing else None)
            except MutationError as error:
                errors += [FieldError(f"shopAddress.{e.field}" if e.field else "shopAddress", e.message, e.code)
                           for e in error.errors]
    if errors:
        raise MutationError(errors)
    account = existing or TradeAccount(user=user)
    account.company_name, account.country, account.tax_id, account.tax_id_kind = company, country, tax_id, kind
    account.website, account.shop_kind, account.channel = website, shop_kind, channel_for_country(country)
    account.shop_address = address
    account.status, account.rejection_reason, account.rejection_note = TradeAccount.Status.PENDING, "", ""
    account.applied_at, account.reviewed_at, account.reviewed_by = timezone.now(), None, None
    account.save()
    user._maalem_trade_account = account
    return account


def _account_for_review(user: Any, pk: int) -> TradeAccount:
    require_curator(user)
    account = TradeAccount.objects.select_for_update().select_related("user").filter(pk=pk).first()
    if account is None:
        raise MutationError([FieldError("id", "Couldn't resolve to a trade account.", "NOT_FOUND")])
    return account


def _notify(account: TradeAccount) -> None:
    from marketplace.trade.tasks import send_account_decision_task

    transaction.on_commit(lambda: send_account_decision_task.delay(account.pk))


@transaction.atomic
def approve(user: Any, pk: int, *, trusted: bool | None = None) -> TradeAccount:
    account = _account_for_review(user, pk)
    was = account.status
    account.status, account.rejection_reason, account.rejection_note = TradeAccount.Status.VERIFIED, "", ""
    account.reviewed_at, account.reviewed_by = timezone.now(), user
    if trusted is not None:
        account.is_trusted = trusted
    account.save()
    if was != TradeAccount.Status.VERIFIED:
        _notify(account)
    return account


@transaction.atomic
def reject(user: Any, pk: int, *, reason: str, note: str = "") -> TradeAccount:
    account = _account_for_review(user, pk)
    note = (note or "").strip()
    if reason not in TradeAccount.RejectionReason.values:
        raise MutationError([FieldError("reason", "Choose a reason.", "REQUIRED")])
    if reason == TradeAccount.RejectionReason.OTHER and not note:
        raise MutationError([FieldError("note", "Explain the reason in a note.", "REQUIRED")])
    if len(note) > 2000:
        raise MutationError([FieldError("note", "At most 2000 characters.", "INVALID")])
    account.status, account.rejection_reason, account.rejection_note = TradeAccount.Status.REJECTED, reason, note
    account.reviewed_at, account.reviewed_by, account.is_trusted = timezone.now(), user, False
    account.save()
    _notify(account)
    return account


@transaction.atomic
def set_trusted(user: Any, pk: int, trusted: bool) -> TradeAccount:
    account = _account_for_review(user, pk)
    if trusted and account.status != TradeAccount.Status.VERIFIED:
        raise MutationError([FieldError("trusted", "Only a verified account can be trusted with net-30 terms.",
                                        "NOT_VERIFIED")])
    account.is_trusted = trusted
    account.save(update_fields=["is_trusted"])
    return account
