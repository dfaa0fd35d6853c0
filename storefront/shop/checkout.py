"""Checkout: the session cart becomes an API checkout; e-mail and address, then delivery and payment,
then the order's confirmation page. Every step is a form post that works without JavaScript."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from storefront.core.client import ApiError
from storefront.core.pages import api
from storefront.core.security import allow_stripe

from .account import FIELD_NAMES
from .addresses import FORM_FIELDS, address_fields, address_input, address_values
from .cart import _cart, _save
from .holds import current_checkout_id

GATEWAYS = {
    "maalem.payments.cash-on-delivery": lambda: _("Cash on delivery"),
    "maalem.payments.bank-transfer": lambda: _("Bank transfer (proforma invoice)"),
    "maalem.payments.stripe": lambda: _("Card"),
    "maalem.payments.dev": lambda: _("Test payment (development)"),
}
STRIPE = "maalem.payments.stripe"
ERRORS = {
    "CHECKOUT_NOT_FULLY_PAID": lambda: _("The payment is not confirmed yet."),
    "INSUFFICIENT_STOCK": lambda: _("A piece in your cart has just been sold or is no longer in stock."),
    "REQUIRED": lambda: _("This field is required."),
    "INVALID": lambda: _("Enter a valid value."),
}


def _prefix(request: HttpRequest) -> str:
    return f"/{request.lang}/{request.market['slug']}"


def _remember(request: HttpRequest, checkout_id: str | None) -> None:
    checkouts = request.session.get("checkouts") or {}
    if checkout_id:
        checkouts[request.market["slug"]] = checkout_id
    else:
        checkouts.pop(request.market["slug"], None)
    request.session["checkouts"] = checkouts


def _run(request: HttpRequest, name: str, variables: dict) -> dict:
    return api(request, name, variables, channel=False, authenticated=True, cache_seconds=0)


def _field_errors(errors: list[dict]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for error in errors:
        field = error.get("field") or ""
        name = FORM_FIELDS.get(field) or FIELD_NAMES.get(field) or ("country" if field == "country" else "form")
        message = ERRORS.get(error.get("code", ""), lambda e=error: e.get("message") or _("Enter a valid value."))()
        out.setdefault(name, []).append(message)
    return out


@require_POST
def start(request: HttpRequest) -> HttpResponse:
    """The session cart becomes the API checkout: the buyer's current checkout is brought in line with the
    cart (so its holds are the buyer's own and are never lost or doubled), else a new one is created."""
    cart = _cart(request)
    if not cart:
        return HttpResponseRedirect(f"{_prefix(request)}/cart/")
    lines = [{"variantId": vid, "quantity": line["quantity"]} for vid, line in cart.items()]
    current = _load(request)
    if current is not None:
        gone = [{"variantId": line["variant"]["id"], "quantity": 0} for line in current["lines"]
                if line["variant"]["id"] not in cart]
        result = _run(request, "saleor/CheckoutLinesUpdate", {"id": current["id"], "lines": lines + gone}
                      )["checkoutLinesUpdate"]
    else:
        payload = {"channel": request.market["slug"], "languageCode": request.lang.upper(), "lines": lines}
        if request.session.get("email"):
            payload["email"] = request.session["email"]
        result = _run(request, "saleor/CheckoutCreate", {"input": payload})["checkoutCreate"]
    if result["errors"] or not result["checkout"]:
        for messages_ in _field_errors(result["errors"]).values():
            for message in messages_:
                messages.error(request, message)
        return HttpResponseRedirect(f"{_prefix(request)}/cart/")
    _remember(request, result["checkout"]["id"])
    return HttpResponseRedirect(f"{_prefix(request)}/checkout/")


def _load(request: HttpRequest) -> dict | None:
    checkout_id = current_checkout_id(request)
    if not checkout_id:
        return None
    try:
        checkout = _run(request, "saleor/CheckoutPage", {"id": checkout_id})["checkout"]
    except ApiError as error:
        if "PERMISSION_DENIED" not in error.codes:
            raise
        checkout = None  # a signed-in buyer's checkout, and this session is no longer signed in as them
    if checkout is None:
        _remember(request, None)
    return checkout


@require_http_methods(["GET", "POST"])
def checkout_page(request: HttpRequest) -> HttpResponse:
    checkout = _load(request)
    if checkout is None:
        return HttpResponseRedirect(f"{_prefix(request)}/cart/")
    tourist = request.market["kind"] == "TOURIST"
    countries = checkout["channel"].get("countries") or []
    codes = [c["code"] for c in countries]
    saved = address_values(checkout.get("shippingAddress"))
    country = request.POST.get("country") or request.GET.get("country") or saved.get("country") or \
        (codes[0] if codes else "MA")
    if codes and country not in codes:
        country = codes[0]
    fields = address_fields(country, tourist)
    values = {"email": checkout.get("email") or request.session.get("email") or "", **saved, "country": country}
    errors: dict[str, list[str]] = {}
    if request.method == "POST" and request.POST.get("step") == "address":
        values.update({k: v.strip() for k, v in request.POST.items() if k != "csrfmiddlewaretoken"})
        errors, checkout = _save_address(request, checkout, fields, country)
        if not errors:
            return HttpResponseRedirect(f"{_prefix(request)}/checkout/#delivery")
    elif request.method == "POST" and request.POST.get("step") == "pay":
        outcome = _pay(request, checkout)
        if isinstance(outcome, HttpResponse):
            return outcome
        errors = outcome
    gateways = [{"id": g["id"], "name": GATEWAYS[g["id"]]() if g["id"] in GATEWAYS else g["name"]}
                for g in checkout.get("availablePaymentGateways") or []]
    return render(request, "shop/checkout.html", {
        "checkout": checkout, "fields": fields, "values": values, "errors": errors, "countries": countries,
        "country": country, "gateways": gateways, "tourist": tourist, "title": _("Checkout"),
        "address_saved": bool(checkout.get("shippingAddress")),
        "chosen_delivery": (checkout.get("deliveryMethod") or {}).get("id"),
    })


def _save_address(request: HttpRequest, checkout: dict, fields: list[dict], country: str) -> tuple[dict, dict]:
    errors: dict[str, list[str]] = {}
    email = request.POST.get("email", "").strip()
    missing = [f["name"] for f in fields if f["required"] and not request.POST.get(f["name"], "").strip()]
    for name in missing + ([] if email else ["email"]):
        errors[name] = [_("This field is required.")]
    if errors:
        return errors, checkout
    result = _run(request, "saleor/CheckoutEmailUpdate", {"id": checkout["id"], "email": email})["checkoutEmailUpdate"]
    errors.update(_field_errors(result["errors"]))
    address = address_input(request.POST, country, fields)
    result = _run(request, "saleor/CheckoutShippingAddressUpdate",
                  {"id": checkout["id"], "shippingAddress": address,
                   "saveAddress": bool(request.session.get("email"))})["checkoutShippingAddressUpdate"]
    errors.update(_field_errors(result["errors"]))
    if not errors:
        result = _run(request, "saleor/CheckoutBillingAddressUpdate",
                      {"id": checkout["id"], "billingAddress": address})["checkoutBillingAddressUpdate"]
        errors.update(_field_errors(result["errors"]))
    return errors, result.get("checkout") or checkout


def _pay(request: HttpRequest, checkout: dict) -> dict | HttpResponse:
    delivery, gateway = request.POST.get("delivery", ""), request.POST.get("gateway", "")
    errors: dict[str, list[str]] = {}
    if not delivery:
        errors["delivery"] = [_("Choose a delivery method.")]
    if gateway not in {g["id"] for g in checkout.get("availablePaymentGateways") or []}:
        errors["gateway"] = [_("Choose a payment method.")]
    if errors:
        return errors
    result = _run(request, "saleor/CheckoutDeliveryMethodUpdate",
                  {"id": checkout["id"], "deliveryMethodId": delivery})["checkoutDeliveryMethodUpdate"]
    if result["errors"]:
        return {"delivery": [e["message"] for e in result["errors"]]}
    result = _run(request, "saleor/TransactionInitialize", {
        "id": checkout["id"], "paymentGateway": {"id": gateway},
        "idempotencyKey": f"{checkout['id']}:{gateway}:{uuid.uuid4().hex[:8]}"})["transactionInitialize"]
    if result["errors"]:
        return {"gateway": [e["message"] for e in result["errors"]]}
    if gateway == STRIPE:
        return _card_page(request, checkout, result.get("data") or {})
    return _complete(request, checkout)


def _card_page(request: HttpRequest, checkout: dict, data: dict) -> HttpResponse:
    """Stripe's Payment Element collects the card in the browser; Stripe returns to `complete`."""
    config = next((g["config"] for g in checkout["availablePaymentGateways"] if g["id"] == STRIPE), [])
    key = next((c["value"] for c in config if c["field"] == "api_key"), "")
    secret = ((data.get("paymentIntent") or {}).get("clientSecret")) or ""
    allow_stripe(request)  # this page's Content-Security-Policy admits Stripe.js and its frames
    return render(request, "shop/pay_card.html", {
        "checkout": checkout, "publishable_key": key, "client_secret": secret, "title": _("Payment"),
        "return_url": request.build_absolute_uri(f"{_prefix(request)}/checkout/complete/")})


@require_http_methods(["GET", "POST"])
def complete(request: HttpRequest) -> HttpResponse:
    """Back from the card payment: the order exists once the API has Stripe's confirmation."""
    checkout = _load(request)
    if checkout is None:
        return HttpResponseRedirect(f"{_prefix(request)}/cart/")
    outcome = _complete(request, checkout)
    if isinstance(outcome, HttpResponse):
        return outcome
    return render(request, "shop/pay_pending.html", {"errors": outcome, "title": _("Payment")}, status=200)


def _complete(request: HttpRequest, checkout: dict) -> dict | HttpResponse:
    result = _run(request, "saleor/CheckoutComplete", {"id": checkout["id"]})["checkoutComplete"]
    if result["errors"] or not result["order"]:
        return _field_errors(result["errors"]) or {"form": [_("The order could not be placed.")]}
    _remember(request, None)
    _save(request, {})
    return HttpResponseRedirect(f"{_prefix(request)}/order/{result['order']['token']}/")


def order_page(request: HttpRequest, token: str) -> HttpResponse:
    try:
        uuid.UUID(token)
    except ValueError:
        raise Http404("not an order") from None
    # The API masks the buyer's details unless the signed-in buyer asks; transactions are the back office's.
    order = _run(request, "marketplace/OrderConfirmation", {"token": token})["orderByToken"]
    if not order:
        raise Http404("no such order")
    api_origin = settings.API_URL.split("/graphql")[0]
    return render(request, "shop/order.html", {
        "order": order, "title": _("Thank you for your order"),
        "proforma_url": f"{api_origin}/orders/{token}/proforma.pdf",
        "bank_transfer": order["paymentMethod"] == "BANK_TRANSFER",
        "cash_on_delivery": order["paymentMethod"] == "COD",
    })
