"""What artisans do for trade from the atelier (issue 21): wholesale prices that follow the trade rule from
the MAD price unless overridden, minimums, packs and capacity; quotes answered in their language, accepted
into trade orders, each side told by e-mail in its own language."""

from __future__ import annotations

import pytest
from trade_helpers import make_buyer, make_piece, member_of, set_minimums, trade_artisans

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db
M = "storefront/graphql/marketplace/"
S = "storefront/graphql/saleor/"


def wholesale(gql, doc, variant) -> dict:
    artisan = to_global_id("Artisan", variant.product.artisan_id)
    trade = gql.data(doc(M + "ArtisanTrade.graphql"), {"artisanId": artisan, "languageCode": "AR"})["artisanTrade"]
    row = next(v for p in trade["products"] for v in p["variants"] if v["variant"]["sku"] == variant.sku)
    return {p["channelSlug"]: p for p in row["wholesalePrices"]} | {"row": row}


def test_wholesale_prices_follow_the_rule_unless_the_artisan_overrides_them(gql, doc, login):
    artisan = trade_artisans(1)[0]
    variant = make_piece(artisan, mad="400")
    login(member_of(artisan))
    prices = wholesale(gql, doc, variant)
    assert prices["trade-eur"]["price"] == {"amount": 23.0, "currency": "EUR"}  # 400 × 0.092 × 0.625
    assert prices["trade-usd"]["price"] == {"amount": 25.0, "currency": "USD"}  # 400 × 0.100 × 0.625
    update = gql.data(doc(M + "TradeVariantTermsUpdate.graphql"),
                      {"variantId": to_global_id("ProductVariant", variant.pk),
                      "input": {"wholesalePrices": [{"channel": "trade-eur", "price": "19.50"}], "packSize": 4}})
    assert update["tradeVariantTermsUpdate"]["errors"] == [] and update["tradeVariantTermsUpdate"]["packSize"] == 4
    prices = wholesale(gql, doc, variant)
    assert prices["trade-eur"]["price"]["amount"] == 19.5 and prices["trade-eur"]["overridden"] is True
    assert prices["trade-eur"]["rulePrice"]["amount"] == 23.0
    # A new MAD price re-derives the prices that follow the rule, not the override.
    maroc = to_global_id("Channel", __import__("marketplace.channels.models", fromlist=["Channel"]).Channel.objects.get(
        slug="maroc").pk)
    gql.data(doc(S + "ProductVariantChannelListingUpdate.graphql"), {
        "id": to_global_id("ProductVariant", variant.pk), "input": [{"channelId": maroc, "price": "440"}]})
    prices = wholesale(gql, doc, variant)
    assert prices["trade-eur"]["price"]["amount"] == 19.5 and prices["trade-usd"]["price"]["amount"] == 27.5
    gql.data(doc(M + "TradeVariantTermsUpdate.graphql"), {"variantId": to_global_id("ProductVariant", variant.pk),
             "input": {"wholesalePrices": [{"channel": "trade-eur", "price": None}]}})
    assert wholesale(gql, doc, variant)["trade-eur"]["price"]["amount"] == 25.5  # 440 × 0.0575 = 25.30 → 25.50


@pytest.mark.parametrize(("input", "field"), [
    ({"packSize": 0}, "packSize"), ({"madeToOrderCapacity": -1}, "madeToOrderCapacity"),
    ({"madeToOrderCapacity": 20, "leadTimeWeeks": 0}, "leadTimeWeeks"), ({"leadTimeWeeks": 500}, "leadTimeWeeks"),
    ({"wholesalePrices": [{"channel": "export", "price": "10"}]}, "wholesalePrices"),
])
def test_bad_trade_terms_get_field_errors(gql, doc, login, input, field):
    artisan = trade_artisans(1)[0]
    variant = make_piece(artisan)
    login(member_of(artisan))
    result = gql.data(doc(M + "TradeVariantTermsUpdate.graphql"),
                      {"variantId": to_global_id("ProductVariant", variant.pk),
                                                                    "input": input})["tradeVariantTermsUpdate"]
    assert [e["field"] for e in result["errors"]] == [field]


