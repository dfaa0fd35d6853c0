"""Catalogue pages: home, craft, collection, region, artisan, search and product. One API call each."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from storefront.core import markets as mk
from storefront.core.client import ApiError
from storefront.core.pages import api, found
from storefront.core.templatetags.sf import seo_description
from storefront.fairs.landing import fair_landing

from .listing import ATTRIBUTE_FILTERS, SORTS, page_args, page_links, search_filters, sort_order
from .product import destination_country, product_context


def _nodes(connection: dict | None) -> list[dict]:
    return [edge["node"] for edge in (connection or {}).get("edges", [])]


@require_GET
def root(request: HttpRequest) -> HttpResponse:
    """`/`: the remembered market, else one guessed from the browser's language and country."""
    remembered = mk.remembered(request)
    if remembered and mk.market_by_slug(remembered[1]):
        lang, market = remembered
    else:
        lang, market = mk.guess_language(request), mk.guess_market(request)
    response = HttpResponseRedirect(f"/{lang}/{market}/")
    response.headers["Vary"] = "Cookie, Accept-Language"
    return response


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    data = api(request, "marketplace/HomePage")
    return render(request, "shop/home.html", {
        "collections": data["featuredCollections"], "crafts": _nodes(data["categories"]),
        "artisans": _nodes(data["artisans"]), "products": _nodes(data["products"]),
        "regions": mk.regions(request.lang), "og_image": _og_image(_nodes(data["products"])),
    })


@require_GET
def category(request: HttpRequest, slug: str) -> HttpResponse:
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "newest"
    data = api(request, "marketplace/CategoryPage", {"slug": slug, "sortBy": SORTS[sort][1] or SORTS["newest"][1],
                                                     **page_args(request.GET)})
    node = found(data["category"])
    return render(request, "shop/listing.html", {
        "kind": "category", "title": _tr(node, "name"), "object": node, "children": _nodes(node["children"]),
        "connection": node["products"], "products": _nodes(node["products"]),
        "pages": page_links(node["products"], request.GET), "sort": sort, "sorts": _sorts(False),
        "seo_description": seo_description(node), "og_image": _og_image(_nodes(node["products"])),
    })


@require_GET
def collection(request: HttpRequest, slug: str) -> HttpResponse:
    data = api(request, "marketplace/CollectionPage", {"slug": slug, **page_args(request.GET)})
    node = found(data["collection"])
    return render(request, "shop/listing.html", {
        "kind": "collection", "title": _tr(node, "name"), "object": node, "connection": node["products"],
        "products": _nodes(node["products"]), "pages": page_links(node["products"], request.GET),
        "seo_description": seo_description(node), "og_image": _og_image(_nodes(node["products"])),
    })


@require_GET
def region(request: HttpRequest, code: str) -> HttpResponse:
    info = found(next((r for r in mk.regions(request.lang) if r["code"] == code), None))
    data = api(request, "marketplace/RegionPage", {"region": code, **page_args(request.GET)})
    return render(request, "shop/listing.html", {
        "kind": "region", "title": info["name"], "object": info, "artisans": _nodes(data["artisans"]),
        "connection": data["products"], "products": _nodes(data["products"]),
        "pages": page_links(data["products"], request.GET),
    })


@require_GET
def artisan(request: HttpRequest, slug: str) -> HttpResponse:
    data = api(request, "marketplace/ArtisanPage", {"slug": slug, **page_args(request.GET)})
    node = found(data["artisan"])
    workshop = _("The workshop of %(name)s") % {"name": node["name"]}
    photos = [{"alt": p["alt"] if p["alt"] and request.lang == "fr" else workshop, "jpeg": {512: p["url"]},
               "webp": {512: (node["workshopWebp"][i] if i < len(node["workshopWebp"]) else {}).get("url")}}
              for i, p in enumerate(node["workshopPhotos"])]
    return render(request, "shop/artisan.html", {
        "artisan": node, "story": (node.get("translation") or {}).get("story") or node.get("story") or "",
        "photos": photos, "connection": node["products"], "products": _nodes(node["products"]),
        "og_image": (node.get("portrait") or {}).get("url") or _og_image(_nodes(node["products"])),
        "pages": page_links(node["products"], request.GET),
    })


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    params = request.GET.copy()
    data, dropped = _search(request, params), []
    if data is None:  # the API refused a filter value: look again without filters to learn the known ones
        data = _search(request, QueryDict(urlencode({"q": params.get("q", "")})), raise_errors=True)
    unknown = _unknown_filters(params, data, mk.regions(request.lang))
    if unknown:  # an out-of-date link: drop what the catalogue no longer knows and show the rest
        dropped = unknown
        for name in unknown:
            params.pop(name, None)
        data = _search(request, params, raise_errors=True)
    _product_filter, form = search_filters(params)
    products = _nodes(data["products"])
    return render(request, "shop/search.html", {
        "form": form, "products": products, "connection": data["products"],
        "pages": page_links(data["products"], params), "sorts": _sorts(bool(form["q"])),
        "crafts": _nodes(data["categories"]), "artisans": _nodes(data["artisans"]),
        "regions": mk.regions(request.lang), "facets": _facets(data.get("attributes"), products, form),
        "title": _("Search"), "dropped": dropped,
        "active_filters": sum(1 for key in ("craft", "region", "material", "colour", "artisan", "min", "max", "stock")
                              if form.get(key) not in (None, "", False)),
    })


