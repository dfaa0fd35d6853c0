"""Markets (the API's channels) and languages: which one a visitor sees, and how to write its URLs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from .client import execute

LANGUAGES = [code for code, _ in settings.LANGUAGES]
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
MARKET_COOKIE = "sf_market"
CURRENCY_COOKIE = "sf_currency"
# Country request headers set by common proxies / CDNs, first found wins.
COUNTRY_HEADERS = ("HTTP_CF_IPCOUNTRY", "HTTP_X_COUNTRY_CODE", "HTTP_CLOUDFRONT_VIEWER_COUNTRY")
DOLLAR_COUNTRIES = {"US", "CA", "AU", "NZ", "SG", "HK", "AE", "SA", "QA"}


def markets() -> list[dict[str, Any]]:
    """The active markets with their currency, VAT and price rule (cached five minutes)."""
    return execute("marketplace/Markets", {"languageCode": "FR"}, cache_seconds=300)["markets"]


def regions(language: str) -> list[dict[str, str]]:
    return execute("marketplace/Markets", {"languageCode": language.upper()}, cache_seconds=300)["regions"]


def market_by_slug(slug: str) -> dict[str, Any] | None:
    return next((m for m in markets() if m["slug"] == slug), None)


def approximate_currencies() -> list[str]:
    """The currencies a tourist may see an approximate price in: those of the markets whose prices derive
    from MAD by a rule. The API converts (`indicativePriceRange`); the storefront only names them."""
    derived = (m["currencyCode"] for m in markets() if m["currencyCode"] != "MAD" and m.get("priceRule"))
    return list(dict.fromkeys(derived))


def _accept_languages(request: HttpRequest) -> list[tuple[str, str]]:
    """[(language, region)] in the browser's order of preference, e.g. [("en", "GB"), ("fr", "")]."""
    out = []
    for part in request.META.get("HTTP_ACCEPT_LANGUAGE", "").split(","):
        tag = part.split(";")[0].strip().replace("_", "-")
        if not tag or tag == "*":
            continue
        lang, _, region = tag.partition("-")
        out.append((lang.lower(), region.upper()[:2]))
    return out


def visitor_country(request: HttpRequest) -> str:
    for header in COUNTRY_HEADERS:
        value = request.META.get(header, "").strip().upper()
        if len(value) == 2 and value.isalpha():
            return value
    return ""


def browser_region(request: HttpRequest) -> str:
    """The first region in the browser's languages ("en-GB" → "GB"), or ""."""
    return next((region for _, region in _accept_languages(request) if region), "")


def guess_language(request: HttpRequest) -> str:
    for lang, _ in _accept_languages(request):
        if lang in LANGUAGES:
            return lang
    return DEFAULT_LANGUAGE


def guess_market(request: HttpRequest) -> str:
    """Maroc for Moroccan browsers; Touristes for foreign browsers in Morocco; export abroad (USD or EUR)."""
    preferences = _accept_languages(request)
    country = visitor_country(request)
    region = next((r for _, r in preferences if r), "")
    first_lang = preferences[0][0] if preferences else DEFAULT_LANGUAGE
    moroccan_browser = region == "MA" or first_lang == "ar" or (not region and first_lang == "fr" and not country)
    if country == "MA":
        return "maroc" if moroccan_browser else "touristes"
    if country:
        return "export-usd" if country in DOLLAR_COUNTRIES else "export"
    if moroccan_browser:
        return "maroc"
    return "export-usd" if region in DOLLAR_COUNTRIES else "export"


def remembered(request: HttpRequest) -> tuple[str, str] | None:
    value = request.COOKIES.get(MARKET_COOKIE, "")
    lang, _, market = value.partition(".")
    if lang in LANGUAGES and market:
        return lang, market
    return None


def visitor_currency(request: HttpRequest) -> str:
    """The currency a tourist wants the approximate price in (cookie, else guessed from the browser)."""
    currencies = approximate_currencies()
    chosen = request.COOKIES.get(CURRENCY_COOKIE, "")
    if chosen in currencies:
        return chosen
    region = next((r for _, r in _accept_languages(request) if r), "") or visitor_country(request)
    preferred = "USD" if region in DOLLAR_COUNTRIES else "EUR"
    return preferred if preferred in currencies else next(iter(currencies), "")
