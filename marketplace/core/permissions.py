"""Who may do what: buyer, artisan member (only its own artisan), curator (ministry), staff admin.
Object-level checks live in the services and call these helpers."""

from __future__ import annotations

from typing import Any

from marketplace.core.errors import PermissionDenied


def is_authenticated(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_admin(user: Any) -> bool:
    return is_authenticated(user) and user.is_staff and user.is_superuser


def is_curator(user: Any) -> bool:
    return is_authenticated(user) and user.is_staff and (user.is_superuser or user.has_perm("accounts.manage_curation"))


def has_staff_permission(user: Any, codename: str) -> bool:
    """Staff holding `accounts.<codename>` (manage_orders, handle_payments, manage_payouts), or an admin."""
    return is_authenticated(user) and user.is_staff and (user.is_superuser or user.has_perm(f"accounts.{codename}"))


def require_staff_permission(user: Any, codename: str) -> None:
    if not has_staff_permission(user, codename):
        raise PermissionDenied(f"To access this path, you need one of the following permissions: {codename.upper()}.")


def member_artisan_ids(user: Any) -> set[int]:
    if not is_authenticated(user):
        return set()
    cached = getattr(user, "_maalem_artisan_ids", None)
    if cached is None:
        cached = set(user.artisan_memberships.values_list("artisan_id", flat=True))
        user._maalem_artisan_ids = cached
    return cached


def require_authenticated(user: Any) -> None:
    if not is_authenticated(user):
        raise PermissionDenied("You need to be signed in to perform this action.")


def require_curator(user: Any) -> None:
    if not is_curator(user):
        raise PermissionDenied("To access this path, you need one of the following permissions: MANAGE_CURATION.")


def require_artisan_access(user: Any, artisan_id: int) -> None:
    """Members act only for their own artisan; curators and admins for any."""
    require_authenticated(user)
    if is_curator(user) or is_admin(user):
        return
    if artisan_id not in member_artisan_ids(user):
        raise PermissionDenied("You can only manage your own artisan's products, stock, orders and payouts.")
