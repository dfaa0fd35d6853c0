"""My orders and my payouts. A part sent by a carrier is marked shipped with its tracking number; workshop
pickup and hotel delivery are handed over in person, with an optional note (the API says which). Lines are
named in the artisan's language. The payout statement PDF is served here, through the artisan's session,
like every page of the space (never a link to the API)."""

from __future__ import annotations

from typing import Any

import requests
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from storefront.core.client import api_headers
from storefront.core.pages import TOKEN_SESSION_KEY, api
from storefront.curation.gate import from_gid

from .catalog import flash, space_url
from .client import field_errors
from .gate import artisan_space

MAX_TRACKING = 100
MAX_NOTE = 500


def _orders(request: HttpRequest) -> dict[str, Any]:
    return api(request, "marketplace/ArtisanOrders", {"artisanId": request.workshop.artisan_id, "first": 50},
               channel=False, authenticated=True, cache_seconds=0)["artisanOrders"]


def _line_name(line: dict) -> str:
    translated = (((line.get("variant") or {}).get("product") or {}).get("translation") or {}).get("name")
    return translated or line["productName"]


def _order_rows(request: HttpRequest, page: dict) -> list[dict[str, Any]]:
    rows = []
    for edge in page["edges"]:
        order = edge["node"]  # the artisan's part of the order (ArtisanOrder): its fulfilment and lines only
        fulfillment = order["fulfillment"]
        lines = [{**line, "name": _line_name(line)} for line in order["lines"]]
        country = ((order.get("shippingAddress") or {}).get("country") or {}).get("code", "")
        to_ship = bool(fulfillment) and fulfillment["stage"] in ("PENDING", "PACKED")
        # Paid orders ship; cash on delivery is paid on delivery; others wait for the money (as the API).
        payable = order["isPaid"] or order["paymentMethod"] == "COD"
        rows.append({"order": order, "fulfillment": fulfillment, "lines": lines, "to_ship": to_ship,
                     "can_ship": to_ship and payable, "export": bool(country) and country != "MA",
                     "in_person": bool(fulfillment) and fulfillment["handedOverInPerson"]})
    rows.sort(key=lambda row: not row["to_ship"])  # what waits for the artisan first
    return rows


@artisan_space
def orders(request: HttpRequest, errors: dict | None = None, typed: dict | None = None) -> HttpResponse:
    page = _orders(request)
    return render(request, "atelier/orders.html", {
        "title": _("My orders"), "rows": _order_rows(request, page), "errors": errors or {}, "typed": typed or {}})


@artisan_space
@require_POST
def ship(request: HttpRequest, fulfillment_id: str) -> HttpResponse:
    """My part of an order: shipped with the carrier's tracking number, or handed over in person (a note)."""
    handover = request.POST.get("handover") == "1"
    typed = request.POST.get("note" if handover else "tracking", "").strip()
    limit = MAX_NOTE if handover else MAX_TRACKING
    if not typed and not handover:
        return orders.__wrapped__(request, {fulfillment_id: [_("Enter the tracking number the carrier gave you.")]},
                                  {fulfillment_id: typed})
    if len(typed) > limit:
        return orders.__wrapped__(request, {fulfillment_id: [_("At most %(count)s characters.") % {"count": limit}]},
                                  {fulfillment_id: typed})
    data: dict[str, Any] = {"stage": "DELIVERED", "note": typed} if handover else {
        "stage": "SHIPPED", "trackingNumber": typed}
    result = api(request, "marketplace/FulfillmentStageUpdate", {"id": fulfillment_id, "input": data}, channel=False,
                 authenticated=True, cache_seconds=0)["fulfillmentStageUpdate"]
    if result["errors"]:
        problems = field_errors(result["errors"], {})
        return orders.__wrapped__(request, {fulfillment_id: sum(problems.values(), [])}, {fulfillment_id: typed})
    flash(request, _("Marked as handed over: the buyer is told.") if handover
          else _("Marked as shipped: the buyer is told."))
    return HttpResponseRedirect(space_url(request, "orders/"))


@artisan_space
def payouts(request: HttpRequest) -> HttpResponse:
    data = api(request, "marketplace/ArtisanPayouts", {"artisanId": request.workshop.artisan_id}, channel=False,
               authenticated=True, cache_seconds=0)
    return render(request, "atelier/payouts.html", {
        "title": _("My payouts"), "balances": data["artisanBalance"], "statements": data["payoutStatements"]})


@artisan_space
@require_GET
def statement_pdf(request: HttpRequest, batch_id: str) -> HttpResponse:
    """The artisan's statement of one payout, fetched from the API with the session's token."""
    batch = from_gid("PayoutBatch", batch_id)
    artisan = from_gid("Artisan", request.workshop.artisan_id)
    base = settings.API_URL.rstrip("/").rsplit("/graphql", 1)[0]
    try:
        answer = requests.get(f"{base}/payouts/batches/{batch}/statements/{artisan}.pdf", timeout=settings.API_TIMEOUT,
                              headers=api_headers(request.session.get(TOKEN_SESSION_KEY), request.lang))
    except requests.RequestException:
        answer = None
    if answer is not None and answer.status_code == 404:
        raise Http404("no such statement")
    if answer is None or answer.status_code != 200 or not answer.content.startswith(b"%PDF"):
        return render(request, "atelier/statement_unavailable.html", {"title": _("My payouts")}, status=503)
    response = HttpResponse(answer.content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="maalem-statement-{batch}.pdf"'
    return response
