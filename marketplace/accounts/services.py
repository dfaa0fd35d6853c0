"""Sign-up and sign-in: the only place that writes users' credentials."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from marketplace.accounts.models import User
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.models import LANGUAGE_CODES
from marketplace.core.ratelimit import enforce
from marketplace.core.text import clean_text

PASSWORD_CODES = {
    "password_too_short": "PASSWORD_TOO_SHORT",
    "password_too_common": "PASSWORD_TOO_COMMON",
    "password_entirely_numeric": "PASSWORD_ENTIRELY_NUMERIC",
    "password_too_similar": "PASSWORD_TOO_SIMILAR",
}


def authenticate(email: str, password: str, *, request: Any = None) -> User:
    # Saleor's LOGIN_ATTEMPT_DELAYED, per client IP and per account: password guessing is slowed down.
    enforce("token_create", request, (email or "").strip().lower(), field="email",
            ip_code="LOGIN_ATTEMPT_DELAYED", account_code="LOGIN_ATTEMPT_DELAYED")
    user = User.objects.filter(email__iexact=(email or "").strip()).first()
    if user is None:
        # Hash the password all the same (as Django's ModelBackend): an unknown e-mail must take as long to
        # refuse as a wrong password, or the delay tells who has an account.
        User().set_password(password)
        raise MutationError([FieldError("email", "Please, enter valid credentials", "INVALID_CREDENTIALS")])
    if not user.check_password(password):
        raise MutationError([FieldError("email", "Please, enter valid credentials", "INVALID_CREDENTIALS")])
    if not user.is_active:
        raise MutationError([FieldError("email", "Account inactive.", "INACTIVE")])
    return user


def register(*, email: str, password: str, first_name: str = "", last_name: str = "",
             language_code: str = "fr", metadata: dict[str, str] | None = None, request: Any = None) -> User:
    email = (email or "").strip().lower()
    enforce("account_register", request, email, field="email")
    errors: list[FieldError] = []
    try:
        validate_email(email)
    except ValidationError:
        errors.append(FieldError("email", "Enter a valid email address.", "INVALID"))
    if not errors and User.objects.filter(email__iexact=email).exists():
        errors.append(FieldError("email", "A user with this email already exists.", "UNIQUE"))
    if language_code not in LANGUAGE_CODES:
        errors.append(FieldError("language_code", f"Unsupported language: {language_code}.", "INVALID"))
    try:
        first_name = clean_text(first_name, "first_name", max_length=256, required=False)
        last_name = clean_text(last_name, "last_name", max_length=256, required=False)
    except MutationError as error:
        errors += error.errors
    candidate = User(email=email, first_name=first_name, last_name=last_name)
    try:
        password_validation.validate_password(password, candidate)
    except ValidationError as error:
        errors += [FieldError("password", e.messages[0], PASSWORD_CODES.get(e.code, "INVALID_PASSWORD"))
                   for e in error.error_list]
    if errors:
        raise MutationError(errors)
    return User.objects.create_user(email, password, first_name=first_name, last_name=last_name,
                                    language_code=language_code, metadata=metadata or {})


def roles_of(user: Any) -> list[str]:
    from marketplace.core.permissions import is_admin, is_curator, member_artisan_ids

    roles = ["BUYER"]
    if member_artisan_ids(user):
        roles.append("ARTISAN_MEMBER")
    if is_curator(user):
        roles.append("CURATOR")
    if is_admin(user):
        roles.append("ADMIN")
    return roles
