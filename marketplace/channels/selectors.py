from __future__ import annotations

from typing import Any

from graphql import GraphQLError

from marketplace.channels.models import Channel
from marketplace.core.graphql.reference_memo import memoized


def active_channels() -> list[Channel]:
    return list(Channel.objects.filter(is_active=True))


def channel_for_request(context: Any, slug: str | None) -> Channel:
    """The channel a catalog query runs in: required (as Saleor does when several exist), known and active."""
    cache = context.__dict__.setdefault("_maalem_channels", {})
    if slug is None:
        raise GraphQLError(
            "A channel is required: pass channel with one of "
            + ", ".join(f'"{c.slug}"' for c in active_channels()) + "."
        )
    if slug not in cache:
        channel = memoized("channel", slug, lambda: Channel.objects.filter(slug=slug).first(), context)
        user = getattr(context, "user", None)
        if channel is None or (not channel.is_active and not (user and user.is_staff)):
            raise GraphQLError(f"Channel with '{slug}' slug does not exist.", extensions={"code": "NOT_FOUND"})
        cache[slug] = channel
    return cache[slug]
