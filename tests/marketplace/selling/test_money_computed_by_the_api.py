"""Money the storefront shows but does not compute: the API prices a cart that is not a checkout yet
(`cartPricing`), converts a tourist's indicative price (`ProductPricingInfo.indicativePriceRange`) and
estimates the import VAT of an export checkout (`Checkout.importVatEstimate`)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import gid, make_rug

pytestmark = pytest.mark.django_db

CART_PRICING = """query($channel: String!, $lines: [CartLineInput!]!) {
  cartPricing(channel: $channel, lines: $lines) {
    lines { variantId quantity unitPrice { gross { amount currency } net { amount } }
            totalPrice { gross { amount currency } net { amount } tax { amount } } }
    subtotalPrice { gross { amount currency } net { amount } tax { amount } }
  }
}"""


def _price(variant, channel: str, amount: str) -> None:
    from marketplace.catalog.models import ProductVariantChannelListing

    ProductVariantChannelListing.objects.filter(variant=variant, channel__slug=channel).update(
        price_amount=Decimal(amount))


def _line(variant, quantity: int) -> dict:
    return {"variantId": gid("ProductVariant", variant.pk), "quantity": quantity}


def test_cart_pricing_prices_each_line_and_adds_them_up_with_the_channels_vat(gql):
    first, second = make_rug(quantity=3), make_rug()
    first.is_one_of_a_kind = False
    first.save(update_fields=["is_one_of_a_kind"])
    _price(first, "maroc", "1234.50")
    _price(second, "maroc", "2400")
    data = gql.data(CART_PRICING, {"channel": "maroc", "lines": [_line(first, 3), _line(second, 1)]})["cartPricing"]
    one, two = data["lines"]
    assert one["variantId"] == gid("ProductVariant", first.pk) and one["quantity"] == 3
    assert one["unitPrice"]["gross"] == {"amount": 1234.5, "currency": "MAD"}
    assert one["unitPrice"]["net"]["amount"] == 1028.75  # 20 % VAT included: 1234.50 / 1.2
    assert one["totalPrice"]["gross"]["amount"] == 3703.5 and one["totalPrice"]["net"]["amount"] == 3086.25
    assert two["totalPrice"]["gross"] == {"amount": 2400.0, "currency": "MAD"}
    subtotal = data["subtotalPrice"]
    assert subtotal["gross"] == {"amount": 6103.5, "currency": "MAD"}
    assert subtotal["net"]["amount"] == 5086.25 and subtotal["tax"]["amount"] == 1017.25
    # Export: the channel's own (derived) prices, no VAT.
    export = gql.data(CART_PRICING, {"channel": "export", "lines": [_line(second, 2)]})["cartPricing"]
    assert export["subtotalPrice"]["gross"] == {"amount": 552.0, "currency": "EUR"}  # 2 × 276.00
    assert export["subtotalPrice"]["tax"]["amount"] == 0


def test_cart_pricing_matches_what_the_checkout_then_charges(gql, selling):
    first, second = make_rug(quantity=2), make_rug()
    first.is_one_of_a_kind = False
    first.save(update_fields=["is_one_of_a_kind"])
    _price(first, "touristes", "999.99")
    lines = [_line(first, 2), _line(second, 1)]
    priced = gql.data(CART_PRICING, {"channel": "touristes", "lines": lines})["cartPricing"]
    checkout = selling.run("CheckoutCreate", {"input": {"channel": "touristes", "email": "t@example.com",
                                                        "lines": lines}})["checkoutCreate"]["checkout"]
    assert priced["subtotalPrice"] == checkout["subtotalPrice"]
    assert [line["totalPrice"] for line in priced["lines"]] == [line["totalPrice"] for line in checkout["lines"]]


def test_a_line_the_caller_cannot_buy_has_no_price_and_counts_in_no_total(gql):
    from marketplace.catalog.models import ProductChannelListing

    sold, hidden = make_rug(), make_rug()
    ProductChannelListing.objects.filter(product=hidden.product, channel__slug="maroc").update(is_published=False)
    data = gql.data(CART_PRICING, {"channel": "maroc", "lines": [_line(hidden, 1), _line(sold, 1)]})["cartPricing"]
    assert data["lines"][0]["unitPrice"] is None and data["lines"][0]["totalPrice"] is None
    assert data["subtotalPrice"]["gross"]["amount"] == 2400.0
    nothing = gql.data(CART_PRICING, {"channel": "maroc", "lines": [_line(hidden, 1)]})["cartPricing"]
    assert nothing["subtotalPrice"] is None
    assert gql.data(CART_PRICING, {"channel": "maroc", "lines": []})["cartPricing"] == {"lines": [],
                                                                                        "subtotalPrice": None}


@pytest.mark.parametrize("lines,message", [
    ([{"quantity": 0}], "between 1 and 10000"),
    ([{"quantity": -2}], "between 1 and 10000"),
    ([{"quantity": 10_001}], "between 1 and 10000"),
    ([{"quantity": 1}] * 101, "at most 100 lines"),
])
def test_a_cart_out_of_bounds_is_refused_with_a_code(gql, lines, message):
    rug = make_rug()
    result = gql(CART_PRICING, {"channel": "maroc", "lines": [{**line, "variantId": gid("ProductVariant", rug.pk)}
                                                               for line in lines]})
    assert result["data"] is None
    assert message in result["errors"][0]["message"] and result["errors"][0]["extensions"]["code"] == "INVALID"


def test_cart_pricing_refuses_an_unknown_channel_and_a_wrong_id(gql):
    rug = make_rug()
    unknown = gql(CART_PRICING, {"channel": "nowhere", "lines": [_line(rug, 1)]})
    assert unknown["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    trade = gql(CART_PRICING, {"channel": "trade-eur", "lines": [_line(rug, 1)]})  # wholesale: not for visitors
    assert trade["data"] is None and "does not exist" in trade["errors"][0]["message"]
    wrong = gql(CART_PRICING, {"channel": "maroc", "lines": [{"variantId": gid("Product", rug.product_id),
                                                              "quantity": 1}]})
    assert "Expected: ProductVariant" in wrong["errors"][0]["message"]


INDICATIVE = """query($slug: String!, $channel: String!, $currency: String!) {
  product(slug: $slug, channel: $channel) {
    pricing { indicativePriceRange(currency: $currency) { start { gross { amount currency } net { amount } }
                                                          stop { gross { amount currency } } } }
  }
}"""


def test_indicative_price_converts_dirhams_at_the_markets_rate_rounded_to_a_unit(gql):
    from marketplace.channels.models import Channel

    rug = make_rug()
    _price(rug, "touristes", "1234.50")
    slug = rug.product.slug
    usd_rate = Channel.objects.get(slug="export-usd").price_rate
    eur_rate = Channel.objects.get(slug="export").price_rate
    usd = gql.data(INDICATIVE, {"slug": slug, "channel": "touristes", "currency": "USD"})
    span = usd["product"]["pricing"]["indicativePriceRange"]
    assert span["start"]["gross"] == {"amount": float((Decimal("1234.50") * usd_rate).quantize(Decimal(1))),
                                      "currency": "USD"}
    assert span["start"]["gross"]["amount"] == 123.0 and span["stop"]["gross"]["currency"] == "USD"
    assert span["start"]["net"]["amount"] == float((Decimal("1028.75") * usd_rate).quantize(Decimal(1)))
    eur = gql.data(INDICATIVE, {"slug": slug, "channel": "touristes", "currency": "EUR"})
    assert eur["product"]["pricing"]["indicativePriceRange"]["start"]["gross"] == {
        "amount": float((Decimal("1234.50") * eur_rate).quantize(Decimal(1))), "currency": "EUR"}
    # The rate is the market's: a change of the rule changes the indication.
    from marketplace.core.cache import bump_catalog_version

    Channel.objects.filter(slug="export-usd").update(price_rate=Decimal("0.2"))
    bump_catalog_version()  # as the rule's committed save does (the test's transaction never commits)
    changed = gql.data(INDICATIVE, {"slug": slug, "channel": "touristes", "currency": "USD"})
    assert changed["product"]["pricing"]["indicativePriceRange"]["start"]["gross"]["amount"] == 247.0  # 246.9


@pytest.mark.parametrize("channel,currency", [("touristes", "MAD"), ("touristes", "JPY"), ("touristes", ""),
                                              ("export", "USD")])
def test_no_indication_without_a_rule_from_the_channels_currency(gql, channel, currency):
    rug = make_rug()
    data = gql.data(INDICATIVE, {"slug": rug.product.slug, "channel": channel, "currency": currency})
    assert data["product"]["pricing"]["indicativePriceRange"] is None


IMPORT_VAT = """query($id: ID!, $country: CountryCode) {
  checkout(id: $id) { totalPrice { gross { amount currency } }
    importVatEstimate(countryCode: $country) { country { code } rate amount { amount currency } } }
}"""


def test_import_vat_estimate_of_an_export_checkout(gql, selling):
    from marketplace.channels.models import Channel

    rug = make_rug()
    _price(rug, "export", "1234.56")
    checkout = selling.create("export", gid("ProductVariant", rug.pk))
    germany = gql.data(IMPORT_VAT, {"id": checkout["id"], "country": "DE"})["checkout"]
    assert germany["totalPrice"]["gross"]["amount"] == 1234.56
    assert germany["importVatEstimate"] == {"country": {"code": "DE"}, "rate": 19.0,
                                            "amount": {"amount": 235.0, "currency": "EUR"}}  # 234.57
    finland = gql.data(IMPORT_VAT, {"id": checkout["id"], "country": "FI"})["checkout"]["importVatEstimate"]
    assert finland["rate"] == 25.5 and finland["amount"]["amount"] == 315.0  # 314.81
    assert gql.data(IMPORT_VAT, {"id": checkout["id"], "country": "CH"})["checkout"]["importVatEstimate"]["rate"] == 8.1
    # No simple rule: no estimate, never a guess.
    assert gql.data(IMPORT_VAT, {"id": checkout["id"], "country": "US"})["checkout"]["importVatEstimate"] is None
    assert gql.data(IMPORT_VAT, {"id": checkout["id"], "country": "MA"})["checkout"]["importVatEstimate"] is None
    # Without a country: the shipping address's (none yet: no estimate).
    assert gql.data(IMPORT_VAT, {"id": checkout["id"]})["checkout"]["importVatEstimate"] is None
    assert Channel.objects.get(slug="export").currency_code == "EUR"


def test_import_vat_estimate_defaults_to_the_shipping_address_country(gql, selling, helpers):
    rug = make_rug()
    checkout = selling.create("export", gid("ProductVariant", rug.pk))
    result = selling.run("CheckoutShippingAddressUpdate", {"id": checkout["id"], "shippingAddress": helpers["FR"]})
    assert result["checkoutShippingAddressUpdate"]["errors"] == []
    estimate = gql.data(IMPORT_VAT, {"id": checkout["id"]})["checkout"]["importVatEstimate"]
    assert estimate["country"]["code"] == "FR" and estimate["rate"] == 20.0
    assert estimate["amount"] == {"amount": 55.0, "currency": "EUR"}  # 20 % of 276.00 = 55.20
