"""/<lang>/atelier/trade/: an artisan's trade side in the artisan space, in Arabic, French or English on a
phone: its minimums, which pieces are offered to trade buyers, each variant's pack, made-to-order capacity,
lead time and wholesale price (the rule's, or its own), the quotes to answer, what is to make."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from storefront.atelier.catalog import flash
from storefront.atelier.forms import number
from storefront.atelier.gate import artisan_space

from .client import call, field_errors
from .views_orders import kind_names, production_status_names, quote_status_names

ERRORS_KEY = "atelier_trade_errors"


def _back(request: HttpRequest, anchor: str = "") -> HttpResponse:
    return HttpResponseRedirect(f"/{request.lang}/atelier/trade/{anchor}")


def _errors(request: HttpRequest, key: str, errors: dict[str, list[str]]) -> None:
    request.session[ERRORS_KEY] = {key: errors}


def _whole(raw: str, field: str, errors: dict[str, list[str]]) -> int | None:
    try:
        value = number(raw)
    except ValueError:
        value = None
    if value is None or value != int(value) or value < 0:
        errors[field] = [_("Enter a whole number, 0 or more.")]
        return None
    return int(value)


def _same(amount: Decimal, current: str) -> bool:
    try:
        return Decimal(current) == amount
    except ArithmeticError:
        return False


@artisan_space
def trade(request: HttpRequest) -> HttpResponse:
    data = call(request, "ArtisanTrade", {"artisanId": request.workshop.artisan_id})["artisanTrade"]
    quotes = data["quotes"]
    return render(request, "trade/atelier.html", {
        "title": _("Trade buyers"), "trade": data, "errors": request.session.pop(ERRORS_KEY, {}),
        "open_quotes": [q for q in quotes if q["status"] in ("REQUESTED", "OFFERED")],
        "closed_quotes": [q for q in quotes if q["status"] not in ("REQUESTED", "OFFERED")],
        "kinds": kind_names(), "quote_statuses": quote_status_names(),
        "production_statuses": production_status_names()})


@artisan_space
@require_POST
def minimums(request: HttpRequest) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    values: dict[str, Any] = {}
    for field, api_name in (("first", "firstOrderMinimum"), ("reorder", "reorderMinimum")):
        try:
            amount = number(request.POST.get(field, ""))
        except ValueError:
            amount = None
        if amount is None or amount < 0:
            errors[field] = [_("Enter an amount in euros, 0 or more.")]
        else:
            values[api_name] = str(amount)
    if not errors:
        result = call(request, "ArtisanTradeTermsUpdate", {"artisanId": request.workshop.artisan_id, "input": values})[
            "artisanTradeTermsUpdate"]
        errors = field_errors(result["errors"], {"firstOrderMinimum": "first", "reorderMinimum": "reorder"})
    if errors:
        _errors(request, "minimums", errors)
    else:
        flash(request, _("Your minimums are saved."))
    return _back(request, "#minimums")


@artisan_space
@require_POST
def offer(request: HttpRequest, product_id: str) -> HttpResponse:
    offered = request.POST.get("offered") == "1"
    result = call(request, "TradeProductOfferUpdate", {"productId": product_id, "offered": offered})[
        "tradeProductOfferUpdate"]
    if result["errors"]:
        _errors(request, product_id, field_errors(result["errors"]))
    else:
        flash(request, _("The piece is offered to trade buyers.") if offered
              else _("The piece is no longer offered to trade buyers."))
    return _back(request, f"#p-{product_id}")


@artisan_space
@require_POST
def variant_terms(request: HttpRequest, variant_id: str) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    values = {"packSize": _whole(request.POST.get("pack", ""), "pack", errors),
              "madeToOrderCapacity": _whole(request.POST.get("capacity", ""), "capacity", errors),
              "leadTimeWeeks": _whole(request.POST.get("weeks", ""), "weeks", errors)}
    prices = []
    for slug in request.POST.getlist("channel"):
        raw = request.POST.get(f"price-{slug}", "").strip()
        try:
            amount = number(raw) if raw else None
        except ValueError:
            amount = Decimal(-1)
        if amount is not None and amount <= 0:
            errors[f"price-{slug}"] = [_("Enter a price greater than zero, or leave it empty to follow the rule.")]
        elif request.POST.get(f"follow-{slug}") or amount is None:
            if request.POST.get(f"overridden-{slug}"):
                prices.append({"channel": slug, "price": None})
        elif not _same(amount, request.POST.get(f"current-{slug}", "")) or not request.POST.get(f"overridden-{slug}"):
            prices.append({"channel": slug, "price": str(amount)})
    if not errors:
        result = call(request, "TradeVariantTermsUpdate", {"variantId": variant_id, "input": {
            **values, "wholesalePrices": prices}})["tradeVariantTermsUpdate"]
        errors = field_errors(result["errors"], {"packSize": "pack", "madeToOrderCapacity": "capacity",
                                                 "leadTimeWeeks": "weeks", "wholesalePrices": "form"})
    if errors:
        _errors(request, variant_id, errors)
    else:
        flash(request, _("Saved."))
    return _back(request, f"#v-{variant_id}")


@artisan_space
@require_POST
def quote_answer(request: HttpRequest, quote_id: str) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    decline = request.POST.get("decline") == "1"
    variables: dict[str, Any] = {"note": request.POST.get("note", "").strip(), "decline": decline}
    if not decline:
        try:
            price = number(request.POST.get("price", ""))
        except ValueError:
            price = None
        if price is None or price <= 0:
            errors["price"] = [_("Enter a price greater than zero.")]
        weeks = _whole(request.POST.get("weeks", ""), "weeks", errors)
        if not errors:
            variables.update(unitPrice=str(price), leadTimeWeeks=weeks)
    if not errors:
        result = call(request, "TradeQuoteAnswer", {"id": quote_id, "input": variables})["tradeQuoteAnswer"]
        errors = field_errors(result["errors"], {"unitPrice": "price", "leadTimeWeeks": "weeks", "note": "note"})
    if errors:
        _errors(request, quote_id, errors)
    else:
        flash(request, _("Your answer is sent to the buyer."))
    return _back(request, f"#q-{quote_id}")
