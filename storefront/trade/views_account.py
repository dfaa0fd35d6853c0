"""The trade space's door: what trade buying is, the application (with a new account for a visitor), and
where an application stands (pending, refused with the curator's reason in the page's language)."""

from __future__ import annotations

from typing import Any

from babel import Locale
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from storefront.core.pages import api
from storefront.shop.account import _errors as account_errors
from storefront.shop.account import _sign_in

from .client import call, field_errors
from .gate import shop_prefix, sign_in_url, signed_in

SHOP_KINDS = ["CONCEPT_STORE", "GALLERY", "HOME_STORE", "DEPARTMENT_STORE", "MUSEUM_SHOP", "ONLINE_SHOP",
              "INTERIOR_DESIGNER", "DISTRIBUTOR", "OTHER"]
TAX_ID_KINDS = ["VAT", "EORI", "BUSINESS_NUMBER"]
FIELDS = {"companyName": "company_name", "country": "country", "taxId": "tax_id", "taxIdKind": "tax_id_kind",
          "website": "website", "shopKind": "shop_kind", "shopAddress": "street",
          "shopAddress.streetAddress1": "street", "shopAddress.postalCode": "postal_code",
          "shopAddress.city": "city", "shopAddress.countryArea": "country_area", "shopAddress.phone": "phone"}
TEXT_FIELDS = ("company_name", "country", "tax_id", "tax_id_kind", "website", "shop_kind", "street", "postal_code",
               "city", "country_area", "phone", "email", "first_name", "last_name")


def shop_kind_names() -> dict[str, str]:
    return {"CONCEPT_STORE": _("Concept store"), "GALLERY": _("Gallery"), "HOME_STORE": _("Home and decoration shop"),
            "DEPARTMENT_STORE": _("Department store"), "MUSEUM_SHOP": _("Museum shop"),
            "ONLINE_SHOP": _("Online shop"), "INTERIOR_DESIGNER": _("Interior designer"),
            "DISTRIBUTOR": _("Distributor or wholesaler"), "OTHER": _("Other")}


def tax_id_kind_names() -> dict[str, str]:
    return {"VAT": _("VAT number"), "EORI": _("EORI number"),
            "BUSINESS_NUMBER": _("Business number (outside Europe)")}


def countries(lang: str) -> list[tuple[str, str]]:
    names = Locale(lang if lang != "ar" else "ar").territories
    return sorted(((code, name) for code, name in names.items() if len(code) == 2 and code.isalpha()
                   and code.isupper() and code not in ("ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "XK")),
                  key=lambda pair: pair[1])


@signed_in
def home(request: HttpRequest) -> HttpResponse:
    account = request.trade
    if account and account["status"] == "VERIFIED":
        return HttpResponseRedirect(f"/{request.lang}/trade/catalogue/")
    return render(request, "trade/home.html", {
        "title": _("Buy wholesale from Moroccan artisans"), "account": account, "me": request.me, "nav": False,
        "sign_in_url": sign_in_url(request), "shop_prefix": shop_prefix(request),
        "shop_kinds": shop_kind_names()})


def _values(request: HttpRequest, account: dict | None) -> dict[str, str]:
    if request.method == "POST":
        return {name: request.POST.get(name, "").strip() for name in TEXT_FIELDS}
    if not account:
        return {"tax_id_kind": "VAT", "country": ""}
    address = account.get("shopAddress") or {}
    return {"company_name": account["companyName"], "country": account["country"]["code"], "tax_id": account["taxId"],
            "tax_id_kind": account["taxIdKind"], "website": account["website"], "shop_kind": account["shopKind"],
            "street": address.get("streetAddress1", ""), "postal_code": address.get("postalCode", ""),
            "city": address.get("city", ""), "country_area": address.get("countryArea", "")}


def _register(request: HttpRequest, values: dict[str, str], password: str) -> dict[str, list[str]]:
    """A visitor's new account, then signed in (the application needs one)."""
    errors = {name: [_("This field is required.")] for name in ("email",) if not values.get(name)}
    if not password:
        errors["password"] = [_("This field is required.")]
    if errors:
        return errors
    data = api(request, "saleor/AccountRegister", {"input": {
        "email": values["email"], "password": password, "firstName": values["first_name"],
        "lastName": values["last_name"], "languageCode": request.lang.upper(), "channel": "export"}},
               channel=False, cache_seconds=0)
    errors = account_errors(data["accountRegister"]["errors"])
    if not errors:
        errors = _sign_in(request, values["email"], password)
    return errors


@signed_in
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    account = request.trade
    if account and account["status"] == "VERIFIED":
        return HttpResponseRedirect(f"/{request.lang}/trade/catalogue/")
    values = _values(request, account)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        errors = {name: [_("This field is required.")] for name in ("company_name", "country", "shop_kind", "tax_id")
                  if not values[name]}
        if request.me is None and not errors:
            errors = _register(request, values, request.POST.get("password", ""))
        if not errors:
            address: dict[str, Any] | None = None
            if values["street"] or values["city"] or values["postal_code"]:
                address = {"streetAddress1": values["street"], "postalCode": values["postal_code"],
                           "city": values["city"], "countryArea": values["country_area"] or None,
                           "phone": values["phone"] or None}
            result = call(request, "TradeAccountApply", {"input": {
                "companyName": values["company_name"], "country": values["country"],
                "taxId": values["tax_id"], "taxIdKind": values["tax_id_kind"] or "VAT",
                "website": values["website"] or None, "shopKind": values["shop_kind"],
                "shopAddress": address}})["tradeAccountApply"]
            errors = field_errors(result["errors"], FIELDS)
            if not errors:
                return HttpResponseRedirect(f"/{request.lang}/trade/")
    return render(request, "trade/apply.html", {
        "title": _("Apply for a trade account"), "values": values, "errors": errors, "me": request.me,
        "account": account, "countries": countries(request.lang), "shop_kinds": shop_kind_names(),
        "tax_id_kinds": tax_id_kind_names(), "nav": False, "sign_in_url": sign_in_url(request)})
