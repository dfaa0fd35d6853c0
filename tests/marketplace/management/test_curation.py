"""Curators: collections (create, products, order, per-market publication with dates), featured collections
on the home page, artisan verification and labels, programme results as GraphQL and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db

S = "storefront/graphql/saleor/"
M = "storefront/graphql/marketplace/"
COLLECTION_PRODUCTS = """query($slug: String!, $channel: String!) { collection(slug: $slug, channel: $channel) {
  products(first: 10) { edges { node { id } } } } }"""


def test_collection_builder_and_scheduled_publication(gql, doc, world, sign_in):
    from marketplace.channels.models import Channel

    a, b = world["a"].ids["product"], world["b"].ids["product"]
    sign_in("curator")
    created = gql.data(doc(S + "CollectionCreate.graphql"), {"input": {"name": "Cadeaux de printemps",
                                                                       "products": [a]}})["collectionCreate"]
    assert created["errors"] == []
    collection, slug = created["collection"]["id"], created["collection"]["slug"]
    assert gql.data(doc(S + "CollectionAddProducts.graphql"), {"collectionId": collection, "products": [b]}
                    )["collectionAddProducts"]["errors"] == []
    moved = gql.data(doc(S + "CollectionReorderProducts.graphql"), {"collectionId": collection, "moves": [
        {"productId": b, "sortOrder": -1}]})
    assert moved["collectionReorderProducts"]["errors"] == []
    export = to_global_id("Channel", Channel.objects.get(slug="export").pk)
    maroc = to_global_id("Channel", Channel.objects.get(slug="maroc").pk)
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(days=3)).isoformat()
    listing = gql.data(doc(S + "CollectionChannelListingUpdate.graphql"), {"id": collection, "input": {"addChannels": [
        {"channelId": maroc, "isPublished": True}, {"channelId": export, "isPublished": True, "publishedAt": later}]}})
    assert listing["collectionChannelListingUpdate"]["errors"] == []
    gql.token = None
    shown = gql.data(COLLECTION_PRODUCTS, {"slug": slug, "channel": "maroc"})["collection"]["products"]["edges"]
    assert [e["node"]["id"] for e in shown] == [b, a]  # the curator's order
    assert gql.data(COLLECTION_PRODUCTS, {"slug": slug, "channel": "export"})["collection"] is None  # scheduled
    sign_in("curator")
    removed = gql.data(doc(S + "CollectionRemoveProducts.graphql"), {"collectionId": collection, "products": [a]})
    assert removed["collectionRemoveProducts"]["errors"] == []
    duplicate = gql.data(doc(S + "CollectionCreate.graphql"), {"input": {"name": "Autre", "slug": slug}})
    assert duplicate["collectionCreate"]["errors"][0]["code"] == "UNIQUE"


def test_featured_collections_and_their_order(gql, doc, world, sign_in):
    from marketplace.catalog.models import Collection

    visible = [c for c in Collection.objects.filter(channel_listings__channel__slug="maroc",
                                                    channel_listings__is_published=True).order_by("pk")][:3]
    assert len(visible) >= 2
    ids = [to_global_id("Collection", c.pk) for c in reversed(visible)]
    sign_in("curator")
    result = gql.data(doc(M + "FeaturedCollectionsSet.graphql"), {"collections": ids})["featuredCollectionsSet"]
    assert result["errors"] == []
    gql.token = None
    featured = gql.data(doc(M + "FeaturedCollections.graphql"), {"channel": "maroc"})["featuredCollections"]
    assert [c["id"] for c in featured] == ids
    sign_in("curator")
    again = gql.data(doc(M + "FeaturedCollectionsSet.graphql"), {"collections": [ids[0], ids[0]]})
    assert again["featuredCollectionsSet"]["errors"][0]["code"] == "DUPLICATED_INPUT_ITEM"


def test_verification_hides_and_shows_an_artisan(gql, doc, world, sign_in):
    side = world["b"]
    sign_in("curator")
    labels = gql.data(doc(M + "ArtisanLabelsUpdate.graphql"), {"id": side.ids["artisan"], "addLabels": ["inconnu"]})
    assert labels["artisanLabelsUpdate"]["errors"][0] == {"field": "addLabels", "message": "Unknown label: inconnu",
                                                          "code": "NOT_FOUND"}
    result = gql.data(doc(M + "ArtisanVerificationUpdate.graphql"), {"id": side.ids["artisan"], "status": "PENDING"})
    assert result["artisanVerificationUpdate"]["artisan"]["verificationStatus"] == "PENDING"
    gql.token = None
    assert gql.data("query($s: String!) { artisan(slug: $s) { id } }", {"s": side.artisan.slug})["artisan"] is None


def test_programme_results_query_and_csv(gql, doc, world, sign_in, client):
    from marketplace.media.models import ProductMedia

    ProductMedia.objects.filter(pk=world["a"].media.pk).update(quality_report={"overall_before": 40,
                                                                               "overall_after": 80})
    sign_in("curator")
    results = gql.data(doc(M + "ProgrammeResults.graphql"))["programmeResults"]
    assert results["listingsAdded"] >= 42 and results["activeArtisans"] >= 2
    assert results["photoQuality"]["photos"] >= 1
    assert results["photoQuality"]["averageAfter"] > results["photoQuality"]["averageBefore"]
    response = client.get("/exports/programme-results.csv", HTTP_AUTHORIZATION=f"Bearer {gql.token}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0] == ["section", "key", "name", "sales_mad", "income_mad", "order_lines"]
    summary = {row[1]: row[3] for row in table if row[0] == "summary"}
    assert int(summary["listings_added"]) == results["listingsAdded"]
    assert client.get("/exports/programme-results.csv").status_code == 401
    sign_in("buyer")
    assert client.get("/exports/programme-results.csv", HTTP_AUTHORIZATION=f"Bearer {gql.token}").status_code == 403
    sign_in("curator")
    bad = client.get("/exports/programme-results.csv?since=hier", HTTP_AUTHORIZATION=f"Bearer {gql.token}")
    assert bad.status_code == 400


def _order(number: int, channel, side, amount: str, status: str = "UNFULFILLED", paid: bool = False) -> None:
    from decimal import Decimal

    from marketplace.orders.models import Fulfillment, Order, OrderLine
    from marketplace.payouts.services import record_sales

    value = Decimal(amount)
    order = Order.objects.create(number=number, channel=channel, user_email="achat@example.ma", status=status,
                                 payment_method="DEV", currency=channel.currency_code, subtotal_gross=value,
                                 subtotal_net=value, total_gross=value, total_net=value,
                                 total_charged=value if paid else Decimal(0))
    fulfillment = Fulfillment.objects.create(order=order, artisan=side.artisan, fulfillment_order=1)
    OrderLine.objects.create(order=order, fulfillment=fulfillment, artisan=side.artisan, variant=side.variant,
                             product_name=side.product.name, quantity=1, currency=channel.currency_code,
                             unit_price_gross=value, unit_price_net=value, total_price_gross=value,
                             total_price_net=value)
    if paid:
        record_sales(order)


def test_programme_sales_income_and_export_share_from_orders(gql, doc, world, sign_in):
    """Sales in MAD (export converted back with the channel's rate); the artisans' income is the ledger's
    (paid orders only), the unpaid part of the sales apart; by market, keyed by the channel's slug."""
    from decimal import Decimal

    from django.utils import timezone

    from marketplace.channels.models import Channel

    maroc, export = Channel.objects.get(slug="maroc"), Channel.objects.get(slug="export")
    since = timezone.now().isoformat()  # this test's orders only: the demo's (retail, trade) came before
    _order(990001, maroc, world["a"], "400", paid=True)
    _order(990002, export, world["b"], "46")  # 46 EUR ÷ 0.092 = 500 MAD, not paid yet
    _order(990003, maroc, world["b"], "999", status="CANCELED")
    sign_in("curator")
    results = gql.data(doc(M + "ProgrammeResults.graphql"), {"languageCode": "AR", "since": since})["programmeResults"]
    assert Decimal(str(results["salesMad"])) == Decimal("900.00")
    assert Decimal(str(results["awaitingPaymentMad"])) == Decimal("500.00")
    assert results["exportShare"] == pytest.approx(500 / 900, abs=1e-4)
    assert results["sellingArtisans"] == 2
    markets = {row["key"]: Decimal(str(row["salesMad"])) for row in results["byMarket"]}
    assert markets == {"export": Decimal("500.00"), "maroc": Decimal("400.00")}
    assert {row["key"]: row["name"] for row in results["byMarket"]} == {"export": "التصدير (EUR)", "maroc": "المغرب"}
    a = world["a"].artisan
    by_artisan = {row["key"]: Decimal(str(row["incomeMad"])) for row in results["byArtisan"]}
    income = (Decimal("400") * (1 - a.commission_rate)).quantize(Decimal("0.01"))
    assert by_artisan == {a.slug: income, world["b"].artisan.slug: Decimal("0.00")}
    assert Decimal(str(results["incomeMad"])) == income == Decimal(str(results["incomePendingMad"]))
    assert sum(row["orderLines"] for row in results["byRegion"]) == 2
    assert len(results["byMonth"]) == 1 and results["byMonth"][0]["orderLines"] == 2
