"""Who is what in trade: a verified trade account buys wholesale and sees the trade channels; artisan
members act on their own artisan's trade terms and quotes; curators verify accounts; the back office
records payments. Services call these helpers; the channel visibility hook (channels/selectors.py) uses
`is_verified_buyer`."""

from __future__ import annotations

from typing import Any

from marketplace.core.errors import PermissionDenied
from marketplace.core.permissions import is_authenticated, require_authenticated
from marketplace.trade.models import TradeAccount

_UNSET = object()


def trade_account_of(user: Any) -> TradeAccount | None:
    """The user's trade account (any status), read once per request user."""
    if not is_authenticated(user):
        return None
    cached = getattr(user, "_maalem_trade_account", _UNSET)
    if cached is _UNSET:
        cached = TradeAccount.objects.select_related("channel").filter(user_id=user.pk).first()
        user._maalem_trade_account = cached
    return cached


def is_verified_buyer(user: Any) -> bool:
    account = trade_account_of(user)
    return account is not None and account.status == TradeAccount.Status.VERIFIED


def require_verified_buyer(user: Any) -> TradeAccount:
    require_authenticated(user)
    account = trade_account_of(user)
    if account is None or account.status != TradeAccount.Status.VERIFIED:
        raise PermissionDenied("Only verified trade accounts can buy wholesale: apply with tradeAccountApply and "
                               "wait for a curator's verification.")
    return account
