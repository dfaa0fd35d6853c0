"""What the shop tells a buyer about a piece that is held, not sold (the API's ProductVariant.stockHold,
a marketplace extension), and how many units a cart may hold of a variant."""

from __future__ import annotations

from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format, time_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# The API refuses more than this per checkout line (checkout/services.py: MAX_LINE_QUANTITY).
MAX_LINE_QUANTITY = 50


def isolate(value: str) -> str:
    """A value embedded in a sentence keeps its own direction (a time inside Arabic text)."""
    return f"\u2068{value}\u2069"


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
