"""The channel a catalog node is read in, as Saleor's ChannelContext (saleor/graphql/core/context.py).

Invariant: no model instance carries a channel. A resolver that returns a channel-aware node (Product,
ProductVariant, Collection, a trade cart line) returns `ChannelContext(node, channel)`; the resolvers of
those types receive the wrapper as `root` and read `root.node` and `root.channel`. Model instances can
therefore be shared between requests and threads (the row memo, the batch loaders) without one request's
channel leaking into another's prices.

Saleor's wrapper holds the channel's slug and loads the channel by slug where a field needs it; here every
channel-aware field needs the row (VAT rate, currency, the per-channel loaders), so the wrapper holds the
`Channel` row itself, read-only, and `channel_slug` is derived from it. `channel` is None where no channel
applies (management reads and mutation payloads): channel-dependent fields are then null, as on Saleor.

The wrapper is a frozen slotted dataclass: one small object per node, and the types' default resolver
(`resolve_node_attribute`) reads the node's attribute directly, so a plain field costs no more than before."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from marketplace.core.graphql.types import ObjectWithMetadata

N = TypeVar("N")


@dataclass(frozen=True, slots=True)
class ChannelContext(Generic[N]):
    node: N
    channel: Any  # marketplace.channels.models.Channel | None (core knows no app)

    @property
    def channel_slug(self) -> str | None:
        return self.channel.slug if self.channel is not None else None


def in_channel(node: Any, channel: Any) -> ChannelContext | None:
    """`node` read in `channel`, or None when there is no node (a nullable field)."""
    return None if node is None else ChannelContext(node, channel)


def all_in_channel(nodes: Any, channel: Any) -> list[ChannelContext]:
    return [ChannelContext(node, channel) for node in nodes]


def resolve_node_attribute(attname: str, default_value: Any, root: ChannelContext, info: Any, **args: Any) -> Any:
    """The default resolver of channel-aware types (`class Meta: default_resolver = ...`): the field's
    attribute on the wrapped node."""
    return getattr(root.node, attname, default_value)


class ChannelContextWithMetadata:
    """ObjectWithMetadata's resolvers for a channel-aware type (mixed in before graphene.ObjectType): the
    metadata of the wrapped node."""

    @staticmethod
    def resolve_metadata(root: ChannelContext, info: Any) -> list[dict[str, str]]:
        return ObjectWithMetadata.resolve_metadata(root.node, info)

    @staticmethod
    def resolve_metafield(root: ChannelContext, info: Any, key: str) -> str | None:
        return ObjectWithMetadata.resolve_metafield(root.node, info, key)
