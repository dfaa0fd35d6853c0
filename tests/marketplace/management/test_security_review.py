"""Review that cannot be bypassed (issue 13): prices are measured against the last approved price of each
channel, under a floor; names and descriptions in any language wait for a curator while the approved text
stays public; and the API says in advance what a change will do."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db

S = "storefront/graphql/saleor/"
M = "storefront/graphql/marketplace/"
PUBLIC = """query($slug: String!, $channel: String!) { product(slug: $slug, channel: $channel) { name
  description translation(languageCode: EN) { name } pricing { priceRange { start { gross { amount } } } } } }"""


@pytest.fixture
def approved(world, settings):
    """Side A's product, published in every channel at 430 MAD (approved, the ministry's export rule)."""
    from marketplace.catalog.models import Product, ProductTranslation
    from marketplace.catalog.services import refresh_listing_prices, set_variant_prices_from_mad
    from marketplace.channels.models import Channel

    settings.LISTING_REVIEW_PRICE_SHARE, settings.LISTING_REVIEW_PRICE_FLOOR_SHARE = 0.2, 0.5
    settings.LISTING_REVIEW_MIN_PRICE_MAD = 20
    side = world["a"]
    set_variant_prices_from_mad([side.variant.pk], {side.variant.pk: Decimal("430")}, list(Channel.objects.all()))
    ProductTranslation.objects.create(product=side.product, language_code="en", name="Painted plate")
    Product.objects.filter(pk=side.product.pk).update(description={"blocks": [{"type": "paragraph", "data": {
        "text": "Peint à la main à Safi."}}]})
    refresh_listing_prices([side.product.pk])
    return side


def channel_id(slug: str) -> str:
    from marketplace.channels.models import Channel

    return to_global_id("Channel", Channel.objects.get(slug=slug).pk)


def public(gql, side, channel: str = "maroc") -> dict | None:
    from django.core.cache import cache

    cache.clear()
    token, gql.token = gql.token, None
    try:
        return gql.data(PUBLIC, {"slug": side.product.slug, "channel": channel})["product"]
    finally:
        gql.token = token


def status(side) -> tuple[str, str]:
    side.product.refresh_from_db()
    return side.product.review_status, side.product.review_reason


def set_price(gql, doc, side, channel: str, price: str) -> dict:
    result = gql.data(doc(S + "ProductVariantChannelListingUpdate.graphql"), {
        "id": side.ids["variant"], "input": [{"channelId": channel_id(channel), "price": price}]})
    return result["productVariantChannelListingUpdate"]


def test_a_touristes_price_cut_by_ninety_percent_goes_to_review(gql, doc, world, sign_in, approved):
    sign_in("member_a_on_a", world)
    assert set_price(gql, doc, approved, "touristes", "43")["errors"] == []
    state, reason = status(approved)
    assert state == "PENDING" and reason == "Price changed from 430.00 to 43.00 MAD"
    assert public(gql, approved, "touristes") is None  # not sold at 43 MAD meanwhile


def test_an_export_price_of_one_cent_goes_to_review(gql, doc, world, sign_in, approved):
    sign_in("member_a_on_a", world)
    assert set_price(gql, doc, approved, "export", "0.01")["errors"] == []
    state, reason = status(approved)
    assert state == "PENDING" and reason.endswith("to 0.01 EUR")


def test_small_steps_are_measured_against_the_approved_price(gql, doc, world, sign_in, approved):
    """430 → 350 (−18.6 %) is published at once; 350 → 277 is −35.6 % from the approved 430: review, although
    each step is under 20 %."""
    sign_in("member_a_on_a", world)
    assert set_price(gql, doc, approved, "maroc", "350")["errors"] == []
    assert status(approved)[0] == "APPROVED"
    assert public(gql, approved)["pricing"]["priceRange"]["start"]["gross"]["amount"] == 350.0
    assert set_price(gql, doc, approved, "maroc", "290")["errors"] == []  # −17 % from 350, −33 % from 430
    state, reason = status(approved)
    assert state == "PENDING" and reason == "Price changed from 430.00 to 290.00 MAD"  # from the approved price


def test_a_curators_price_and_approval_become_the_new_baseline(gql, doc, world, sign_in, approved):
    sign_in("curator")
    assert set_price(gql, doc, approved, "maroc", "300")["errors"] == []
    sign_in("member_a_on_a", world)
    assert set_price(gql, doc, approved, "maroc", "260")["errors"] == []  # −13 % from the curator's 300
    assert status(approved)[0] == "APPROVED"
    assert set_price(gql, doc, approved, "maroc", "200")["errors"] == []  # −33 % from 300
    assert status(approved)[0] == "PENDING"
    sign_in("curator")
    assert gql.data(doc(M + "ProductReviewApprove.graphql"), {"id": approved.ids["product"]}
                    )["productReviewApprove"]["errors"] == []
    sign_in("member_a_on_a", world)
    assert set_price(gql, doc, approved, "maroc", "170")["errors"] == []  # −15 % from the approved 200
    assert status(approved)[0] == "APPROVED"


def test_a_price_under_the_minimum_goes_to_review_even_on_a_new_listing(gql, doc, world, sign_in, approved):
    from marketplace.catalog.models import ProductVariantChannelListing

    ProductVariantChannelListing.objects.filter(variant=approved.variant, channel__slug="touristes").delete()
    sign_in("member_a_on_a", world)
    assert set_price(gql, doc, approved, "touristes", "15")["errors"] == []
    state, reason = status(approved)
    assert state == "PENDING" and reason == "Price changed from 0 to 15.00 MAD"


def test_an_english_name_change_waits_while_the_approved_name_stays_public(gql, doc, world, sign_in, approved):
    sign_in("member_a_on_a", world)
    spam = "CLEARANCE – call +212600000000 for half price"
    result = gql.data(doc(S + "ProductTranslate.graphql"), {"id": approved.ids["product"], "languageCode": "EN",
                                                           "input": {"name": spam}})["productTranslate"]
    assert result["errors"] == []
    assert status(approved)[0] == "APPROVED"
    shown = public(gql, approved)
    assert shown["translation"]["name"] == "Painted plate"
    state = gql.data(doc(M + "ProductReviewState.graphql"), {"ids": [approved.ids["product"]]})
    pending = state["managedProducts"]["edges"][0]["node"]["pendingChanges"]
    assert pending["translations"] == [{"languageCode": "EN", "name": spam, "description": None, "seoTitle": None,
                                        "seoDescription": None}]
    assert pending["requestedAt"]

    sign_in("curator")
    queue = gql.data(doc(M + "ReviewQueue.graphql"), {"first": 100})["reviewQueue"]["edges"]
    (listed,) = [e["node"] for e in queue if e["node"]["id"] == approved.ids["product"]]
    assert (listed["reviewStatus"], listed["reviewReason"]) == ("APPROVED", "Name changed")  # public meanwhile
    rejected = gql.data(doc(M + "ProductReviewReject.graphql"), {"id": approved.ids["product"], "reasons": [],
                                                                 "note": "Pas de numéro de téléphone."})
    assert rejected["productReviewReject"]["errors"] == []
    assert status(approved)[0] == "APPROVED"  # still public, with its approved name
    assert public(gql, approved)["translation"]["name"] == "Painted plate"
    sign_in("member_a_on_a", world)
    after = gql.data(doc(M + "ProductReviewState.graphql"), {"ids": [approved.ids["product"]]})
    pending = after["managedProducts"]["edges"][0]["node"]["pendingChanges"]
    assert pending["rejectionReason"] == "Pas de numéro de téléphone." and pending["requestedAt"] is None


def test_a_french_name_and_description_change_waits_then_is_published_on_approval(gql, doc, world, sign_in,
                                                                                  approved):
    sign_in("member_a_on_a", world)
    result = gql.data(doc(S + "ProductUpdate.graphql"), {"id": approved.ids["product"], "input": {
        "name": "Plat peint — appelez le 0600000000", "description": json.dumps(
            {"blocks": [{"type": "paragraph", "data": {"text": "Soldes !"}}]})}})["productUpdate"]
    assert result["errors"] == []
    shown = public(gql, approved)
    assert shown["name"] == "Plat a" and "Safi" in shown["description"]
    sign_in("curator")
    approval = gql.data(doc(M + "ProductReviewApprove.graphql"), {"id": approved.ids["product"]})
    assert approval["productReviewApprove"]["errors"] == []
    shown = public(gql, approved)
    assert shown["name"] == "Plat peint — appelez le 0600000000" and "Soldes" in shown["description"]


def test_bulk_translations_wait_too(gql, doc, world, sign_in, approved):
    sign_in("member_a_on_a", world)
    result = gql.data(doc(S + "ProductBulkTranslate.graphql"), {"translations": [
        {"id": approved.ids["product"], "languageCode": "EN", "translationFields": {"name": "Cheap plate!!!"}}]})
    assert result["productBulkTranslate"]["results"][0]["errors"] == []
    assert public(gql, approved)["translation"]["name"] == "Painted plate"
    from marketplace.catalog.models import ProductRevision

    assert ProductRevision.objects.get(product=approved.product).translations == {"en": {"name": "Cheap plate!!!"}}


def test_a_curators_text_change_is_published_at_once(gql, doc, world, sign_in, approved):
    sign_in("curator")
    gql.data(doc(S + "ProductTranslate.graphql"), {"id": approved.ids["product"], "languageCode": "EN",
                                                  "input": {"name": "Hand-painted plate"}})
    assert public(gql, approved)["translation"]["name"] == "Hand-painted plate"


def test_the_api_says_in_advance_which_prices_need_review(gql, doc, world, sign_in, approved):
    sign_in("member_a_on_a", world)
    state = gql.data(doc(M + "ProductReviewState.graphql"), {"ids": [approved.ids["product"]]})
    listings = {row["channel"]["slug"]: row for row in
                state["managedProducts"]["edges"][0]["node"]["variants"][0]["channelListings"]}
    assert listings["maroc"]["reviewPriceRange"] == {"start": {"amount": 344.0, "currency": "MAD"},
                                                    "stop": {"amount": 516.0, "currency": "MAD"}}
    export = listings["export"]
    low, high = export["reviewPriceRange"]["start"]["amount"], export["reviewPriceRange"]["stop"]["amount"]
    price = export["price"]["amount"]
    assert low < price < high and export["reviewPriceRange"]["start"]["currency"] == "EUR"
    # The range is the rule: its ends are accepted at once, a cent beyond is reviewed.
    assert set_price(gql, doc, approved, "maroc", "344")["errors"] == [] and status(approved)[0] == "APPROVED"
    assert set_price(gql, doc, approved, "maroc", "516")["errors"] == [] and status(approved)[0] == "APPROVED"
    assert set_price(gql, doc, approved, "maroc", "516.01")["errors"] == [] and status(approved)[0] == "PENDING"
    policy = gql.data(doc(M + "ListingReviewPolicy.graphql"))["listingReviewPolicy"]
    assert policy["priceChangeShare"] == 0.2 and policy["priceFloorShare"] == 0.5
    assert {"name", "description"} <= set(policy["reviewedTexts"]) and policy["photosReviewed"] is True
    minimums = {row["channel"]["slug"]: row["minimum"] for row in policy["minimumPrices"]}
    assert minimums["maroc"] == {"amount": 20.0, "currency": "MAD"} and minimums["export"]["currency"] == "EUR"


def test_other_people_do_not_see_the_review_state(gql, doc, world, sign_in, approved):
    from marketplace.catalog.models import ProductVariantChannelListing

    listing = ProductVariantChannelListing.objects.filter(variant=approved.variant).first()
    sign_in("buyer")
    query = ("query($slug: String!) { product(slug: $slug, channel: \"maroc\") { pendingChanges { name } "
             "variants { channelListings { reviewPriceRange { start { amount } } } } } }")
    product = gql.data(query, {"slug": approved.product.slug})["product"]
    assert product["pendingChanges"] is None
    assert all(row["reviewPriceRange"] is None for v in product["variants"] or [] for row in v["channelListings"] or [])
    assert listing is not None
