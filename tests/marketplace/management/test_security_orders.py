"""Buyers' personal data (issue 13): orderByToken masks the buyer's details for anyone but the buyer and the
back office (Saleor's rules), and an artisan's members read only their artisan's part of an order, without
the token that opens the whole order."""

from __future__ import annotations

from decimal import Decimal

import pytest

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db

S = "storefront/graphql/saleor/"
M = "storefront/graphql/marketplace/"
BY_TOKEN = """query($t: UUID!) { orderByToken(token: $t) { number userEmail
  billingAddress { firstName lastName companyName streetAddress1 streetAddress2 city postalCode phone country { code } }
  shippingAddress { firstName lastName streetAddress1 phone city } lines { productName }
  total { gross { amount } } } }"""
TOKEN_CREATE = "mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) { token errors { code } } }"


def two_artisan_order(world, *, user=None):
    """One order with a line of A's piece (400 MAD) and one of B's (600 MAD), paid by card, shipped to a
    Casablanca address with a phone."""
    from django.db import connection

    from marketplace.accounts.models import Address
    from marketplace.channels.models import Channel
    from marketplace.orders.models import Fulfillment, Order, OrderLine
    from marketplace.payments.models import TransactionItem

    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('orders_order_number_seq')")
        number = cursor.fetchone()[0]

    def address():
        return Address.objects.create(first_name="Salma", last_name="Bennani", company_name="Dar Salma",
                                      street_address_1="12 rue Ibn Sina", street_address_2="Appartement 4",
                                      city="Casablanca", postal_code="20000", country="MA", phone="+212612345678")

    total = Decimal("1000.00")
    order = Order.objects.create(number=number, channel=Channel.objects.get(slug="maroc"), user=user,
                                 user_email="salma.bennani@example.ma", payment_method="STRIPE", currency="MAD",
                                 billing_address=address(), shipping_address=address(), subtotal_gross=total,
                                 subtotal_net=total, total_gross=total, total_net=total, total_charged=total)
    for position, (side, price) in enumerate(((world["a"], Decimal("400")), (world["b"], Decimal("600"))), 1):
        fulfillment = Fulfillment.objects.create(order=order, artisan=side.artisan, fulfillment_order=position,
                                                 warehouse=side.warehouse)
        OrderLine.objects.create(order=order, fulfillment=fulfillment, artisan=side.artisan, variant=side.variant,
                                 product_name=side.product.name, product_sku=side.variant.sku, quantity=1,
                                 currency="MAD", unit_price_gross=price, unit_price_net=price,
                                 total_price_gross=price, total_price_net=price)
    TransactionItem.objects.create(order=order, gateway="stripe", name="Carte", currency="MAD", amount=total,
                                   charged_value=total, psp_reference="pi_secret_reference")
    return order


def test_an_anonymous_token_holder_reads_the_buyers_details_masked(gql, world):
    order = two_artisan_order(world)
    result = gql.data(BY_TOKEN, {"t": str(order.token)})["orderByToken"]
    assert result["userEmail"] == "s...@example.ma"
    assert result["billingAddress"] == {
        "firstName": "S....", "lastName": "B......", "companyName": "D........", "streetAddress1": "1" + "." * 14,
        "streetAddress2": "A" + "." * 12, "city": "Casablanca", "postalCode": "20000", "phone": "+21" + "." * 10,
        "country": {"code": "MA"}}
    assert result["shippingAddress"]["phone"] == "+21" + "." * 10 and result["shippingAddress"]["city"] == "Casablanca"
    assert "Ibn Sina" not in str(result) and "Bennani" not in str(result) and "612345678" not in str(result)
    assert len(result["lines"]) == 2  # what a guest's confirmation shows stays


