"""The artisan's fairs in /atelier/: the stand, the QR labels, and selling on the stand from a phone.

Selling: find the piece (search by name or SKU, or a photo of its label: the QR code is read here), then one
form (price, lowered if agreed; cash or the stand's card terminal; optionally the buyer's e-mail for a
receipt, or "ship it home"). The form carries an idempotency key made when it was shown: at a fair, mobile
data is poor, so a submit whose answer was lost is sent again with the same key and the API returns the
sale it already recorded instead of selling twice. The page always says whether the sale was recorded."""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from storefront.atelier.gate import artisan_space
from storefront.core.client import ApiError
from storefront.core.pages import api

from .qr import QrError, product_slug_from_photo
from .shop import dates, fair_state

MAX_SEARCH = 20


def _storefront_url(request: HttpRequest) -> str:
    return settings.PUBLIC_URL.rstrip("/") or f"{request.scheme}://{request.get_host()}"


def _my_fairs(request: HttpRequest) -> list[dict[str, Any]]:
    data = api(request, "marketplace/AtelierFairs", {"artisan": request.workshop.artisan_id},
               channel=False, authenticated=True, cache_seconds=0)
    fairs = []
    for edge in data["fairs"]["edges"]:
        node = edge["node"]
        stand = next((s for s in node["stands"] if s["artisan"]["id"] == request.workshop.artisan_id), None)
        fairs.append({"node": node, "name": (node.get("translation") or {}).get("name") or node["name"],
                      "dates": dates(node), "state": fair_state(node), "stand": stand})
    return fairs


def _fair(request: HttpRequest, slug: str) -> dict[str, Any]:
    fair = next((f for f in _my_fairs(request) if f["node"]["slug"] == slug), None)
    if fair is None:
        raise Http404("no stand at this fair")
    return fair


@artisan_space
def fairs(request: HttpRequest, error: str = "") -> HttpResponse:
    return render(request, "fairs/atelier_fairs.html", {"title": _("My fairs"), "fairs": _my_fairs(request),
                                                        "error": error}, status=502 if error else 200)


@artisan_space
def labels(request: HttpRequest, slug: str) -> HttpResponse:
    """A fresh signed link to the labels PDF (valid a day), asked for when the artisan opens it."""
    fair = _fair(request, slug)
    try:
        url = api(request, "marketplace/FairLabelsUrl", {
            "slug": fair["node"]["slug"], "artisan": request.workshop.artisan_id,
            "storefrontUrl": _storefront_url(request)}, channel=False, authenticated=True,
            cache_seconds=0)["fair"]["labelsUrl"]
    except ApiError as exc:
        if exc.unavailable:
            raise
        return fairs.__wrapped__(request, _("The labels cannot be made for this shop's address: tell the "
                                            "ministry's team."))
    return HttpResponseRedirect(url)


def _price_in(variant: dict, channel: str) -> dict | None:
    return next((row["price"] for row in variant.get("channelListings") or []
                 if row["channel"]["slug"] == channel and row["price"]), None)


def _free(variant: dict) -> int:
    return sum(max(0, s["quantity"] - s["quantityAllocated"]) for s in variant.get("stocks") or [])


def _pieces(request: HttpRequest, fair: dict, *, search: str | None = None, ids: list[str] | None = None) -> list:
    variables: dict[str, Any] = {"artisan": request.workshop.artisan_id, "first": MAX_SEARCH}
    if search:
        variables["search"] = search
    if ids is not None:
        variables["ids"] = ids
    page = api(request, "marketplace/AtelierStandPieces", variables, channel=False, authenticated=True,
               cache_seconds=0)["managedProducts"]
    channel = fair["node"]["channels"][0]["slug"] if fair["node"]["channels"] else ""
    rows = []
    for edge in page["edges"]:
        node = edge["node"]
        for variant in node["variants"]:
            rows.append({"product": node, "variant": variant, "price": _price_in(variant, channel),
                         "free": _free(variant),
                         "name": ((node.get("ar") or {}).get("name") if request.lang == "ar" else None)
                         or node["name"]})
    return rows


@artisan_space
@require_http_methods(["GET", "POST"])
def find_piece(request: HttpRequest, slug: str) -> HttpResponse:
    """Search by name or SKU (GET q=), or read the QR code of a label's photo (POST photo=)."""
    fair = _fair(request, slug)
    query = request.GET.get("q", "").strip()[:100]
    rows, error = None, ""
    if request.method == "POST":
        photo = request.FILES.get("photo")
        if photo is None:
            error = _("Take a photo of the piece's label.")
        else:
            try:
                product_slug = product_slug_from_photo(photo)
                found = api(request, "marketplace/StandPieceBySlug", {"slug": product_slug,
                                                                      "channel": fair["node"]["channels"][0]["slug"]},
                            channel=False, cache_seconds=0)["product"]
                rows = _pieces(request, fair, ids=[found["id"]]) if found else []
                if not rows:
                    error = _("This label is not one of your pieces.")
            except QrError as exc:
                error = str(exc)
    elif query:
        rows = _pieces(request, fair, search=query)
    return render(request, "fairs/atelier_find.html", {
        "title": _("Sell on the stand"), "fair": fair, "query": query, "rows": rows, "error": error})


