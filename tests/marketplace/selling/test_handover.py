"""Workshop pickup and hotel delivery are handed over in person: the artisan marks its part DELIVERED with an
optional note and no tracking number; a carrier's parcel still needs its tracking number to leave."""

from __future__ import annotations

from decimal import Decimal

import pytest

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db

UPDATE = "storefront/graphql/marketplace/FulfillmentStageUpdate.graphql"
ORDERS = "storefront/graphql/marketplace/ArtisanOrders.graphql"
TOKEN = "mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) { token } }"


def order_for(artisan, *, method_slug: str | None = None, pickup: bool = False, language: str = "fr"):
    from django.db import connection

    from marketplace.catalog.models import ProductVariant
    from marketplace.channels.models import Channel
    from marketplace.orders.models import Fulfillment, Order, OrderLine
    from marketplace.shipping.models import ShippingMethod

    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('orders_order_number_seq')")
        number = cursor.fetchone()[0]
    price = Decimal("430.00")
    method = ShippingMethod.objects.get(slug=method_slug) if method_slug else None
    order = Order.objects.create(
        number=number, channel=Channel.objects.get(slug="touristes"), user_email="emma@example.co.uk",
        language_code=language, payment_method="COD", currency="MAD", subtotal_gross=price, subtotal_net=price,
        total_gross=price, total_net=price, shipping_method=method, shipping_method_name=method.name if method else "",
        collection_point=artisan.warehouse if pickup else None,
        collection_point_name=artisan.warehouse.name if pickup else "")
    fulfillment = Fulfillment.objects.create(order=order, artisan=artisan, fulfillment_order=1,
                                             warehouse=artisan.warehouse)
    variant = ProductVariant.objects.filter(product__artisan=artisan).first()
    OrderLine.objects.create(order=order, fulfillment=fulfillment, artisan=artisan, variant=variant,
                             product_name=variant.product.name, quantity=1, currency="MAD", unit_price_gross=price,
                             unit_price_net=price, total_price_gross=price, total_price_net=price)
    return order, to_global_id("Fulfillment", fulfillment.pk)


@pytest.fixture
def member(gql):
    from demo.data import DEMO_ARTISAN_PASSWORD
    from marketplace.artisans.models import Artisan

    artisan = Artisan.objects.filter(warehouse__isnull=False, products__isnull=False).order_by("pk").first()
    email = artisan.memberships.select_related("user").first().user.email
    gql.token = gql.data(TOKEN, {"e": email, "p": DEMO_ARTISAN_PASSWORD})["tokenCreate"]["token"]
    return artisan


@pytest.mark.parametrize("delivery", ["pickup", "hotel"])
def test_pickup_and_hotel_delivery_are_handed_over_with_a_note(gql, doc, member, delivery, mailoutbox,
                                                               django_capture_on_commit_callbacks):
    order, fulfillment = order_for(member, pickup=delivery == "pickup", language="en",
                                   method_slug="touristes-hotel-riad" if delivery == "hotel" else None)
    listed = gql.data(doc(ORDERS), {"artisanId": to_global_id("Artisan", member.pk), "first": 50})["artisanOrders"]
    part = next(e["node"]["fulfillment"] for e in listed["edges"] if e["node"]["number"] == str(order.number))
    assert part["handedOverInPerson"] is True
    with django_capture_on_commit_callbacks(execute=True):
        done = gql.data(doc(UPDATE), {"id": fulfillment, "input": {"stage": "DELIVERED",
                                                                   "note": "Remis à Emma, à la réception"}})
    payload = done["fulfillmentStageUpdate"]
    assert payload["errors"] == []
    assert payload["fulfillment"]["stage"] == "DELIVERED" and payload["fulfillment"]["trackingNumber"] == ""
    assert payload["fulfillment"]["handoverNote"] == "Remis à Emma, à la réception"
    assert payload["artisanOrder"]["status"] == "FULFILLED"
    assert mailoutbox[-1].subject == f"Maalem: your order #{order.number} was handed over to you"


def test_a_carriers_parcel_still_needs_its_tracking_number(gql, doc, member):
    order, fulfillment = order_for(member, method_slug="touristes-envoi-domicile")
    refused = gql.data(doc(UPDATE), {"id": fulfillment, "input": {"stage": "DELIVERED", "note": "Posté"}})
    assert [(e["field"], e["code"]) for e in refused["fulfillmentStageUpdate"]["errors"]] == [
        ("trackingNumber", "REQUIRED")]
    long_note = gql.data(doc(UPDATE), {"id": order_for(member, pickup=True)[1],
                                       "input": {"stage": "DELIVERED", "note": "x" * 501}})
    assert long_note["fulfillmentStageUpdate"]["errors"][0]["field"] == "note"
