"""What a resolver reads from the request: the user (an AnonymousUser, a user from the JWT, or None outside
a request, as in tests that call the schema directly)."""

from __future__ import annotations

from typing import Any


def user_of(info: Any) -> Any:
    return getattr(info.context, "user", None)
