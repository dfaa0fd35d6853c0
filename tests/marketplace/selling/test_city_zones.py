"""Delivery zones match the city on a normalised key: Casablanca, "Casa" and "الدار البيضاء" get the same
methods and price, for every city a zone names, in three spellings (French, Arabic, and an English or short
form), through the product page's estimate and through a real checkout."""

from __future__ import annotations

import pytest

from .conftest import MA_ADDRESS, gid

pytestmark = pytest.mark.django_db

# Every city the default zones name (marketplace/shipping/defaults.py), three ways a buyer types it.
SPELLINGS = {
    "Casablanca": ("Casablanca", "الدار البيضاء", "Casa"),
    "Rabat": ("Rabat", "الرباط", "Rabat-Salé"),
    "Salé": ("Salé", "سلا", "Sale"),
    "Marrakech": ("Marrakech", "مراكش", "Marrakesh"),
    "Fès": ("Fès", "فاس", "Fez"),
    "Tanger": ("Tanger", "طنجة", "Tangier"),
    "Agadir": ("Agadir", "أكادير", "AGADIR "),
    "Meknès": ("Meknès", "مكناس", "Meknes"),
    "Kénitra": ("Kénitra", "القنيطرة", "Kenitra"),
    "Tétouan": ("Tétouan", "تطوان", "Tetuan"),
    "Oujda": ("Oujda", "وجدة", "oujda"),
    "El Jadida": ("El Jadida", "الجديدة", "Jadida"),
    "Mohammedia": ("Mohammedia", "المحمدية", "Mohamedia"),
    "Témara": ("Témara", "تمارة", "Temara"),
    "Essaouira": ("Essaouira", "الصويرة", "Mogador"),
    "Chefchaouen": ("Chefchaouen", "شفشاون", "Chaouen"),
    "Ouarzazate": ("Ouarzazate", "ورزازات", "Warzazat"),
    "Merzouga": ("Merzouga", "مرزوكة", "Merzuga"),
}

ESTIMATES = """
query Estimates($slug: String!, $channel: String!) {
  product(slug: $slug, channel: $channel) {
    variants {
      %s
    }
  }
}"""


def estimates(gql, slug: str, channel: str, cities: list[str]) -> dict[str, list[tuple]]:
    """The methods (slug-like name, price, days) for one unit to each city, in one query (aliases)."""
    fields = "\n".join(f'c{i}: shippingMethods(countryCode: MA, city: "{city}") {{ name price {{ amount }} '
                       f"minimumDeliveryDays maximumDeliveryDays }}" for i, city in enumerate(cities))
    variant = gql.data(ESTIMATES % fields, {"slug": slug, "channel": channel})["product"]["variants"][0]
    return {city: [(m["name"], m["price"]["amount"], m["minimumDeliveryDays"], m["maximumDeliveryDays"])
                   for m in variant[f"c{i}"]] for i, city in enumerate(cities)}


def zone_cities(channel: str) -> list[str]:
    from marketplace.shipping.models import ShippingZone

    return sorted({city for zone in ShippingZone.objects.filter(channels__slug=channel, exclude_cities=False)
                   for city in zone.cities})


@pytest.mark.parametrize("channel", ["maroc", "touristes"])
def test_every_zone_city_in_three_spellings_gets_the_zone_rates(gql, rug, channel):
    cities = zone_cities(channel)
    assert cities and set(cities) <= set(SPELLINGS), "every zone city has its three spellings here"
    spelled = [spelling for city in cities for spelling in SPELLINGS[city]]
    found = estimates(gql, rug.product.slug, channel, [*spelled, "Zagora"])
    for city in cities:
        reference = found[city]
        assert reference, f"{city} has methods of its own in {channel}"
        for spelling in SPELLINGS[city][1:]:
            assert found[spelling] == reference, (channel, city, spelling, found[spelling], reference)
    if channel == "maroc":  # a city no zone names falls in "other cities", at other rates
        assert found["Zagora"] and found["Zagora"] != found["Casablanca"]


def test_the_checkout_prices_casa_and_arabic_casablanca_like_casablanca(selling, rug):
    prices = {}
    checkout = selling.create("maroc", gid("ProductVariant", rug.pk))
    for city in ("Casablanca", "Casa", "الدار البيضاء", "Zagora"):
        result = selling.run("CheckoutShippingAddressUpdate", {"id": checkout["id"],
                                                               "shippingAddress": {**MA_ADDRESS, "city": city}})
        methods = result["checkoutShippingAddressUpdate"]["checkout"]["shippingMethods"]
        prices[city] = sorted((m["name"], m["price"]["amount"], m["maximumDeliveryDays"]) for m in methods)
    assert prices["Casa"] == prices["الدار البيضاء"] == prices["Casablanca"]
    assert prices["Zagora"] != prices["Casablanca"]


def test_the_checkout_suggests_the_zone_cities_in_the_buyers_language(gql, doc):
    query = doc("storefront/graphql/marketplace/DeliveryCities.graphql")
    arabic = gql.data(query, {"channel": "maroc", "languageCode": "AR"})["deliveryCities"]
    english = gql.data(query, {"channel": "maroc", "languageCode": "EN"})["deliveryCities"]
    assert "الدار البيضاء" in arabic and "مراكش" in arabic and "Casablanca" not in arabic
    assert "Fez" in english and "Marrakesh" in english and len(english) == len(zone_cities("maroc"))
    assert gql.data(query, {"channel": "nowhere", "languageCode": "FR"})["deliveryCities"] == []
