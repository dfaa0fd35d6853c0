"""A request id per request: taken from X-Request-ID (the storefront forwards its own) or made here,
returned in the response header and written into every log line of the request."""

from __future__ import annotations

import logging
import re
import uuid
from contextvars import ContextVar
from typing import Any

HEADER = "HTTP_X_REQUEST_ID"
_ACCEPTABLE = re.compile(r"^[A-Za-z0-9._-]{8,64}$")  # never log an attacker's arbitrary text
current_request_id: ContextVar[str] = ContextVar("request_id", default="-")


class RequestIdMiddleware:
    def __init__(self, get_response: Any):
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        incoming = request.META.get(HEADER, "")
        request_id = incoming if _ACCEPTABLE.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        # Not reset on the way out: Django logs the response (django.request) after the middleware chain.
        current_request_id.set(request_id)
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response


class RequestIdLogFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True