def test_members_act_on_their_own_artisan_only(gql, doc, login):
    a, b = trade_artisans(2)
    variant = make_piece(b)
    login(member_of(a))
    for document, variables in (
            ("TradeVariantTermsUpdate.graphql", {"variantId": to_global_id("ProductVariant", variant.pk),
                                                 "input": {"packSize": 2}}),
            ("TradeProductOfferUpdate.graphql", {"productId": to_global_id("Product", variant.product_id),
                                                 "offered": False}),
            ("ArtisanTradeTermsUpdate.graphql", {"artisanId": to_global_id("Artisan", b.pk),
                                                 "input": {"firstOrderMinimum": "10"}}),
            ("ArtisanTrade.graphql", {"artisanId": to_global_id("Artisan", b.pk), "languageCode": "FR"})):
        result = gql(doc(M + document), variables)
        assert result["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED", document


def test_a_quote_is_answered_in_the_atelier_and_accepted_into_a_trade_order(gql, doc, login, mail,
                                                                           django_capture_on_commit_callbacks):
    from marketplace.inventory.models import Stock
    from marketplace.trade.models import ProductionOrder

    artisan = trade_artisans(1)[0]
    set_minimums(artisan, "150", "100")
    variant = make_piece(artisan, mad="400", stock=5)
    member = member_of(artisan)
    member.language_code = "ar"
    member.save(update_fields=["language_code"])
    buyer, _ = make_buyer(language="en")
    login(buyer)
    with django_capture_on_commit_callbacks(execute=True):
        asked = gql.data(doc(M + "TradeQuoteRequest.graphql"), {"input": {
            "variantId": to_global_id("ProductVariant", variant.pk), "quantity": 30, "kind": "COLOUR",
            "note": "Same bowl in Majorelle blue"}})["tradeQuoteRequest"]
    assert asked["errors"] == [] and asked["tradeQuote"]["status"] == "REQUESTED"
    to_artisan = [m for m in mail if member.email in m.to]
    assert len(to_artisan) == 1 and "طلب عرض سعر" in to_artisan[0].subject and "Majorelle" in to_artisan[0].body
    quote_id = asked["tradeQuote"]["id"]

    login(member)
    mail.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answered = gql.data(doc(M + "TradeQuoteAnswer.graphql"), {"id": quote_id, "input": {
            "unitPrice": "21.00", "leadTimeWeeks": 8, "note": "Émail bleu Majorelle, cuisson en février"}})
    assert answered["tradeQuoteAnswer"]["tradeQuote"]["status"] == "OFFERED"
    assert [m.to for m in mail] == [[buyer.email]] and "answered your quote" in mail[0].subject

    login(buyer)
    mail.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accepted = gql.data(doc(M + "TradeQuoteAccept.graphql"), {"id": quote_id})["tradeQuoteAccept"]
    assert accepted["errors"] == [] and accepted["tradeQuote"]["status"] == "ACCEPTED"
    job = ProductionOrder.objects.get(variant=variant)
    assert (job.quantity, job.lead_time_weeks) == (30, 8)  # a variation: all made to order
    assert Stock.objects.get(product_variant=variant).quantity_allocated == 0
    subjects = {m.to[0]: m.subject for m in mail}
    assert "accepted your quote" not in subjects.get(member.email, "") and "قبل" in subjects[member.email]
    assert "order #" in subjects[buyer.email] or "Order #" in subjects[buyer.email]
    again = gql.data(doc(M + "TradeQuoteAccept.graphql"), {"id": quote_id})["tradeQuoteAccept"]
    assert [e["code"] for e in again["errors"]] == ["NOT_EDITABLE"]


def test_a_declined_quote_and_quotes_of_others(gql, doc, login):
    a, b = trade_artisans(2)
    variant = make_piece(a)
    buyer, _ = make_buyer()
    login(buyer)
    quote_id = gql.data(doc(M + "TradeQuoteRequest.graphql"), {"input": {
        "variantId": to_global_id("ProductVariant", variant.pk), "quantity": 100, "kind": "QUANTITY"}})[
        "tradeQuoteRequest"]["tradeQuote"]["id"]
    login(member_of(b))
    denied = gql(doc(M + "TradeQuoteAnswer.graphql"), {"id": quote_id, "input": {"decline": True}})
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    login(member_of(a))
    declined = gql.data(doc(M + "TradeQuoteAnswer.graphql"), {"id": quote_id, "input": {
        "decline": True, "note": "Pas avant l'été"}})["tradeQuoteAnswer"]
    assert declined["tradeQuote"]["status"] == "DECLINED"
    other, _ = make_buyer()
    login(other)
    denied = gql(doc(M + "TradeQuoteAccept.graphql"), {"id": quote_id})
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert gql.data(doc(M + "TradeQuotes.graphql"), {"first": 10})["tradeQuotes"]["edges"] == []
