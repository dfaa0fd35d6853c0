"""The review in the artisan's language: preset rejection reasons (fr, ar, en, each with what to do) and a
note, read on the piece by its artisan's members only; "send again for review"; the queue's filters (artisan,
craft, market, status, request date) and search (name in any language, SKU); a trusted importer's batch
approved at once, by ids or by a filter that names the artisan."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db

M = "storefront/graphql/marketplace/"
REJECTION = """query($ids: [ID!]) { managedProducts(ids: $ids, first: 1) { edges { node { reviewStatus
  reviewRejection { note rejectedAt reasons { code label(languageCode: AR) advice(languageCode: AR) } } } } } }"""
QUEUE = """query($filter: ReviewQueueFilterInput, $first: Int) { reviewQueue(filter: $filter, first: $first) {
  totalCount edges { node { id name } } } }"""


def pending(side, **fields) -> None:
    for name, value in {"review_status": "PENDING", "review_requested_at": timezone.now(), **fields}.items():
        setattr(side.product, name, value)
    side.product.save()


def test_preset_reasons_are_translated_and_read_on_the_piece(gql, doc, world, sign_in):
    side = world["a"]
    pending(side)
    sign_in("curator")
    reasons = gql.data("{ productRejectionReasons { code label(languageCode: FR) } }")["productRejectionReasons"]
    codes = {r["code"] for r in reasons}
    assert {"PHOTO_UNCLEAR", "PRICE_INCONSISTENT", "NOT_HANDMADE", "MISSING_DIMENSIONS"} <= codes
    unknown = gql(doc(M + "ProductReviewReject.graphql"), {"id": side.ids["product"], "reasons": ["BLURRY"]})
    assert unknown.get("errors")  # not one of the enum's values
    rejected = gql.data(doc(M + "ProductReviewReject.graphql"), {
        "id": side.ids["product"], "reasons": ["PHOTO_UNCLEAR", "MISSING_DIMENSIONS"],
        "note": "La photo de dos est floue."})["productReviewReject"]
    assert rejected["errors"] == [] and rejected["product"]["reviewStatus"] == "REJECTED"

    sign_in("member_a_on_a", world)
    node = gql.data(REJECTION, {"ids": [side.ids["product"]]})["managedProducts"]["edges"][0]["node"]
    rejection = node["reviewRejection"]
    assert [r["code"] for r in rejection["reasons"]] == ["PHOTO_UNCLEAR", "MISSING_DIMENSIONS"]
    assert rejection["reasons"][0]["label"] == "الصورة غير واضحة أو مظلمة"
    assert "ضوء النهار" in rejection["reasons"][0]["advice"]
    assert rejection["note"] == "La photo de dos est floue." and rejection["rejectedAt"]
    # Nobody else reads it: the public product, another artisan's member.
    sign_in("buyer")
    assert gql.data(REJECTION, {"ids": [side.ids["product"]]})["managedProducts"]["edges"] == []

    # The artisan sends it again: back in the queue.
    sign_in("member_a_on_a", world)
    again = gql.data(doc(M + "ProductReviewRequest.graphql"), {"id": side.ids["product"]})["productReviewRequest"]
    assert again["errors"] == [] and again["product"]["reviewStatus"] == "PENDING"
    assert again["product"]["reviewReason"] == "Sent again for review"
    twice = gql.data(doc(M + "ProductReviewRequest.graphql"), {"id": side.ids["product"]})["productReviewRequest"]
    assert twice["errors"][0]["code"] == "INVALID"  # only a rejected piece
    sign_in("curator")
    queue = gql.data(QUEUE, {"filter": {"artisan": side.ids["artisan"]}, "first": 10})["reviewQueue"]
    assert side.ids["product"] in [e["node"]["id"] for e in queue["edges"]]


def test_the_queue_filters_and_searches(gql, world, sign_in):
    from marketplace.catalog.models import Category, ProductChannelListing, ProductTranslation

    a, b = world["a"], world["b"]
    craft = Category.objects.filter(parent__isnull=True, children__isnull=False).first()
    sub = craft.children.first()
    long_ago = timezone.now() - dt.timedelta(days=30)
    pending(a, category=sub, name="Tajine bleu de Safi")
    pending(b, review_requested_at=long_ago, name="Coussin brodé")
    ProductTranslation.objects.create(product=b.product, language_code="ar", name="وسادة مطرزة")
    ProductChannelListing.objects.filter(product=b.product, channel__slug="export").delete()
    sign_in("curator")

    def ids(**filter_) -> set[str]:
        edges = gql.data(QUEUE, {"filter": filter_, "first": 100})["reviewQueue"]["edges"]
        return {e["node"]["id"] for e in edges} & {a.ids["product"], b.ids["product"]}

    both = {a.ids["product"], b.ids["product"]}
    assert ids() == both
    assert ids(artisan=a.ids["artisan"]) == {a.ids["product"]}
    assert ids(category=to_global_id("Category", craft.pk)) == {a.ids["product"]}  # its sub-craft's listing
    assert ids(channel="export") == {a.ids["product"]}
    assert ids(requestedUntil=(timezone.now() - dt.timedelta(days=1)).isoformat()) == {b.ids["product"]}
    assert ids(requestedSince=(timezone.now() - dt.timedelta(days=1)).isoformat()) == {a.ids["product"]}
    assert ids(search="safi") == {a.ids["product"]}
    assert ids(search="مطرزة") == {b.ids["product"]}
    assert ids(search=a.variant.sku.lower()) == {a.ids["product"]}
    assert ids(status="REJECTED") == set()


def test_a_trusted_importers_batch_is_approved_at_once(gql, doc, world, sign_in):
    from marketplace.catalog.models import Product
    from marketplace.curation.models import ReviewDecision

    a, b = world["a"], world["b"]
    pending(a)
    pending(b)
    sign_in("curator")
    bulk = doc(M + "ProductReviewBulkApprove.graphql")
    whole_queue = gql.data(bulk, {"filter": {}})["productReviewBulkApprove"]
    assert whole_queue["count"] == 0 and whole_queue["errors"][0]["code"] == "REQUIRED"  # name the artisan
    batch = gql.data(bulk, {"filter": {"artisan": a.ids["artisan"]}})["productReviewBulkApprove"]
    assert batch["errors"] == [] and batch["count"] >= 1
    assert Product.objects.get(pk=a.product.pk).review_status == "APPROVED"
    assert Product.objects.get(pk=b.product.pk).review_status == "PENDING"
    assert ReviewDecision.objects.filter(product=a.product, outcome="APPROVED").exists()
    ticked = gql.data(bulk, {"ids": [b.ids["product"], a.ids["product"]]})["productReviewBulkApprove"]
    assert ticked == {"count": 1, "errors": []}  # the one still waiting
    sign_in("member_a_on_a", world)
    assert gql(bulk, {"ids": [a.ids["product"]]})["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
