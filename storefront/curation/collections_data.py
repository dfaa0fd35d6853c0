"""Reads for the collection pages: every collection a curator may edit (across markets), one collection
with its products, the product picker's choices and results."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from storefront.core import markets as mk
from storefront.core.pages import api

from .gate import from_gid, to_gid


def markets() -> list[dict[str, Any]]:
    return mk.markets()


def all_collections(request: HttpRequest) -> tuple[list[dict[str, Any]], list[str]]:
    """Every collection listed in at least one market (a curator sees unpublished ones) and the home page's
    featured order. Featured ranks are global, so each market's list is an ordered part of the whole."""
    by_id: dict[str, dict[str, Any]] = {}
    featured: list[str] = []
    for market in markets():
        data = api(request, "marketplace/CurationCollections", {"channel": market["slug"]}, channel=False,
                   authenticated=True, cache_seconds=0)
        for edge in data["collections"]["edges"]:
            node = edge["node"]
            by_id.setdefault(node["id"], {**node, "pk": from_gid("Collection", node["id"])})
        featured = _merge(featured, [c["id"] for c in data["featuredCollections"]])
    collections = sorted(by_id.values(), key=lambda c: c["name"].casefold())
    return collections, [c for c in featured if c in by_id]


def publication(collection: dict[str, Any]) -> dict[str, list]:
    """Where the collection shows now and where it is scheduled to ("live": market names; "scheduled":
    (market name, Casablanca date) pairs), the markets named in the page's language."""
    import datetime as dt

    from storefront.core.context import market_label

    from .forms import local_zone

    names = {m["slug"]: market_label(m) for m in markets()}
    now = dt.datetime.now(dt.UTC)
    live, scheduled = [], []
    for listing in collection.get("channelListings") or []:
        if not listing["isPublished"]:
            continue
        name = names.get(listing["channel"]["slug"], listing["channel"]["slug"])
        start = listing.get("publishedAt")
        when = dt.datetime.fromisoformat(start.replace("Z", "+00:00")) if start else None
        if when and when > now:
            scheduled.append((name, when.astimezone(local_zone()).strftime("%d/%m/%Y %H:%M")))
        else:
            live.append(name)
    return {"live": live, "scheduled": scheduled}


def _merge(known: list[str], ordered: list[str]) -> list[str]:
    """Merge two orders of the same ranking: each new item goes right after its predecessor."""
    out = list(known)
    previous = None
    for item in ordered:
        if item not in out:
            out.insert(out.index(previous) + 1 if previous is not None else 0, item)
        previous = item
    return out


def load_collection(request: HttpRequest, pk: int) -> tuple[dict[str, Any], str]:
    """The collection (in the first market where it is listed) and that market's slug; 404 when unknown."""
    for market in markets():
        collection = api(request, "marketplace/CurationCollection", {
            "id": to_gid("Collection", pk), "channel": market["slug"]}, channel=False, authenticated=True,
            cache_seconds=0)["collection"]
        if collection:
            return collection, market["slug"]
    raise Http404("unknown collection")


def picker_choices(request: HttpRequest) -> dict[str, Any]:
    data = api(request, "marketplace/CurationFilters", channel=False, authenticated=True, cache_seconds=0)
    return {"crafts": [e["node"] for e in data["categories"]["edges"]],
            "artisans": [e["node"] for e in data["artisans"]["edges"]], "regions": data["regions"]}


def search_products(request: HttpRequest, params: dict[str, str], channel: str) -> dict[str, Any] | None:
    """The picker's results for the GET parameters q, craft, region, artisan (None before a search)."""
    if not any(params.get(k) for k in ("q", "craft", "region", "artisan")):
        return None
    product_filter: dict[str, Any] = {}
    if params.get("craft"):
        product_filter["categories"] = [params["craft"]]
    if params.get("region"):
        product_filter["regions"] = [params["region"]]
    if params.get("artisan"):
        product_filter["artisans"] = [params["artisan"]]
    data = api(request, "marketplace/CurationProductSearch", {
        "channel": channel, "search": params.get("q") or None, "filter": product_filter or None, "first": 24},
        channel=False, authenticated=True, cache_seconds=0)["products"]
    return {"total": data["totalCount"], "products": [e["node"] for e in data["edges"]]}
