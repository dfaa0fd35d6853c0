"""Every management mutation and query, run as anonymous, buyer, member of A on B's objects, member of A
on A's, curator and admin: the exact outcome of each cell of the table below.

Outcomes: ok (no GraphQL error, empty payload errors), denied (GraphQL error PERMISSION_DENIED, no data),
and for reads: empty (an empty list), own (only A's products), all (every artisan's)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from trade_matrix import TRADE_MATRIX  # trade's own matrix (issue 21): tests/marketplace/trade/

from marketplace.core.graphql.ids import to_global_id

TOKEN_CREATE = "mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) { token errors { code } } }"

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(world_for_the_module, db):
    """The two sides, built once for the module's ~400 cells (conftest.py)."""
    return world_for_the_module()


S = "storefront/graphql/saleor/"
M = "storefront/graphql/marketplace/"
T = "tests/marketplace/management/graphql/marketplace/"  # documents only tests send

# operation: (document, anonymous, buyer, member_a_on_b, member_a_on_a, curator, admin)
MATRIX: dict[str, tuple[str, ...]] = {
    "productCreate": (M + "ManagedProductCreate.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
    "productUpdate": (S + "ProductUpdate.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
    "productDelete": (S + "ProductDelete.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
    "productVariantCreate": (S + "ProductVariantCreate.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
    "productVariantUpdate": (S + "ProductVariantUpdate.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
    "productChannelListingUpdate": (S + "ProductChannelListingUpdate.graphql",
                                    "denied", "denied", "denied", "ok", "ok", "ok"),
    "productVariantChannelListingUpdate": (S + "ProductVariantChannelListingUpdate.graphql",
                                           "denied", "denied", "denied", "ok", "ok", "ok"),
    "productVariantPriceFollowRule": (M + "ProductVariantPriceFollowRule.graphql",
                                      "denied", "denied", "denied", "ok", "ok", "ok"),
    "productVariantStocksUpdate": (S + "ProductVariantStocksUpdate.graphql",
                                   "denied", "denied", "denied", "ok", "ok", "ok"),
    "productMediaUpdate": (S + "ProductMediaUpdate.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
    "productMediaDelete": (S + "ProductMediaDelete.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
    "productMediaReorder": (S + "ProductMediaReorder.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
    "productTranslate": (S + "ProductTranslate.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
    "productVariantTranslate": (S + "ProductVariantTranslate.graphql",
                                "denied", "denied", "denied", "ok", "ok", "ok"),
    "productBulkCreate": (S + "ProductBulkCreate.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
    "artisanUpdate": (M + "ArtisanUpdate.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
    "managedProducts": (M + "ManagedProducts.graphql", "denied", "empty", "empty", "own", "all", "all"),
    "priceSuggestions": (M + "PriceSuggestions.graphql", "ok", "ok", "ok", "ok", "ok", "ok"),
    "listingReviewPolicy": (M + "ListingReviewPolicy.graphql", "ok", "ok", "ok", "ok", "ok", "ok"),
    "artisanVerificationUpdate": (M + "ArtisanVerificationUpdate.graphql",
                                  "denied", "denied", "denied", "denied", "ok", "ok"),
    "artisanLabelsUpdate": (M + "ArtisanLabelsUpdate.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "reviewQueue": (M + "ReviewQueue.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "productReviewApprove": (M + "ProductReviewApprove.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "productReviewReject": (M + "ProductReviewReject.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "productReviewBulkApprove": (M + "ProductReviewBulkApprove.graphql",
                                 "denied", "denied", "denied", "denied", "ok", "ok"),
    "productReviewRequest": (M + "ProductReviewRequest.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
    "productRejectionReasons": (T + "ProductRejectionReasons.graphql", "ok", "ok", "ok", "ok", "ok", "ok"),
    "productMediaRetry": (M + "ProductMediaRetry.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
    "collectionCreate": (S + "CollectionCreate.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "collectionUpdate": (S + "CollectionUpdate.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "collectionDelete": (M + "CollectionDelete.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "collectionAddProducts": (S + "CollectionAddProducts.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "collectionRemoveProducts": (S + "CollectionRemoveProducts.graphql",
                                 "denied", "denied", "denied", "denied", "ok", "ok"),
    "collectionReorderProducts": (S + "CollectionReorderProducts.graphql",
                                  "denied", "denied", "denied", "denied", "ok", "ok"),
    "collectionChannelListingUpdate": (S + "CollectionChannelListingUpdate.graphql",
                                       "denied", "denied", "denied", "denied", "ok", "ok"),
    "collectionTranslate": (S + "CollectionTranslate.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "featuredCollectionsSet": (M + "FeaturedCollectionsSet.graphql",
                               "denied", "denied", "denied", "denied", "ok", "ok"),
    "featuredCollections": (M + "FeaturedCollections.graphql", "ok", "ok", "ok", "ok", "ok", "ok"),
    "programmeResults": (M + "ProgrammeResults.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "channelPriceRuleUpdate": (M + "ChannelPriceRuleUpdate.graphql",
                               "denied", "denied", "denied", "denied", "ok", "ok"),
    "attributes": (S + "Attributes.graphql", "ok", "ok", "ok", "ok", "ok", "ok"),
    "productTypes": (S + "ProductTypes.graphql", "ok", "ok", "ok", "ok", "ok", "ok"),
    "warehouses": (S + "Warehouses.graphql", "empty", "empty", "own", "own", "all", "all"),
    "productVariants": (S + "ProductVariantsBySkus.graphql", "empty", "empty", "empty", "ok", "ok", "ok"),
    "productBulkTranslate": (S + "ProductBulkTranslate.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
    # The selling API's reads (marketplace/orders, payouts), as they stood when this table was written.
    "artisanOrders": (M + "ArtisanOrders.graphql", "denied", "denied", "denied", "ok", "denied", "ok"),
    # Money is the artisan's members' and the back office's (MANAGE_PAYOUTS): curators hold no money
    # permission (issue 13; the statement PDF is in test_statement_pdf_matrix below).
    "artisanBalance": (M + "ArtisanPayouts.graphql", "denied", "denied", "denied", "ok", "denied", "ok"),
    # Added since (production proof): orders, payments and payouts.
    "payoutStatements": (M + "ArtisanPayouts.graphql", "denied", "denied", "denied", "ok", "denied", "ok"),
    # A buyer's e-mail, names, street and phone: whole for the back office (and the buyer), masked for
    # anyone else holding the token (issue 13, Saleor's rules).
    "orderByToken": (S + "OrderByToken.graphql", "masked", "masked", "masked", "masked", "masked", "whole"),
    "payoutBatches": (T + "PayoutBatches.graphql", "denied", "denied", "denied", "denied", "denied", "ok"),
    "fulfillmentStageUpdate": (M + "FulfillmentStageUpdate.graphql", "denied", "denied", "denied", "ok", "denied",
                               "ok"),
    "orderMarkAsPaid": (S + "OrderMarkAsPaid.graphql", "denied", "denied", "denied", "denied", "denied", "ok"),
    "transactionRequestAction": (S + "TransactionRequestRefund.graphql",
                                 "denied", "denied", "denied", "denied", "denied", "ok"),
    "payoutBatchCreate": (M + "PayoutBatchCreate.graphql", "denied", "denied", "denied", "denied", "denied", "ok"),
    "payoutBatchMarkPaid": (M + "PayoutBatchMarkPaid.graphql", "denied", "denied", "denied", "denied", "denied", "ok"),
    "fairCreate": (M + "FairCreate.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "fairUpdate": (M + "FairUpdate.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "fairStandAssign": (M + "FairStandAssign.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "fairStandRemove": (M + "FairStandRemove.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "fairStandSaleCreate": (M + "FairStandSaleCreate.graphql", "denied", "denied", "denied", "ok", "denied", "ok"),
}
# Mutations that are not management: a visitor's or a buyer's own (account, checkout, payment), tested in
# tests/marketplace/test_accounts.py and tests/marketplace/selling/.
PUBLIC_MUTATIONS = {
    "tokenCreate", "tokenRefresh", "tokenVerify", "accountRegister", "accountAddressCreate", "accountAddressDelete",
    "passwordChange", "requestPasswordReset", "setPassword", "checkoutCreate", "checkoutLinesAdd",
    "checkoutLinesUpdate", "checkoutLinesDelete", "checkoutEmailUpdate", "checkoutShippingAddressUpdate",
    "checkoutBillingAddressUpdate", "checkoutDeliveryMethodUpdate", "checkoutCustomerNoteUpdate",
    "checkoutComplete", "paymentGatewayInitialize", "transactionInitialize", "transactionProcess",
    "fairVisitCreate",  # a landing from a fair's QR label: tests/marketplace/fairs/
}
# uploads: tests/marketplace/management/test_media_upload.py
MULTIPART_MUTATIONS = {"productMediaCreate", "artisanPhotoAdd"}
ROLES = ["anonymous", "buyer", "member_a_on_b", "member_a_on_a", "curator", "admin"]


def variables(operation: str, ids: dict[str, str], world: dict) -> dict[str, Any]:
    """Arguments for the operation on the target side's objects (`ids`)."""
    from marketplace.catalog.models import Collection, ProductType
    from marketplace.channels.models import Channel

    export = to_global_id("Channel", Channel.objects.get(slug="export").pk)
    maroc = to_global_id("Channel", Channel.objects.get(slug="maroc").pk)
    collection = Collection.objects.order_by("pk").first()
    collection_id = to_global_id("Collection", collection.pk)
    first_in_collection = collection.collection_products.order_by("sort_order").first()
    product_type = to_global_id("ProductType", ProductType.objects.order_by("pk").first().pk)
    return {
        "productCreate": {"input": {"name": "Tajine peint", "productType": product_type, "artisan": ids["artisan"]}},
        "productUpdate": {"id": ids["product"], "input": {"seo": {"title": "Fait main"}}},
        "productDelete": {"id": ids["product"]},
        "productVariantCreate": {"input": {"product": ids["product"], "attributes": [], "sku": "NEW-SKU-1"}},
        "productVariantUpdate": {"id": ids["variant"], "input": {"name": "Grand"}},
        "productChannelListingUpdate": {"id": ids["product"], "input": {"updateChannels": [
            {"channelId": export, "visibleInListings": True}]}},
        "productVariantChannelListingUpdate": {"id": ids["variant"], "input": [{"channelId": maroc, "price": "410"}]},
        "productVariantPriceFollowRule": {"id": ids["variant"], "channelId": export},
        "productVariantStocksUpdate": {"variantId": ids["variant"], "stocks": [
            {"warehouse": ids["warehouse"], "quantity": 3}]},
        "productMediaUpdate": {"id": ids["media"], "input": {"alt": "Vue de face"}},
        "productMediaDelete": {"id": ids["media"]},
        "productMediaReorder": {"productId": ids["product"], "mediaIds": [ids["media"]]},
        "productTranslate": {"id": ids["product"], "languageCode": "AR", "input": {"name": "طبق"}},
        "productVariantTranslate": {"id": ids["variant"], "languageCode": "EN", "input": {"name": "Large"}},
        "productBulkCreate": {"products": [{"name": "Lot 1", "productType": product_type, "artisan": ids["artisan"]}]},
        "artisanUpdate": {"id": ids["artisan"], "input": {"story": "Depuis 1990.", "languages": ["ar", "fr"]}},
        "managedProducts": {"artisan": ids["artisan"], "first": 50},
        "priceSuggestions": {"amount": "400"},
        "listingReviewPolicy": {},
        "artisanVerificationUpdate": {"id": ids["artisan"], "status": "VERIFIED"},
        "artisanLabelsUpdate": {"id": ids["artisan"], "addLabels": [], "removeLabels": []},
        "reviewQueue": {"first": 10},
        "productReviewApprove": {"id": ids["product"]},
        "productReviewReject": {"id": ids["product"], "reasons": ["PHOTO_UNCLEAR"], "note": "Photos floues"},
        "productReviewBulkApprove": {"ids": [ids["product"]]},
        "productReviewRequest": {"id": ids["product"]},
        "productRejectionReasons": {},
        "productMediaRetry": {"id": ids["media"]},
        "collectionCreate": {"input": {"name": "Printemps", "products": [ids["product"]]}},
        "collectionUpdate": {"id": collection_id, "input": {"name": "Renommée"}},
        "collectionDelete": {"id": collection_id},
        "collectionAddProducts": {"collectionId": collection_id, "products": [ids["product"]]},
        "collectionRemoveProducts": {"collectionId": collection_id, "products": [ids["product"]]},
        "collectionReorderProducts": {"collectionId": collection_id, "moves": [
            {"productId": to_global_id("Product", first_in_collection.product_id), "sortOrder": 1}]},
        "collectionChannelListingUpdate": {"id": collection_id, "input": {"addChannels": [
            {"channelId": export, "isPublished": True}]}},
        "collectionTranslate": {"id": collection_id, "languageCode": "AR", "input": {"name": "ربيع"}},
        "featuredCollectionsSet": {"collections": [collection_id]},
        "featuredCollections": {"channel": "maroc"},
        "programmeResults": {},
        "channelPriceRuleUpdate": {"id": export, "input": {"margin": "0.3"}},
        "attributes": {"first": 10},
        "productTypes": {"first": 10},
        "warehouses": {"first": 100},
        "productVariants": {"skus": [target_sku(ids)], "first": 10},
        "productBulkTranslate": {"translations": [{"id": ids["product"], "languageCode": "EN",
                                                   "translationFields": {"name": "Plate"}}]},
        "artisanOrders": {"artisanId": ids["artisan"], "first": 5},
        "artisanBalance": {"artisanId": ids["artisan"]},
        "payoutStatements": {"artisanId": ids["artisan"]},
        "orderByToken": {"token": ids.get("token")},
        "payoutBatches": {"status": "OPEN"},
        "fulfillmentStageUpdate": {"id": ids.get("fulfillment"), "input": {"stage": "PACKED"}},
        "orderMarkAsPaid": {"id": ids.get("order"), "transactionReference": "CASH-1"},
        "transactionRequestAction": {"id": ids.get("transaction"), "amount": "100"},
        "payoutBatchCreate": {"currency": "MAD"},
        "payoutBatchMarkPaid": {"id": ids.get("batch"), "reference": "VIR-2026-11"},
        "fairCreate": {"input": {"name": "Salon", "city": "Fès", "venue": "Bab Boujloud", "startsOn": "2031-04-01",
                                 "endsOn": "2031-04-05", "channels": ["maroc"]}},
        "fairUpdate": {"id": ids.get("fair"), "input": {"venue": "Place Bab Jdid"}},
        "fairStandAssign": {"fair": ids.get("fair"), "artisan": ids["artisan"], "number": "12", "hall": "B"},
        "fairStandRemove": {"fair": ids.get("fair"), "artisan": ids["artisan"]},
        "fairStandSaleCreate": {"input": {"fair": ids.get("fair"), "variant": ids["variant"], "payment": "CASH",
                                          "idempotencyKey": "6f2b7a4e-0c1d-4e5f-9a8b-7c6d5e4f3a21"}},
    }[operation]


def target_sku(ids: dict[str, str]) -> str:
    from marketplace.catalog.models import ProductVariant
    from marketplace.core.graphql.ids import from_global_id

    return ProductVariant.objects.get(pk=from_global_id(ids["variant"])[1]).sku


def prepare(operation: str, world: dict) -> None:
    """Review decisions need a listing waiting for review; order, payment and payout operations need an
    order of each side's product (unpaid, paid, shipped) or an open batch."""
    from marketplace.payouts.models import PayoutBatch

    if operation in ("productReviewApprove", "productReviewReject", "productReviewBulkApprove",
                     "productReviewRequest"):
        for side in world.values():
            side.product.review_status = "REJECTED" if operation == "productReviewRequest" else "PENDING"
            side.product.save(update_fields=["review_status"])
    if operation == "productMediaRetry":
        for side in world.values():
            side.media.status = "FAILED"
            side.media.save(update_fields=["status"])
    for side in world.values():
        if operation == "fulfillmentStageUpdate":
            side.extra["fulfillment"] = to_global_id("Fulfillment", make_order(side).fulfillments.get().pk)
        elif operation == "orderMarkAsPaid":
            side.extra["order"] = to_global_id("Order", make_order(side).token)
        elif operation == "orderByToken":
            side.extra["token"] = str(make_order(side).token)
        elif operation == "transactionRequestAction":
            order = make_order(side, charged=True)
            side.extra["transaction"] = to_global_id("TransactionItem", order.transactions.get().token)
        elif operation in ("payoutBatchCreate", "payoutStatements"):
            make_order(side, stage="SHIPPED", charged=True)
        elif operation in ("payoutBatchMarkPaid", "payoutBatches"):
            side.extra["batch"] = to_global_id("PayoutBatch", PayoutBatch.objects.create(currency="MAD").pk)
    if operation.startswith("fair"):
        make_fair_with_stands(world)


def make_fair_with_stands(world: dict) -> None:
    """A fair open today where both sides have a stand (fair rows for the fair mutations)."""
    from django.utils import timezone

    from marketplace.channels.models import Channel
    from marketplace.fairs.models import Fair, FairStand

    today = timezone.localdate()
    fair = Fair.objects.create(slug="matrix-fair", name="Expo", city="Marrakech", venue="Bab Jdid", starts_on=today,
                               ends_on=today)
    fair.channels.set([Channel.objects.get(slug="maroc")])
    for n, side in enumerate(world.values(), start=1):
        FairStand.objects.create(fair=fair, artisan=side.artisan, number=str(n))
        side.extra["fair"] = to_global_id("Fair", fair.pk)


def make_order(side: Any, *, stage: str = "PENDING", charged: bool = False, payment_method: str = "COD") -> Any:
    """An order of one line of the side's product (MAD, cash on delivery), its fulfilment at `stage`; when
    `charged`, paid by a transaction and entered in the payout ledger (as checkoutComplete + payment do)."""
    from django.db import connection

    from marketplace.channels.models import Channel
    from marketplace.orders.models import Fulfillment, Order, OrderLine
    from marketplace.payments.models import TransactionItem
    from marketplace.payouts.services import record_sales

    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('orders_order_number_seq')")
        number = cursor.fetchone()[0]
    price = Decimal("400.00")
    order = Order.objects.create(number=number, channel=Channel.objects.get(slug="maroc"),
                                 user_email="buyer@example.com",
                                 payment_method=payment_method, currency="MAD", subtotal_gross=price,
                                 subtotal_net=price, total_gross=price, total_net=price,
                                 total_charged=price if charged else Decimal("0"))
    fulfillment = Fulfillment.objects.create(order=order, artisan=side.artisan, fulfillment_order=1, stage=stage,
                                             warehouse=side.warehouse)
    OrderLine.objects.create(order=order, fulfillment=fulfillment, artisan=side.artisan, variant=side.variant,
                             product_name=side.product.name, product_sku=side.variant.sku, quantity=1, currency="MAD",
                             unit_price_gross=price, unit_price_net=price, total_price_gross=price,
                             total_price_net=price)
    if charged:
        TransactionItem.objects.create(order=order, gateway="maalem.payments.cash-on-delivery", name="Manual",
                                       currency="MAD", amount=price, charged_value=price)
        record_sales(order)
    return order


def outcome(result: dict, operation: str, world: dict) -> str:
    errors = result.get("errors") or []
    if errors:
        codes = {e.get("extensions", {}).get("code") for e in errors}
        assert codes == {"PERMISSION_DENIED"}, errors
        assert (result.get("data") or {}).get(operation) is None
        return "denied"
    value = result["data"][operation]
    if operation == "warehouses":
        slugs = {e["node"]["slug"] for e in value["edges"]}
        if not slugs:
            return "empty"
        return "own" if slugs == {world["a"].warehouse.slug} else "all"
    if operation == "productVariants":
        return "ok" if value["edges"] else "empty"
    if operation == "orderByToken":
        return {"buyer@example.com": "whole", "b...@example.com": "masked"}[value["userEmail"]]
    if operation == "productBulkTranslate":
        assert value["count"] == 1 and value["results"][0]["translation"]["name"] == "Plate"
        return "ok"
    if operation == "managedProducts":
        artisans = {e["node"]["artisan"]["slug"] for e in value["edges"]}
        if not artisans:
            return "empty"
        return "own" if artisans == {world["a"].artisan.slug} else "all"
    if isinstance(value, dict) and "errors" in value:
        assert value["errors"] == [], value["errors"]
        if operation == "productBulkCreate":
            assert value["count"] == 1 and value["results"][0]["errors"] == []
    return "ok"


CELLS = [(operation, role) for operation in MATRIX for role in ROLES]


@pytest.mark.parametrize(("operation", "role"), CELLS, ids=[f"{o}-{r}" for o, r in CELLS])
def test_permission_matrix(gql, doc, world, sign_in_once, operation, role):
    document, *expected = MATRIX[operation]
    prepare(operation, world)
    target = world["a"] if role == "member_a_on_a" else world["b"]
    sign_in_once(role, world)
    ids = target.ids
    if operation == "managedProducts" and role in ("curator", "admin"):
        ids = {**ids, "artisan": None}
    result = gql(doc(document), variables(operation, ids, world))
    assert outcome(result, operation, world) == expected[ROLES.index(role)]


def test_the_matrix_covers_every_management_mutation():
    """A new management mutation must get a row in the table."""
    from marketplace.artisans.graphql import api as artisans
    from marketplace.catalog.graphql import api as catalog
    from marketplace.catalog.graphql.management_queries import ManagementQueries
    from marketplace.catalog.graphql.reference_queries import ReferenceQueries
    from marketplace.curation.graphql import api as curation
    from marketplace.media.graphql import api as media

    management = [catalog.Mutation, media.Mutation, artisans.Mutation, curation.Mutation, ManagementQueries,
                  ReferenceQueries, curation.Query]
    names = {name for part in management for name in part._meta.fields}
    camel = {n.split("_")[0] + "".join(p.capitalize() for p in n.split("_")[1:]) for n in names}
    uncovered = camel - set(MATRIX) - MULTIPART_MUTATIONS
    assert not uncovered, uncovered


def test_every_mutation_of_the_schema_is_in_the_matrix_or_declared_public():
    """A mutation added to the API (marketplace/graphql/schema.graphql) must get a row in the table, or be
    declared a visitor's or buyer's own mutation above."""
    from graphql import build_schema

    sdl = (Path(__file__).resolve().parents[3] / "marketplace/graphql/schema.graphql").read_text(encoding="utf-8")
    mutations = set(build_schema(sdl).mutation_type.fields)
    unclassified = mutations - set(MATRIX) - set(TRADE_MATRIX) - PUBLIC_MUTATIONS - MULTIPART_MUTATIONS
    assert not unclassified, f"add a MATRIX row (or declare it public) for: {sorted(unclassified)}"
    assert not (set(MATRIX) & PUBLIC_MUTATIONS)
    stale = (PUBLIC_MUTATIONS | MULTIPART_MUTATIONS) - mutations
    assert not stale, f"no longer in the schema: {sorted(stale)}"


def test_the_back_office_gets_orders_and_money_by_permission_not_curators(gql, doc, world, sign_in):
    """Orders and money belong to staff holding manage_orders / handle_payments / manage_payouts: a
    curator (the ministry) sees neither a buyer's order nor can record its payment."""
    from django.contrib.auth.models import Permission

    from marketplace.accounts.models import User

    order = make_order(world["a"])
    order_id = to_global_id("Order", order.token)
    query = 'query($id: ID!) { order(id: $id) { id userEmail } }'
    sign_in("curator")
    assert gql.data(query, {"id": order_id})["order"] is None
    paid = gql(doc(S + "OrderMarkAsPaid.graphql"), {"id": order_id, "transactionReference": "CASH-9"})
    assert "MANAGE_ORDERS" in str(paid)
    clerk = User.objects.create_user(email="back-office@example.com", password="Back-office-2026", is_staff=True)
    clerk.user_permissions.set(Permission.objects.filter(codename__in=["manage_orders"]))
    gql.token = None
    gql.token = gql.data(TOKEN_CREATE, {"e": clerk.email, "p": "Back-office-2026"})["tokenCreate"]["token"]
    assert gql.data(query, {"id": order_id})["order"]["userEmail"] == "buyer@example.com"
    paid = gql.data(doc(S + "OrderMarkAsPaid.graphql"), {"id": order_id, "transactionReference": "CASH-9"})
    assert paid["orderMarkAsPaid"]["errors"] == []
    refused = gql(doc(M + "PayoutBatchCreate.graphql"), {"currency": "MAD"})
    assert "MANAGE_PAYOUTS" in str(refused)


STATEMENT_PDF = {"anonymous": 403, "buyer": 403, "member_a_on_b": 403, "member_a_on_a": 200, "curator": 403,
                 "admin": 200}


@pytest.mark.parametrize("role", ROLES)
def test_statement_pdf_matrix(gql, world, sign_in, role):
    """/payouts/batches/<id>/statements/<artisan>.pdf with each role's bearer token: the artisan's members and
    the back office (MANAGE_PAYOUTS) only; a curator used to open it."""
    from marketplace.payouts.models import LedgerEntry, PayoutBatch

    for side in world.values():
        make_order(side, stage="SHIPPED", charged=True)
    batch = PayoutBatch.objects.create(currency="MAD")
    LedgerEntry.objects.filter(artisan__in=[s.artisan for s in world.values()], batch__isnull=True).update(batch=batch)
    target = world["a"] if role == "member_a_on_a" else world["b"]
    sign_in(role, world)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {gql.token}"} if gql.token else {}
    response = gql.client.get(f"/payouts/batches/{batch.pk}/statements/{target.artisan.pk}.pdf", **headers)
    assert response.status_code == STATEMENT_PDF[role], response.content[:200]
    if response.status_code == 200:
        assert response.content.startswith(b"%PDF")


# --- Checkouts (issue 12), as Saleor: a signed-in buyer's checkout is read, changed and completed by that
# buyer or by staff who manage orders, and once completed its order goes back to them only; a guest's
# checkout belongs to whoever holds its ID (its only key). Roles: the buyer who owns it, another buyer,
# anonymous, back-office staff holding accounts.manage_orders, a curator (staff without it).
CHECKOUT_ROLES = ["anonymous", "other_buyer", "owner", "staff", "curator"]
CHECKOUT_MATRIX: dict[tuple[str, str], tuple[str, ...]] = {
    ("buyers", "read"): ("denied", "denied", "ok", "ok", "denied"),
    ("buyers", "update"): ("denied", "denied", "ok", "ok", "denied"),
    ("buyers", "complete"): ("denied", "denied", "ok", "ok", "denied"),
    ("buyers", "complete_completed"): ("denied", "denied", "ok", "ok", "denied"),
    ("guests", "read"): ("ok", "ok", "ok", "ok", "ok"),
    ("guests", "update"): ("ok", "ok", "ok", "ok", "ok"),
    ("guests", "complete"): ("ok", "ok", "ok", "ok", "ok"),
    ("guests", "complete_completed"): ("ok", "ok", "ok", "ok", "ok"),
}
CHECKOUT_ACTIONS = {"read": ("Checkout", "checkout"), "update": ("CheckoutEmailUpdate", "checkoutEmailUpdate"),
                    "complete": ("CheckoutComplete", "checkoutComplete"),
                    "complete_completed": ("CheckoutComplete", "checkoutComplete")}
CHECKOUT_CELLS = [(kind, action, role) for kind, action in CHECKOUT_MATRIX for role in CHECKOUT_ROLES]
OWNER_ADDRESS = {"firstName": "Salma", "lastName": "Bennani", "streetAddress1": "12 rue Ibn Sina", "city": "Casablanca",
                 "postalCode": "20000", "country": "MA", "phone": "+212612345678"}


def checkout_sign_in(gql, sign_in, role: str) -> None:
    """The buyer who owns the checkout is the demo buyer; the other buyer and the staff member are made here."""
    from django.contrib.auth.models import Permission

    from marketplace.accounts.models import User

    if role in ("anonymous", "curator"):
        return sign_in(role)
    if role == "owner":
        return sign_in("buyer")
    email = f"{role.replace('_', '-')}@example.ma"
    user = User.objects.create_user(email=email, password="Matrix-2026-pass", is_staff=role == "staff")
    if role == "staff":
        user.user_permissions.set(Permission.objects.filter(codename="manage_orders"))
    gql.token = None
    gql.token = gql.data(TOKEN_CREATE, {"e": email, "p": "Matrix-2026-pass"})["tokenCreate"]["token"]


@pytest.mark.parametrize(("kind", "action", "role"), CHECKOUT_CELLS, ids=[f"{k}-{a}-{r}" for k, a, r in CHECKOUT_CELLS])
def test_checkout_ownership_matrix(gql, doc, world, sign_in, kind, action, role):
    sign_in("buyer" if kind == "buyers" else "anonymous")
    variant = to_global_id("ProductVariant", world["a"].variant.pk)
    created = gql.data(doc(S + "CheckoutCreate.graphql"), {"input": {
        "channel": "maroc", "email": "salma@example.ma", "shippingAddress": OWNER_ADDRESS,
        "billingAddress": OWNER_ADDRESS, "lines": [{"variantId": variant, "quantity": 1}]}})["checkoutCreate"]
    checkout = created["checkout"]
    gql.data(doc(S + "CheckoutDeliveryMethodUpdate.graphql"), {"id": checkout["id"], "deliveryMethodId":
                                                               checkout["shippingMethods"][0]["id"]})
    gql.data(doc(S + "TransactionInitialize.graphql"), {"id": checkout["id"], "paymentGateway": {
        "id": "maalem.payments.cash-on-delivery"}})
    if action == "complete_completed":
        assert gql.data(doc(S + "CheckoutComplete.graphql"), {"id": checkout["id"]})["checkoutComplete"]["order"]
    checkout_sign_in(gql, sign_in, role)
    document, operation = CHECKOUT_ACTIONS[action]
    variables = {"id": checkout["id"], **({"email": "changed@example.ma"} if action == "update" else {})}
    result = gql(doc(S + f"{document}.graphql"), variables)
    got = outcome(result, operation, world)
    assert got == CHECKOUT_MATRIX[(kind, action)][CHECKOUT_ROLES.index(role)]
    if got == "denied":  # nothing of the checkout or its order leaks through the error
        assert "Bennani" not in str(result) and "salma@example.ma" not in str(result)
    elif action.startswith("complete"):
        order = result["data"][operation]["order"]
        assert order["number"] and (kind == "guests" or order["userEmail"] == "salma@example.ma")
