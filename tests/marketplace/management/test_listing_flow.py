"""An artisan lists a product (create, price, stock, publish), waits for review, is rejected with a reason,
fixes it, is approved and shows in the shop; large price changes go back to review; price help."""

from __future__ import annotations

from decimal import Decimal

import pytest

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db

S = "storefront/graphql/saleor/"
M = "storefront/graphql/marketplace/"
PUBLIC_PRODUCT = "query($slug: String!) { product(slug: $slug, channel: \"maroc\") { id name } }"


def channel_ids() -> dict[str, str]:
    from marketplace.channels.models import Channel

    return {c.slug: to_global_id("Channel", c.pk) for c in Channel.objects.all()}


def product_type_id() -> str:
    from marketplace.catalog.models import ProductType

    return to_global_id("ProductType", ProductType.objects.order_by("pk").first().pk)


def test_member_lists_a_product_which_waits_for_review_then_publishes(gql, doc, world, sign_in,
                                                                      django_capture_on_commit_callbacks):
    side = world["a"]
    channels = channel_ids()
    sign_in("member_a_on_a", world)
    created = gql.data(doc(M + "ManagedProductCreate.graphql"),
                       {"input": {"name": "Tajine de Safi", "productType": product_type_id()}})["productCreate"]
    assert created["errors"] == [] and created["product"]["artisan"]["slug"] == side.artisan.slug
    assert created["product"]["reviewStatus"] == "PENDING"
    product = created["product"]["id"]
    variant = gql.data(doc(S + "ProductVariantCreate.graphql"), {"input": {
        "product": product, "attributes": [], "sku": "SAFI-1", "stocks": [
            {"warehouse": side.ids["warehouse"], "quantity": 1}]}})["productVariantCreate"]
    assert variant["errors"] == []
    variant_id = variant["productVariant"]["id"]
    listing = gql.data(doc(S + "ProductChannelListingUpdate.graphql"), {"id": product, "input": {"updateChannels": [
        {"channelId": channels["maroc"], "isPublished": True, "visibleInListings": True,
         "isAvailableForPurchase": True, "addVariants": [variant_id]},
        {"channelId": channels["export"], "isPublished": True, "addVariants": [variant_id]}]}})
    assert listing["productChannelListingUpdate"]["errors"] == []
    prices = gql.data(doc(S + "ProductVariantChannelListingUpdate.graphql"), {
        "id": variant_id, "input": [{"channelId": channels["maroc"], "price": "500"}]})
    assert prices["productVariantChannelListingUpdate"]["errors"] == []
    by_channel = {row["channel"]["slug"]: row["price"]["amount"]
                  for row in prices["productVariantChannelListingUpdate"]["variant"]["channelListings"]}
    # Export follows the ministry's rule: 500 × 0.092 × 1.25 = 57.5 → rounded up to 0.50 steps.
    assert by_channel == {"maroc": 500.0, "export": 57.5}
    slug = gql.data(doc(M + "ManagedProducts.graphql"), {"reviewStatus": "PENDING", "first": 10})
    pending = [e["node"] for e in slug["managedProducts"]["edges"]]
    assert [p["id"] for p in pending] == [product]
    suggestions = pending[0]["variants"][0]["channelListings"]
    export_row = next(r for r in suggestions if r["channel"]["slug"] == "export")
    assert export_row["priceOverridden"] is False and export_row["suggestedPrice"]["amount"] == 57.5
    # Not public while in review.
    gql.token = None
    assert gql.data(PUBLIC_PRODUCT, {"slug": pending[0]["slug"]})["product"] is None

    sign_in("curator")
    queue = gql.data(doc(M + "ReviewQueue.graphql"), {"first": 50})["reviewQueue"]
    assert product in [e["node"]["id"] for e in queue["edges"]]
    empty_reason = gql.data(doc(M + "ProductReviewReject.graphql"), {"id": product, "reasons": [], "note": "  "})
    assert empty_reason["productReviewReject"]["errors"][0]["code"] == "REQUIRED"
    rejected = gql.data(doc(M + "ProductReviewReject.graphql"), {"id": product, "reasons": ["PHOTO_UNCLEAR"],
                                                                 "note": "Photo manquante"})
    assert rejected["productReviewReject"]["product"]["reviewStatus"] == "REJECTED"

    sign_in("member_a_on_a", world)
    mine = gql.data(doc(M + "ManagedProducts.graphql"), {"reviewStatus": "REJECTED", "first": 10})
    assert mine["managedProducts"]["edges"][0]["node"]["reviewReason"] == "Photo unclear or too dark — Photo manquante"
    renamed = gql.data(doc(S + "ProductUpdate.graphql"), {"id": product, "input": {"name": "Tajine de Safi peint"}})
    assert renamed["productUpdate"]["errors"] == []
    again = gql.data(doc(M + "ManagedProducts.graphql"), {"reviewStatus": "PENDING", "first": 10})
    assert again["managedProducts"]["edges"][0]["node"]["reviewReason"] == "Name changed"

    sign_in("curator")
    with django_capture_on_commit_callbacks(execute=True):  # the write invalidates cached anonymous answers
        approved = gql.data(doc(M + "ProductReviewApprove.graphql"), {"id": product})["productReviewApprove"]
    assert approved["errors"] == [] and approved["product"]["reviewStatus"] == "APPROVED"
    gql.token = None
    assert gql.data(PUBLIC_PRODUCT, {"slug": pending[0]["slug"]})["product"]["name"] == "Tajine de Safi peint"


