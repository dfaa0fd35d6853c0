"""The product page's context: gallery, variants, prices, availability, provenance and structured data."""

from __future__ import annotations

from typing import Any

from babel import Locale
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from storefront.core import markets as mk
from storefront.core.context import site_url
from storefront.core.templatetags.sf import BASE_LANGUAGE, plain_text, seo_description, tr

from .holds import hold_message, in_own_basket_message, own_holds
from .lines import variant_choices

PROVENANCE = ("region-origine", "technique", "materiau", "couleur")


def gallery(node: dict) -> list[dict]:
    images = []
    photos = [media for media in node.get("media") or [] if media["type"] == "IMAGE"]
    for number, media in enumerate(photos, 1):
        # The photos' alt texts are written in the catalogue's language (French): elsewhere the piece's name.
        alt = media["alt"] if media["alt"] and get_language() == BASE_LANGUAGE else tr(node)
        if len(photos) > 1:
            alt = _("%(name)s, photo %(number)s of %(count)s") % {"name": alt, "number": number, "count": len(photos)}
        images.append({"alt": alt, "jpeg": {512: media["jpeg512"], 1024: media["jpeg1024"]},
                       "webp": {512: media["webp512"], 1024: media["webp1024"]},
                       "avif": {512: media["avif512"], 1024: media["avif1024"]}, "large": media["jpeg1024"]})
    return images


def attributes(node: dict) -> list[dict]:
    rows = []
    for selected in node.get("attributes") or []:
        attribute = selected["attribute"]
        values = [tr(v) for v in selected["values"] if tr(v)]
        if attribute.get("inputType") == "NUMERIC" and (attribute.get("unit") or "").upper() in ("CM", "M"):
            continue  # lengths: the variant's dimensions row shows them together
        if values and attribute.get("inputType") == "NUMERIC" and attribute.get("unit"):
            values = [f"{v}\u00a0{attribute['unit'].lower()}" for v in values]
        if values:
            rows.append({"slug": attribute["slug"], "name": tr(attribute), "values": ", ".join(values),
                         "numeric": attribute.get("inputType") == "NUMERIC"})
    order = {slug: i for i, slug in enumerate(PROVENANCE)}
    return sorted(rows, key=lambda r: order.get(r["slug"], len(order)))


def variants(node: dict) -> list[dict]:
    rows = []
    for v in node.get("variants") or []:
        price = ((v.get("pricing") or {}).get("price") or {}).get("gross")
        available = v.get("quantityAvailable") or 0
        choices = variant_choices(v)
        label = ", ".join(c["value"] for c in choices) or tr(v) or v["sku"]
        rows.append({**v, "label": label, "choices": choices, "price": price, "available": available,
                     "in_stock": available > 0 and price is not None,
                     "held": hold_message(v.get("stockHold")) if available <= 0 else ""})
    return rows


def destination_country(request: HttpRequest) -> str:
    """Where the delivery estimate is for: the visitor's choice (?to=), else their country when the market
    serves it (export), else the market's default country (Morocco for the domestic and tourist markets)."""
    market = request.market
    default = _default_country(market)
    codes = _market_countries(market)
    wanted = request.GET.get("to", "").strip().upper()
    remembered = request.session.get("destination") or {}
    if wanted in codes:
        # Carried on to the cart and the checkout (the buyer's choice, for this market).
        request.session["destination"] = {**remembered, market["slug"]: wanted}
        return wanted
    if remembered.get(market["slug"]) in codes:
        return remembered[market["slug"]]
    if market["kind"] != "TOURIST":
        guess = mk.visitor_country(request) or mk.browser_region(request)
        if guess in codes:
            return guess
    return default


def country_names(request: HttpRequest) -> dict[str, str]:
    territories = Locale.parse(request.lang).territories
    return {code: territories.get(code, code) for code in _market_countries(request.market)}


def _default_country(market: dict) -> str:
    return (market.get("defaultCountry") or {}).get("code") or "MA"


