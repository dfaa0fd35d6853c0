"""JWT access and refresh tokens (PyJWT, HS256). Each user has a token key: changing the password
rotates it, which revokes every token issued before."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import jwt
from django.conf import settings
from django.utils import timezone

ACCESS = "access"
REFRESH = "refresh"


def _encode(user: Any, kind: str, lifetime: timedelta) -> str:
    now = timezone.now()
    payload = {"iat": int(now.timestamp()), "exp": int((now + lifetime).timestamp()), "type": kind,
               "sub": str(user.pk), "email": user.email, "key": user.jwt_token_key, "iss": settings.JWT_ISSUER}
    return jwt.encode(payload, settings.JWT_SECRET, algorithm="HS256")


def create_access_token(user: Any) -> str:
    return _encode(user, ACCESS, settings.JWT_ACCESS_TTL)


def create_refresh_token(user: Any) -> str:
    return _encode(user, REFRESH, settings.JWT_REFRESH_TTL)


def signed_in(user: Any) -> dict[str, Any]:
    """The payload of a mutation that signs the user in (tokenCreate, setPassword)."""
    return {"token": create_access_token(user), "refresh_token": create_refresh_token(user), "user": user}


class InvalidToken(Exception):
    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message, self.code = message, code


def decode(token: str, kind: str = ACCESS) -> dict[str, Any]:
    try:
        payload = jwt.decode(token, settings.JWT_SECRET, algorithms=["HS256"], issuer=settings.JWT_ISSUER)
    except jwt.ExpiredSignatureError:
        raise InvalidToken("Signature has expired", "JWT_SIGNATURE_EXPIRED") from None
    except jwt.InvalidTokenError:
        raise InvalidToken("Invalid token", "JWT_INVALID_TOKEN") from None
    if payload.get("type") != kind:
        raise InvalidToken(f"Invalid token type: expected an {kind} token", "JWT_INVALID_TOKEN")
    return payload


def user_from_token(token: str, kind: str = ACCESS) -> Any:
    from marketplace.accounts.models import User

    payload = decode(token, kind)
    user = User.objects.filter(pk=payload.get("sub"), is_active=True).first()
    if user is None or payload.get("key") != user.jwt_token_key:
        raise InvalidToken("Invalid token: the user does not exist or the token was revoked", "JWT_INVALID_TOKEN")
    return user
