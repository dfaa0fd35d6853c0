"""The trade channels (wholesale in EUR and USD) and what they need to sell: shipping rates in the export
zones, and the artisans' workshops serving them.

The trade rule is the export rule's mechanism (channels.services.derive_price): wholesale = MAD retail
price × exchange rate × share of retail, rounded up to the step; the share is stored as the rule's margin
(share − 1). The default share, 0.625, puts wholesale at half the export retail price (MAD × rate × 1.25),
the usual wholesale-to-retail ratio of Faire and Ankorstore."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from marketplace.channels.models import Channel
from marketplace.channels.services import EU_COUNTRIES

DEFAULT_SHARE = Decimal("0.625")
TRADE_COMMISSION = Decimal("0.0800")
TRADE_CHANNELS = [
    {"slug": "trade-eur", "name": "Trade (EUR)", "kind": Channel.Kind.TRADE, "currency_code": "EUR",
     "default_country": "FR", "countries": [*EU_COUNTRIES, "CH", "GB", "NO"], "default_language": "fr",
     "languages": ["fr", "en", "ar"], "vat_rate": Decimal("0"), "price_rate": Decimal("0.092"),
     "price_margin": DEFAULT_SHARE - 1, "price_rounding": Decimal("0.50"), "commission_rate": TRADE_COMMISSION,
     "sort_order": 5, "rates_from": "export"},
    {"slug": "trade-usd", "name": "Trade (USD)", "kind": Channel.Kind.TRADE, "currency_code": "USD",
     "default_country": "US", "countries": ["US", "CA", "AU", "JP", "AE", "SA", "QA"], "default_language": "en",
     "languages": ["en", "fr", "ar"], "vat_rate": Decimal("0"), "price_rate": Decimal("0.100"),
     "price_margin": DEFAULT_SHARE - 1, "price_rounding": Decimal("0.50"), "commission_rate": TRADE_COMMISSION,
     "sort_order": 6, "rates_from": "export-usd"},
]


@transaction.atomic
def ensure_trade_setup() -> list[Channel]:
    """Create the trade channels that do not exist yet, give them the rates of the export channel of their
    currency in its zones, and let every artisan's workshop serve them. Idempotent."""
    from marketplace.inventory.models import Warehouse
    from marketplace.shipping.models import ShippingMethodChannelListing

    channels = []
    for spec in TRADE_CHANNELS:
        fields = {k: v for k, v in spec.items() if k != "rates_from"}
        channel, _ = Channel.objects.get_or_create(slug=spec["slug"], defaults=fields)
        channels.append(channel)
        for listing in ShippingMethodChannelListing.objects.filter(channel__slug=spec["rates_from"]).select_related(
                "shipping_method__zone"):
            listing.shipping_method.zone.channels.add(channel)
            ShippingMethodChannelListing.objects.get_or_create(
                shipping_method=listing.shipping_method, channel=channel,
                defaults={"currency": channel.currency_code, "base_price": listing.base_price,
                          "price_per_kg": listing.price_per_kg})
    for warehouse in Warehouse.objects.filter(artisan__isnull=False):
        warehouse.channels.add(*channels)
    return channels


def trade_channels() -> list[Channel]:
    return list(Channel.objects.filter(kind=Channel.Kind.TRADE, is_active=True))


def channel_for_country(country: str) -> Channel | None:
    """The trade channel serving a country (its currency), else the first trade channel (EUR)."""
    channels = trade_channels()
    return next((c for c in channels if country in c.countries), channels[0] if channels else None)


def share_of(channel: Channel) -> Decimal:
    """The trade rule's share of retail (stored as the margin: share − 1)."""
    return (1 + channel.price_margin).quantize(Decimal("0.001"))
