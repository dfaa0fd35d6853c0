"""Checkout: the session cart becomes an API checkout; e-mail and address, then delivery and payment,
then the order's confirmation page. Every step is a form post that works without JavaScript."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from storefront.core.client import ApiError
from storefront.core.pages import api
from storefront.core.security import allow_stripe
from storefront.core.templatetags.sf import country_name, tr
from storefront.fairs.landing import checkout_metadata

from .account import FIELD_NAMES
from .addresses import FORM_FIELDS, address_fields, address_input, address_values
from .cart import _cart, _save
from .duties import duties_estimate
from .holds import current_checkout_id
from .lines import checkout_lines
from .orders import remember_order
from .product import destination_country

GATEWAYS = {
    "maalem.payments.cash-on-delivery": lambda: _("Cash on delivery"),
    "maalem.payments.bank-transfer": lambda: _("Bank transfer (proforma invoice)"),
    "maalem.payments.stripe": lambda: _("Card"),
    "maalem.payments.dev": lambda: _("Card: development stand-in, no money is taken"),
}
COD = "maalem.payments.cash-on-delivery"
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
        if checkout_metadata(request):  # the visitor came from a fair's QR label: the order says so
            payload["metadata"] = checkout_metadata(request)
        result = _run(request, "saleor/CheckoutCreate", {"input": payload})["checkoutCreate"]
    if result["errors"] or not result["checkout"]:
        for messages_ in _field_errors(result["errors"]).values():
            for message in messages_:
                messages.error(request, message)
        return HttpResponseRedirect(f"{_prefix(request)}/cart/")
    _remember(request, result["checkout"]["id"])
    wanted = request.POST.get("country", "").strip().upper()[:2]
    return HttpResponseRedirect(f"{_prefix(request)}/checkout/" + (f"?country={wanted}" if wanted.isalpha() else ""))


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
    countries = sorted(({"code": c["code"], "name": country_name(c["code"])}
                        for c in checkout["channel"].get("countries") or []), key=lambda c: c["name"])
    codes = [c["code"] for c in countries]
    saved = address_values(checkout.get("shippingAddress"))
    profile = _profile(request) if not saved else {}
    saved = saved or address_values(profile.get("shipping"))
    country = _country(request, saved, codes)
    fields = address_fields(country, tourist)
    values = {"email": checkout.get("email") or request.session.get("email") or "", **saved, "country": country}
    errors: dict[str, list[str]] = {}
    if request.method == "POST" and request.POST.get("step") == "address":
        values.update({k: v.strip() for k, v in request.POST.items() if k != "csrfmiddlewaretoken"})
        errors = _save_address(request, checkout, fields, country)
        if not errors:
            return HttpResponseRedirect(f"{_prefix(request)}/checkout/#delivery")
        checkout = _load(request) or checkout
    elif request.method == "POST" and request.POST.get("step") == "pay":
        outcome = _pay(request, checkout)
        if isinstance(outcome, HttpResponse):
            return outcome
        errors = outcome
    gateways = [{"id": g["id"], "name": GATEWAYS[g["id"]]() if g["id"] in GATEWAYS else g["name"],
                 "hint": _("with delivery to your hotel or riad") if tourist and g["id"] == COD else ""}
                for g in checkout.get("availablePaymentGateways") or []]
    methods = [{**m, "label": tr(m)} for m in checkout.get("shippingMethods") or []]
    return render(request, "shop/checkout.html", {
        "checkout": checkout, "lines": checkout_lines(checkout), "fields": fields, "values": values,
        "errors": errors, "countries": countries, "country": country, "gateways": gateways, "tourist": tourist,
        "title": _("Checkout"), "address_saved": bool(checkout.get("shippingAddress")), "methods": methods,
        "chosen_delivery": (checkout.get("deliveryMethod") or {}).get("id"),
        "delivery_label": tr(checkout.get("deliveryMethod") or {}),
        "cities": _cities(request) if country == "MA" else [],
        "billing_choice": _billing_choice(profile, checkout),
        "duties": duties_estimate(request, country, checkout) if request.market["kind"] == "EXPORT" else None,
    })


def _country(request: HttpRequest, saved: dict, codes: list[str]) -> str:
    """The delivery country: the buyer's pick, the saved address's, the one the product page and cart
    carried (`?country=` at checkout start), the visitor's own, the market's default, in that order."""
    for candidate in (request.POST.get("country"), request.GET.get("country"), saved.get("country")):
        if candidate and candidate.upper() in codes:
            request.session["destination"] = {**(request.session.get("destination") or {}),
                                              request.market["slug"]: candidate.upper()}
            return candidate.upper()
    guess = destination_country(request)
    return guess if guess in codes or not codes else codes[0]


def _profile(request: HttpRequest) -> dict:
    """A signed-in buyer's default addresses and name, to fill the checkout (empty for a guest)."""
    if not request.session.get("email"):
        return {}
    try:
        me = api(request, "saleor/CheckoutProfile", channel=False, authenticated=True, cache_seconds=0)["me"]
    except ApiError:  # the form stays usable empty; the checkout itself reports an unreachable API
        return {}
    if not me:
        return {}
    latest = (me.get("addresses") or [None])[-1]
    shipping = me.get("defaultShippingAddress") or latest or {"firstName": me["firstName"], "lastName": me["lastName"]}
    return {"shipping": shipping, "billing": me.get("defaultBillingAddress")}


