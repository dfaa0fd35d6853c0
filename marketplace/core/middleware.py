"""Authentication by `Authorization: Bearer <JWT>` for the API (the admin keeps its session)."""

from __future__ import annotations

from typing import Any

from django.utils.functional import SimpleLazyObject


class JWTAuthenticationMiddleware:
    def __init__(self, get_response: Any):
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if header.lower().startswith("bearer "):
            token = header[7:].strip()
            request.jwt_authenticated = True  # the API's only credential (the GraphQL view ignores sessions)
            def resolve() -> Any:
                from django.contrib.auth.models import AnonymousUser

                from marketplace.accounts.tokens import InvalidToken, user_from_token

                try:
                    return user_from_token(token)
                except InvalidToken as error:
                    request.jwt_error = error
                    return AnonymousUser()

            request.user = SimpleLazyObject(resolve)
        return self.get_response(request)


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
