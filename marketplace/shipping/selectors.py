"""Reads of the shipping set-up that clients need before a checkout exists."""

from __future__ import annotations

from marketplace.channels.models import Channel
from marketplace.shipping.cities import suggestions
from marketplace.shipping.models import ShippingZone


def delivery_cities(channel: Channel, language: str) -> list[str]:
    """The cities the channel's zones name (those with their own rates), in `language`, each once."""
    zones = ShippingZone.objects.filter(channels=channel, exclude_cities=False).exclude(cities=[])
    return suggestions([city for zone in zones for city in zone.cities], language)
