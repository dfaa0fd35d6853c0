"""What the shop tells a buyer about a piece that is held, not sold (the API's ProductVariant.stockHold,
a marketplace extension), and how many units a cart may hold of a variant."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format, time_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from storefront.core.client import ApiError
from storefront.core.pages import api

# The API refuses more than this per checkout line (checkout/services.py: MAX_LINE_QUANTITY).
MAX_LINE_QUANTITY = 50


def isolate(value: str) -> str:
    """A value embedded in a sentence keeps its own direction (a time inside Arabic text)."""
    return f"\u2068{value}\u2069"


def current_checkout_id(request: HttpRequest) -> str | None:
    """The buyer's API checkout in this market (created when they start the checkout)."""
    return (request.session.get("checkouts") or {}).get(request.market["slug"])


def own_holds(request: HttpRequest) -> dict[str, int]:
    """Units the buyer's own checkout holds now, per variant ID: theirs to buy, not 'someone's basket'."""
    checkout_id = current_checkout_id(request)
    if not checkout_id:
        return {}
    try:
        checkout = api(request, "saleor/Checkout", {"id": checkout_id}, channel=False, authenticated=True,
                       cache_seconds=0)["checkout"]
    except ApiError:
        return {}
    expires = parse_datetime((checkout or {}).get("stockReservationExpires") or "")
    if not checkout or expires is None or expires <= timezone.now():
        return {}
    return {line["variant"]["id"]: line["quantity"] for line in checkout["lines"]}


def as_seen_by_buyer(variant: dict, own: dict[str, int]) -> dict:
    """The variant with the units the buyer's own checkout holds counted as theirs."""
    mine = own.get(variant["id"], 0)
    if not mine:
        return variant
    return {**variant, "quantityAvailable": (variant.get("quantityAvailable") or 0) + mine, "stockHold": None,
            "heldForBuyer": mine}


def in_own_basket_message(variant: dict) -> str:
    return _("This piece is in your cart, held for you until %(time)s (Morocco time).") % {
        "time": isolate(time_format(localtime(parse_datetime(variant["stockHold"]["until"])), "H:i"))}


def hold_message(hold: dict | None) -> str:
    """'Someone has this piece in their basket; free again at 14:32', or why a transfer holds it."""
    if not hold:
        return ""
    until = localtime(parse_datetime(hold["until"]))
    if hold["reason"] == "AWAITING_PAYMENT":
        return _("Reserved for a buyer who is paying by bank transfer; back on sale on %(date)s if the payment "
                 "does not arrive.") % {"date": isolate(date_format(until, "DATE_FORMAT"))}
    return _("Someone has this piece in their basket; it will be free again at %(time)s (Morocco time) if they "
             "do not buy it.") % {"time": isolate(time_format(until, "H:i"))}


def unavailable_message(variant: dict) -> str:
    return hold_message(variant.get("stockHold")) or _("Sold out")


def allowed_quantity(variant: dict, wanted: int) -> tuple[int, str]:
    """How many units of `variant` a cart may hold when `wanted` are asked for, and the message that says
    why it is fewer ('' when it is not): free stock, the per-buyer limit, the API's per-line maximum."""
    available = variant.get("quantityAvailable") or 0
    if available <= 0:
        return 0, unavailable_message(variant)
    limit = min(filter(None, [variant.get("quantityLimitPerCustomer"), MAX_LINE_QUANTITY]))
    if wanted <= min(available, limit):
        return wanted, ""
    if available < limit:
        return available, ngettext("Only %(count)s available: your cart holds %(count)s.",
                                   "Only %(count)s available: your cart holds %(count)s.", available
                                   ) % {"count": available}
    return limit, ngettext("At most %(count)s per order: your cart holds %(count)s.",
                           "At most %(count)s per order: your cart holds %(count)s.", limit) % {"count": limit}
