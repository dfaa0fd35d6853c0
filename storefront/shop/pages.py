"""The shop's own pages (Saleor's Page, written in the admin): the footer's links and the page itself.

A page whose `market` metadata names markets (delivery terms, the duties note) is linked only there."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from storefront.core.client import ApiError
from storefront.core.pages import api, found
from storefront.core.templatetags.sf import in_page_language, seo_description


def _for_market(node: dict, market: dict) -> bool:
    return not node.get("market") or market["slug"] in node["market"].split()


def footer_pages(request: HttpRequest) -> list[dict[str, str]]:
    """[{slug, title}] of the pages for this market, titled in the page's language."""
    try:
        data = api(request, "saleor/ShopPages", channel=False, cache_seconds=300)
    except ApiError:  # the footer is decoration: the page itself reports an unreachable API
        return []
    return [{"slug": node["slug"], "title": in_page_language(node, "title")}
            for node in (edge["node"] for edge in data["pages"]["edges"])
            if _for_market(node, request.market) and in_page_language(node, "title")]


@require_GET
def page(request: HttpRequest, slug: str) -> HttpResponse:
    node = found(api(request, "saleor/PageDetails", {"slug": slug}, channel=False)["page"])
    found(_for_market(node, request.market) and in_page_language(node, "title"))
    return render(request, "shop/page.html", {
        "page": node, "title": in_page_language(node, "title"), "content": in_page_language(node, "content"),
        "seo_description": seo_description({**node, "description": node.get("content"), "translation": {
            **(node.get("translation") or {}), "description": (node.get("translation") or {}).get("content")}}),
    })