def test_price_change_beyond_the_share_goes_back_to_review(gql, doc, world, sign_in, settings):
    settings.LISTING_REVIEW_PRICE_SHARE = 0.2
    channels = channel_ids()
    side = world["a"]
    sign_in("member_a_on_a", world)
    update = doc(S + "ProductVariantChannelListingUpdate.graphql")
    small = gql.data(update, {"id": side.ids["variant"], "input": [{"channelId": channels["maroc"], "price": "460"}]})
    assert small["productVariantChannelListingUpdate"]["errors"] == []
    side.product.refresh_from_db()
    assert side.product.review_status == "APPROVED"  # +15 %: published at once
    big = gql.data(update, {"id": side.ids["variant"], "input": [{"channelId": channels["maroc"], "price": "700"}]})
    assert big["productVariantChannelListingUpdate"]["errors"] == []
    side.product.refresh_from_db()
    assert side.product.review_status == "PENDING" and "700" in side.product.review_reason
    # A curator's own change does not need review.
    sign_in("curator")
    gql.data(update, {"id": world["b"].ids["variant"], "input": [{"channelId": channels["maroc"], "price": "900"}]})
    world["b"].product.refresh_from_db()
    assert world["b"].product.review_status == "APPROVED"


def test_export_price_override_and_back_to_the_rule(gql, doc, world, sign_in):
    channels = channel_ids()
    side = world["a"]
    sign_in("member_a_on_a", world)
    update = doc(S + "ProductVariantChannelListingUpdate.graphql")
    overridden = gql.data(update, {"id": side.ids["variant"], "input": [{"channelId": channels["export"],
                                                                          "price": "49.90"}]})
    assert overridden["productVariantChannelListingUpdate"]["errors"] == []
    # A later MAD change leaves the hand-set export price alone.
    gql.data(update, {"id": side.ids["variant"], "input": [{"channelId": channels["maroc"], "price": "420"}]})
    from marketplace.catalog.models import ProductVariantChannelListing

    export = ProductVariantChannelListing.objects.get(variant=side.variant, channel__slug="export")
    assert export.price_amount == Decimal("49.90") and export.price_overridden
    follow = gql.data(doc(M + "ProductVariantPriceFollowRule.graphql"),
                      {"id": side.ids["variant"], "channelId": channels["export"]})["productVariantPriceFollowRule"]
    row = next(r for r in follow["variant"]["channelListings"] if r["channel"]["slug"] == "export")
    assert row["priceOverridden"] is False and row["price"]["amount"] == row["suggestedPrice"]["amount"] == 48.5
    suggestions = gql.data(doc(M + "PriceSuggestions.graphql"), {"amount": "420"})["priceSuggestions"]
    assert {s["channel"]["slug"]: s["price"]["amount"] for s in suggestions}["export-usd"] == 53.0


def test_curator_changes_the_market_rule_and_following_prices_move(gql, doc, world, sign_in):
    from marketplace.catalog.models import ProductVariantChannelListing

    channels = channel_ids()
    sign_in("curator")
    result = gql.data(doc(M + "ChannelPriceRuleUpdate.graphql"), {"id": channels["export"], "input": {
        "rate": "0.1", "margin": "0.5", "rounding": "1"}})["channelPriceRuleUpdate"]
    assert result["errors"] == [] and result["updatedPrices"] >= 2
    export = ProductVariantChannelListing.objects.get(variant=world["a"].variant, channel__slug="export")
    assert export.price_amount == Decimal("60.00")  # 400 × 0.1 × 1.5
    bad = gql.data(doc(M + "ChannelPriceRuleUpdate.graphql"), {"id": channels["maroc"], "input": {"margin": "0.1"}})
    assert bad["channelPriceRuleUpdate"]["errors"][0] == {
        "field": "channel", "message": "MAD channels take the artisan's price as it is.", "code": "INVALID"}


