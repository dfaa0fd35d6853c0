"""Fairs through the GraphQL endpoint with the storefront's documents: curators create a fair and assign
stands; an artisan's member records a stand sale (an order with the fair as its source, paid, allocated at
once, in the ledger at the fair's commission); retries with the same idempotency key never sell twice."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from fair_helpers import CURATOR, MEMBER_PASSWORD, make_piece, sign_in

from marketplace.core.graphql.ids import to_global_id

SALE = "storefront/graphql/marketplace/FairStandSaleCreate.graphql"


def _sale(gql, doc, world, **extra):
    data = {"fair": world.ids["fair"], "variant": world.ids["variant"], "idempotencyKey": str(uuid.uuid4()),
            "payment": "CASH", **extra}
    return gql.data(doc(SALE), {"input": data})["fairStandSaleCreate"]


def test_curator_creates_a_fair_with_translations_and_assigns_a_stand(gql, doc):
    from marketplace.artisans.models import Artisan

    gql.token = sign_in(gql, *CURATOR)
    created = gql.data(doc("storefront/graphql/marketplace/FairCreate.graphql"), {"input": {
        "name": "Expo artisan Marrakech 2031", "city": "Marrakech", "venue": "Place Bab Jdid",
        "mapUrl": "https://www.openstreetmap.org/?mlat=31.62&mlon=-8.0", "startsOn": "2031-03-01",
        "endsOn": "2031-03-10", "channels": ["touristes", "maroc"], "commissionRate": "0",
        "translations": [{"languageCode": "AR", "name": "معرض الصانع التقليدي مراكش 2031", "venue": "ساحة باب الجديد"},
                         {"languageCode": "EN", "name": "Expo artisan Marrakech 2031"}]}})["fairCreate"]
    assert created["errors"] == []
    fair_id = created["fair"]["id"]
    assert created["fair"]["slug"] == "expo-artisan-marrakech-2031"
    artisan = Artisan.objects.filter(verification_status="VERIFIED").order_by("pk").first()
    assigned = gql.data(doc("storefront/graphql/marketplace/FairStandAssign.graphql"), {
        "fair": fair_id, "artisan": to_global_id("Artisan", artisan.pk), "number": "B12", "hall": "Hall 2"}
    )["fairStandAssign"]
    assert assigned["errors"] == [] and assigned["stand"]["number"] == "B12"
    gql.token = None
    page = gql.data(doc("storefront/graphql/marketplace/FairPage.graphql"), {
        "slug": "expo-artisan-marrakech-2031", "channel": "touristes", "languageCode": "AR", "first": 12})["fair"]
    assert page["translation"]["name"] == "معرض الصانع التقليدي مراكش 2031"
    assert [c["slug"] for c in page["channels"]] == ["maroc", "touristes"]  # the markets' own order
    assert page["stands"] == [{"number": "B12", "hall": "Hall 2", "artisan": {
        "name": artisan.name, "slug": artisan.slug, "city": artisan.city,
        "region": {"code": artisan.region, "name": page["stands"][0]["artisan"]["region"]["name"]}}}]
    listed = gql.data(doc("storefront/graphql/marketplace/Fairs.graphql"), {
        "first": 10, "filter": {"search": "2031"}, "languageCode": "EN"})["fairs"]
    assert [e["node"]["slug"] for e in listed["edges"]] == ["expo-artisan-marrakech-2031"]


def test_bad_fair_input_gets_field_errors_not_a_500(gql, doc):
    gql.token = sign_in(gql, *CURATOR)
    create = doc("storefront/graphql/marketplace/FairCreate.graphql")
    base = {"name": "Salon", "city": "Paris", "venue": "Porte de Versailles", "startsOn": "2031-05-10",
            "endsOn": "2031-05-01", "channels": ["export"]}
    result = gql.data(create, {"input": base})["fairCreate"]
    assert result["errors"][0]["field"] == "endsOn" and result["fair"] is None
    result = gql.data(create, {"input": {**base, "endsOn": "2031-05-12", "channels": ["nowhere"]}})["fairCreate"]
    assert result["errors"][0]["code"] == "NOT_FOUND" and result["errors"][0]["field"] == "channels"
    result = gql.data(create, {"input": {**base, "endsOn": "2031-05-12", "commissionRate": "0.9"}})["fairCreate"]
    assert result["errors"][0]["field"] == "commissionRate"


def test_only_curators_create_fairs(gql, doc, fair_world):
    gql.token = sign_in(gql, fair_world.member_email, MEMBER_PASSWORD)
    result = gql(doc("storefront/graphql/marketplace/FairCreate.graphql"), {"input": {"name": "X"}})
    assert result["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


def test_a_stand_sale_is_a_paid_order_from_the_fair_and_the_piece_leaves_the_shop(gql, doc, fair_world,
                                                                                   django_capture_on_commit_callbacks):
    from marketplace.inventory.models import Stock
    from marketplace.payouts.models import LedgerEntry

    gql.token = sign_in(gql, fair_world.member_email, MEMBER_PASSWORD)
    with django_capture_on_commit_callbacks(execute=True):
        result = _sale(gql, doc, fair_world, price="1500", email="tourist@example.com", languageCode="EN")
    assert result["errors"] == [] and result["replayed"] is False
    order = result["order"]
    assert order["isPaid"] and order["paymentMethod"] == "STAND_CASH" and order["status"] == "FULFILLED"
    assert order["total"]["gross"] == {"amount": 1500.0, "currency": "MAD"}
    assert {"key": "source", "value": f"fair-{fair_world.fair.slug}"} in order["metadata"]
    assert result["standSale"]["listedPrice"] == {"amount": 1800.0, "currency": "MAD"}
    stock = Stock.objects.get(product_variant=fair_world.variant)
    assert (stock.quantity, stock.quantity_allocated) == (1, 1)
    entry = LedgerEntry.objects.get(order_line__order__number=int(order["number"]))
    assert (entry.gross, entry.commission_rate, entry.commission, entry.net) == (
        Decimal("1500.00"), Decimal("0.0500"), Decimal("75.00"), Decimal("1425.00"))
    # The shop says the unique piece is gone.
    gql.token = None
    shop = gql.data("query($id: ID!) { productVariant(id: $id, channel: \"maroc\") { quantityAvailable } }",
                    {"id": fair_world.ids["variant"]})
    assert shop["productVariant"]["quantityAvailable"] == 0
    # A second sale of the same piece (a new submit) is refused clearly.
    gql.token = sign_in(gql, fair_world.member_email, MEMBER_PASSWORD)
    again = _sale(gql, doc, fair_world)
    assert again["errors"][0]["code"] == "INSUFFICIENT_STOCK" and again["order"] is None


def test_a_retried_submit_with_the_same_key_returns_the_same_sale(gql, doc, fair_world):
    from marketplace.orders.models import Order

    gql.token = sign_in(gql, fair_world.member_email, MEMBER_PASSWORD)
    key = str(uuid.uuid4())
    first = _sale(gql, doc, fair_world, idempotencyKey=key, payment="CARD")
    second = _sale(gql, doc, fair_world, idempotencyKey=key, payment="CARD")
    assert first["errors"] == [] and second["errors"] == []
    assert second["replayed"] is True and second["order"]["number"] == first["order"]["number"]
    assert Order.objects.filter(lines__variant=fair_world.variant).count() == 1
    other_piece = make_piece(fair_world.artisan)
    reused = _sale(gql, doc, fair_world, idempotencyKey=key,
                   variant=to_global_id("ProductVariant", other_piece.pk))
    assert reused["errors"][0]["code"] == "IDEMPOTENCY_KEY_REUSED"


def test_stand_sale_rules(gql, doc, fair_world):
    gql.token = sign_in(gql, fair_world.member_email, MEMBER_PASSWORD)
    assert _sale(gql, doc, fair_world, price="1900")["errors"][0]["code"] == "PRICE_ABOVE_LISTED"
    assert _sale(gql, doc, fair_world, price="0")["errors"][0]["code"] == "INVALID_PRICE"
    assert _sale(gql, doc, fair_world, email="not-an-email")["errors"][0]["field"] == "email"
    assert _sale(gql, doc, fair_world, channel="export")["errors"][0]["field"] == "channel"
    # Another artisan's member cannot sell this artisan's piece.
    gql.token = sign_in(gql, fair_world.other_member_email, MEMBER_PASSWORD)
    denied = gql(doc(SALE), {"input": {"fair": fair_world.ids["fair"], "variant": fair_world.ids["variant"],
                                       "idempotencyKey": str(uuid.uuid4()), "payment": "CASH"}})
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    # An artisan without a stand at the fair cannot record a sale there.
    piece = make_piece(fair_world.other_artisan)
    no_stand = _sale(gql, doc, fair_world, variant=to_global_id("ProductVariant", piece.pk))
    assert no_stand["errors"][0]["code"] == "NO_STAND"


def test_a_fair_that_is_over_takes_no_stand_sale(gql, doc, fair_world):
    fair = fair_world.fair
    fair.starts_on, fair.ends_on = fair.starts_on - dt.timedelta(days=30), fair.starts_on - dt.timedelta(days=20)
    fair.save()
    gql.token = sign_in(gql, fair_world.member_email, MEMBER_PASSWORD)
    assert _sale(gql, doc, fair_world)["errors"][0]["code"] == "FAIR_NOT_OPEN"


def test_ship_it_home_creates_an_order_with_shipping_from_the_fair(gql, doc, fair_world):
    gql.token = sign_in(gql, fair_world.member_email, MEMBER_PASSWORD)
    address = {"firstName": "Emma", "lastName": "Walker", "streetAddress1": "8 rue de la Paix", "city": "Paris",
               "postalCode": "75002", "country": "FR", "phone": "+33142000000"}
    refused = _sale(gql, doc, fair_world, shippingAddress=address)
    assert refused["errors"][0]["code"] == "SHIPPING_METHOD_NOT_APPLICABLE"  # maroc delivers in Morocco only
    result = _sale(gql, doc, fair_world, shippingAddress=address, channel="touristes", email="emma@example.co.uk")
    assert result["errors"] == []
    order = result["order"]
    assert order["status"] == "UNFULFILLED" and order["isPaid"]
    shipping = order["shippingPrice"]["gross"]["amount"]
    assert shipping > 0 and order["total"]["gross"]["amount"] == 1800.0 + shipping
    assert order["shippingMethodName"] == "Envoi à votre domicile"