def _form_values(request: HttpRequest, listed: dict | None) -> dict[str, str]:
    post = request.POST
    if request.method != "POST":
        return {"price": f"{Decimal(str(listed['amount'])):.2f}" if listed else "", "payment": "CASH",
                "key": str(uuid.uuid4()), "receipt_lang": request.lang, "country": "MA"}
    names = ("price", "payment", "email", "receipt_lang", "ship", "first_name", "last_name", "street", "city",
             "postal_code", "country", "phone", "key")
    return {name: post.get(name, "").strip() for name in names}


def _form_errors(values: dict[str, str], listed: dict | None) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    try:
        price = Decimal(values["price"].replace(",", ".").replace(" ", "").replace("\u202f", ""))
        if not price.is_finite():
            raise InvalidOperation
        if price <= 0:
            errors["price"] = [_("The price must be greater than zero.")]
        elif listed and price > Decimal(str(listed["amount"])):
            errors["price"] = [_("You may lower the price, not raise it above the listed one.")]
    except (InvalidOperation, ValueError):
        errors["price"] = [_("Enter a price, e.g. 1500.")]
    if values["payment"] not in ("CASH", "CARD"):
        errors["payment"] = [_("Choose cash or card.")]
    try:
        uuid.UUID(values["key"])
    except ValueError:
        errors["form"] = [_("This form has expired: open the piece again.")]
    if values.get("ship"):
        for name in ("first_name", "last_name", "street", "city", "postal_code", "country"):
            if not values[name]:
                errors[name] = [_("This field is required.")]
        if not values["email"]:
            errors["email"] = [_("A piece sent home needs the buyer's e-mail for its tracking.")]
    return errors


API_FIELDS = {"price": "price", "payment": "payment", "email": "email", "shippingAddress": "street",
              "shippingMethod": "ship", "variant": "form", "fair": "form", "idempotencyKey": "form", "channel": "form"}


def _sale_input(fair: dict, variant_id: str, values: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "fair": fair["node"]["id"], "variant": variant_id, "idempotencyKey": values["key"],
        "payment": values["payment"], "price": values["price"].replace(",", ".").replace(" ", "").replace("\u202f", ""),
        "languageCode": (values["receipt_lang"] or "fr").upper()}
    if values["email"]:
        data["email"] = values["email"]
    if values.get("ship"):
        data["shippingAddress"] = {
            "firstName": values["first_name"], "lastName": values["last_name"], "streetAddress1": values["street"],
            "city": values["city"], "postalCode": values["postal_code"], "country": values["country"].upper(),
            "phone": values["phone"]}
        # Abroad, the tourists' market ships home from the fair when the fair sells in it.
        channels = [c["slug"] for c in fair["node"]["channels"]]
        if values["country"].upper() != "MA" and "touristes" in channels:
            data["channel"] = "touristes"
    return data


@artisan_space
@require_http_methods(["GET", "POST"])
def sell(request: HttpRequest, slug: str, product_id: str) -> HttpResponse:
    fair = _fair(request, slug)
    rows = _pieces(request, fair, ids=[product_id])
    wanted = request.GET.get("variant") or request.POST.get("variant")
    rows = [r for r in rows if not wanted or r["variant"]["id"] == wanted]
    if not rows:
        raise Http404("not one of your pieces")
    row = rows[0]
    variant_id = row["variant"]["id"]
    values = _form_values(request, row["price"])
    context: dict[str, Any] = {"title": _("Sell on the stand"), "fair": fair, "row": row, "values": values,
                               "errors": {}, "outcome": None}
    if request.method == "POST":
        errors = _form_errors(values, row["price"])
        if errors:
            context["errors"] = errors
            return render(request, "fairs/atelier_sell.html", context)
        try:
            result = api(request, "marketplace/FairStandSaleCreate", {"input": _sale_input(fair, variant_id, values)},
                         channel=False, authenticated=True, cache_seconds=0)["fairStandSaleCreate"]
        except ApiError as exc:
            if not exc.unavailable:
                raise
            # The answer was lost: the sale may or may not be recorded; sending again with the same key is safe.
            context["outcome"] = "unknown"
            return render(request, "fairs/atelier_sell.html", context, status=503)
        if result["errors"]:
            from storefront.atelier.client import field_errors

            context["errors"] = field_errors(result["errors"], API_FIELDS)
            context["outcome"] = "refused"
            return render(request, "fairs/atelier_sell.html", context)
        context.update(outcome="recorded", sale=result["standSale"], order=result["order"],
                       replayed=result["replayed"])
        return render(request, "fairs/atelier_sold.html", context)
    return render(request, "fairs/atelier_sell.html", context)

