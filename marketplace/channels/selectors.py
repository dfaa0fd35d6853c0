"""Reads of the markets, and who may see which: DOMESTIC, TOURIST and EXPORT channels are public; a
TRADE channel (wholesale prices) only to staff and to the users its app's predicate admits (verified trade
accounts: marketplace/trade registers it when it loads). To anyone else a restricted channel does not exist:
the same error as an unknown slug, absent from `channels`, from the shop's countries and currencies, and
from price suggestions."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from graphql import GraphQLError

from marketplace.channels.models import Channel
from marketplace.core.reference_memo import memoized

RESTRICTED_KINDS = {Channel.Kind.TRADE}
_access: dict[str, Callable[[Any], bool]] = {}


def register_channel_access(kind: str, predicate: Callable[[Any], bool]) -> None:
    """Who, besides staff, may see channels of a restricted `kind` (the app that serves them says)."""
    _access[kind] = predicate


def can_see_channel(user: Any, channel: Channel) -> bool:
    if channel.kind not in RESTRICTED_KINDS:
        return True
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    predicate = _access.get(channel.kind)
    return bool(predicate and predicate(user))


def active_channels(user: Any = None) -> list[Channel]:
    """The active channels `user` may see (restricted ones only for those admitted)."""
    return [c for c in Channel.objects.filter(is_active=True) if can_see_channel(user, c)]


def channel_for_request(context: Any, slug: str | None) -> Channel:
    """The channel a catalog query runs in: required (as Saleor does when several exist), known, active and
    visible to the caller."""
    cache = context.__dict__.setdefault("_maalem_channels", {})
    user = getattr(context, "user", None)
    if slug is None:
        raise GraphQLError(
            "A channel is required: pass channel with one of "
            + ", ".join(f'"{c.slug}"' for c in active_channels(user)) + "."
        )
    if slug not in cache:
        channel = memoized("channel", slug, lambda: Channel.objects.filter(slug=slug).first(), context)
        if (channel is None or (not channel.is_active and not (user and user.is_staff))
                or not can_see_channel(user, channel)):
            raise GraphQLError(f"Channel with '{slug}' slug does not exist.", extensions={"code": "NOT_FOUND"})
        cache[slug] = channel
    return cache[slug]


def indicative_rates(request: Any = None) -> dict[str, Decimal]:
    """Currency → the rate that turns a dirham into it, for indicative prices: the price rule's rate (no margin,
    no rounding step) of the first public active market that derives its prices from MAD in that currency."""
    def read() -> dict[str, Decimal]:
        rates: dict[str, Decimal] = {}
        for channel in Channel.objects.filter(is_active=True, price_rate__isnull=False).exclude(
                currency_code="MAD").exclude(kind__in=RESTRICTED_KINDS).order_by("sort_order", "slug"):
            rates.setdefault(channel.currency_code, channel.price_rate)
        return rates

    return memoized("indicative_rates", "all", read, request)
