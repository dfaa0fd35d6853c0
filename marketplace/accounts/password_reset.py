"""Password reset (Saleor's requestPasswordReset / setPassword) and passwordChange.

The reset token is Django's (it embeds the password hash and the last login, so it works once and dies
with the next password change). Setting a password rotates the JWT key: every older token is revoked."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail

from marketplace.accounts.models import User
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.ratelimit import enforce

logger = logging.getLogger(__name__)


def _allowed_redirect(url: str) -> bool:
    """The link goes to the storefront only (an origin of CORS_ALLOWED_ORIGINS): never to an attacker's
    page that would receive the token."""
    parts = urlsplit(url or "")
    origin = f"{parts.scheme}://{parts.netloc}"
    return parts.scheme in {"http", "https"} and origin in settings.CORS_ALLOWED_ORIGINS


def request_password_reset(email: str, redirect_url: str, *, request: Any = None) -> None:
    """Send the reset link when the account exists; the answer is the same when it does not (no account
    enumeration)."""
    email = (email or "").strip().lower()
    if not _allowed_redirect(redirect_url):
        raise MutationError([FieldError("redirect_url", f"{redirect_url} is not an allowed redirect URL.",
                                        "INVALID")])
    # Saleor's PASSWORD_RESET_ALREADY_REQUESTED for one account asked too often.
    enforce("password_reset", request, email, field="email", account_code="PASSWORD_RESET_ALREADY_REQUESTED")
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        return
    token = default_token_generator.make_token(user)
    separator = "&" if "?" in redirect_url else "?"
    link = redirect_url + separator + urlencode({"email": user.email, "token": token})
    send_mail(f"{settings.SHOP_NAME}: reset your password",
              f"To choose a new password, open this link:\n\n{link}\n\nIgnore this e-mail if you did not ask.",
              settings.DEFAULT_FROM_EMAIL, [user.email])
    logger.info("Password reset requested for user %s", user.pk)


def _validate_password(password: str, user: User, field: str) -> None:
    from marketplace.accounts.services import PASSWORD_CODES

    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise MutationError([FieldError(field, e.messages[0], PASSWORD_CODES.get(e.code, "INVALID_PASSWORD"))
                             for e in error.error_list]) from None


def set_password(email: str, token: str, password: str) -> User:
    user = User.objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
    if user is None or not default_token_generator.check_token(user, token or ""):
        raise MutationError([FieldError("token", "Invalid or expired token.", "INVALID")])
    _validate_password(password, user, "password")
    user.set_password(password)  # rotates jwt_token_key
    user.save(update_fields=["password", "jwt_token_key", "updated_at"])
    return user


def change_password(user: Any, old_password: str | None, new_password: str) -> User:
    if not user.check_password(old_password or ""):
        raise MutationError([FieldError("old_password", "Old password isn't valid.", "INVALID_CREDENTIALS")])
    _validate_password(new_password, user, "new_password")
    user.set_password(new_password)
    user.save(update_fields=["password", "jwt_token_key", "updated_at"])
    return user
