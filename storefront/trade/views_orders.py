"""After buying: trade orders (terms, deposit and balance, production, the proforma), quotes (ask, see
the artisan's answer, accept it into an order), and line sheets (PDF, XLSX order form) for exhibitions."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from storefront.core.client import ApiError
from storefront.core.pages import api

from .client import call, field_errors, message
from .gate import verified


def kind_names() -> dict[str, str]:
    return {"QUANTITY": _("A larger quantity"), "COLOUR": _("Another colour"), "SIZE": _("Another size"),
            "OWN_LABEL": _("With our own label"), "OTHER": _("Something else")}


def stage_names() -> dict[str, str]:
    return {"AWAITING_DEPOSIT": _("Awaiting the deposit"), "AWAITING_BALANCE": _("Deposit received, balance due "
            "before shipping"), "ON_NET_TERMS": _("Payment 30 days after shipping"), "PAID": _("Paid"),
            "CANCELED": _("Canceled")}


def quote_status_names() -> dict[str, str]:
    return {"REQUESTED": _("Waiting for the artisan"), "OFFERED": _("Offer received"), "DECLINED": _("Declined"),
            "ACCEPTED": _("Accepted")}


def production_status_names() -> dict[str, str]:
    return {"AWAITING_DEPOSIT": _("Starts when the deposit is received"), "IN_PRODUCTION": _("In production"),
            "READY": _("Ready"), "CANCELED": _("Canceled")}


@verified
def orders(request: HttpRequest) -> HttpResponse:
    page = call(request, "TradeOrders", {"first": 50, "after": request.GET.get("after") or None})["tradeOrders"]
    return render(request, "trade/orders.html", {"title": _("Trade orders"), "section": "orders", "page": page,
                                                 "orders": [e["node"] for e in page["edges"]],
                                                 "stages": stage_names()})


@verified
def order(request: HttpRequest, order_id: str) -> HttpResponse:
    try:
        trade = call(request, "TradeOrder", {"id": order_id})["tradeOrder"]
    except ApiError as exc:
        if exc.unavailable:
            raise
        trade = None
    if not trade:
        raise Http404("no such trade order")
    production = {}
    for job in trade["productionOrders"]:
        production.setdefault(job["sku"], job)
    return render(request, "trade/order.html", {"title": _("Trade order %(number)s") % {"number": trade["number"]},
                                                "section": "orders", "trade": trade, "stages": stage_names(),
                                                "production": production,
                                                "production_status": production_status_names()})


@verified
@require_http_methods(["GET", "POST"])
def quote_new(request: HttpRequest) -> HttpResponse:
    variant = request.GET.get("variant") or request.POST.get("variant", "")
    name = request.GET.get("name") or request.POST.get("name", "")
    values = {"quantity": request.POST.get("quantity", "").strip(), "kind": request.POST.get("kind", "QUANTITY"),
              "note": request.POST.get("note", "").strip()}
    errors: dict[str, list[str]] = {}
    if not variant:
        raise Http404("no piece")
    if request.method == "POST":
        try:
            quantity = int(values["quantity"])
        except ValueError:
            quantity = 0
        if quantity <= 0:
            errors["quantity"] = [_("Enter a whole number, 1 or more.")]
        else:
            result = call(request, "TradeQuoteRequest", {"input": {"variantId": variant, "quantity": quantity,
                                                                   "kind": values["kind"], "note": values["note"]}})[
                "tradeQuoteRequest"]
            errors = field_errors(result["errors"], {"quantity": "quantity", "note": "note", "variantId": "form"})
            if not errors:
                request.session["trade_flash"] = _("Your request is sent: the artisan answers in this page.")
                return HttpResponseRedirect(f"/{request.lang}/trade/quotes/")
    return render(request, "trade/quote_new.html", {"title": _("Ask for a quote"), "section": "quotes",
                                                    "variant": variant, "name": name, "values": values,
                                                    "errors": errors, "kinds": kind_names()})


@verified
def quotes(request: HttpRequest) -> HttpResponse:
    page = call(request, "TradeQuotes", {"first": 50})["tradeQuotes"]
    return render(request, "trade/quotes.html", {
        "title": _("Quotes"), "section": "quotes", "quotes": [e["node"] for e in page["edges"]],
        "kinds": kind_names(), "statuses": quote_status_names(), "flash": request.session.pop("trade_flash", ""),
        "errors": request.session.pop("trade_quote_errors", {})})


@verified
@require_POST
def quote_accept(request: HttpRequest, quote_id: str) -> HttpResponse:
    result = call(request, "TradeQuoteAccept", {"id": quote_id, "input": {}})["tradeQuoteAccept"]
    if result["errors"]:
        request.session["trade_quote_errors"] = {quote_id: [message(e) for e in result["errors"]]}
        return HttpResponseRedirect(f"/{request.lang}/trade/quotes/")
    return HttpResponseRedirect(f"/{request.lang}/trade/orders/{result['tradeOrder']['id']}/")


@verified
def line_sheets(request: HttpRequest) -> HttpResponse:
    """Every collection of the public catalogue; its line sheet holds the pieces offered to trade buyers."""
    collections = api(request, "saleor/Collections", {"channel": "export", "first": 50}, channel=False,
                      cache_seconds=60)["collections"]
    return render(request, "trade/line_sheets.html", {
        "title": _("Line sheets and order forms"), "section": "sheets",
        "collections": [e["node"] for e in collections["edges"]]})


@verified
def line_sheet(request: HttpRequest, kind: str) -> HttpResponse:
    """A fresh signed link (valid an hour) to the PDF or the XLSX, for this collection and language."""
    language = request.GET.get("language", request.lang)
    if language not in ("fr", "en") or kind not in ("pdf", "xlsx"):
        language = "en" if language not in ("fr", "en") else language
    try:
        sheet = call(request, "TradeLineSheet", {"collection": request.GET.get("collection") or None,
                                                 "languageCode": language.upper()})["tradeLineSheet"]
    except ApiError as exc:
        if exc.unavailable:
            raise
        raise Http404("no such collection") from None
    return HttpResponseRedirect(sheet["pdfUrl"] if kind == "pdf" else sheet["orderFormUrl"])
