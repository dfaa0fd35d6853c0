"""The collection builder: create, edit (name, slug, description), pick products by search and filters,
order them (up/down buttons or numbered positions, no script needed), schedule per market, delete."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from storefront.core.context import market_label
from storefront.core.pages import api

from . import collections_data as data
from .forms import (
    SLUG,
    Errors,
    api_errors,
    datetime_local_value,
    description_json,
    description_text,
    moves_for,
    parse_datetime_local,
    parse_positions,
)
from .gate import curator_view, flash, from_gid, to_gid

DETAIL_FIELDS = {"name": "name", "slug": "slug", "description": "description"}
PICKER_PARAMS = ("q", "craft", "region", "artisan", "market")


def _details(request: HttpRequest) -> tuple[dict[str, str], Errors]:
    values = {k: request.POST.get(k, "").strip() for k in ("name", "slug", "description")}
    errors: Errors = {}
    if not values["name"]:
        errors["name"] = [_("Give the collection a name.")]
    if values["slug"] and not SLUG.match(values["slug"]):
        errors["slug"] = [_("Use lowercase letters, digits and hyphens only, e.g. tapis-du-moyen-atlas.")]
    return values, errors


def _edit_url(request: HttpRequest, pk: int) -> str:
    return f"/{request.lang}/curation/collections/{pk}/"


@curator_view
@require_http_methods(["GET", "POST"])
def collection_list(request: HttpRequest) -> HttpResponse:
    values: dict[str, str] = {}
    errors: Errors = {}
    if request.method == "POST":
        values, errors = _details(request)
        if not errors:
            payload = {"name": values["name"], "description": description_json(values["description"])}
            if values["slug"]:
                payload["slug"] = values["slug"]
            result = api(request, "saleor/CollectionCreate", {"input": payload}, channel=False, authenticated=True,
                         cache_seconds=0)["collectionCreate"]
            errors = api_errors(result["errors"], DETAIL_FIELDS)
            if not errors:
                collection = result["collection"]
                # Listed (unpublished) in every market at once, so that it can be scheduled market by market.
                api(request, "saleor/CollectionChannelListingUpdate", {"id": collection["id"], "input": {
                    "addChannels": [{"channelId": m["id"], "isPublished": False} for m in data.markets()]}},
                    channel=False, authenticated=True, cache_seconds=0)
                flash(request, _("Collection “%(name)s” created: now add its pieces.")
                                 % {"name": collection["name"]})
                return HttpResponseRedirect(_edit_url(request, from_gid("Collection", collection["id"])))
    collections, featured = data.all_collections(request)
    for c in collections:
        c["publication"] = data.publication(c)
        c["featured_rank"] = featured.index(c["id"]) + 1 if c["id"] in featured else None
    return render(request, "curation/collections.html", {
        "title": _("Collections"), "section": "collections", "collections": collections, "values": values,
        "errors": errors}, status=200)


def _schedule_rows(collection: dict[str, Any], posted: dict[str, Any] | None) -> list[dict[str, Any]]:
    listings = {lst["channel"]["slug"]: lst for lst in collection.get("channelListings") or []}
    rows = []
    for market in data.markets():
        listing = listings.get(market["slug"]) or {}
        slug = market["slug"]
        if posted is not None:
            published, date = posted.get(f"published-{slug}", False), posted.get(f"date-{slug}", "")
        else:
            published, date = listing.get("isPublished", False), datetime_local_value(listing.get("publishedAt"))
        rows.append({"market": market, "slug": slug, "published": published, "date": date,
                     "listed": bool(listing), "label": market_label(market)})
    return rows


def _back(request: HttpRequest) -> str:
    """The picker's query string the products form came from ("?q=...#add"), to return to the same search."""
    back = request.POST.get("back", "")
    return back if back.startswith("?") else ""


def _render_edit(request: HttpRequest, pk: int, *, errors: Errors | None = None,
                 details: dict[str, str] | None = None, schedule: dict[str, Any] | None = None,
                 positions: dict[str, str] | None = None, status: int = 200) -> HttpResponse:
    collection, channel = data.load_collection(request, pk)
    products = [e["node"] for e in collection["products"]["edges"]]
    query = QueryDict(_back(request)[1:].partition("#")[0]) if request.method == "POST" else request.GET
    params = {k: query.get(k, "").strip() for k in PICKER_PARAMS}
    search_market = params["market"] or channel
    results = data.search_products(request, params, search_market)
    if results:
        inside = {p["id"] for p in products}
        for product in results["products"]:
            product["inside"] = product["id"] in inside
    return render(request, "curation/collection_edit.html", {
        "title": collection["name"], "section": "collections", "collection": collection, "pk": pk,
        "products": products, "details": details or {"name": collection["name"], "slug": collection["slug"],
                                                      "description": description_text(collection["description"])},
        "positions": positions or {}, "errors": errors or {}, "params": params, "search_market": search_market,
        "results": results, "picker_query": urlencode({k: v for k, v in params.items() if v}),
        "choices": data.picker_choices(request), "markets": data.markets(),
        "schedule": _schedule_rows(collection, schedule)}, status=status)


@curator_view
@require_http_methods(["GET"])
def collection_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_edit(request, pk)


