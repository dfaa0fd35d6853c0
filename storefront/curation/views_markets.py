"""The markets' price rule (MAD → EUR/USD: exchange rate, margin, rounding) that the ministry maintains;
saving it derives again every export price that follows the rule."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from storefront.core.pages import api

from .forms import Errors, api_errors
from .gate import curator_view, flash

FIELDS = ("rate", "margin", "rounding")
# The smallest value each field accepts (as the API's rule): a rate and a rounding step above zero.
MINIMUM = {"rate": Decimal("0.000001"), "margin": Decimal("0"), "rounding": Decimal("0.01")}


def _parse(posted: dict[str, str]) -> tuple[dict[str, str], Errors]:
    values: dict[str, str] = {}
    errors: Errors = {}
    for name in FIELDS:
        raw = posted.get(name, "").strip().replace(",", ".")
        try:
            number = Decimal(raw)
            if not number.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            errors[name] = [_("Enter a number, e.g. 0.093.")]
            continue
        if number < MINIMUM[name]:
            errors[name] = [_("Enter a number of at least %(minimum)s.") % {"minimum": MINIMUM[name]}]
            continue
        values[name] = str(number)
    return values, errors


@curator_view
@require_http_methods(["GET", "POST"])
def markets(request: HttpRequest) -> HttpResponse:
    channels = [c for c in api(request, "marketplace/Markets", {"languageCode": request.lang.upper()},
                               channel=False, authenticated=True, cache_seconds=0)["markets"]
                if c["currencyCode"] != "MAD"]
    errors: dict[str, Errors] = {}
    typed: dict[str, dict[str, str]] = {}
    if request.method == "POST":
        channel = request.POST.get("channel", "")
        values, found = _parse(request.POST)
        if not found:
            result = api(request, "marketplace/ChannelPriceRuleUpdate", {"id": channel, "input": values},
                         channel=False, authenticated=True, cache_seconds=0)["channelPriceRuleUpdate"]
            found = api_errors(result["errors"], {name: name for name in FIELDS})
            if not found:
                flash(request, _("Price rule saved; prices derived again: %(count)s.")
                      % {"count": result["updatedPrices"]})
                return HttpResponseRedirect(request.path)
        errors[channel] = found
        typed[channel] = {name: request.POST.get(name, "") for name in FIELDS}
    rows: list[dict[str, Any]] = []
    for c in channels:
        rule = c.get("priceRule") or {}
        rows.append({**c, "values": typed.get(c["id"]) or {name: str(rule.get(name, "")) for name in FIELDS},
                     "errors": errors.get(c["id"], {})})
    return render(request, "curation/markets.html", {"title": _("Markets' price rule"), "section": "markets",
                                                     "rows": rows})
