"""Authentication by `Authorization: Bearer <JWT>` for the API (the admin keeps its session).

The user is resolved lazily, on first use: a request that never reads `request.user` never decodes the token.
An invalid token leaves an anonymous user and `request.jwt_error`, which the GraphQL view reports."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.utils.functional import SimpleLazyObject

from marketplace.accounts.tokens import InvalidToken, user_from_token


class JWTAuthenticationMiddleware:
    def __init__(self, get_response: Any):
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if header.lower().startswith("bearer "):
            token = header[7:].strip()
            request.jwt_authenticated = True  # the API's only credential (the GraphQL view ignores sessions)
            def resolve() -> Any:
                try:
                    return user_from_token(token)
                except InvalidToken as error:
                    request.jwt_error = error
                    return AnonymousUser()

            request.user = SimpleLazyObject(resolve)
        return self.get_response(request)