@curator_view
@require_POST
def collection_details(request: HttpRequest, pk: int) -> HttpResponse:
    values, errors = _details(request)
    if not errors:
        payload = {"name": values["name"], "description": description_json(values["description"])}
        if values["slug"]:
            payload["slug"] = values["slug"]
        result = api(request, "saleor/CollectionUpdate", {"id": to_gid("Collection", pk), "input": payload},
                     channel=False, authenticated=True, cache_seconds=0)["collectionUpdate"]
        errors = api_errors(result["errors"], DETAIL_FIELDS)
    if errors:
        return _render_edit(request, pk, errors=errors, details=values)
    flash(request, _("Details saved."))
    return HttpResponseRedirect(_edit_url(request, pk))


def _run(request: HttpRequest, name: str, field: str, variables: dict[str, Any]) -> Errors:
    result = api(request, f"saleor/{name}", variables, channel=False, authenticated=True, cache_seconds=0)
    return api_errors(next(iter(result.values()))["errors"], {"products": field, "moves": field,
                                                              "collectionId": field})


@curator_view
@require_POST
def collection_products(request: HttpRequest, pk: int) -> HttpResponse:
    """Add the picked pieces, move one up or down, or apply the typed positions and removals."""
    gid = to_gid("Collection", pk)
    action, move = request.POST.get("action", ""), request.POST.get("move", "")
    back = _back(request)
    if action == "add":
        picked = request.POST.getlist("add")
        if not picked:
            return _render_edit(request, pk, errors={"add": [_("Tick at least one piece to add.")]})
        errors = _run(request, "CollectionAddProducts", "add", {"collectionId": gid, "products": picked})
        if errors:
            return _render_edit(request, pk, errors=errors)
        flash(request, _("Pieces added: %(count)s.") % {"count": len(picked)})
        return HttpResponseRedirect(_edit_url(request, pk) + back)
    collection, _channel = data.load_collection(request, pk)
    current = [e["node"]["id"] for e in collection["products"]["edges"]]
    if move:
        item, _sep, direction = move.rpartition(":")
        if item in current:
            index = current.index(item)
            target = max(0, min(len(current) - 1, index + (-1 if direction == "up" else 1)))
            wanted = list(current)
            wanted.insert(target, wanted.pop(index))
            errors = _run(request, "CollectionReorderProducts", "order",
                          {"collectionId": gid, "moves": moves_for(current, wanted)}) if target != index else {}
            if errors:
                return _render_edit(request, pk, errors=errors)
        flash(request, _("Order saved."))
        return HttpResponseRedirect(_edit_url(request, pk) + "#in-collection")
    wanted, errors = parse_positions(request.POST, current)
    if errors:
        return _render_edit(request, pk, errors=errors,
                            positions={k: v for k, v in request.POST.items() if k.startswith("pos-")})
    moves = moves_for(current, wanted)
    if moves:
        errors = _run(request, "CollectionReorderProducts", "order", {"collectionId": gid, "moves": moves})
    removed = [p for p in request.POST.getlist("remove") if p in current]
    if not errors and removed:
        errors = _run(request, "CollectionRemoveProducts", "order", {"collectionId": gid, "products": removed})
    if errors:
        return _render_edit(request, pk, errors=errors)
    flash(request, _("Order saved.") if not removed else _("Order saved; pieces removed: %(count)s.")
                     % {"count": len(removed)})
    return HttpResponseRedirect(_edit_url(request, pk) + "#in-collection")


@curator_view
@require_POST
def collection_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    """Per market: published or not, and the publication date (empty: at once)."""
    posted: dict[str, Any] = {}
    errors: Errors = {}
    channels = []
    for market in data.markets():
        slug = market["slug"]
        published = request.POST.get(f"published-{slug}") == "on"
        raw = request.POST.get(f"date-{slug}", "")
        posted[f"published-{slug}"], posted[f"date-{slug}"] = published, raw
        try:
            when = parse_datetime_local(raw)
        except ValueError:
            errors[f"date-{slug}"] = [_("Enter a date and time, e.g. 2026-12-01 09:00.")]
            continue
        channels.append({"channelId": market["id"], "isPublished": published,
                         "publishedAt": when.isoformat() if when else None})
    if not errors:
        result = api(request, "saleor/CollectionChannelListingUpdate", {
            "id": to_gid("Collection", pk), "input": {"addChannels": channels}}, channel=False,
            authenticated=True, cache_seconds=0)["collectionChannelListingUpdate"]
        errors = api_errors(result["errors"])
    if errors:
        return _render_edit(request, pk, errors=errors, schedule=posted)
    flash(request, _("Publication saved for every market."))
    return HttpResponseRedirect(_edit_url(request, pk) + "#schedule")


@curator_view
@require_POST
def collection_delete(request: HttpRequest, pk: int) -> HttpResponse:
    if request.POST.get("confirm") != "on":
        return _render_edit(request, pk, errors={"confirm": [_("Tick the box to confirm the deletion.")]})
    result = api(request, "marketplace/CollectionDelete", {"id": to_gid("Collection", pk)}, channel=False,
                 authenticated=True, cache_seconds=0)["collectionDelete"]
    if result["errors"]:
        return _render_edit(request, pk, errors=api_errors(result["errors"], {"id": "confirm"}))
    flash(request, _("Collection deleted."))
    return HttpResponseRedirect(f"/{request.lang}/curation/collections/")