def test_bad_input_gives_field_errors_not_500(gql, doc, world, sign_in):
    channels = channel_ids()
    side = world["a"]
    sign_in("member_a_on_a", world)
    blank = gql.data(doc(M + "ManagedProductCreate.graphql"),
                     {"input": {"name": " ", "productType": product_type_id()}})
    assert blank["productCreate"]["errors"] == [{"field": "name", "message": "This field cannot be blank.",
                                                 "code": "REQUIRED"}]
    other_wh = gql.data(doc(S + "ProductVariantStocksUpdate.graphql"), {
        "variantId": side.ids["variant"], "stocks": [{"warehouse": world["b"].ids["warehouse"], "quantity": 2}]})
    assert other_wh["productVariantStocksUpdate"]["errors"][0]["code"] == "INVALID"
    not_listed = gql.data(doc(S + "ProductVariantChannelListingUpdate.graphql"), {
        "id": side.ids["variant"], "input": [{"channelId": channels["maroc"], "price": "0"}]})
    assert not_listed["productVariantChannelListingUpdate"]["errors"][0]["code"] == "INVALID_PRICE"
    negative = gql(doc(S + "ProductVariantChannelListingUpdate.graphql"), {
        "id": side.ids["variant"], "input": [{"channelId": channels["maroc"], "price": "-3"}]})
    assert "lower than 0" in negative["errors"][0]["message"]
    bad_id = gql(doc(S + "ProductUpdate.graphql"), {"id": "bm9wZQ==", "input": {"name": "x"}})
    assert "Invalid ID" in bad_id["errors"][0]["message"]
    duplicate = gql.data(doc(S + "ProductVariantUpdate.graphql"), {"id": side.ids["variant"],
                                                                    "input": {"sku": world["b"].variant.sku}})
    assert duplicate["productVariantUpdate"]["errors"][0] == {
        "field": "sku", "message": "Product variant with this SKU already exists.", "code": "UNIQUE"}


def test_artisan_profile_story_translations_and_phone(gql, doc, world, sign_in):
    side = world["a"]
    sign_in("member_a_on_a", world)
    updated = gql.data(doc(M + "ArtisanUpdate.graphql"), {"id": side.ids["artisan"], "input": {
        "story": "Potier depuis trois générations.", "languages": ["ar", "fr", "en"],
        "storyTranslations": [{"languageCode": "AR", "story": "خزاف منذ ثلاثة أجيال."}]}})["artisanUpdate"]
    assert updated["errors"] == []
    assert updated["artisan"]["translation"]["story"] == "خزاف منذ ثلاثة أجيال."
    assert updated["artisan"]["languages"] == ["ar", "fr", "en"]
    bad = gql.data(doc(M + "ArtisanUpdate.graphql"), {"id": side.ids["artisan"], "input": {"phone": "12"}})
    assert bad["artisanUpdate"]["errors"][0]["field"] == "phone"


def test_a_draft_in_no_market_is_not_in_the_review_queue_until_listed(gql, doc, world, sign_in):
    sign_in("member_a_on_a", world)
    draft = gql.data(doc(M + "ManagedProductCreate.graphql"),
                     {"input": {"name": "Brouillon de plateau", "productType": product_type_id()}})["productCreate"]
    product = draft["product"]["id"]
    sign_in("curator")
    queue = gql.data(doc(M + "ReviewQueue.graphql"), {"first": 100})["reviewQueue"]
    assert product not in [e["node"]["id"] for e in queue["edges"]]
    sign_in("member_a_on_a", world)
    listed = gql.data(doc(S + "ProductChannelListingUpdate.graphql"), {"id": product, "input": {"updateChannels": [
        {"channelId": channel_ids()["maroc"], "isPublished": True}]}})
    assert listed["productChannelListingUpdate"]["errors"] == []
    sign_in("curator")
    queue = gql.data(doc(M + "ReviewQueue.graphql"), {"first": 100})["reviewQueue"]
    assert product in [e["node"]["id"] for e in queue["edges"]]
