"""The space's home (with the draft to continue) and my products (each tab's count, status, why a piece was
rejected, quick stock)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from storefront.core.pages import api

from . import forms
from .catalog import flash, next_step, product_name, space_url, status, stock_of, variant_of
from .client import field_errors
from .gate import artisan_space, shop_prefix

PAGE = 30
# tab: the managedProducts arguments it shows (the API's draft filter and review status).
FILTERS = {"draft": {"draft": True}, "review": {"draft": False, "reviewStatus": "PENDING"},
           "published": {"draft": False, "reviewStatus": "APPROVED"},
           "rejected": {"draft": False, "reviewStatus": "REJECTED"}}


@artisan_space
def home(request: HttpRequest) -> HttpResponse:
    data = api(request, "marketplace/AtelierHome", {"id": request.workshop.artisan_id}, channel=False,
               authenticated=True, cache_seconds=0)
    drafts = data["managedProducts"]
    draft = drafts["edges"][0]["node"] if drafts["edges"] else None
    return render(request, "atelier/home.html", {
        "title": _("Artisan space"), "artisan": data["artisan"], "shop_prefix": shop_prefix(request),
        "draft": draft and {"node": draft, "name": product_name(draft, request.lang), "step": next_step(draft)},
        "more_drafts": drafts["totalCount"] - 1 if draft else 0})


def _product_rows(request: HttpRequest, nodes: list[dict]) -> list[dict[str, Any]]:
    rows = []
    for node in nodes:
        variant = variant_of(node)
        stock = stock_of(variant)
        price = next((row["price"] for row in (variant or {}).get("channelListings") or []
                      if row["price"] and row["price"]["currency"] == "MAD"), None)
        rows.append({"node": node, "status": status(node), "variant": variant, "stock": stock, "price": price,
                     "step": next_step(node), "name": product_name(node, request.lang)})
    return rows


@artisan_space
def products(request: HttpRequest, errors: dict | None = None, typed: dict | None = None) -> HttpResponse:
    """My products, newest first; `errors`/`typed` re-show a quick stock form that was refused."""
    shown = request.GET.get("status", "")
    shown = shown if shown in FILTERS else ""
    variables = {"artisan": request.workshop.artisan_id, "first": PAGE, "after": request.GET.get("after") or None,
                 **FILTERS.get(shown, {})}
    data = api(request, "marketplace/AtelierProducts", variables, channel=False, authenticated=True, cache_seconds=0)
    page = data["managedProducts"]
    rows = _product_rows(request, [edge["node"] for edge in page["edges"]])
    tabs = [("", _("All"), data["all"]["totalCount"]), ("draft", _("Drafts"), data["drafts"]["totalCount"]),
            ("review", _("In review"), data["review"]["totalCount"]),
            ("published", _("Published"), data["published"]["totalCount"]),
            ("rejected", _("Rejected"), data["rejected"]["totalCount"])]
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
