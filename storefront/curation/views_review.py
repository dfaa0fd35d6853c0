"""The review queue: pending listings with what changed and their photos; approve, or reject with a reason."""

from __future__ import annotations

import json
import re
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from storefront.core.pages import api

from .forms import Errors, api_errors
from .gate import curator_view, flash

PAGE_SIZE = 20
PRICE_CHANGE = re.compile(r"^Price changed from (?P<old>[\d.]+) to (?P<new>[\d.]+) (?P<currency>[A-Z]{3})$")


def changes(reason: str) -> list[str]:
    """The API's review reasons ("New listing; Photos changed") in the page's language."""
    known = {"New listing": _("New listing"), "Name changed": _("Name changed"),
             "Photos changed": _("Photos changed"), "Texts changed": _("Texts changed")}
    out = []
    for part in (p.strip() for p in (reason or "").split(";")):
        if not part:
            continue
        price = PRICE_CHANGE.match(part)
        if price and price["currency"] == "MAD":
            out.append(_("Price changed from %(old)s to %(new)s MAD") % price.groupdict())
        elif price:
            out.append(_("Price changed from %(old)s to %(new)s %(currency)s") % price.groupdict())
        else:
            out.append(known.get(part, part))
    return out


def _quality(media: dict) -> dict[str, Any]:
    report = media.get("qualityReport")
    if isinstance(report, str):
        try:
            report = json.loads(report)
        except ValueError:
            report = None
    report = report if isinstance(report, dict) else {}
    return {"before": report.get("overall_before"), "after": report.get("overall_after")}


def _listing(node: dict) -> dict[str, Any]:
    prices = [listing["price"] for v in node.get("variants") or [] for listing in v.get("channelListings") or []
              if listing.get("price") and listing["price"]["currency"] == "MAD"]
    return {**node, "changes": changes(node.get("reviewReason") or ""), "price_mad": prices[0] if prices else None,
            "photos": [{**m, "quality": _quality(m)} for m in node.get("media") or []]}


def _queue(request: HttpRequest, after: str | None) -> dict[str, Any]:
    data = api(request, "marketplace/CurationReviewQueue", {"first": PAGE_SIZE, "after": after or None},
               channel=False, authenticated=True, cache_seconds=0)["reviewQueue"]
    return {"listings": [_listing(e["node"]) for e in data["edges"]], "total": data["totalCount"],
            "next_cursor": data["pageInfo"]["endCursor"] if data["pageInfo"]["hasNextPage"] else None}


@curator_view
@require_http_methods(["GET", "POST"])
def review_queue(request: HttpRequest) -> HttpResponse:
    errors: dict[str, Errors] = {}
    reasons: dict[str, str] = {}
    if request.method == "POST":
        product = request.POST.get("product", "")
        action = request.POST.get("action", "")
        reason = request.POST.get("reason", "").strip()
        if action == "approve":
            result = api(request, "marketplace/ProductReviewApprove", {"id": product}, channel=False,
                         authenticated=True, cache_seconds=0)["productReviewApprove"]
        elif action == "reject" and not reason:
            result = {"errors": [{"field": "reason", "code": "REQUIRED", "message": ""}]}
        elif action == "reject":
            result = api(request, "marketplace/ProductReviewReject", {"id": product, "reason": reason},
                         channel=False, authenticated=True, cache_seconds=0)["productReviewReject"]
        else:
            result = {"errors": [{"field": None, "code": "INVALID", "message": ""}]}
        if not result["errors"]:
            name = request.POST.get("name", "")
            flash(request, (_("“%(name)s” is published.") if action == "approve"
                                       else _("“%(name)s” is rejected; the artisan sees your reason.")) % {"name": name})
            return HttpResponseRedirect(request.path)
        found = api_errors(result["errors"], {"reason": "reason"})
        if "reason" in found:
            found["reason"] = [_("Say why the listing is rejected: the artisan reads it.")]
        errors[product] = found
        reasons[product] = request.POST.get("reason", "")
    context = _queue(request, request.GET.get("after"))
    context.update({"title": _("Review queue"), "section": "review", "errors": errors, "reasons": reasons})
    return render(request, "curation/review.html", context)
