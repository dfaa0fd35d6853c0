"""The channel a catalog node was asked in (Saleor's ChannelContext): prices, availability and visibility
always come from that channel's listings."""

from __future__ import annotations

from typing import Any


def _channel(root: Any) -> Any:
    return getattr(root, "_channel", None)


def with_channel(obj: Any, channel: Any) -> Any:
    """Catalog nodes carry the channel they were asked in (Saleor's ChannelContext)."""
    if obj is not None:
        obj._channel = channel
    return obj
