"""The product page's shipping estimate: ProductVariant.shippingMethods(countryCode, city) prices one unit
for its chargeable weight in the variant's channel, cheapest first, before any checkout exists."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

pytestmark = pytest.mark.django_db

ESTIMATE = """
query Estimate($slug: String!, $channel: String!, $country: CountryCode!, $city: String) {
  product(slug: $slug, channel: $channel) {
    variants {
      sku
      shippingMethods(countryCode: $country, city: $city) {
        name kind minimumDeliveryDays maximumDeliveryDays
        translation(languageCode: EN) { name }
        price { amount currency }
      }
    }
  }
}"""


@pytest.fixture
def piece():
    from marketplace.catalog.models import ProductVariant

    variant = (ProductVariant.objects.filter(product__channel_listings__channel__slug="export")
               .filter(product__channel_listings__channel__slug="maroc")
               .select_related("product").order_by("sku").first())
    assert variant, "the demo has variants sold in Morocco and abroad"
    return variant


def methods(gql, variant, channel: str, country: str, city: str | None = None) -> list[dict]:
    data = gql.data(ESTIMATE, {"slug": variant.product.slug, "channel": channel, "country": country, "city": city})
    row = next(v for v in data["product"]["variants"] if v["sku"] == variant.sku)
    return row["shippingMethods"]


def test_export_estimate_follows_the_destination_and_the_weight(gql, piece):
    from marketplace.shipping.services import chargeable_weight

    europe = methods(gql, piece, "export", "DE")
    assert [m["kind"] for m in europe] == ["STANDARD", "EXPRESS"]
    assert all(m["price"]["currency"] == "EUR" for m in europe)
    assert europe[0]["translation"]["name"] == "Standard shipping to Europe"
    assert (europe[0]["minimumDeliveryDays"], europe[0]["maximumDeliveryDays"]) == (5, 9)
    # 25 EUR for the first kilogram, 6 EUR for each started kilogram beyond it (actual or volumetric weight).
    weight = chargeable_weight(piece, 1)
    assert weight > 0
    extra = max(0, math.ceil(weight) - 1)
    assert Decimal(str(europe[0]["price"]["amount"])) == Decimal("25") + Decimal("6") * extra
    # North America and the rest of the world have their own zones and prices.
    assert methods(gql, piece, "export", "US")[0]["name"] == "Export standard Amérique du Nord"
    assert methods(gql, piece, "export", "JP")[0]["name"] == "Export standard monde"
    usd = methods(gql, piece, "export-usd", "US")
    assert usd[0]["price"]["currency"] == "USD"


def test_moroccan_estimate_without_a_city_spans_every_zone_and_narrows_with_one(gql, piece):
    anywhere = methods(gql, piece, "maroc", "MA")
    names = {m["name"] for m in anywhere}
    assert {"Livraison standard", "Livraison standard (régions)", "Livraison express 24 h"} <= names
    prices = [Decimal(str(m["price"]["amount"])) for m in anywhere]
    assert prices == sorted(prices) and all(m["price"]["currency"] == "MAD" for m in anywhere)
    assert {m["name"] for m in methods(gql, piece, "maroc", "MA", "Casablanca")} == {
        "Livraison standard", "Livraison express 24 h"}
    assert {m["name"] for m in methods(gql, piece, "maroc", "MA", "Zagora")} == {"Livraison standard (régions)"}
    # The domestic market does not ship abroad: an empty list, not an error.
    assert methods(gql, piece, "maroc", "FR") == []


def test_tourists_get_hotel_delivery_in_morocco_and_shipping_home_abroad(gql, piece):
    hotel = methods(gql, piece, "touristes", "MA", "Marrakech")
    assert [m["kind"] for m in hotel] == ["HOTEL"]
    home = methods(gql, piece, "touristes", "GB")
    assert [m["kind"] for m in home] == ["HOME"] and home[0]["price"]["currency"] == "MAD"


def test_a_bad_country_code_is_a_clear_graphql_error(gql, piece):
    result = gql(ESTIMATE, {"slug": piece.product.slug, "channel": "export", "country": "XX"})
    assert result["errors"] and "CountryCode" in result["errors"][0]["message"]
