"""Who reads what of an order (Saleor's rules for `orderByToken` and `Order`, plus the artisans' view).

- The buyer (the order's user) and the back office (`accounts.manage_orders`) read the buyer's e-mail, names,
  street and phone; anyone else holding the token (a guest's confirmation page, a forwarded link) reads them
  masked as Saleor's `obfuscate_*` do: first letter then dots, the phone's first three characters, the
  e-mail's first letter and its domain. City, postal code and country stay (where it ships).
- `transactions` need MANAGE_ORDERS or HANDLE_PAYMENTS and `events` MANAGE_ORDERS, as in Saleor: a token
  holder who asks for them gets PERMISSION_DENIED (and, the fields being non-null, `orderByToken: null`),
  and so does the buyer in the answer of the `checkoutComplete` that placed the order (Saleor answers it
  `order: null`); the buyer reads the payment state from `chargeStatus`, `paymentStatus` and `isPaid`.
- The answer of the `checkoutComplete` that placed the order is its buyer's, signed in or not: the buyer's
  details are read unmasked.
- An artisan's members never get the order itself (its ID carries the token that opens it): they read their
  artisan's part through `ArtisanOrder` (graphql/artisan_types.py), which this module also decides."""

from __future__ import annotations

import copy
from typing import Any

from marketplace.core.errors import PermissionDenied
from marketplace.core.permissions import has_staff_permission, is_authenticated, member_artisan_ids

PLACING_MUTATION = "checkoutComplete"


def is_owner(order: Any, user: Any) -> bool:
    return bool(is_authenticated(user) and order.user_id is not None and order.user_id == user.pk)


def placed_in_this_request(info: Any) -> bool:
    """The order is part of the answer of the checkoutComplete that placed it (the root field's name, not its
    alias)."""
    path = info.path
    while path.prev is not None:
        path = path.prev
    operation = info.operation
    if operation.operation.value != "mutation":
        return False
    for selection in operation.selection_set.selections:
        key = getattr(selection, "alias", None) or getattr(selection, "name", None)
        if key is not None and key.value == path.key:
            return selection.name.value == PLACING_MUTATION
    return False


def sees_buyer_details(order: Any, info: Any) -> bool:
    user = info.context.user
    return is_owner(order, user) or has_staff_permission(user, "manage_orders") or placed_in_this_request(info)


def require_payments_access(order: Any, info: Any) -> None:
    user = info.context.user
    if has_staff_permission(user, "manage_orders") or has_staff_permission(user, "handle_payments"):
        return
    raise PermissionDenied("To access this path, you need one of the following permissions: MANAGE_ORDERS, "
                           "HANDLE_PAYMENTS")


def require_events_access(order: Any, info: Any) -> None:
    if has_staff_permission(info.context.user, "manage_orders"):
        return
    raise PermissionDenied("To access this path, you need one of the following permissions: MANAGE_ORDERS")


def masked_string(value: str, *, phone: bool = False) -> str:
    if not value:
        return ""
    cutoff = 3 if phone else 1
    return value[:cutoff] + "." * max(len(value) - cutoff, 0)


def masked_email(value: str) -> str:
    if "@" not in (value or ""):
        return masked_string(value or "")
    local, domain = value.rsplit("@", 1)
    return f"{local[:1]}...@{domain}"


def masked_address(address: Any) -> Any:
    """An unsaved copy with the person's names, street and phone masked."""
    if address is None:
        return None
    masked = copy.copy(address)  # never saved: only the GraphQL answer reads it
    for name in ("first_name", "last_name", "company_name", "street_address_1", "street_address_2"):
        setattr(masked, name, masked_string(getattr(address, name)))
    masked.phone = masked_string(address.phone, phone=True)
    return masked


def artisan_part_visible(artisan_id: int, user: Any) -> bool:
    """An artisan's part of orders: its members and the back office (not the ministry's curators)."""
    return artisan_id in member_artisan_ids(user) or has_staff_permission(user, "manage_orders")
