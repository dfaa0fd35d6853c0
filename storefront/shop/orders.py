"""The buyer's order page: what was bought (in the buyer's language, with the size chosen), where and when
it is delivered or where to collect it, each artisan's parcel, and how to pay a bank transfer.

The API may mask an order's personal data for callers it cannot tie to the order (a guest's order read
without a session token); the session that placed the order keeps its own copy of the address and e-mail,
so the buyer still sees them."""

from __future__ import annotations

import re
import uuid

from babel import Locale
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from storefront.core.pages import api
from storefront.core.templatetags.sf import tr

from .lines import order_lines

KEPT_ORDERS = 3
STAGES = {"PENDING": lambda: _("Being prepared"), "PACKED": lambda: _("Packed, waiting for the carrier"),
          "SHIPPED": lambda: _("Shipped"), "DELIVERED": lambda: _("Delivered")}
STATUSES = {"UNFULFILLED": lambda: _("Being prepared"), "PARTIALLY_FULFILLED": lambda: _("Partly shipped"),
            "FULFILLED": lambda: _("Shipped"), "CANCELED": lambda: _("Cancelled"),
            "UNCONFIRMED": lambda: _("Awaiting confirmation")}
_HOURS = re.compile(r"^(?P<first>Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?P<last>Mo|Tu|We|Th|Fr|Sa|Su))?\s+(?P<hours>[0-9:,\- ]+)$")
_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


def status_label(status: str) -> str:
    return STATUSES[status]() if status in STATUSES else status


def remember_order(request: HttpRequest, order: dict) -> None:
    """Keep the placing session's own copy of the order's contact and address (the last few orders)."""
    kept = request.session.get("orders") or {}
    kept[order["token"]] = {"email": order.get("userEmail"), "address": order.get("shippingAddress")}
    request.session["orders"] = dict(list(kept.items())[-KEPT_ORDERS:])


def opening_hours(text: str | None, language: str) -> list[dict[str, str]]:
    """"Mo-Sa 09:00-18:00; Su 10:00-13:00" → [{days: "lundi – samedi", hours: "09:00-18:00"}, …] with the
    day names of the page's language; a rule this reader does not know is shown as written."""
    if not text:
        return []
    names = Locale.parse(language).days["format"]["wide"]
    rows = []
    for rule in (part.strip() for part in text.split(";") if part.strip()):
        match = _HOURS.match(rule)
        if not match:
            rows.append({"days": "", "hours": rule})
            continue
        first, last = _DAYS.index(match["first"]), _DAYS.index(match["last"] or match["first"])
        days = names[first] if first == last else f"{names[first]} – {names[last]}"
        rows.append({"days": days, "hours": match["hours"].strip()})
    return rows


def order_page(request: HttpRequest, token: str) -> HttpResponse:
    try:
        uuid.UUID(token)
    except ValueError:
        raise Http404("not an order") from None
    order = api(request, "marketplace/OrderPage", {"token": token}, channel=False, authenticated=True,
                cache_seconds=0)["orderByToken"]
    if not order:
        raise Http404("no such order")
    own = (request.session.get("orders") or {}).get(token) or {}
    lines = order_lines(order)
    by_id = {line["id"]: line for line in lines}
    parcels = [{"artisan": f["artisan"]["name"], "stage": STAGES.get(f["stage"], lambda f=f: f["stage"])(),
                "stage_code": f["stage"], "tracking": f["trackingNumber"], "tracking_url": f.get("trackingUrl"),
                "lines": [by_id[x["orderLine"]["id"]] for x in f.get("lines") or [] if x["orderLine"]["id"] in by_id]}
               for f in order.get("fulfillments") or []]
    method = order.get("deliveryMethod") or {}
    pickup = method if method.get("__typename") == "Warehouse" else None
    return render(request, "shop/order.html", {
        "order": order, "lines": lines, "parcels": parcels, "title": _("Your order"),
        "status": status_label(order["status"]), "email": own.get("email") or order.get("userEmail"),
        "address": own.get("address") or order.get("shippingAddress"),
        "delivery_name": tr(method) if method.get("__typename") == "ShippingMethod" else
        (order.get("shippingMethodName") or order.get("collectionPointName") or ""),
        "pickup": pickup, "hours": opening_hours((pickup or {}).get("openingHours"), request.lang),
        "bank": order.get("bankTransfer"), "cash_on_delivery": order.get("paymentMethod") == "COD",
        "just_placed": bool(own),  # the session that placed it: thank the buyer
    })
