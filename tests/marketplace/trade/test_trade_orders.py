"""Trade orders (issue 21): minimums per artisan, packs, a line beyond stock made to order within the
artisan's capacity (never an oversell), the proforma with customs data and the deposit, payments and the
payout ledger at the trade commission, each artisan seeing only its part, net-30 for trusted accounts."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from urllib.parse import urlparse

import pytest
from trade_helpers import make_buyer, make_piece, member_of, pdf_text, set_minimums, trade_artisans

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db
M = "storefront/graphql/marketplace/"
T = "tests/marketplace/trade/graphql/marketplace/"
S = "storefront/graphql/marketplace/"


def vid(variant) -> str:
    return to_global_id("ProductVariant", variant.pk)


@pytest.fixture
def two_artisans():
    """Artisans A and B with a piece each: A's at 23.00 EUR wholesale (5 in stock, 10 more in 6 weeks), B's at
    57.50 EUR (10 in stock); both ask 150 EUR for a first order, 100 for a reorder."""
    a, b, c = trade_artisans(3)
    for artisan in (a, b):
        set_minimums(artisan, "150", "100")
    return {"a": a, "b": b, "c": c, "piece_a": make_piece(a, mad="400", stock=5, capacity=10, weeks=6),
            "piece_b": make_piece(b, mad="1000", stock=10, capacity=0)}


def add(gql, doc, lines):
    return gql.data(doc(M + "TradeCartLinesAdd.graphql"), {"lines": [
        {"variantId": vid(v), "quantity": q} for v, q in lines]})["tradeCartLinesAdd"]


def order(gql, doc, **input):
    return gql.data(doc(M + "TradeOrderCreate.graphql"), {"input": input})["tradeOrderCreate"]


def test_the_checkout_refuses_an_order_under_a_minimum_saying_how_much_is_missing(gql, doc, login, two_artisans):
    user, _ = make_buyer()
    login(user)
    assert add(gql, doc, [(two_artisans["piece_a"], 4), (two_artisans["piece_b"], 3)])["errors"] == []
    cart = gql.data(doc(M + "TradeCart.graphql"), {"languageCode": "EN"})["tradeCart"]
    groups = {g["artisan"]["id"]: g for g in cart["artisans"]}
    a_id, b_id = (to_global_id("Artisan", two_artisans[k].pk) for k in ("a", "b"))
    assert groups[a_id]["missing"] == {"amount": 58.0, "currency": "EUR"}  # 150 − 4 × 23.00
    assert groups[b_id]["missing"]["amount"] == 0 and cart["reachesMinimums"] is False
    refused = order(gql, doc)
    assert [(e["code"], e["artisan"], e["missing"]) for e in refused["errors"]] == [
        ("MINIMUM_NOT_REACHED", a_id, {"amount": 58.0, "currency": "EUR"})]
    assert two_artisans["a"].name in refused["errors"][0]["message"] and "58.00 EUR" in refused["errors"][0]["message"]
    assert refused["tradeOrder"] is None
    # Both artisans short: one error each.
    gql.data(doc(M + "TradeCartLinesUpdate.graphql"), {"lines": [{"variantId": vid(two_artisans["piece_b"]),
                                                                   "quantity": 1}]})
    assert len(order(gql, doc)["errors"]) == 2


def test_an_order_from_two_artisans_with_a_line_beyond_stock_makes_a_production_order(gql, doc, login, two_artisans,
                                                                                    client):
    from marketplace.inventory.models import Stock
    from marketplace.orders.models import Order
    from marketplace.trade.models import ProductionOrder, TradeOrder

    piece_a, piece_b = two_artisans["piece_a"], two_artisans["piece_b"]
    user, _ = make_buyer()
    login(user)
    assert add(gql, doc, [(piece_a, 8), (piece_b, 3)])["errors"] == []
    cart = gql.data(doc(M + "TradeCart.graphql"), {"languageCode": "FR"})["tradeCart"]
    line_a = next(line for g in cart["artisans"] for line in g["lines"] if line["variant"]["sku"] == piece_a.sku)
    assert (line_a["quantityFromStock"], line_a["quantityMadeToOrder"], line_a["leadTimeWeeks"]) == (5, 3, 6)
    quote = cart["shippingQuotes"][0]
    assert quote["cartons"] == 2 and quote["chargeableWeight"]["value"] == pytest.approx(38.4)  # 2 × 60×40×40/5000
    placed = order(gql, doc, note="Pour l'ouverture de printemps")
    assert placed["errors"] == [], placed["errors"]
    trade = placed["tradeOrder"]
    # 8 × 23.00 + 3 × 57.50 = 356.50 goods; shipping: two cartons of 19.2 kg, 25 + 19 × 6 = 139.00 each
    assert trade["order"]["total"]["gross"] == {"amount": 356.5 + 278.0, "currency": "EUR"}
    assert (trade["paymentTerms"], trade["paymentStage"], trade["depositShare"]) == ("DEPOSIT", "AWAITING_DEPOSIT", 0.3)
    assert trade["deposit"]["amount"] == pytest.approx(190.35) and trade["balance"]["amount"] == pytest.approx(444.15)

    stock = Stock.objects.get(product_variant=piece_a)
    assert (stock.quantity, stock.quantity_allocated) == (5, 5)  # all the stock, never more
    job = ProductionOrder.objects.get(variant=piece_a)
    assert (job.quantity, job.lead_time_weeks, job.status, job.due) == (3, 6, "AWAITING_DEPOSIT", None)
    db_order = Order.objects.get(trade__isnull=False, number=trade["number"])
    assert db_order.channel.slug == "trade-eur" and db_order.fulfillments.count() == 2
    assert TradeOrder.objects.get(order=db_order).account.user == user
    assert gql.data(doc(M + "TradeCart.graphql"), {"languageCode": "FR"})["tradeCart"]["quantity"] == 0

    # The proforma: customs data, weights, deposit and balance, bank details.
    pdf = client.get(urlparse(trade["proformaInvoiceUrl"]).path)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    for expected in ("Facture proforma", piece_a.sku, "691200", "MA", "Acompte de 30 %", "190.35", "444.15",
                     "Solde avant l'expédition", "FR40303265045", "IBAN", f"MAALEM-{trade['number']}",
                     "dont 3 à fabriquer", "poids taxable"):
        assert expected in text, (expected, text)



def test_capacity_is_never_taken_twice(gql, doc, login, two_artisans):
    """Two buyers each put 8 of A's piece in their cart (5 in stock + 10 to make = 15 for both at that
    moment). The first order takes the 5 and 3 to make; the second would need 8 to make with 7 left:
    refused, with nothing written."""
    from marketplace.orders.models import Order
    from marketplace.trade.models import ProductionOrder

    piece_a, piece_b = two_artisans["piece_a"], two_artisans["piece_b"]
    first, _ = make_buyer()
    second, _ = make_buyer()
    for user in (first, second):
        login(user)
        assert add(gql, doc, [(piece_a, 8), (piece_b, 3)])["errors"] == []
    login(first)
    assert order(gql, doc)["errors"] == []
    login(second)
    orders_before = Order.objects.count()
    refused = order(gql, doc)
    assert [e["code"] for e in refused["errors"]] == ["BEYOND_CAPACITY"]
    assert "7 more can be made to order" in refused["errors"][0]["message"]
    assert Order.objects.count() == orders_before and ProductionOrder.objects.filter(variant=piece_a).count() == 1
    assert gql.data(doc(M + "TradeCart.graphql"), {"languageCode": "FR"})["tradeCart"]["quantity"] == 11
    # At the cart, a quantity beyond stock + capacity left is refused at once.
    too_many = gql.data(doc(M + "TradeCartLinesUpdate.graphql"), {"lines": [{"variantId": vid(piece_a),
                                                                              "quantity": 9}]})
    assert [e["code"] for e in too_many["tradeCartLinesUpdate"]["errors"]] == ["BEYOND_CAPACITY"]


def test_packs_and_unknown_or_withdrawn_pieces(gql, doc, login, two_artisans):
    from trade_helpers import admin

    from marketplace.trade import offer_services

    bowls = make_piece(two_artisans["a"], mad="300", stock=24, pack=6)
    user, _ = make_buyer()
    login(user)
    refused = add(gql, doc, [(bowls, 4)])
    assert [(e["code"], e["field"]) for e in refused["errors"]] == [("PACK_SIZE", "lines.0")]
    assert "packs of 6" in refused["errors"][0]["message"]
    assert add(gql, doc, [(bowls, 12)])["errors"] == []
    offer_services.set_product_offer(admin(), bowls.product_id, False)
    assert [e["code"] for e in order(gql, doc)["errors"]] == ["UNAVAILABLE"]
    retail_only = make_piece(two_artisans["b"])
    offer_services.set_product_offer(admin(), retail_only.product_id, False)
    assert [e["code"] for e in add(gql, doc, [(retail_only, 1)])["errors"]] == ["UNAVAILABLE"]


def test_each_artisan_sees_only_its_part(gql, doc, login, two_artisans):
    user, _ = make_buyer()
    login(user)
    add(gql, doc, [(two_artisans["piece_a"], 8), (two_artisans["piece_b"], 3)])
    trade = order(gql, doc)["tradeOrder"]
    for key, sku, other in (("a", two_artisans["piece_a"].sku, two_artisans["piece_b"].sku),
                            ("b", two_artisans["piece_b"].sku, two_artisans["piece_a"].sku)):
        login(member_of(two_artisans[key]))
        seen = gql.data(doc(M + "TradeOrder.graphql"), {"id": trade["id"], "languageCode": "AR"})["tradeOrder"]
        assert seen["order"] is None  # the whole order is the buyer's and the back office's
        skus = {line["productSku"] for part in seen["artisanOrders"] for line in part["lines"]}
        assert skus == {sku} and other not in str(seen)
        assert all(job["sku"] == sku for job in seen["productionOrders"])
    login(member_of(two_artisans["c"]))
    assert gql.data(doc(M + "TradeOrder.graphql"), {"id": trade["id"], "languageCode": "FR"})["tradeOrder"] is None
    login(user)
    whole = gql.data(doc(M + "TradeOrder.graphql"), {"id": trade["id"], "languageCode": "FR"})["tradeOrder"]
    assert len(whole["order"]["fulfillments"]) == 2 and whole["productionOrders"][0]["quantity"] == 3


def test_deposit_starts_production_balance_before_shipping_and_the_ledger_takes_the_trade_commission(
        gql, doc, login, two_artisans):
    from django.utils import timezone

    from marketplace.payouts.models import LedgerEntry
    from marketplace.trade.models import ProductionOrder

    user, _ = make_buyer()
    login(user)
    add(gql, doc, [(two_artisans["piece_a"], 8), (two_artisans["piece_b"], 3)])
    trade = order(gql, doc)["tradeOrder"]
    login("curator")  # the ministry holds no money permission
    denied = gql(doc(T + "TradeOrderPaymentRecord.graphql"), {"id": trade["id"], "kind": "DEPOSIT"})
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    login("admin")
    early = gql.data(doc(T + "TradeOrderPaymentRecord.graphql"), {"id": trade["id"], "kind": "BALANCE"})
    assert [e["code"] for e in early["tradeOrderPaymentRecord"]["errors"]] == ["INVALID"]
    paid = gql.data(doc(T + "TradeOrderPaymentRecord.graphql"), {"id": trade["id"], "kind": "DEPOSIT",
                                                                  "transactionReference": "VIR-1"})
    assert paid["tradeOrderPaymentRecord"]["tradeOrder"]["paymentStage"] == "AWAITING_BALANCE"
    job = ProductionOrder.objects.get(variant=two_artisans["piece_a"])
    assert job.status == "IN_PRODUCTION" and job.due == timezone.localdate() + timedelta(weeks=6)
    assert not LedgerEntry.objects.filter(order_line__order__number=trade["number"]).exists()

    login(member_of(two_artisans["a"]))
    seen = gql.data(doc(M + "TradeOrder.graphql"), {"id": trade["id"], "languageCode": "FR"})["tradeOrder"]
    fulfillment = seen["artisanOrders"][0]["fulfillment"]["id"]
    ship = gql.data(doc(S + "FulfillmentStageUpdate.graphql"), {"id": fulfillment, "input": {
        "stage": "SHIPPED", "trackingNumber": "CP123456789MA"}})["fulfillmentStageUpdate"]
    assert [e["code"] for e in ship["errors"]] == ["CANNOT_FULFILL_UNPAID_ORDER"]

    login("admin")
    gql.data(doc(T + "TradeOrderPaymentRecord.graphql"), {"id": trade["id"], "kind": "BALANCE"})
    entries = LedgerEntry.objects.filter(order_line__order__number=trade["number"])
    assert entries.count() == 2 and {e.commission_rate for e in entries} == {Decimal("0.0800")}
    assert sum(e.gross for e in entries) == Decimal("356.50")
    login(member_of(two_artisans["a"]))
    assert in_production(gql, doc, two_artisans["piece_a"]) == 3
    ship = gql.data(doc(S + "FulfillmentStageUpdate.graphql"), {"id": fulfillment, "input": {
        "stage": "SHIPPED", "trackingNumber": "CP123456789MA"}})["fulfillmentStageUpdate"]
    assert ship["errors"] == []
    assert in_production(gql, doc, two_artisans["piece_a"]) == 0  # shipped: the capacity is free again


def in_production(gql, doc, variant) -> int:
    trade = gql.data(doc(M + "ArtisanTrade.graphql"), {"artisanId": to_global_id("Artisan", variant.product.artisan_id),
                                                       "languageCode": "FR"})["artisanTrade"]
    return next(v["inProduction"] for p in trade["products"] for v in p["variants"]
                if v["variant"]["sku"] == variant.sku)


def test_net_30_terms_are_for_trusted_accounts_and_ship_before_payment(gql, doc, login, two_artisans):
    from marketplace.trade.models import ProductionOrder

    untrusted, _ = make_buyer()
    login(untrusted)
    add(gql, doc, [(two_artisans["piece_a"], 8)])
    refused = order(gql, doc, paymentTerms="NET_30")
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("paymentTerms", "NET_TERMS_NOT_ALLOWED")]
    trusted, _ = make_buyer(trusted=True)
    login(trusted)
    add(gql, doc, [(two_artisans["piece_a"], 8)])
    trade = order(gql, doc, paymentTerms="NET_30")["tradeOrder"]
    assert (trade["paymentStage"], trade["deposit"]["amount"]) == ("ON_NET_TERMS", 0.0)
    assert ProductionOrder.objects.get(order_line__order__number=trade["number"]).status == "IN_PRODUCTION"
    login(member_of(two_artisans["a"]))
    seen = gql.data(doc(M + "TradeOrder.graphql"), {"id": trade["id"], "languageCode": "FR"})["tradeOrder"]
    ship = gql.data(doc(S + "FulfillmentStageUpdate.graphql"),
                    {"id": seen["artisanOrders"][0]["fulfillment"]["id"], "input": {
        "stage": "SHIPPED", "trackingNumber": "CP987654321MA"}})["fulfillmentStageUpdate"]
    assert ship["errors"] == []


def test_the_reorder_minimum_and_dollar_minimums(gql, doc, login, two_artisans):
    user, _ = make_buyer()
    login(user)
    add(gql, doc, [(two_artisans["piece_a"], 7)])  # 161.00 ≥ 150
    assert order(gql, doc)["errors"] == []
    add(gql, doc, [(two_artisans["piece_a"], 5)])  # 115.00: under a first order's 150, over a reorder's 100
    cart = gql.data(doc(M + "TradeCart.graphql"), {"languageCode": "FR"})["tradeCart"]
    assert (cart["artisans"][0]["isFirstOrder"], cart["artisans"][0]["minimum"]["amount"]) == (False, 100.0)
    assert order(gql, doc)["errors"] == []
    canadian, _ = make_buyer(country="CA", language="en")
    login(canadian)
    add(gql, doc, [(two_artisans["piece_b"], 1)])
    cart = gql.data(doc(M + "TradeCart.graphql"), {"languageCode": "EN"})["tradeCart"]
    # 150 EUR through MAD (rate 0.092) into USD (rate 0.100), rounded up: 164 USD; 1000 MAD → 62.50 USD
    assert cart["artisans"][0]["minimum"] == {"amount": 164.0, "currency": "USD"}
    assert cart["subtotal"] == {"amount": 62.5, "currency": "USD"}
