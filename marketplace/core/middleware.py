"""Health probes answered before host validation (the JWT middleware is `accounts/middleware.py`)."""

from __future__ import annotations

from typing import Any


class HealthCheckMiddleware:
    """/health/live and /health/ready before host validation and the HTTPS redirect: container probes
    call 127.0.0.1 over plain HTTP, whatever ALLOWED_HOSTS says."""

    def __init__(self, get_response: Any):
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        from marketplace.core.views import health_live, health_ready

        path = request.path_info.rstrip("/")
        if path == "/health/live":
            return health_live(request)
        if path == "/health/ready":
            return health_ready(request)
        return self.get_response(request)