def _billing_choice(profile: dict, checkout: dict) -> dict | None:
    """The saved billing address, offered when it differs from the delivery address."""
    billing = profile.get("billing")
    if not billing or address_values(billing) == address_values(checkout.get("shippingAddress")):
        return None
    return billing


def _cities(request: HttpRequest) -> list[str]:
    """The cities with their own delivery rates, in the page's language: the city field's suggestions."""
    try:
        return api(request, "marketplace/DeliveryCities", cache_seconds=300)["deliveryCities"]
    except ApiError:  # suggestions only: the field takes any city
        return []


def _save_address(request: HttpRequest, checkout: dict, fields: list[dict], country: str) -> dict:
    errors: dict[str, list[str]] = {}
    email = request.POST.get("email", "").strip()
    missing = [f["name"] for f in fields if f["required"] and not request.POST.get(f["name"], "").strip()]
    for name in missing + ([] if email else ["email"]):
        errors[name] = [_("This field is required.")]
    if errors:
        return errors
    result = _run(request, "saleor/CheckoutEmailUpdate", {"id": checkout["id"], "email": email})["checkoutEmailUpdate"]
    errors.update(_field_errors(result["errors"]))
    address = address_input(request.POST, country, fields)
    result = _run(request, "saleor/CheckoutShippingAddressUpdate",
                  {"id": checkout["id"], "shippingAddress": address,
                   "saveAddress": bool(request.session.get("email"))})["checkoutShippingAddressUpdate"]
    errors.update(_field_errors(result["errors"]))
    if not errors:
        billing = address
        if request.POST.get("billing") == "saved":
            profile = _profile(request)
            if profile.get("billing"):
                billing = address_input(address_values(profile["billing"]), profile["billing"]["country"]["code"],
                                        address_fields(profile["billing"]["country"]["code"]))
        result = _run(request, "saleor/CheckoutBillingAddressUpdate",
                      {"id": checkout["id"], "billingAddress": billing})["checkoutBillingAddressUpdate"]
        errors.update(_field_errors(result["errors"]))
    return errors


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
        return {"delivery": [_("This delivery method is not available for this address.")]}
    result = _run(request, "saleor/TransactionInitialize", {
        "id": checkout["id"], "paymentGateway": {"id": gateway},
        "idempotencyKey": f"{checkout['id']}:{gateway}:{uuid.uuid4().hex[:8]}"})["transactionInitialize"]
    if result["errors"]:
        if gateway == COD and request.market["kind"] == "TOURIST":
            return {"gateway": [_("Cash on delivery is for a delivery to your hotel or riad: choose that delivery, "
                                  "or pay by card.")]}
        return {"gateway": [_("This payment method cannot be used for this order.")]}
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
    remember_order(request, result["order"])
    return HttpResponseRedirect(f"{_prefix(request)}/order/{result['order']['token']}/")
