"""Reads shared by the space's screens: the form options, one managed product, photo reports."""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404, HttpRequest

from storefront.core.pages import api
from storefront.core.photos import photo_problem

STEP_KEY = "atelierStep"  # product metadata: the next listing screen of a draft; "submitted" afterwards
DRAFT_STEPS = ("photos", "details", "price")


FLASH_KEY = "atelier_flash"


def flash(request: HttpRequest, text: str) -> None:
    """A one-time confirmation shown by the next page of the space (kept in the signed session)."""
    request.session[FLASH_KEY] = str(text)


def space_url(request: HttpRequest, rest: str = "") -> str:
    return f"/{request.lang}/atelier/{rest}"


def form_options(request: HttpRequest) -> dict[str, Any]:
    """Kinds of piece, crafts (grouped by parent craft) and markets; public, so cached like the shop's."""
    data = api(request, "marketplace/AtelierFormOptions", channel=False, cache_seconds=300)
    types = [edge["node"] for edge in data["productTypes"]["edges"]]
    nodes = [edge["node"] for edge in data["categories"]["edges"]]
    parents = [c for c in nodes if not c["parent"]]
    groups = [{"craft": p, "children": [c for c in nodes if (c["parent"] or {}).get("id") == p["id"]]}
              for p in parents]
    channels = data["markets"]
    return {"types": types, "type_by_id": {t["id"]: t for t in types}, "groups": groups,
            "category_ids": {c["id"] for c in nodes}, "channels": channels,
            "mad_channels": [c for c in channels if c["currencyCode"] == "MAD"],
            "export_channels": [c for c in channels if c["currencyCode"] != "MAD"]}


def product_name(node: dict, lang: str) -> str:
    """The piece's name in the artisan's language when it has one (Arabic), else its name."""
    return ((node.get("ar") or {}).get("name") if lang == "ar" else None) or node.get("name") or ""


def load_product(request: HttpRequest, product_id: str) -> dict[str, Any]:
    """The signed-in member's product (any status), else 404: another artisan's product is not found."""
    if not product_id.isascii() or len(product_id) > 64:
        raise Http404("not a product id")
    from storefront.core.client import ApiError

    try:
        data = api(request, "marketplace/AtelierProduct", {"ids": [product_id]}, channel=False,
                   authenticated=True, cache_seconds=0)
    except ApiError as exc:
        if exc.unavailable:
            raise
        raise Http404("not a product id") from exc
    edges = data["managedProducts"]["edges"]
    if not edges:
        raise Http404("not one of your products")
    return edges[0]["node"]


def meta(node: dict, key: str) -> str:
    return next((item["value"] for item in node.get("metadata") or [] if item["key"] == key), "")


def status(node: dict) -> str:
    """draft, review, published or rejected: what the artisan needs to know about a listing. A draft is a
    product in no market yet (the API's `draft` filter says the same)."""
    if not node.get("channelListings"):
        return "draft"
    return {"PENDING": "review", "REJECTED": "rejected"}.get(node.get("reviewStatus") or "", "published")


def next_step(node: dict) -> str:
    """The screen a draft carries on from."""
    step = meta(node, STEP_KEY)
    return step if step in DRAFT_STEPS else "price"


def photos_of(product: dict, lang: str) -> list[dict[str, Any]]:
    return [photo(m, lang) for m in product.get("managedMedia") or []]


def ready_photos(product: dict) -> int:
    return sum(1 for m in product.get("managedMedia") or [] if m.get("status") == "READY")


def photo(media: dict, lang: str) -> dict[str, Any]:
    """A media with its quality report read for the page: scores before/after and advice in `lang`; a failed
    one with why, in `lang`."""
    report = media.get("qualityReport") or {}
    if isinstance(report, str):
        try:
            report = json.loads(report)
        except ValueError:
            report = {}
    checks = []
    for check in report.get("checks") or []:
        label = check.get("label")
        checks.append({"label": label.get(lang, label.get("fr", "")) if isinstance(label, dict) else label or "",
                       "before": (check.get("before") or {}).get("score"),
                       "after": (check.get("after") or {}).get("score"), "passed": check.get("passed")})
    advice = [check["advice"].get(lang) or check["advice"].get("fr", "")
              for check in report.get("checks") or [] if check.get("advice")]
    problem = photo_problem(media.get("processingErrorCode")) if media.get("status") == "FAILED" else ""
    return {**media, "checks": checks, "advice": advice, "overall_before": report.get("overall_before"),
            "overall_after": report.get("overall_after"), "problem": problem}


def variant_of(node: dict) -> dict | None:
    return (node.get("variants") or [None])[0]


def stock_of(variant: dict | None) -> dict | None:
    return ((variant or {}).get("stocks") or [None])[0]
