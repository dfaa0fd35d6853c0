"""Nothing fails silently on a photo upload: real files through productMediaCreate (a 12 MP phone JPEG, a
truncated JPEG, a PNG bomb, an empty file). Files whose header says they cannot be photos are refused at once
with their own code; a photo the pipeline refuses is kept FAILED with its code and reason, shown to the
product's managers (`managedMedia`) and never to the public (`media`), can be retried or deleted, and never
blocks the same file from being uploaded again."""

from __future__ import annotations

import pytest
from photo_files import EMPTY, phone_jpeg, png_bomb, truncated_jpeg

from marketplace.core.graphql.ids import from_global_id

pytestmark = pytest.mark.django_db

M = "storefront/graphql/marketplace/"
S = "storefront/graphql/saleor/"
PUBLIC_AND_MANAGED = """query($ids: [ID!]) { managedProducts(ids: $ids, first: 1) { edges { node {
  media { id } managedMedia { id status processingError processingErrorCode } } } } }"""


def photos_of(gql, product_id: str) -> dict:
    return gql.data(PUBLIC_AND_MANAGED, {"ids": [product_id]})["managedProducts"]["edges"][0]["node"]


def send(upload, doc, gql, product_id: str, data: bytes, name: str = "photo.jpg", capture=None) -> dict:
    response = upload(doc(M + "ProductMediaUpload.graphql"), {"product": product_id, "image": None},
                      {"image": (name, data)}, token=gql.token)
    assert response.status_code == 200, response.content[:300]
    return response.json()["data"]["productMediaCreate"]


@pytest.mark.slow  # a 12-megapixel photo through the pipeline
def test_a_twelve_megapixel_phone_photo_is_ready_and_public(gql, doc, world, sign_in, upload,
                                                             django_capture_on_commit_callbacks):
    product_id = world["a"].ids["product"]
    sign_in("member_a_on_a", world)
    with django_capture_on_commit_callbacks(execute=True):
        payload = send(upload, doc, gql, product_id, phone_jpeg(), "IMG_2041.jpg")
    assert payload["errors"] == []
    photos = photos_of(gql, product_id)
    ready = [m for m in photos["managedMedia"] if m["id"] == payload["media"]["id"]]
    assert ready == [{"id": payload["media"]["id"], "status": "READY", "processingError": None,
                      "processingErrorCode": None}]
    assert payload["media"]["id"] in {m["id"] for m in photos["media"]}


def test_a_truncated_jpeg_is_failed_with_its_reason_retried_replaced_and_deleted(
        gql, doc, world, sign_in, upload, django_capture_on_commit_callbacks):
    from marketplace.media.models import ProductMedia

    product_id = world["a"].ids["product"]
    sign_in("member_a_on_a", world)
    with django_capture_on_commit_callbacks(execute=True):
        payload = send(upload, doc, gql, product_id, truncated_jpeg(), "cut.jpg")
    assert payload["errors"] == []  # the header was sound: the pipeline found the damage
    failed_id = payload["media"]["id"]
    photos = photos_of(gql, product_id)
    failed = next(m for m in photos["managedMedia"] if m["id"] == failed_id)
    assert failed["status"] == "FAILED" and failed["processingErrorCode"] == "CORRUPT_IMAGE"
    assert "damaged or truncated" in failed["processingError"]
    assert failed_id not in {m["id"] for m in photos["media"]}  # the public list shows ready photos only

    # Retry: the pipeline runs again and says the same, clearly.
    with django_capture_on_commit_callbacks(execute=True):
        retried = gql.data(doc(M + "ProductMediaRetry.graphql"), {"id": failed_id})["productMediaRetry"]
    assert retried["errors"] == [] and retried["media"]["status"] == "PENDING"
    assert ProductMedia.objects.get(pk=from_global_id(failed_id)[1]).error_code == "CORRUPT_IMAGE"

    # The same file again: not "already on this piece"; the new upload replaces the failed copy.
    with django_capture_on_commit_callbacks(execute=True):
        again = send(upload, doc, gql, product_id, truncated_jpeg(), "cut.jpg")
    assert again["errors"] == [] and again["media"]["id"] != failed_id
    assert not ProductMedia.objects.filter(pk=from_global_id(failed_id)[1]).exists()
    statuses = [m["status"] for m in photos_of(gql, product_id)["managedMedia"]]
    assert statuses.count("FAILED") == 1

    deleted = gql.data(doc(S + "ProductMediaDelete.graphql"), {"id": again["media"]["id"]})["productMediaDelete"]
    assert deleted["errors"] == []
    assert "FAILED" not in [m["status"] for m in photos_of(gql, product_id)["managedMedia"]]

    # A ready photo has nothing to retry.
    ready = world["a"].ids["media"]
    refused = gql.data(doc(M + "ProductMediaRetry.graphql"), {"id": ready})["productMediaRetry"]
    assert refused["errors"][0]["code"] == "INVALID"


