"""The review queue: listings with what changed and their photos (failed ones with why); filtered by artisan,
craft, market, status and request date, searched by name or SKU; approve, reject with preset reasons (the
artisan reads them in its language) and a note, or approve a trusted importer's batch at once."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from storefront.core.context import market_label
from storefront.core.pages import api
from storefront.core.photos import photo_problem

from .forms import Errors, api_errors, local_zone, parse_date
from .gate import curator_view, flash

PAGE_SIZE = 20
STATUSES = ("PENDING", "REJECTED", "APPROVED")
FILTER_KEYS = ("artisan", "craft", "market", "status", "since", "until", "q")
PRICE_CHANGE = re.compile(r"^Price changed from (?P<old>[\d.]+) to (?P<new>[\d.]+) (?P<currency>[A-Z]{3})$")


def changes(reason: str) -> list[str]:
    """The API's review reasons ("New listing; Photos changed") in the page's language."""
    known = {"New listing": _("New listing"), "Name changed": _("Name changed"),
             "Photos changed": _("Photos changed"), "Sent again for review": _("Sent again after a rejection"),
             "Changed after rejection": _("Changed after a rejection"), "Texts changed": _("Texts changed")}
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
    photos = [{**m, "quality": _quality(m), "problem": photo_problem(m.get("processingErrorCode"))
               if m.get("status") == "FAILED" else ""} for m in node.get("managedMedia") or []]
    return {**node, "changes": changes(node.get("reviewReason") or ""), "price_mad": prices[0] if prices else None,
            "photos": photos, "skus": [v["sku"] for v in node.get("variants") or [] if v.get("sku")]}


def _filters(request: HttpRequest) -> tuple[dict[str, str], dict[str, Any], Errors]:
    """The queue's filters from the query string → the API's ReviewQueueFilterInput (dates are days,
    both included, in Casablanca time)."""
    values = {key: request.GET.get(key, "").strip() for key in FILTER_KEYS}
    errors: Errors = {}
    api_filter: dict[str, Any] = {}
    for key, name in (("artisan", "artisan"), ("craft", "category"), ("market", "channel")):
        if values[key]:
            api_filter[name] = values[key]
    if values["status"] in STATUSES:
        api_filter["status"] = values["status"]
    if values["q"]:
        api_filter["search"] = values["q"][:100]
    for key, name, shift in (("since", "requestedSince", 0), ("until", "requestedUntil", 1)):
        try:
            day = parse_date(values[key])
        except ValueError:
            errors[key] = [_("Enter a date as YYYY-MM-DD, e.g. 2026-01-31.")]
            continue
        if day:
            api_filter[name] = dt.datetime.combine(day + dt.timedelta(days=shift), dt.time.min,
                                                   local_zone()).isoformat()
    return values, api_filter, errors


def _queue(request: HttpRequest, after: str | None, api_filter: dict[str, Any]) -> dict[str, Any]:
    data = api(request, "marketplace/CurationReviewQueue", {"first": PAGE_SIZE, "after": after or None,
                                                            "filter": api_filter},
               channel=False, authenticated=True, cache_seconds=0)
    queue = data["reviewQueue"]
    return {"listings": [_listing(e["node"]) for e in queue["edges"]], "total": queue["totalCount"],
            "next_cursor": queue["pageInfo"]["endCursor"] if queue["pageInfo"]["hasNextPage"] else None,
            "reasons": data["productRejectionReasons"],
            "choices": {"crafts": [e["node"] for e in data["categories"]["edges"]],
                        "artisans": [e["node"] for e in data["artisans"]["edges"]],
                        "markets": [{"slug": c["slug"], "label": market_label(c)} for c in data["channels"]]}}


def _decide(request: HttpRequest, api_filter: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """One decision from the posted form: (the API's payload, the confirmation to show)."""
    action = request.POST.get("action", "")
    product = request.POST.get("product", "")
    name = request.POST.get("name", "")
    if action == "approve":
        result = api(request, "marketplace/ProductReviewApprove", {"id": product}, channel=False,
                     authenticated=True, cache_seconds=0)["productReviewApprove"]
        return result, _("“%(name)s” is published.") % {"name": name}
    if action == "reject":
        reasons, note = request.POST.getlist("reasons"), request.POST.get("note", "").strip()
        if not reasons and not note:
            return {"errors": [{"field": "reasons", "code": "REQUIRED", "message": ""}]}, ""
        result = api(request, "marketplace/ProductReviewReject", {"id": product, "reasons": reasons, "note": note},
                     channel=False, authenticated=True, cache_seconds=0)["productReviewReject"]
        return result, _("“%(name)s” is rejected; the artisan sees your reasons in its language.") % {"name": name}
    if action in ("approve-ticked", "approve-batch"):
        variables = {"ids": request.POST.getlist("ticked")} if action == "approve-ticked" else {"filter": api_filter}
        if action == "approve-batch" and request.POST.get("confirm") != "yes":
            return {"errors": [{"field": "confirm", "code": "REQUIRED", "message": ""}]}, ""
        if action == "approve-ticked" and not variables["ids"]:
            return {"errors": [{"field": "ticked", "code": "REQUIRED", "message": ""}]}, ""
        result = api(request, "marketplace/ProductReviewBulkApprove", variables, channel=False, authenticated=True,
                     cache_seconds=0)["productReviewBulkApprove"]
        count = result.get("count") or 0
        return result, ngettext("%(count)s listing approved and published.",
                                "%(count)s listings approved and published.", count) % {"count": count}
    return {"errors": [{"field": None, "code": "INVALID", "message": ""}]}, ""


def _bulk_message(key: str) -> str:
    return {"confirm": _("Tick the box to confirm you approve the whole batch."),
            "ticked": _("Tick the listings to approve first."),
            "filter": _("Choose the artisan whose batch you approve.")}[key]


@curator_view
@require_http_methods(["GET", "POST"])
def review_queue(request: HttpRequest) -> HttpResponse:
    values, api_filter, filter_errors = _filters(request)
    errors: dict[str, Errors] = {}
    typed: dict[str, dict[str, Any]] = {}
    bulk_errors: list[str] = []
    if request.method == "POST" and not filter_errors:
        result, done = _decide(request, api_filter)
        if not result["errors"]:
            flash(request, done)
            return HttpResponseRedirect(request.get_full_path())
        product = request.POST.get("product", "")
        found = api_errors(result["errors"], {"reasons": "reasons", "note": "note", "confirm": "confirm",
                                              "ticked": "ticked", "filter": "filter"})
        if "reasons" in found:
            found["reasons"] = [_("Pick at least one reason: the artisan reads it.")]
        for key in ("confirm", "ticked", "filter"):
            if key in found:
                bulk_errors.append(_bulk_message(key))
        errors[product] = found
        typed[product] = {"reasons": request.POST.getlist("reasons"), "note": request.POST.get("note", "")}
    context = _queue(request, request.GET.get("after"), {} if filter_errors else api_filter)
    kept = {k: v for k, v in values.items() if v}
    context.update({"title": _("Review queue"), "section": "review", "errors": errors, "typed": typed,
                    "values": values, "filter_errors": filter_errors, "filter_query": urlencode(kept),
                    "filtered": bool(kept), "bulk_errors": bulk_errors,
                    "batch_artisan": next((a["name"] for a in context["choices"]["artisans"]
                                           if a["id"] == values["artisan"]), "")})
    return render(request, "curation/review.html", context)
