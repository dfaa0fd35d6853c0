"""Markets and the rule that derives a channel's prices from MAD."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_EVEN, Decimal

from marketplace.channels.models import Channel

MOROCCAN_VAT = Decimal("0.20")
EU_COUNTRIES = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
                "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]

DEFAULT_CHANNELS = [
    {"slug": "maroc", "name": "Maroc", "kind": Channel.Kind.DOMESTIC, "currency_code": "MAD", "default_country": "MA",
     "countries": ["MA"], "default_language": "fr", "languages": ["fr", "ar"], "vat_rate": MOROCCAN_VAT,
     "sort_order": 1},
    {"slug": "touristes", "name": "Touristes au Maroc", "kind": Channel.Kind.TOURIST, "currency_code": "MAD",
     "default_country": "MA", "countries": ["MA"], "default_language": "fr", "languages": ["fr", "en"],
     "vat_rate": MOROCCAN_VAT, "sort_order": 2},
    {"slug": "export", "name": "Export (EUR)", "kind": Channel.Kind.EXPORT, "currency_code": "EUR",
     "default_country": "FR", "countries": [*EU_COUNTRIES, "CH", "GB", "NO"], "default_language": "fr",
     "languages": ["fr", "en", "ar"], "vat_rate": Decimal("0"), "price_rate": Decimal("0.092"),
     "price_margin": Decimal("0.25"), "price_rounding": Decimal("0.50"), "sort_order": 3},
    {"slug": "export-usd", "name": "Export (USD)", "kind": Channel.Kind.EXPORT, "currency_code": "USD",
     "default_country": "US", "countries": ["US", "CA", "AU", "JP", "AE", "SA", "QA"], "default_language": "en",
     "languages": ["en", "fr", "ar"], "vat_rate": Decimal("0"), "price_rate": Decimal("0.100"),
     "price_margin": Decimal("0.25"), "price_rounding": Decimal("1.00"), "sort_order": 4},
]


def ensure_default_channels() -> list[Channel]:
    channels = []
    for spec in DEFAULT_CHANNELS:
        channel, _ = Channel.objects.get_or_create(slug=spec["slug"], defaults=spec)
        channels.append(channel)
    return channels


def derive_price(amount_mad: Decimal, channel: Channel) -> Decimal:
    """MAD price → channel price: × rate × (1 + margin), rounded up to the channel's step."""
    if channel.currency_code == "MAD" or channel.price_rate is None:
        return Decimal(amount_mad).quantize(Decimal("0.01"))
    raw = Decimal(amount_mad) * channel.price_rate * (1 + channel.price_margin)
    step = channel.price_rounding or Decimal("0.01")
    return ((raw / step).to_integral_value(rounding=ROUND_CEILING) * step).quantize(Decimal("0.01"))


def artisan_unit_mad(channel: Channel, unit_price: Decimal, *, mad_price: Decimal | None,
                     overridden: bool) -> Decimal:
    """What one unit sold in `channel` at `unit_price` is worth to the artisan, in MAD, before commission.
    In MAD markets, the price paid. In a market whose prices derive from MAD by the rule, the artisan's own
    MAD price when the price follows the rule; an override, the MAD price the rule would have started from.
    The rest (the rule's margin and rounding) is the platform's export margin, not the artisan's sale."""
    if channel.currency_code == "MAD" or channel.price_rate is None:
        return Decimal(unit_price).quantize(Decimal("0.01"))
    if mad_price is not None and not overridden:
        return Decimal(mad_price).quantize(Decimal("0.01"))
    return (Decimal(unit_price) / (channel.price_rate * (1 + channel.price_margin))).quantize(Decimal("0.01"))


def indicative_amount(amount: Decimal, currency: str, target: str, rates: dict[str, Decimal]) -> Decimal | None:
    """`amount` in `currency` shown in `target` for a visitor who counts in it (channels.selectors'
    `indicative_rates`), rounded to a whole unit: an indication, never a price anyone pays. Only dirhams
    convert (the rules derive from MAD); None when no market's rule gives `target`."""
    rate = rates.get(target)
    if currency != "MAD" or target == currency or rate is None:
        return None
    return (Decimal(amount) * rate).quantize(Decimal("1"), rounding=ROUND_HALF_EVEN)