def test_transactions_and_events_need_the_back_offices_permissions(gql, world):
    """Saleor's recorded answer: asking `transactions` without MANAGE_ORDERS or HANDLE_PAYMENTS is a
    PermissionDenied that nulls the whole order."""
    order = two_artisan_order(world)
    for field in ("transactions { pspReference }", "events { type }"):
        result = gql(f"query($t: UUID!) {{ orderByToken(token: $t) {{ number {field} }} }}", {"t": str(order.token)})
        assert result["data"]["orderByToken"] is None
        assert result["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
        assert "MANAGE_ORDERS" in result["errors"][0]["message"]
    assert "pi_secret_reference" not in str(gql("query($t: UUID!) { orderByToken(token: $t) { transactions "
                                                "{ pspReference } } }", {"t": str(order.token)}))


def test_the_saleor_document_works_for_a_guest(gql, world, doc):
    order = two_artisan_order(world)
    result = gql.data(doc(S + "OrderByToken.graphql"), {"token": str(order.token)})["orderByToken"]
    assert result["number"] == str(order.number) and result["userEmail"] == "s...@example.ma"


def test_the_buyer_and_the_back_office_read_the_order_whole(gql, world, sign_in):
    from django.contrib.auth.models import Permission

    from marketplace.accounts.models import User

    buyer = User.objects.get(email="client@demo.maalem.ma")
    order = two_artisan_order(world, user=buyer)
    sign_in("buyer")
    mine = gql.data(BY_TOKEN, {"t": str(order.token)})["orderByToken"]
    assert mine["userEmail"] == "salma.bennani@example.ma" and mine["billingAddress"]["phone"] == "+212612345678"
    sign_in("curator")  # the ministry holds no order permission
    assert gql.data(BY_TOKEN, {"t": str(order.token)})["orderByToken"]["userEmail"] == "s...@example.ma"
    clerk = User.objects.create_user(email="orders-desk@example.com", password="Orders-desk-2026", is_staff=True)
    clerk.user_permissions.set(Permission.objects.filter(codename__in=["manage_orders"]))
    gql.token = None
    gql.token = gql.data(TOKEN_CREATE, {"e": clerk.email, "p": "Orders-desk-2026"})["tokenCreate"]["token"]
    whole = gql.data("query($t: UUID!) { orderByToken(token: $t) { userEmail billingAddress { streetAddress1 } "
                     "transactions { pspReference } events { type } } }", {"t": str(order.token)})["orderByToken"]
    assert whole["userEmail"] == "salma.bennani@example.ma"
    assert whole["billingAddress"]["streetAddress1"] == "12 rue Ibn Sina"
    assert whole["transactions"][0]["pspReference"] == "pi_secret_reference"


ARTISAN_ORDERS = """query($a: ID!) { artisanOrders(artisanId: $a, first: 10) { edges { node {
  id number isPaid paymentMethod order { id }
  shippingAddress { firstName lastName streetAddress1 city postalCode phone }
  fulfillment { id artisan { id } } lines { productName artisan { id } totalPrice { gross { amount } } }
  total { gross { amount currency } } } } } }"""


def test_an_artisan_reads_its_own_part_without_the_order_token(gql, world, sign_in):
    order = two_artisan_order(world)
    sign_in("member_a_on_a", world)
    edges = gql.data(ARTISAN_ORDERS, {"a": world["a"].ids["artisan"]})["artisanOrders"]["edges"]
    (node,) = [e["node"] for e in edges if e["node"]["number"] == str(order.number)]
    assert [line["artisan"]["id"] for line in node["lines"]] == [world["a"].ids["artisan"]]
    assert node["fulfillment"]["artisan"]["id"] == world["a"].ids["artisan"]
    assert node["total"]["gross"] == {"amount": 400.0, "currency": "MAD"}  # its share, not the order's 1000
    assert node["shippingAddress"]["streetAddress1"] == "12 rue Ibn Sina"  # what it needs to ship
    assert node["shippingAddress"]["phone"] == "+212612345678"
    assert node["order"] is None
    assert str(order.token) not in str(edges)
    assert to_global_id("Order", order.token) not in str(edges)


def test_artisan_order_has_no_token_field(gql):
    fields = gql.data('{ __type(name: "ArtisanOrder") { fields { name } } }')["__type"]["fields"]
    names = {f["name"] for f in fields}
    assert "token" not in names and {"lines", "fulfillment", "total", "shippingAddress"} <= names


def test_an_artisan_member_cannot_open_the_whole_order_by_id(gql, world, sign_in):
    order = two_artisan_order(world)
    sign_in("member_a_on_a", world)
    assert gql.data("query($id: ID!) { order(id: $id) { number } }",
                    {"id": to_global_id("Order", order.token)})["order"] is None


def test_shipping_its_part_answers_the_artisans_part_not_the_order(gql, world, sign_in, doc):
    order = two_artisan_order(world)
    fulfillment = order.fulfillments.get(artisan=world["a"].artisan)
    sign_in("member_a_on_a", world)
    result = gql.data("""mutation($id: ID!) { fulfillmentStageUpdate(id: $id, input: {stage: PACKED}) {
        order { id token } artisanOrder { number lines { productName } } errors { code } } }""",
                      {"id": to_global_id("Fulfillment", fulfillment.pk)})["fulfillmentStageUpdate"]
    assert result["errors"] == [] and result["order"] is None
    assert result["artisanOrder"]["number"] == str(order.number) and len(result["artisanOrder"]["lines"]) == 1


def test_the_back_office_reaches_the_whole_order_from_an_artisans_part(gql, world, sign_in):
    order = two_artisan_order(world)
    sign_in("admin")
    edges = gql.data(ARTISAN_ORDERS, {"a": world["b"].ids["artisan"]})["artisanOrders"]["edges"]
    (node,) = [e["node"] for e in edges if e["node"]["number"] == str(order.number)]
    assert node["order"]["id"] == to_global_id("Order", order.token)
    assert len(node["lines"]) == 1
