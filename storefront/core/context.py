"""Template context shared by every page: language, direction, market, switch links, hreflang, cart."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _

from . import markets as mk

HREFLANG_REGION = {"DOMESTIC": "MA", "TOURIST": "MA"}


def market_label(market: dict) -> str:
    kind = market["kind"]
    if kind == "DOMESTIC":
        return _("Morocco")
    if kind == "TOURIST":
        return _("Tourists")
    return _("Export (%(currency)s)") % {"currency": market["currencyCode"]}


def site_url(request: HttpRequest) -> str:
    return (settings.PUBLIC_URL or f"{request.scheme}://{request.get_host()}").rstrip("/")


def storefront(request: HttpRequest) -> dict[str, Any]:
    lang = getattr(request, "lang", settings.LANGUAGE_CODE)
    market = getattr(request, "market", None)
    context: dict[str, Any] = {
        "lang": lang,
        "dir": "rtl" if lang in settings.LANGUAGES_BIDI else "ltr",
        "market": market,
        "site_url": site_url(request),
        "signed_in_email": request.session.get("email") if hasattr(request, "session") else None,
        "cart_count": ((request.session.get("cart") or {}).get(market["slug"], 0) if market else 0),
        "language_names": dict(settings.LANGUAGES),
    }
    if not market:
        return context
    prefix = f"/{lang}/{market['slug']}"
    rest = request.path[len(prefix):] if request.path.startswith(prefix) else "/"
    base = context["site_url"]
    context.update({
        "prefix": prefix,
        "market_label": market_label(market),
        "vat_included": market["kind"] in ("DOMESTIC", "TOURIST") and float(market["vatRate"]) > 0,
        "canonical": f"{base}{request.path}",
        "language_links": [{"code": code, "name": name, "url": f"/{code}/{market['slug']}{rest}",
                            "current": code == lang}
                           for code, name in settings.LANGUAGES],
        "market_links": [{"slug": m["slug"], "label": market_label(m), "url": f"/{lang}/{m['slug']}{rest}",
                          "current": m["slug"] == market["slug"]} for m in _safe_markets()],
        "alternates": [{"hreflang": _hreflang(code, market), "url": f"{base}/{code}/{market['slug']}{rest}"}
                       for code, _name in settings.LANGUAGES],
        "x_default": f"{base}/{settings.LANGUAGE_CODE}/{market['slug']}{rest}",
        "trust_pages": _footer_pages(request),
    })
    return context


def _hreflang(lang: str, market: dict) -> str:
    region = HREFLANG_REGION.get(market["kind"])
    return f"{lang}-{region}" if region else lang


def _safe_markets() -> list[dict]:
    try:
        return mk.markets()
    except Exception:  # the market list is decoration here; the page itself reports an unreachable API
        return []


def _footer_pages(request: HttpRequest) -> list[dict]:
    from storefront.shop.pages import footer_pages

    return footer_pages(request)
