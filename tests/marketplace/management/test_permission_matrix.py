"""Every management mutation and query, run as anonymous, buyer, member of A on B's objects, member of A
on A's, curator and admin: the exact outcome of each cell of the table below.

Outcomes: ok (no GraphQL error, empty payload errors), denied (GraphQL error PERMISSION_DENIED, no data),
and for reads: empty (an empty list), own (only A's products), all (every artisan's)."""

from __future__ import annotations

from typing import Any

import pytest

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db

S = "storefront/graphql/saleor/"
M = "storefront/graphql/marketplace/"

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
    "artisanVerificationUpdate": (M + "ArtisanVerificationUpdate.graphql",
                                  "denied", "denied", "denied", "denied", "ok", "ok"),
    "artisanLabelsUpdate": (M + "ArtisanLabelsUpdate.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "reviewQueue": (M + "ReviewQueue.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "productReviewApprove": (M + "ProductReviewApprove.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
    "productReviewReject": (M + "ProductReviewReject.graphql", "denied", "denied", "denied", "denied", "ok", "ok"),
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
    "artisanOrders": (M + "ArtisanOrders.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
    "artisanBalance": (M + "ArtisanPayouts.graphql", "denied", "denied", "denied", "ok", "ok", "ok"),
}
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
        "artisanVerificationUpdate": {"id": ids["artisan"], "status": "VERIFIED"},
        "artisanLabelsUpdate": {"id": ids["artisan"], "addLabels": [], "removeLabels": []},
        "reviewQueue": {"first": 10},
        "productReviewApprove": {"id": ids["product"]},
        "productReviewReject": {"id": ids["product"], "reason": "Photos floues"},
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
    }[operation]


def target_sku(ids: dict[str, str]) -> str:
    from marketplace.catalog.models import ProductVariant
    from marketplace.core.graphql.ids import from_global_id

    return ProductVariant.objects.get(pk=from_global_id(ids["variant"])[1]).sku


def prepare(operation: str, world: dict) -> None:
    """Review decisions need a listing waiting for review."""
    if operation in ("productReviewApprove", "productReviewReject"):
        for side in world.values():
            side.product.review_status = "PENDING"
            side.product.save(update_fields=["review_status"])


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
def test_permission_matrix(gql, doc, world, sign_in, operation, role):
    document, *expected = MATRIX[operation]
    prepare(operation, world)
    target = world["a"] if role == "member_a_on_a" else world["b"]
    sign_in(role, world)
    ids = target.ids
    if operation == "managedProducts" and role in ("curator", "admin"):
        ids = {**ids, "artisan": None}
    result = gql(doc(document), variables(operation, ids, world))
    assert outcome(result, operation, world) == expected[ROLES.index(role)]


def test_the_matrix_covers_every_management_mutation():
    """A new management mutation must get a row in the table."""
    from marketplace.curation.graphql.management import ManagementMutations, ManagementQueries

    names = {name for name in ManagementMutations._meta.fields} | {name for name in ManagementQueries._meta.fields}
    camel = {n.split("_")[0] + "".join(p.capitalize() for p in n.split("_")[1:]) for n in names}
    uncovered = camel - set(MATRIX) - {"productMediaCreate", "artisanPhotoAdd"}  # multipart: test_media_upload.py
    assert not uncovered, uncovered
