"""Market and language from the URL (`/fr/maroc/...`): activates the translation and remembers the choice."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation

from . import markets as mk
from .client import ApiError
from .pages import unavailable

ONE_YEAR = 365 * 24 * 3600


class MarketLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.lang = mk.guess_language(request)
        remembered = mk.remembered(request)
        if remembered:
            request.lang = remembered[0]
        request.market = None
        request.remember_market = False
        translation.activate(request.lang)
        request.LANGUAGE_CODE = request.lang
        response = self.get_response(request)
        if request.remember_market and request.market:
            response.set_cookie(mk.MARKET_COOKIE, f"{request.lang}.{request.market['slug']}", max_age=ONE_YEAR,
                                samesite="Lax", httponly=True)
        response.headers.setdefault("Content-Language", request.lang)
        response.headers.setdefault("Vary", "Cookie, Accept-Language")
        translation.deactivate()
        return response

    def process_view(self, request: HttpRequest, view: Callable, args: tuple, kwargs: dict) -> HttpResponse | None:
        # The URL's language and market are consumed here, so views only see their own arguments.
        lang = kwargs.pop("lang", None)
        slug = kwargs.pop("market", None)
        if lang is not None:
            if lang not in mk.LANGUAGES:
                raise Http404("unknown language")
            request.lang = lang
            translation.activate(lang)
            request.LANGUAGE_CODE = lang
        if slug is not None:
            try:
                market = mk.market_by_slug(slug)
            except ApiError as exc:
                return unavailable(request, exc)
            if market is None:
                raise Http404("unknown market")
            request.market = market
            request.remember_market = request.method == "GET"
        return None

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, ApiError):
            return unavailable(request, exception)
        return None
