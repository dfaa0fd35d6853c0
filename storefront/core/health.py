"""/health/live and /health/ready, answered before host checks and HTTPS redirects (probes talk to the
container over plain HTTP). Ready means: the cache works and the API answers its /health/live."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse


def api_health_url() -> str:
    parts = urlsplit(settings.API_URL)
    return f"{parts.scheme}://{parts.netloc}/health/live"


def readiness() -> dict[str, str]:
    checks: dict[str, str] = {}
    try:
        cache.set("health-check", "1", 5)
        checks["cache"] = "ok" if cache.get("health-check") == "1" else "error"
    except Exception as error:  # readiness reports, it does not raise
        checks["cache"] = f"error: {error.__class__.__name__}"
    try:
        response = requests.get(api_health_url(), timeout=min(settings.API_TIMEOUT, 3))
        checks["api"] = "ok" if response.status_code == 200 else f"error: HTTP {response.status_code}"
    except requests.RequestException as error:
        checks["api"] = f"error: {error.__class__.__name__}"
    return checks


class HealthMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info.rstrip("/")
        if path == "/health/live":
            return JsonResponse({"status": "ok"})
        if path == "/health/ready":
            checks = readiness()
            ok = all(value == "ok" for value in checks.values())
            return JsonResponse({"status": "ok" if ok else "error", "checks": checks}, status=200 if ok else 503)
        return self.get_response(request)
