"""Which of a channel's fields a caller reads, by Saleor 3.23's rules: a channel's name, activity, currency and
default country need AUTHENTICATED_STAFF_USER or AUTHENTICATED_APP there, so a buyer (anonymous or signed in)
who asks for them gets PERMISSION_DENIED here too, and a document that works for a buyer on Maalem works on
Saleor. On Saleor an artisan's member is a staff user: members (and staff) read them. The storefront reads a
market's public facts through the marketplace's `markets` query instead."""

from __future__ import annotations

from typing import Any

from marketplace.core.errors import PermissionDenied
from marketplace.core.permissions import is_authenticated, member_artisan_ids

STAFF_OR_APP = ("To access this path, you need one of the following "
                "permissions: AUTHENTICATED_STAFF_USER, AUTHENTICATED_APP")


def reads_as_staff(user: Any) -> bool:
    return is_authenticated(user) and (user.is_staff or bool(member_artisan_ids(user)))


def require_staff_reader(info: Any) -> None:
    if not reads_as_staff(getattr(info.context, "user", None)):
        raise PermissionDenied(STAFF_OR_APP)
