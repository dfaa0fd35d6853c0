"""The storefront's only way to the API: GraphQL over HTTP with the project's .graphql documents.

Anonymous query results are cached briefly; the cache key holds the variables, which always carry the
channel and the language, so a cached page fragment never crosses markets or languages."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import threading
from pathlib import Path
from typing import Any

import requests
from django.conf import settings
from django.core.cache import cache, caches

from .security import current_client_ip, current_request_id

logger = logging.getLogger("storefront.api")
DOCUMENTS = Path(__file__).resolve().parent.parent / "graphql"
_local = threading.local()


class ApiError(Exception):
    """The API answered with GraphQL errors, or could not be reached."""

    def __init__(self, message: str, errors: list[dict] | None = None, unavailable: bool = False):
        super().__init__(message)
        self.errors = errors or []
        self.unavailable = unavailable

    @property
    def codes(self) -> set[str]:
        return {(e.get("extensions") or {}).get("code", "") for e in self.errors}


@functools.cache
def document(name: str) -> str:
    """`saleor/ProductDetails` or `marketplace/HomePage` → the operation text of that .graphql file."""
    path = (DOCUMENTS / f"{name}.graphql").resolve()
    if DOCUMENTS not in path.parents:
        raise ValueError(f"not a storefront document: {name}")
    return path.read_text(encoding="utf-8")


def _session() -> requests.Session:
    # One keep-alive connection pool per worker thread: no TCP handshake per page.
    session = getattr(_local, "session", None)
    if session is None:
        session = _local.session = requests.Session()
        session.headers["Content-Type"] = "application/json"
    return session


def catalog_version() -> int:
    """The API's catalog version when both share Redis (the "catalog" cache, the API's key prefix): a
    product, listing or collection change on the API retires the storefront's cached answers at once.
    Without it, cached answers simply age out (STOREFRONT_CACHE_SECONDS)."""
    if "catalog" not in settings.CACHES:
        return 0
    try:
        return int(caches["catalog"].get("catalog-version") or 0)
    except Exception:  # the shared cache is down: fall back to time-based expiry
        logger.warning("catalog version unavailable", exc_info=True)
        return 0


def _cache_key(name: str, variables: dict) -> str:
    raw = json.dumps([name, variables], sort_keys=True, default=str)
    return f"gql:{catalog_version()}:" + hashlib.sha256(raw.encode()).hexdigest()


def api_headers(token: str | None, language: str | None) -> dict[str, str]:
    """The headers of every API call: the signed-in token, the page's language, its request id (one trace
    across both logs) and the visitor's address (the API's per-IP rate limits; it trusts the header only
    from TRUSTED_PROXIES)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if current_request_id.get():
        headers["X-Request-ID"] = current_request_id.get()
    if current_client_ip.get():
        headers["X-Forwarded-For"] = current_client_ip.get()
    if language:
        headers["Accept-Language"] = language
    return headers


def post(name: str, *, session: Any = requests, **request: Any) -> dict[str, Any]:
    """POST one operation (JSON or multipart, as `request` says) and return its `data`; raise ApiError on
    GraphQL errors, an unreachable API or an answer that is not GraphQL."""
    try:
        response = session.post(settings.API_URL, **request)
    except requests.RequestException as exc:
        logger.error("API unreachable for %s: %s", name, exc)
        raise ApiError("The catalogue is unreachable.", unavailable=True) from exc
    if response.status_code >= 500:
        raise ApiError(f"The API answered {response.status_code}.", unavailable=True)
    try:
        payload = response.json()
    except ValueError as exc:
        raise ApiError(f"The API answered {response.status_code} without JSON.", unavailable=True) from exc
    if payload.get("errors"):
        logger.warning("GraphQL errors for %s: %s", name, payload["errors"])
        raise ApiError("; ".join(e.get("message", "") for e in payload["errors"]), payload["errors"])
    return payload.get("data") or {}


def execute(name: str, variables: dict | None = None, *, token: str | None = None,
            cache_seconds: int | None = None, language: str | None = None) -> dict[str, Any]:
    """Run a document and return its `data`; raise ApiError on GraphQL errors or an unreachable API.

    Results are cached only for anonymous calls (`token` is None) and when cache_seconds is not 0."""
    variables = variables or {}
    ttl = settings.API_CACHE_SECONDS if cache_seconds is None else cache_seconds
    key = _cache_key(name, variables) if ttl and token is None else None
    if key:
        hit = cache.get(key)
        if hit is not None:
            return hit
    body = json.dumps({"query": document(name), "variables": variables})
    data = post(name, session=_session(), headers=api_headers(token, language), data=body,
                timeout=settings.API_TIMEOUT)
    if key:
        cache.set(key, data, ttl)
    return data
