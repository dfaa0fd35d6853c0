"""The cart: variant lines per market in the signed session cookie, priced by the API on every view: line
totals and the cart's total are the API's (`cartPricing`), never added up here."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from storefront.core.pages import api
from storefront.core.templatetags.sf import tr

from .holds import allowed_quantity, as_seen_by_buyer, own_holds, unavailable_message
from .lines import variant_choices

MAX_LINES = 50


def _cart(request: HttpRequest) -> dict[str, dict]:
    carts = request.session.get("carts") or {}
    return carts.get(request.market["slug"]) or {}


def _save(request: HttpRequest, cart: dict[str, dict]) -> None:
    carts = request.session.get("carts") or {}
    carts[request.market["slug"]] = cart
    request.session["carts"] = carts
    request.session["cart"] = {slug: sum(line["quantity"] for line in lines.values()) for slug, lines in carts.items()}


def cart_count(request: HttpRequest) -> int:
    return (request.session.get("cart") or {}).get(request.market["slug"], 0) if request.market else 0


def _quantity(value: str | None) -> int | None:
    try:
        number = int(value or "1")
    except ValueError:
        return None
    return number if 0 <= number <= 99 else None


def _variants(request: HttpRequest, cart: dict[str, dict]) -> dict[str, tuple[dict, dict]]:
    """Variant id → (product, variant) with prices, free quantities and holds, for the cart's products, as
    this buyer sees them: what their own checkout holds is theirs (read only when some line needs it)."""
    if not cart:
        return {}
    data = api(request, "marketplace/CartPage", {"ids": sorted({line["product"] for line in cart.values()})},
               cache_seconds=0)
    variants = {}
    for edge in data["products"]["edges"]:
        product = edge["node"]
        for variant in product["variants"] or []:
            variants[variant["id"]] = (product, variant)
    short = any(vid in variants and (variants[vid][1].get("quantityAvailable") or 0) < line["quantity"]
                for vid, line in cart.items())
    own = own_holds(request) if short else {}
    return {vid: (product, as_seen_by_buyer(variant, own)) for vid, (product, variant) in variants.items()}


def priced_lines(request: HttpRequest, cart: dict[str, dict]) -> tuple[list[dict], dict | None]:
    """The lines still sold in this market, each with the API's line total, and the API's total of them."""
    if not cart:
        return [], None
    variants = _variants(request, cart)
    lines = []
    for variant_id, line in cart.items():
        if variant_id not in variants:
            continue  # no longer sold in this market
        product, variant = variants[variant_id]
        price = ((variant.get("pricing") or {}).get("price") or {}).get("gross")
        available = variant.get("quantityAvailable") or 0
        lines.append({"variant": variant, "product": product, "quantity": line["quantity"], "price": price,
                      "total": None, "available": available, "name": tr(product),
                      "choices": variant_choices(variant),
                      "problem": unavailable_message(variant) if available <= 0 else (
                          _("Only %(count)s available") % {"count": available}
                          if available < line["quantity"] else "")})
    if not lines:
        return [], None
    pricing = api(request, "marketplace/CartPricing", {"lines": [
        {"variantId": line["variant"]["id"], "quantity": line["quantity"]} for line in lines]},
        cache_seconds=0)["cartPricing"]
    for line, priced in zip(lines, pricing["lines"], strict=True):
        line["total"] = (priced["totalPrice"] or {}).get("gross")
    return lines, (pricing["subtotalPrice"] or {}).get("gross")


@require_GET
def view_cart(request: HttpRequest) -> HttpResponse:
    lines, total = priced_lines(request, _cart(request))
    return render(request, "shop/cart.html", {"lines": lines, "total": total, "title": _("Cart")})


@require_POST
def add(request: HttpRequest) -> HttpResponse:
    """Put a piece in the cart, never more than can be bought: the quantity is capped to the free stock (and
    the per-order limits) with a message, and a piece nobody can buy now is refused with the reason."""
    variant, product = request.POST.get("variant", "")[:100], request.POST.get("product", "")[:100]
    quantity = _quantity(request.POST.get("quantity"))
    back = request.POST.get("next", "")
    if not back.startswith(f"/{request.lang}/") or back.startswith("//"):
        back = f"/{request.lang}/{request.market['slug']}/cart/"
    cart = _cart(request)
    if product and not variant and back.startswith(f"/{request.lang}/{request.market['slug']}/p/"):
        return HttpResponseRedirect(back.split("?")[0] + "?choose=1")  # no size chosen: ask for it
    if not (variant and product and quantity and (variant in cart or len(cart) < MAX_LINES)):
        return HttpResponseRedirect(back)
    line = cart.get(variant) or {"product": product, "quantity": 0}
    found = _variants(request, {variant: {"product": product, "quantity": line["quantity"] + quantity}}).get(variant)
    if found is None:
        messages.error(request, _("This piece is not sold in this market."))
        return HttpResponseRedirect(back)
    allowed, why = allowed_quantity(found[1], line["quantity"] + quantity)
    if why:
        messages.warning(request, why)
    if allowed <= 0:
        return HttpResponseRedirect(back)
    line["quantity"] = allowed
    cart[variant] = line
    _save(request, cart)
    return HttpResponseRedirect(f"/{request.lang}/{request.market['slug']}/cart/")


@require_POST
def update(request: HttpRequest) -> HttpResponse:
    cart = _cart(request)
    for variant in list(cart):
        quantity = _quantity(request.POST.get(f"quantity-{variant}", str(cart[variant]["quantity"])))
        if request.POST.get("remove") == variant or quantity == 0:
            cart.pop(variant)
        elif quantity:
            cart[variant]["quantity"] = quantity
    variants = _variants(request, cart)
    for variant, line in cart.items():
        if variant in variants:  # else the cart page says it is no longer sold here
            allowed, why = allowed_quantity(variants[variant][1], line["quantity"])
            if why and allowed:
                line["quantity"] = allowed
                messages.warning(request, f"{tr(variants[variant][0])}: {why}")
    _save(request, cart)
    return HttpResponseRedirect(f"/{request.lang}/{request.market['slug']}/cart/")
