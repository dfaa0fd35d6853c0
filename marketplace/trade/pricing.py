"""Trade money rules: each artisan's minimum in the buyer's currency, the deposit split, and shipping quotes
for cartons by volumetric weight in the export zones.

Minimums are set in euros (as Faire and Ankorstore show them); in another trade currency they are converted
through MAD with the trade channels' exchange rates and rounded up to a whole unit, so a minimum is never
lowered by the conversion.

Cartons: each artisan ships its own part from its workshop. Its units' volume (the variant's dimensions,
else the volume its weight suggests for ceramics-like density) plus 15 % for padding fills standard export
cartons of 60 × 40 × 40 cm holding at most 25 kg; the chargeable weight is the larger of the actual weight
and the cartons' volumetric weight (L × W × H / 5000, the couriers' divisor), priced with the channel's rates
of the export zone covering the destination."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Any

from marketplace.channels.models import Channel

CENT = Decimal("0.01")
CARTON_CM = (Decimal(60), Decimal(40), Decimal(40))
CARTON_MAX_KG = Decimal(25)
PADDING = Decimal("1.15")
VOLUMETRIC_DIVISOR = Decimal(5000)
DEFAULT_UNIT_KG = Decimal(1)
LITRES_PER_KG = Decimal(4)  # a unit without dimensions: 4 litres per kilogram (glazed pottery, brass, leather)
MINIMUM_CURRENCY = "EUR"


def rate_of(currency: str) -> Decimal | None:
    """MAD → `currency` exchange rate of the trade channel in that currency."""
    channel = Channel.objects.filter(kind=Channel.Kind.TRADE, currency_code=currency).exclude(price_rate=None).first()
    return channel.price_rate if channel else None


def minimum_in(amount_eur: Decimal, channel: Channel) -> Decimal:
    if channel.currency_code == MINIMUM_CURRENCY:
        return Decimal(amount_eur).quantize(CENT)
    eur, other = rate_of(MINIMUM_CURRENCY), channel.price_rate
    if not eur or not other:
        return Decimal(amount_eur).quantize(CENT)
    return (Decimal(amount_eur) / eur * other).to_integral_value(rounding=ROUND_CEILING).quantize(CENT)


def deposit_split(total: Decimal, share: Decimal) -> tuple[Decimal, Decimal]:
    deposit = (total * share).quantize(CENT, rounding=ROUND_HALF_UP)
    return deposit, total - deposit


@dataclass
class Parcel:
    """One artisan's shipment."""

    artisan_id: int
    units: int = 0
    weight_kg: Decimal = Decimal(0)
    volume_cm3: Decimal = Decimal(0)
    cartons: int = 0
    chargeable_kg: Decimal = Decimal(0)


def unit_volume_cm3(variant: Any) -> Decimal:
    dims = (variant.length_cm, variant.width_cm, variant.height_cm)
    if all(dims):
        return Decimal(dims[0]) * Decimal(dims[1]) * Decimal(dims[2])
    return unit_weight_kg(variant) * LITRES_PER_KG * 1000


def unit_weight_kg(variant: Any) -> Decimal:
    product = variant.product
    return Decimal(variant.weight_kg or product.weight_kg or product.product_type.weight_kg or DEFAULT_UNIT_KG)


def parcels(lines: Iterable[tuple[Any, int]]) -> list[Parcel]:
    """(variant, quantity) pairs, variants with product and product type loaded → one parcel per artisan."""
    by_artisan: dict[int, Parcel] = {}
    for variant, quantity in lines:
        parcel = by_artisan.setdefault(variant.product.artisan_id, Parcel(variant.product.artisan_id))
        parcel.units += quantity
        parcel.weight_kg += unit_weight_kg(variant) * quantity
        parcel.volume_cm3 += unit_volume_cm3(variant) * quantity
    carton_volume = CARTON_CM[0] * CARTON_CM[1] * CARTON_CM[2]
    for parcel in by_artisan.values():
        by_volume = math.ceil(parcel.volume_cm3 * PADDING / carton_volume)
        by_weight = math.ceil(parcel.weight_kg / CARTON_MAX_KG)
        parcel.cartons = max(1, by_volume, by_weight)
        volumetric = carton_volume * parcel.cartons / VOLUMETRIC_DIVISOR
        parcel.chargeable_kg = max(parcel.weight_kg, volumetric).quantize(Decimal("0.001"))
    return list(by_artisan.values())


@dataclass
class ShippingQuote:
    method: Any  # shipping.ShippingMethod
    price: Decimal
    parcels: list[Parcel] = field(default_factory=list)


def shipping_quotes(channel: Channel, address: Any, lines: Iterable[tuple[Any, int]]) -> list[ShippingQuote]:
    """The methods that carry every artisan's cartons to `address`, each with the sum of its parcels'
    prices, cheapest first."""
    from marketplace.shipping.services import channel_rates, methods_for

    shipments = parcels(lines)
    if not shipments or address is None:
        return []
    listings = channel_rates(channel)
    offers: dict[int, list[tuple[Any, Decimal]]] = {}
    for parcel in shipments:
        for method, price in methods_for(channel, address, parcel.chargeable_kg, listings):
            offers.setdefault(method.pk, []).append((method, price))
    quotes = [ShippingQuote(found[0][0], sum((price for _, price in found), Decimal(0)), shipments)
              for found in offers.values() if len(found) == len(shipments)]
    return sorted(quotes, key=lambda q: (q.price, q.method.slug))