def _search(request: HttpRequest, params: QueryDict, raise_errors: bool = False) -> dict | None:
    product_filter, form = search_filters(params)
    variables: dict[str, Any] = {"filter": product_filter or None, "sortBy": sort_order(form), **page_args(params)}
    if form["q"]:
        variables["search"] = form["q"]
    try:
        return api(request, "marketplace/SearchPage", variables)
    except ApiError as error:
        if error.unavailable or raise_errors:
            raise
        return None


def _unknown_filters(params: QueryDict, data: dict, regions: list[dict]) -> list[str]:
    """The query string's filter values that name no craft, region, artisan or attribute value known."""
    known = {"craft": {c["id"] for c in _nodes(data["categories"])},
             "artisan": {a["id"] for a in _nodes(data["artisans"])},
             "region": {r["code"] for r in regions}}
    facets = _facets(data.get("attributes"), _nodes(data["products"]), {})
    known.update({field: {slug for slug, _name in values} for field, values in facets.items()})
    return [name for name, values in known.items()
            if params.get(name, "").strip() and params[name].strip() not in values]


@require_GET
def product(request: HttpRequest, slug: str) -> HttpResponse:
    landing = fair_landing(request, slug)  # a scanned fair label: counted, then the clean URL
    if landing is not None:
        return landing
    currency = mk.visitor_currency(request) if request.market["kind"] == "TOURIST" else ""
    data = api(request, "marketplace/ProductPage", {"slug": slug, "countryCode": destination_country(request),
                                                    "indicativeCurrency": currency})
    node = found(data["product"])
    context = product_context(request, node, currency)
    context["variant_missing"] = request.GET.get("choose") == "1"
    return render(request, "shop/product.html", context)


@require_GET
def set_currency(request: HttpRequest) -> HttpResponse:
    """The tourist's currency for approximate prices (remembered in a cookie)."""
    currency = request.GET.get("currency", "")
    target = request.GET.get("next", "/")
    if not target.startswith("/") or target.startswith("//"):
        target = "/"
    response = HttpResponseRedirect(target)
    if currency in mk.approximate_currencies():
        response.set_cookie(mk.CURRENCY_COOKIE, currency, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response


def _og_image(products: list[dict]) -> str:
    """The sharing image of a listing: its first piece's photo."""
    return next(((p.get("thumbJpeg") or {}).get("url", "") for p in products if p.get("thumbJpeg")), "")


def _tr(node: dict, field: str) -> str:
    return (node.get("translation") or {}).get(field) or node.get(field) or ""


def _sorts(with_relevance: bool) -> list[tuple[str, str]]:
    return [(key, str(label)) for key, (label, _order) in SORTS.items() if with_relevance or key != "relevance"]


def _facets(attributes: dict | None, products: list[dict], form: dict) -> dict[str, list[tuple[str, str]]]:
    """Material and colour choices: every value the catalog has (the API's attribute choices), else the
    values present in these results; the chosen one always stays selectable."""
    facets: dict[str, dict[str, str]] = {field: {} for field in ATTRIBUTE_FILTERS}
    slug_to_field = {slug: field for field, slug in ATTRIBUTE_FILTERS.items()}
    for attribute in _nodes(attributes or {"edges": []}):
        field = slug_to_field.get(attribute["slug"])
        if field:
            for value in _nodes(attribute.get("choices") or {"edges": []}):
                facets[field][value["slug"]] = _tr(value, "name")
    for node in products:
        for selected in node.get("attributes") or []:
            field = slug_to_field.get(selected["attribute"]["slug"])
            if field:
                for value in selected["values"]:
                    facets[field].setdefault(value["slug"], _tr(value, "name"))
    for field in ATTRIBUTE_FILTERS:
        if form.get(field):
            facets[field].setdefault(form[field], form[field])
    return {field: sorted(values.items(), key=lambda kv: kv[1].lower()) for field, values in facets.items()}
