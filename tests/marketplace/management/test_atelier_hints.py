"""What the API tells the atelier so that the atelier never restates a rule: what saving a price would do
(review or not, and the prices that would not), which products are drafts, each kind's craft and usual
materials; and a draft's slug that follows its first real name."""

from __future__ import annotations

import pytest

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db

OUTCOME = """query($ids: [ID!], $price: PositiveDecimal!) { managedProducts(ids: $ids, first: 1) { edges { node {
  variants { priceChangeOutcome(price: $price) { needsReview currentPrice { amount }
    lowestWithoutReview { amount } highestWithoutReview { amount } } } } } } }"""


def outcome(gql, side, price: str) -> dict:
    node = gql.data(OUTCOME, {"ids": [side.ids["product"]], "price": price})["managedProducts"]["edges"][0]["node"]
    return node["variants"][0]["priceChangeOutcome"]


def test_what_a_price_change_would_do_is_told_before_saving(gql, world, sign_in, settings):
    settings.LISTING_REVIEW_PRICE_SHARE = 0.2
    side = world["a"]  # 400 MAD
    sign_in("member_a_on_a", world)
    near = outcome(gql, side, "470")
    assert near == {"needsReview": False, "currentPrice": {"amount": 400.0}, "lowestWithoutReview": {"amount": 320.0},
                    "highestWithoutReview": {"amount": 480.0}}
    assert outcome(gql, side, "481")["needsReview"] is True
    assert outcome(gql, side, "319.99")["needsReview"] is True
    # The answer is the rule's: saving 481 does send the listing to review.
    from marketplace.catalog.models import Product

    maroc = to_global_id("Channel", __import__("marketplace.channels.models", fromlist=["Channel"])
                         .Channel.objects.get(slug="maroc").pk)
    saved = gql.data("""mutation($id: ID!, $input: [ProductVariantChannelListingAddInput!]!) {
      productVariantChannelListingUpdate(id: $id, input: $input) { errors { code } } }""",
                     {"id": side.ids["variant"], "input": [{"channelId": maroc, "price": "481"}]})
    assert saved["productVariantChannelListingUpdate"]["errors"] == []
    assert Product.objects.get(pk=side.product.pk).review_status == "PENDING"
    sign_in("curator")
    assert outcome(gql, side, "2000")["needsReview"] is False  # curators' changes need no review
    sign_in("buyer")
    assert gql.data(OUTCOME, {"ids": [side.ids["product"]], "price": "2"})["managedProducts"]["edges"] == []


def test_drafts_are_the_products_in_no_market_yet(gql, world, sign_in):
    from marketplace.catalog.models import Product, ProductType

    side = world["a"]
    draft = Product.objects.create(product_type=ProductType.objects.get(slug="tajine"), artisan=side.artisan,
                                   name="Nouvelle pièce du 04/12/2026 21:30", slug="nouvelle-piece-du-04122026-2130")
    sign_in("member_a_on_a", world)
    query = """query($a: ID, $d: Boolean) { managedProducts(artisan: $a, draft: $d, first: 100) {
      totalCount edges { node { id } } } }"""
    drafts = gql.data(query, {"a": side.ids["artisan"], "d": True})["managedProducts"]
    others = gql.data(query, {"a": side.ids["artisan"], "d": False})["managedProducts"]
    every = gql.data(query, {"a": side.ids["artisan"], "d": None})["managedProducts"]
    draft_id = to_global_id("Product", draft.pk)
    assert draft_id in [e["node"]["id"] for e in drafts["edges"]]
    assert draft_id not in [e["node"]["id"] for e in others["edges"]]
    assert side.ids["product"] in [e["node"]["id"] for e in others["edges"]]
    assert drafts["totalCount"] + others["totalCount"] == every["totalCount"]


def test_a_drafts_slug_follows_its_first_real_name(gql, world, sign_in):
    from marketplace.catalog.models import Product, ProductType

    side = world["a"]
    draft = Product.objects.create(product_type=ProductType.objects.get(slug="tajine"), artisan=side.artisan,
                                   name="قطعة جديدة بتاريخ 04/12/2026 21:30", slug="04122026-2130")
    sign_in("member_a_on_a", world)
    rename = """mutation($id: ID!, $name: String!) { productUpdate(id: $id, input: {name: $name}) {
      product { slug } errors { code } } }"""
    named = gql.data(rename, {"id": to_global_id("Product", draft.pk), "name": "طاجين آسفي الأزرق"})
    assert named["productUpdate"]["product"]["slug"] == "tjyn-asfy-lzrq"  # transliterated, not "04122026-2130"
    # A listed product keeps its slug: its URL may have been shared.
    listed = gql.data(rename, {"id": side.ids["product"], "name": "Plat de fête"})
    assert listed["productUpdate"]["product"]["slug"] == side.product.slug


def test_each_kind_names_its_craft_and_usual_materials(gql):
    query = """{ productTypes(first: 100) { edges { node { slug defaultCategory { slug }
      usualValues { slug } } } } }"""
    kinds = {e["node"]["slug"]: e["node"] for e in gql.data(query)["productTypes"]["edges"]}
    tajine = kinds["tajine"]
    assert tajine["defaultCategory"]["slug"] == "tajines"
    materials = {v["slug"] for v in tajine["usualValues"]}
    assert materials == {"argile", "emaux", "terre-cuite"}
    assert not {"laine", "soie"} & {v["slug"] for v in kinds["poterie"]["usualValues"]}
    assert {"laine"} <= {v["slug"] for v in kinds["tapis"]["usualValues"]}
