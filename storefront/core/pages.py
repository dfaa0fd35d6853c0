"""What every page view needs: the API call with the page's market and language, and rendering."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from .client import ApiError, document, execute

TOKEN_SESSION_KEY = "api_token"


def api(request: HttpRequest, name: str, variables: dict | None = None, *, channel: bool = True,
        authenticated: bool = False, cache_seconds: int | None = None) -> dict[str, Any]:
    """Run a document for this request: the market's channel and the page's language are added."""
    text = document(name)
    variables = dict(variables or {})
    if "$languageCode" in text:
        variables.setdefault("languageCode", request.lang.upper())
    if channel and request.market and "$channel" in text:
        variables.setdefault("channel", request.market["slug"])
    token = request.session.get(TOKEN_SESSION_KEY) if authenticated else None
    return execute(name, variables, token=token, cache_seconds=cache_seconds, language=request.lang)


def found(value: Any) -> Any:
    if not value:
        raise Http404("not found")
    return value


def unavailable(request: HttpRequest, error: ApiError) -> HttpResponse:
    # Unreachable API: 503; a GraphQL error here comes from the visitor's input (a stale cursor, a bad id).
    status = 503 if error.unavailable else 400
    return render(request, "core/unavailable.html", {"error": error}, status=status)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "core/500.html", status=500)
