"""Shipping: the default zones and methods, which methods fit a destination and a parcel, and their price.

Chargeable weight per line is the larger of the actual weight and the volumetric weight
(length × width × height / 5000, the couriers' divisor), times the quantity."""

from __future__ import annotations

import copy
import math
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction

from marketplace.accounts.models import Address
from marketplace.channels.models import Channel
from marketplace.core.prepared import INT_ARG, PreparedQuery
from marketplace.inventory.models import Warehouse
from marketplace.shipping.cities import city_key
from marketplace.shipping.models import ShippingMethod, ShippingMethodChannelListing, ShippingZone

VOLUMETRIC_DIVISOR = Decimal("5000")
DEFAULT_WEIGHT_KG = Decimal("1")


def chargeable_weight(variant: object, quantity: int) -> Decimal:
    """max(actual, volumetric) kg for `quantity` units of a variant (variant, product, type fallbacks)."""
    product = variant.product
    actual = variant.weight_kg or product.weight_kg or product.product_type.weight_kg or DEFAULT_WEIGHT_KG
    dims = (variant.length_cm, variant.width_cm, variant.height_cm)
    volumetric = Decimal("0")
    if all(dims):
        volumetric = Decimal(dims[0]) * Decimal(dims[1]) * Decimal(dims[2]) / VOLUMETRIC_DIVISOR
    return max(Decimal(actual), volumetric) * quantity


def rate_price(listing: ShippingMethodChannelListing, weight_kg: Decimal) -> Decimal:
    """Base price (first kg included) plus the rate for each started kilogram beyond it."""
    extra_kg = max(0, math.ceil(weight_kg) - 1)
    return (listing.base_price + listing.price_per_kg * extra_kg).quantize(Decimal("0.01"))


def zone_covers(zone: ShippingZone, country: str, city: str | None, other_zone_countries: set[str]) -> bool:
    """Whether `zone` delivers to (country, city); a city of None means "somewhere in the country"."""
    if zone.default:
        return country not in other_zone_countries
    if country not in zone.countries:
        return False
    if not zone.cities or city is None:
        return True
    inside = city_key(city) in {city_key(c) for c in zone.cities}
    return not inside if zone.exclude_cities else inside


# The zones' own channels are not read: the listing's channel is what puts a method in a market. Compiled once
# (core/prepared.py): every checkout step that shows delivery methods reads it.
_CHANNEL_RATES = PreparedQuery(ShippingMethodChannelListing, lambda channel_id: ShippingMethodChannelListing.objects
                               .filter(channel_id=channel_id).select_related("shipping_method__zone"), INT_ARG)


def channel_rates(channel: Channel) -> list[ShippingMethodChannelListing]:
    return _CHANNEL_RATES(channel.pk)


def methods_for(channel: Channel, address: Address | None, weight_kg: Decimal,
                listings: list[ShippingMethodChannelListing] | None = None) -> list[tuple[ShippingMethod, Decimal]]:
    """The methods that deliver to `address` in `channel` with their price for a parcel of `weight_kg`.

    Each method returned is a fresh copy carrying its price: `listings` (channel_rates) may be shared."""
    if address is None or not address.country:
        return []
    listings = channel_rates(channel) if listings is None else listings
    zones = {listing.shipping_method.zone for listing in listings}
    explicit = {c for zone in zones if not zone.default for c in zone.countries}
    result = []
    for listing in listings:
        method = listing.shipping_method
        if not zone_covers(method.zone, address.country, address.city, explicit):
            continue
        if method.maximum_order_weight_kg is not None and weight_kg > method.maximum_order_weight_kg:
            continue
        method = copy.copy(method)
        method.price_amount = rate_price(listing, weight_kg)
        method.currency = listing.currency
        result.append((method, method.price_amount))
    return sorted(result, key=lambda pair: (pair[1], pair[0].slug))


def collection_points(channel: Channel, artisan_ids: Iterable[int]) -> list[Warehouse]:
    """For tourists: the workshop of the artisan when every line comes from one artisan, and the
    Expo-artisan stands; nothing in other markets."""
    if channel.kind != Channel.Kind.TOURIST:
        return []
    artisan_ids = set(artisan_ids)
    points = Warehouse.objects.filter(channels=channel).select_related("address")
    result = []
    for warehouse in points:
        option = warehouse.click_and_collect_option
        if option == Warehouse.ClickAndCollect.ALL or (
                option == Warehouse.ClickAndCollect.LOCAL and len(artisan_ids) == 1
                and warehouse.artisan_id in artisan_ids):
            result.append(warehouse)
    return result


@transaction.atomic
def ensure_default_shipping() -> dict[str, int]:
    """Create the default zones, methods, rates and Expo-artisan stands that do not exist yet."""
    from marketplace.channels.services import ensure_default_channels
    from marketplace.shipping.defaults import EXPO_STANDS, ZONES

    channels = {c.slug: c for c in ensure_default_channels()}
    created = 0
    for spec in ZONES:
        zone, made = ShippingZone.objects.get_or_create(slug=spec["slug"], defaults={
            "name": spec["name"], "countries": spec["countries"], "cities": spec.get("cities", []),
            "exclude_cities": spec.get("exclude_cities", False), "default": spec.get("default", False)})
        created += made
        zone.channels.add(*[channels[s] for s in spec["channels"]])
        for method_spec in spec["methods"]:
            method, made = ShippingMethod.objects.get_or_create(slug=method_spec["slug"], defaults={
                "zone": zone, "name": method_spec["name"], "kind": method_spec["kind"],
                "minimum_delivery_days": method_spec["days"][0], "maximum_delivery_days": method_spec["days"][1],
                "maximum_order_weight_kg": Decimal(method_spec["max_kg"]) if method_spec.get("max_kg") else None,
                "translations": method_spec["tr"]})
            created += made
            for slug, (base, per_kg) in method_spec["rates"].items():
                ShippingMethodChannelListing.objects.get_or_create(
                    shipping_method=method, channel=channels[slug],
                    defaults={"currency": channels[slug].currency_code, "base_price": Decimal(base),
                              "price_per_kg": Decimal(per_kg)})
    for stand in EXPO_STANDS:
        if Warehouse.objects.filter(slug=stand["slug"]).exists():
            continue
        address = Address.objects.create(company_name=stand["name"], street_address_1=stand["street"],
                                         city=stand["city"], postal_code=stand["postal_code"], country="MA")
        warehouse = Warehouse.objects.create(name=stand["name"], slug=stand["slug"], address=address,
                                             metadata={"openingHours": stand["opening_hours"]},
                                             is_private=False, click_and_collect_option=Warehouse.ClickAndCollect.ALL)
        warehouse.channels.add(channels["touristes"])
        created += 1
    return {"created": created}
