"""The shop's fair pages: the list of fairs and one fair (dates, place, map link, the stands with each
artisan, and the fair's collection in the visitor's market)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from storefront.core.pages import api, found

COLLECTION_SIZE = 24


def _name(node: dict, field: str = "name") -> str:
    return (node.get("translation") or {}).get(field) or node.get(field) or ""


def dates(node: dict) -> str:
    """The fair's days in the page's language ("4–9 March 2027" style, from Django's formats)."""
    start, end = dt.date.fromisoformat(node["startsOn"]), dt.date.fromisoformat(node["endsOn"])
    if start == end:
        return formats.date_format(start, "DATE_FORMAT")
    return f"{formats.date_format(start, 'DATE_FORMAT')} – {formats.date_format(end, 'DATE_FORMAT')}"


def fair_state(node: dict) -> str:
    today = dt.date.today()
    if dt.date.fromisoformat(node["endsOn"]) < today:
        return "past"
    return "open" if dt.date.fromisoformat(node["startsOn"]) <= today else "upcoming"


@require_GET
def fair_list(request: HttpRequest) -> HttpResponse:
    data = api(request, "marketplace/Fairs", {"first": 50, "filter": {"channel": request.market["slug"]}})
    fairs = [{"node": e["node"], "name": _name(e["node"]), "venue": _name(e["node"], "venue"),
              "dates": dates(e["node"]), "state": fair_state(e["node"])} for e in data["fairs"]["edges"]]
    return render(request, "fairs/shop_list.html", {"title": _("Fairs and exhibitions"), "fairs": fairs})


@require_GET
def fair_page(request: HttpRequest, slug: str) -> HttpResponse:
    node = found(api(request, "marketplace/FairPage", {"slug": slug, "first": COLLECTION_SIZE})["fair"])
    collection = node.get("collection")
    products = [e["node"] for e in ((collection or {}).get("products") or {}).get("edges", [])]
    stands: list[dict[str, Any]] = sorted(node["stands"], key=lambda s: (s["hall"], s["number"].zfill(8)))
    return render(request, "fairs/shop_fair.html", {
        "title": _name(node), "fair": node, "venue": _name(node, "venue"), "dates": dates(node),
        "state": fair_state(node), "stands": stands, "collection": collection, "products": products,
        "sells_here": request.market["slug"] in {c["slug"] for c in node["channels"]},
        "seo_description": f"{_name(node)} — {node['city']}, {dates(node)}"})