def test_files_that_cannot_be_photos_are_refused_at_once_with_their_own_code(gql, doc, world, sign_in, upload):
    from marketplace.media.models import ProductMedia

    product_id = world["a"].ids["product"]
    sign_in("member_a_on_a", world)
    before = ProductMedia.objects.count()
    bomb = send(upload, doc, gql, product_id, png_bomb(), "bomb.png")["errors"]
    assert [(e["field"], e["code"]) for e in bomb] == [("image", "FILE_SIZE_LIMIT_EXCEEDED")]
    assert "100.0 million pixels" in bomb[0]["message"]
    empty = send(upload, doc, gql, product_id, EMPTY, "empty.jpg")["errors"]
    assert [(e["field"], e["code"]) for e in empty] == [("image", "REQUIRED")]
    assert ProductMedia.objects.count() == before  # nothing stored


def test_a_pipeline_failure_is_failed_not_pending_for_ever(gql, doc, world, sign_in, upload,
                                                         django_capture_on_commit_callbacks):
    from marketplace.media.models import ProductMedia
    from marketplace.media.services import private_storage

    product_id = world["a"].ids["product"]
    sign_in("member_a_on_a", world)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        payload = send(upload, doc, gql, product_id, phone_jpeg(3000, 2000), "lost.jpg")
    media = ProductMedia.objects.get(pk=from_global_id(payload["media"]["id"])[1])
    private_storage().delete(media.original)  # the original vanished before the worker ran
    for callback in callbacks:
        callback()
    failed = next(m for m in photos_of(gql, product_id)["managedMedia"] if m["id"] == payload["media"]["id"])
    assert failed["status"] == "FAILED" and failed["processingErrorCode"] == "PROCESSING_ERROR"


def test_only_the_products_managers_see_pending_and_failed_photos(gql, doc, world, sign_in):
    from marketplace.media.models import ProductMedia

    side = world["a"]
    ProductMedia.objects.create(product=side.product, status="FAILED", error="The JPEG file is damaged or truncated.",
                                error_code="CORRUPT_IMAGE", sort_order=5)
    query = """query($slug: String!) { product(slug: $slug, channel: "maroc") { media { id }
      managedMedia { status processingErrorCode } } }"""
    from marketplace.catalog.models import ReviewStatus

    side.product.review_status = ReviewStatus.APPROVED
    side.product.save(update_fields=["review_status"])
    for role, sees in (("anonymous", False), ("buyer", False), ("curator", True), ("member_a_on_a", True)):
        sign_in(role, world)
        product = gql.data(query, {"slug": side.product.slug})["product"]
        assert product is not None, role
        if sees:
            assert "FAILED" in [m["status"] for m in product["managedMedia"]], role
            assert {m["processingErrorCode"] for m in product["managedMedia"]} >= {"CORRUPT_IMAGE"}
        else:
            assert product["managedMedia"] is None, role
        assert len(product["media"]) == 1, role  # the ready photo only, for everyone
