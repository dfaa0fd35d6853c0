"""The ministry's figures per fair, tied to the orders: stand sales by artisan, craft and region; QR visits;
online orders carrying the fair as source (a scanned label's checkout) within the fair and the 60 days after;
the share of export. Every figure is recomputed here from the orders the test placed through the API."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from fair_helpers import CURATOR, MEMBER_PASSWORD, make_piece, sign_in

from marketplace.core.graphql.ids import to_global_id

FIGURES = "storefront/graphql/marketplace/FairFigures.graphql"
FR_ADDRESS = {"firstName": "Claire", "lastName": "Martin", "streetAddress1": "8 rue de la Paix", "city": "Paris",
              "postalCode": "75002", "country": "FR", "phone": "+33142000000"}
MA_ADDRESS = {"firstName": "Salma", "lastName": "Bennani", "streetAddress1": "12 rue Ibn Sina", "city": "Casablanca",
              "postalCode": "20000", "country": "MA", "phone": "+212612345678"}


def _stand_sale(gql, doc, fair_id, variant, **extra):
    result = gql.data(doc("storefront/graphql/marketplace/FairStandSaleCreate.graphql"), {"input": {
        "fair": fair_id, "variant": to_global_id("ProductVariant", variant.pk), "idempotencyKey": str(uuid.uuid4()),
        "payment": "CASH", **extra}})["fairStandSaleCreate"]
    assert result["errors"] == [], result
    return result["order"]


def _online_order(gql, doc, variant, channel, address, metadata):
    def run(name, variables):
        return gql.data(doc(f"storefront/graphql/saleor/{name}.graphql"), variables)

    checkout = run("CheckoutCreate", {"input": {
        "channel": channel, "email": "visitor@example.com", "metadata": metadata,
        "lines": [{"variantId": to_global_id("ProductVariant", variant.pk), "quantity": 1}],
        "shippingAddress": address, "billingAddress": address}})["checkoutCreate"]
    assert checkout["errors"] == [], checkout
    checkout = checkout["checkout"]
    run("CheckoutDeliveryMethodUpdate",
        {"id": checkout["id"], "deliveryMethodId": checkout["shippingMethods"][0]["id"]})
    gateway = "maalem.payments.bank-transfer" if channel == "export" else "maalem.payments.cash-on-delivery"
    run("TransactionInitialize", {"id": checkout["id"], "paymentGateway": {"id": gateway}})
    order = run("CheckoutComplete", {"id": checkout["id"]})["checkoutComplete"]
    assert order["errors"] == [], order
    return order["order"]


def test_fair_figures_are_the_orders_of_its_stands_and_of_its_labels_visitors(gql, doc, fair_world,
                                                                              django_capture_on_commit_callbacks):
    from marketplace.artisans.regions import region_name
    from marketplace.fairs.models import FairStand
    from marketplace.orders.models import Order

    world = fair_world
    fair = world.fair
    FairStand.objects.create(fair=fair, artisan=world.other_artisan, number="2", hall="A")
    second = make_piece(world.other_artisan, price_mad="600")
    abroad = make_piece(world.artisan, price_mad="1000")
    gql.token = sign_in(gql, world.member_email, MEMBER_PASSWORD)
    with django_capture_on_commit_callbacks(execute=True):
        _stand_sale(gql, doc, world.ids["fair"], world.variant, price="1500")
        # Sent home to France: an export sale of the fair.
        _stand_sale(gql, doc, world.ids["fair"], abroad, channel="touristes", shippingAddress=FR_ADDRESS,
                    email="claire@example.fr")
    gql.token = sign_in(gql, world.other_member_email, MEMBER_PASSWORD)
    with django_capture_on_commit_callbacks(execute=True):
        _stand_sale(gql, doc, world.ids["fair"], second)
    # Three landings from the labels, one of them for a fair that does not exist (a clear error, not counted).
    gql.token = None
    visit = doc("storefront/graphql/marketplace/FairVisitCreate.graphql")
    for product in (world.variant.product.slug, second.product.slug):
        assert gql.data(visit, {"fair": fair.slug, "product": product, "channel": "touristes"}
                        )["fairVisitCreate"]["errors"] == []
    assert gql.data(visit, {"fair": "no-such-fair"})["fairVisitCreate"]["errors"][0]["code"] == "NOT_FOUND"
    # Visitors who came back to buy online: one in the window, in export (EUR); one too late; one not from the fair.
    source = [{"key": "source", "value": f"fair-{fair.slug}"}]
    with django_capture_on_commit_callbacks(execute=True):
        late_piece, export_piece, other_piece = (make_piece(world.artisan, price_mad="800") for _ in range(3))
        export_order = _online_order(gql, doc, export_piece, "export", FR_ADDRESS, source)
        late_order = _online_order(gql, doc, late_piece, "maroc", MA_ADDRESS, source)
        _online_order(gql, doc, other_piece, "maroc", MA_ADDRESS, [{"key": "source", "value": "fair-elsewhere"}])
    late = Order.objects.get(number=int(late_order["number"]))
    assert late.metadata == {"source": f"fair-{fair.slug}"}  # the checkout's metadata went to the order
    Order.objects.filter(pk=late.pk).update(created=dt.datetime.combine(
        fair.ends_on + dt.timedelta(days=61), dt.time(12), late.created.tzinfo))

    gql.token = sign_in(gql, *CURATOR)
    figures = gql.data(doc(FIGURES), {"slug": fair.slug})["fair"]["figures"]

    stand_orders = Order.objects.filter(stand_sale__fair=fair)
    assert figures["standSalesCount"] == stand_orders.count() == 3
    stand_total = sum(o.subtotal_gross for o in stand_orders)  # goods only: shipping is not a sale of the fair
    assert Decimal(str(figures["standSalesMad"])) == stand_total == Decimal("1500") + Decimal("1000") + Decimal("600")
    by_artisan = {g["key"]: (g["count"], Decimal(str(g["salesMad"]))) for g in figures["byArtisan"]}
    assert by_artisan == {world.artisan.name: (2, Decimal("2500.00")), world.other_artisan.name: (1, Decimal("600.00"))}
    regions = {region_name(a.region, "fr") for a in (world.artisan, world.other_artisan)}
    assert {g["key"] for g in figures["byRegion"]} == regions
    assert sum(g["count"] for g in figures["byCraft"]) >= 3
    assert (figures["qrVisits"], figures["qrVisitsDuring"], figures["qrVisitsAfter"]) == (2, 2, 0)
    export = Order.objects.get(number=int(export_order["number"]))
    export_mad = (export.subtotal_gross / export.channel.price_rate).quantize(Decimal("0.01"))
    assert figures["visitOrdersCount"] == 1  # the late order and the other fair's are not counted
    assert Decimal(str(figures["visitOrdersMad"])) == export_mad
    everything = stand_total + export_mad
    exported = Decimal("1000") + export_mad  # sent to France from the stand + bought in the export market
    assert abs(figures["exportShare"] - float(exported / everything)) < 0.0001
    assert figures["followUpUntil"] == (fair.ends_on + dt.timedelta(days=60)).isoformat()


def test_figures_are_for_curators_only(gql, doc, fair_world):
    gql.token = sign_in(gql, fair_world.member_email, MEMBER_PASSWORD)
    result = gql(doc(FIGURES), {"slug": fair_world.fair.slug})
    assert result["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
