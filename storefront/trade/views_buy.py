"""Buying wholesale: the trade catalogue (prices, packs, stock, made-to-order capacity, minimums), the
trade cart grouped by artisan with what each minimum still lacks, the XLSX order form's upload, and the
checkout (delivery address, shipping by cartons, payment terms)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from storefront.atelier.client import upload

from .client import call, field_errors, message
from .gate import verified

PAGE = 24
UPLOAD_KEY = "trade_upload_rows"


def _int(raw: str) -> int | None:
    try:
        return int(raw.strip())
    except (AttributeError, ValueError):
        return None


@verified
def catalogue(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    variables = {"first": PAGE, "after": request.GET.get("after") or None, "search": q or None,
                 "collection": request.GET.get("collection") or None}
    page = call(request, "TradeProducts", variables)["tradeProducts"]
    added = request.session.pop("trade_added", None)
    return render(request, "trade/catalogue.html", {
        "title": _("Trade catalogue"), "section": "catalogue", "page": page, "q": q,
        "products": [edge["node"] for edge in page["edges"]], "added": added,
        "errors": request.session.pop("trade_add_errors", {})})


@verified
@require_POST
def cart_add(request: HttpRequest) -> HttpResponse:
    variant = request.POST.get("variant", "")
    quantity = _int(request.POST.get("quantity", ""))
    back = request.POST.get("next") or f"/{request.lang}/trade/catalogue/"
    if not back.startswith(f"/{request.lang}/trade/"):
        back = f"/{request.lang}/trade/catalogue/"
    if quantity is None or quantity <= 0:
        request.session["trade_add_errors"] = {variant: [_("Enter a whole number, 1 or more.")]}
        return HttpResponseRedirect(back)
    result = call(request, "TradeCartLinesAdd", {"lines": [{"variantId": variant, "quantity": quantity}]})[
        "tradeCartLinesAdd"]
    if result["errors"]:
        request.session["trade_add_errors"] = {variant: [message(e) for e in result["errors"]]}
    else:
        request.session["trade_added"] = variant
    return HttpResponseRedirect(back)


def _cart(request: HttpRequest, country: str | None = None, city: str | None = None) -> dict[str, Any]:
    return call(request, "TradeCart", {"countryCode": country, "city": city})["tradeCart"]


@verified
@require_http_methods(["GET", "POST"])
def cart(request: HttpRequest) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    typed: dict[str, str] = {}
    if request.method == "POST":
        lines = []
        for key, raw in request.POST.items():
            if not key.startswith("qty-"):
                continue
            variant = key[4:]
            quantity = _int(raw)
            typed[variant] = raw
            if quantity is None or quantity < 0:
                errors[variant] = [_("Enter a whole number, 0 or more.")]
            else:
                lines.append({"variantId": variant, "quantity": quantity})
        if request.POST.get("remove"):
            lines = [{"variantId": request.POST["remove"], "quantity": 0}]
            errors = {}
        if not errors and lines:
            result = call(request, "TradeCartLinesUpdate", {"lines": lines})["tradeCartLinesUpdate"]
            for error in result["errors"]:
                index = _int((error.get("field") or "").partition(".")[2])
                key = lines[index]["variantId"] if index is not None and index < len(lines) else "form"
                errors.setdefault(key, []).append(message(error))
        if not errors:
            return HttpResponseRedirect(request.path)
    data = _cart(request)
    return render(request, "trade/cart.html", {
        "title": _("Trade cart"), "section": "cart", "cart": data, "errors": errors, "typed": typed,
        "upload_rows": request.session.pop(UPLOAD_KEY, None), "shipping": (data["shippingQuotes"] or [None])[0]})


@verified
@require_POST
def cart_upload(request: HttpRequest) -> HttpResponse:
    """The filled-in order form (XLSX or CSV) becomes the cart; the rows found wrong are listed."""
    file = request.FILES.get("form")
    if file is None:
        request.session[UPLOAD_KEY] = {"ok": False, "rows": [{"row": None, "message": _("Choose the file to send.")}]}
        return HttpResponseRedirect(f"/{request.lang}/trade/cart/")
    result = upload(request, "marketplace/TradeOrderFormUpload", {}, {"file": file})["tradeOrderFormUpload"]
    rows = [row for row in result["rows"] if row["severity"] != "info"]
    request.session[UPLOAD_KEY] = {"ok": not result["errors"], "rows": rows, "name": file.name}
    return HttpResponseRedirect(f"/{request.lang}/trade/cart/")


ADDRESS_FIELDS = ("company", "street", "postal_code", "city", "country_area", "country", "phone")


def _address_values(request: HttpRequest) -> dict[str, str]:
    if request.method == "POST":
        return {name: request.POST.get(name, "").strip() for name in (*ADDRESS_FIELDS, "method", "terms", "note")}
    shop = request.trade.get("shopAddress") or {}
    return {"company": request.trade["companyName"], "street": shop.get("streetAddress1", ""),
            "postal_code": shop.get("postalCode", ""), "city": shop.get("city", ""),
            "country_area": shop.get("countryArea") or "", "country": (shop.get("country") or {}).get("code")
            or request.trade["country"]["code"], "phone": "", "method": "", "terms": "DEPOSIT", "note": ""}


@verified
@require_http_methods(["GET", "POST"])
def checkout(request: HttpRequest) -> HttpResponse:
    values = _address_values(request)
    data = _cart(request, values["country"] or None, values["city"] or None)
    errors: dict[str, list[str]] = {}
    if not data["artisans"]:
        return HttpResponseRedirect(f"/{request.lang}/trade/cart/")
    if request.method == "POST":
        address = {"companyName": values["company"], "streetAddress1": values["street"],
                   "postalCode": values["postal_code"], "city": values["city"], "country": values["country"],
                   "countryArea": values["country_area"] or None, "phone": values["phone"] or None}
        result = call(request, "TradeOrderCreate", {"input": {
            "shippingAddress": address, "shippingMethod": values["method"] or None,
            "paymentTerms": values["terms"] or "DEPOSIT", "note": values["note"] or None}})["tradeOrderCreate"]
        if not result["errors"]:
            return HttpResponseRedirect(f"/{request.lang}/trade/orders/{result['tradeOrder']['id']}/")
        errors = field_errors(result["errors"], {
            "shippingAddress.streetAddress1": "street", "shippingAddress.postalCode": "postal_code",
            "shippingAddress.city": "city", "shippingAddress.countryArea": "country_area",
            "shippingAddress.phone": "phone", "shippingAddress": "street", "shippingMethod": "method",
            "paymentTerms": "terms", "lines": "form"})
    return render(request, "trade/checkout.html", {
        "title": _("Place the trade order"), "section": "cart", "cart": data, "values": values, "errors": errors,
        "trusted": request.trade["isTrusted"]}, status=200)
