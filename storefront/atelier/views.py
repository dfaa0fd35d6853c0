"""The space's other screens: home, my products (status, quick stock), my orders to ship, my payouts."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from storefront.core.pages import api

from . import forms
from .catalog import flash, meta, space_url, status, stock_of, variant_of
from .client import field_errors
from .gate import artisan_space, shop_prefix

PAGE = 30
FILTERS = {"review": "PENDING", "rejected": "REJECTED", "published": "APPROVED"}


@artisan_space
def home(request: HttpRequest) -> HttpResponse:
    artisan = api(request, "marketplace/AtelierArtisan", {"id": request.workshop.artisan_id}, channel=False,
                  authenticated=True, cache_seconds=0)["artisan"]
    return render(request, "atelier/home.html", {"title": _("Artisan space"), "artisan": artisan,
                                                 "shop_prefix": shop_prefix(request)})


def _product_rows(request: HttpRequest, nodes: list[dict]) -> list[dict[str, Any]]:
    rows = []
    for node in nodes:
        variant = variant_of(node)
        stock = stock_of(variant)
        price = next((row["price"] for row in (variant or {}).get("channelListings") or []
                      if row["price"] and row["price"]["currency"] == "MAD"), None)
        rows.append({"node": node, "status": status(node), "variant": variant, "stock": stock, "price": price,
                     "step": meta(node, "atelierStep"),
                     "name": (node.get("ar") or {}).get("name") if request.lang == "ar" else None})
    return rows


@artisan_space
def products(request: HttpRequest, errors: dict | None = None, typed: dict | None = None) -> HttpResponse:
    """My products, newest first; `errors`/`typed` re-show a quick stock form that was refused."""
    shown = request.GET.get("status", "")
    variables = {"artisan": request.workshop.artisan_id, "first": PAGE, "after": request.GET.get("after") or None}
    if shown in FILTERS:
        variables["reviewStatus"] = FILTERS[shown]
    page = api(request, "marketplace/AtelierProducts", variables, channel=False, authenticated=True,
               cache_seconds=0)["managedProducts"]
    rows = _product_rows(request, [edge["node"] for edge in page["edges"]])
    if shown == "draft":
        rows = [row for row in rows if row["status"] == "draft"]
    elif shown in FILTERS:
        rows = [row for row in rows if row["status"] != "draft"]
    tabs = [("", _("All")), ("draft", _("Drafts")), ("review", _("In review")), ("published", _("Published")),
            ("rejected", _("Rejected"))]
    return render(request, "atelier/products.html", {
        "title": _("My products"), "rows": rows, "page": page, "shown": shown, "tabs": tabs,
        "stock_errors": errors or {}, "stock_typed": typed or {}}, status=200)


@artisan_space
@require_POST
def stock(request: HttpRequest, variant_id: str) -> HttpResponse:
    """Quick stock edit from the list: the quantity of one piece in the workshop."""
    raw = request.POST.get("quantity", "").strip()
    try:
        quantity = forms.number(raw)
    except ValueError:
        quantity = None
    if quantity is None or quantity < 0 or quantity != int(quantity) or quantity > forms.MAX_QUANTITY:
        return products.__wrapped__(request, {variant_id: [_("Enter a whole number, 0 or more.")]}, {variant_id: raw})
    if request.workshop.warehouse_id is None:
        return products.__wrapped__(request, {variant_id: [_(
            "Your workshop has no stock place yet: ask the ministry's team to set it up.")]}, {variant_id: raw})
    result = api(request, "saleor/ProductVariantStocksUpdate", {"variantId": variant_id, "stocks": [
        {"warehouse": request.workshop.warehouse_id, "quantity": int(quantity)}]}, channel=False,
        authenticated=True, cache_seconds=0)["productVariantStocksUpdate"]
    if result["errors"]:
        problems = field_errors(result["errors"], {})
        return products.__wrapped__(request, {variant_id: sum(problems.values(), [])}, {variant_id: raw})
    flash(request, _("Stock saved."))
    back = request.POST.get("back", "")
    # Back to the list page (and filter) the form was on; nowhere else.
    return HttpResponseRedirect(back if back.startswith(space_url(request, "products/")) else
                                space_url(request, "products/"))


def _orders(request: HttpRequest) -> dict[str, Any]:
    return api(request, "marketplace/ArtisanOrders", {"artisanId": request.workshop.artisan_id, "first": 50},
               channel=False, authenticated=True, cache_seconds=0)["artisanOrders"]


def _order_rows(request: HttpRequest, page: dict) -> list[dict[str, Any]]:
    rows = []
    for edge in page["edges"]:
        order = edge["node"]  # the artisan's part of the order (ArtisanOrder): its fulfilment and lines only
        fulfillment, lines = order["fulfillment"], order["lines"]
        country = ((order.get("shippingAddress") or {}).get("country") or {}).get("code", "")
        to_ship = bool(fulfillment) and fulfillment["stage"] in ("PENDING", "PACKED")
        # Paid orders ship; cash on delivery is paid to the carrier; others wait for the money (as the API).
        payable = order["isPaid"] or order["paymentMethod"] == "COD"
        rows.append({"order": order, "fulfillment": fulfillment, "lines": lines, "to_ship": to_ship,
                     "can_ship": to_ship and payable, "export": bool(country) and country != "MA"})
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
    """Mark my part of an order as shipped, with the carrier's tracking number."""
    tracking = request.POST.get("tracking", "").strip()
    pickup = request.POST.get("pickup") == "1"
    if not tracking and not pickup:
        return orders.__wrapped__(request, {fulfillment_id: [_("Enter the tracking number the carrier gave you.")]},
                                  {fulfillment_id: tracking})
    if len(tracking) > 100:
        return orders.__wrapped__(request, {fulfillment_id: [_("At most %(count)s characters.") % {"count": 100}]},
                                  {fulfillment_id: tracking})
    data: dict[str, Any] = {"stage": "SHIPPED"}
    if tracking:
        data["trackingNumber"] = tracking
    result = api(request, "marketplace/FulfillmentStageUpdate", {"id": fulfillment_id, "input": data}, channel=False,
                 authenticated=True, cache_seconds=0)["fulfillmentStageUpdate"]
    if result["errors"]:
        problems = field_errors(result["errors"], {})
        return orders.__wrapped__(request, {fulfillment_id: sum(problems.values(), [])}, {fulfillment_id: tracking})
    flash(request, _("Marked as shipped: the buyer is told."))
    return HttpResponseRedirect(space_url(request, "orders/"))


@artisan_space
def payouts(request: HttpRequest) -> HttpResponse:
    data = api(request, "marketplace/ArtisanPayouts", {"artisanId": request.workshop.artisan_id}, channel=False,
               authenticated=True, cache_seconds=0)
    return render(request, "atelier/payouts.html", {
        "title": _("My payouts"), "balances": data["artisanBalance"], "statements": data["payoutStatements"]})
