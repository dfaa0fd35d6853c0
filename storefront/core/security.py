"""Content-Security-Policy for every storefront page, and the request context carried to the API.

The pages have no inline script or style (JSON-LD data blocks are not executed), so the policy is strict:
everything from the storefront itself, images also from the media origins. Stripe's script and frames
are allowed only on the card payment page, which marks its request with `allow_stripe(request)`."""

from __future__ import annotations

import contextvars
import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

STRIPE_SOURCES = {
    "script-src": ["https://js.stripe.com", "https://*.js.stripe.com"],
    "frame-src": ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
    "connect-src": ["https://api.stripe.com"],
}
# The request being served: its id and the buyer's address go to the API with every GraphQL call.
current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
current_client_ip: contextvars.ContextVar[str] = contextvars.ContextVar("client_ip", default="")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def allow_stripe(request: HttpRequest) -> None:
    """Called by the card payment view: this response's policy admits Stripe.js and its frames."""
    request.csp_allow_stripe = True


def policy(stripe: bool = False) -> str:
    directives: dict[str, list[str]] = {key: list(value) for key, value in settings.CSP_DIRECTIVES.items()}
    if stripe:
        for key, sources in STRIPE_SOURCES.items():
            kept = [source for source in directives.get(key, ["'self'"]) if source != "'none'"]
            directives[key] = kept + sources
    return "; ".join(f"{key} {' '.join(values)}".strip() for key, values in directives.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        request.request_id = request_id
        id_token = current_request_id.set(request_id)
        # Standard proxy chaining: the incoming X-Forwarded-For, then our peer; the API walks it from the
        # right past the proxies it trusts.
        chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        chain.append(request.META.get("REMOTE_ADDR", ""))
        ip_token = current_client_ip.set(", ".join(part for part in chain[-5:] if part))
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(id_token)
            current_client_ip.reset(ip_token)
        response.headers.setdefault("X-Request-ID", request_id)
        if settings.CSP_ENABLED and "Content-Security-Policy" not in response.headers:
            response.headers["Content-Security-Policy"] = policy(getattr(request, "csp_allow_stripe", False))
        # Stripe's frames may ask for the Payment Request API (wallets); nothing else may use these devices.
        response.headers.setdefault("Permissions-Policy",
                                    'camera=(), microphone=(), geolocation=(), payment=(self "https://js.stripe.com")')
        return response