def _market_countries(market: dict) -> set[str]:
    return {c["code"] for c in market.get("countries") or []} | {_default_country(market)}


def delivery(request: HttpRequest, rows: list[dict], buyable: list[dict], country: str) -> dict[str, Any]:
    """The estimate for one piece (the first one on sale): per kind of delivery, the cheapest price (the API
    lists the cheapest first) and the range of days over the zones of the country."""
    chosen = (buyable or rows or [{}])[0]
    options: dict[str, dict] = {}
    for method in chosen.get("shippingMethods") or []:
        low, high = method["minimumDeliveryDays"], method["maximumDeliveryDays"]
        option = options.get(method["kind"])
        if option is None:
            options[method["kind"]] = {"name": tr(method), "price": method["price"], "from": False,
                                       "min_days": low, "max_days": high}
            continue
        option["from"] = option["from"] or method["price"]["amount"] != option["price"]["amount"]
        if low is not None:
            option["min_days"] = low if option["min_days"] is None else min(option["min_days"], low)
        if high is not None:
            option["max_days"] = high if option["max_days"] is None else max(option["max_days"], high)
    names = country_names(request)
    return {"country": country, "country_name": names.get(country, country), "options": list(options.values()),
            "choices": sorted(names.items(), key=lambda item: item[1])}


def product_context(request: HttpRequest, node: dict, currency: str) -> dict[str, Any]:
    """`currency`: the tourist's own, in which the API gave an indicative price (`indicativePriceRange`)."""
    rows = variants(node)
    if any((v.get("stockHold") or {}).get("reason") == "CHECKOUT" for v in rows if not v["in_stock"]):
        own = own_holds(request)  # the basket holding it may be this buyer's own
        for row in rows:
            if own.get(row["id"]) and row["stockHold"]:
                row["held"] = in_own_basket_message(row)
    buyable = [v for v in rows if v["in_stock"]] if node.get("isAvailableForPurchase") else []
    unique = bool(rows) and all(v["isOneOfAKind"] for v in rows)
    start = ((node.get("pricing") or {}).get("priceRange") or {}).get("start") or {}
    price = start.get("gross") or (rows[0]["price"] if rows else None)
    images = gallery(node)
    url = f"{site_url(request)}{request.path}"
    description = plain_text(tr(node, "description"))
    structured = {
        "@context": "https://schema.org", "@type": "Product", "name": tr(node), "url": url,
        "description": description[:500], "image": [i["large"] for i in images],
        "sku": rows[0]["sku"] if rows else None,
        "brand": {"@type": "Brand", "name": node["artisan"]["name"]},
        "countryOfOrigin": rows[0]["countryOfOrigin"] if rows else "MA",
        "category": tr(node.get("category") or {}),
        "offers": [{
            "@type": "Offer", "url": url, "sku": v["sku"], "price": str(v["price"]["amount"]),
            "priceCurrency": v["price"]["currency"],
            "availability": "https://schema.org/InStock" if v in buyable else "https://schema.org/SoldOut",
            "itemCondition": "https://schema.org/NewCondition",
            "seller": {"@type": "Organization", "name": node["artisan"]["name"]},
        } for v in rows if v["price"]],
    }
    return {
        "product": node, "title": tr(node), "images": images, "attributes": attributes(node), "variants": rows,
        "buyable": buyable, "unique": unique, "price": price, "held": next((v["held"] for v in rows if v["held"]), ""),
        "choice_legend": " · ".join(dict.fromkeys(c["name"] for v in rows for c in v["choices"])),
        "approx": (((node.get("pricing") or {}).get("indicativePriceRange") or {}).get("start") or {}).get("gross"),
        "currency": currency, "currencies": sorted(mk.approximate_currencies()) if currency else [],
        "artisan": node["artisan"], "structured": structured, "og_image": images[0]["large"] if images else "",
        "seo_description": seo_description(node),
        "story": (node["artisan"].get("translation") or {}).get("story") or node["artisan"].get("story") or "",
        "delivery": delivery(request, rows, buyable, destination_country(request)),
    }
