"""productMediaCreate over the GraphQL multipart request spec: the photo goes through the photography
pipeline, the media says when it is ready, with its quality report; bad files are field errors."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.django_db

M = "storefront/graphql/marketplace/"
S = "storefront/graphql/saleor/"


def test_member_uploads_a_photo_which_goes_through_the_pipeline(gql, doc, world, sign_in, upload, photo,
                                                                django_capture_on_commit_callbacks):
    side = world["a"]
    sign_in("member_a_on_a", world)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(doc(M + "ProductMediaUpload.graphql"), {"product": side.ids["product"], "image": None,
                                                                   "alt": "Plat vu de dessus"},
                          {"image": ("plat.jpg", photo(3))}, token=gql.token)
    assert response.status_code == 200, response.content[:300]
    payload = response.json()["data"]["productMediaCreate"]
    assert payload["errors"] == []
    assert payload["media"]["status"] == "PENDING"  # answered before the pipeline ran
    assert payload["product"]["reviewStatus"] == "PENDING" and "Photos changed" in payload["product"]["reviewReason"]
    from marketplace.core.graphql.ids import from_global_id
    from marketplace.media.models import ProductMedia

    media = ProductMedia.objects.get(pk=from_global_id(payload["media"]["id"])[1])
    assert media.status == "READY" and media.files["master"]
    report = media.quality_report
    assert report["overall_before"] is not None and report["overall_after"] is not None
    # The saleor document reads the ready media through the product.
    listed = gql.data(doc(M + "ManagedProducts.graphql"), {"first": 5, "reviewStatus": "PENDING"})
    assert listed["managedProducts"]["totalCount"] == 1


def test_upload_errors_are_field_errors(gql, doc, world, sign_in, upload, photo):
    side = world["a"]
    sign_in("member_a_on_a", world)
    query = doc(M + "ProductMediaUpload.graphql")
    not_image = upload(query, {"product": side.ids["product"], "image": None},
                       {"image": ("notes.jpg", b"%PDF-1.4 not a photo at all" * 20)}, token=gql.token)
    assert not_image.json()["data"]["productMediaCreate"]["errors"] == [{
        "field": "image", "message": "The file is not a photo we accept (JPEG, PNG, WebP, HEIC).",
        "code": "INVALID_FILE_TYPE"}]
    data = photo(5)
    first = upload(query, {"product": side.ids["product"], "image": None}, {"image": ("a.jpg", data)}, token=gql.token)
    assert first.json()["data"]["productMediaCreate"]["errors"] == []
    again = upload(query, {"product": side.ids["product"], "image": None}, {"image": ("a.jpg", data)}, token=gql.token)
    assert again.json()["data"]["productMediaCreate"]["errors"][0]["code"] == "MEDIA_ALREADY_ASSIGNED"
    # Another artisan's product: a GraphQL permission error.
    other = upload(query, {"product": world["b"].ids["product"], "image": None}, {"image": ("b.jpg", photo(6))},
                   token=gql.token)
    assert other.json()["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    # Anonymous: denied as well.
    anonymous = upload(query, {"product": side.ids["product"], "image": None}, {"image": ("c.jpg", photo(7))})
    assert anonymous.json()["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


def test_malformed_multipart_requests_are_clear_errors(client, doc, world):
    query = doc(M + "ProductMediaUpload.graphql")
    bad_json = client.post("/graphql/", data={"operations": "{not json", "map": "{}"})
    assert bad_json.status_code == 400 and b"must be JSON" in bad_json.content
    missing = client.post("/graphql/", data={
        "operations": json.dumps({"query": query, "variables": {"product": "x", "image": None}}),
        "map": json.dumps({"0": ["variables.image"]})})
    assert missing.status_code == 400 and b"not sent" in missing.content
    wrong_path = client.post("/graphql/", data={
        "operations": json.dumps({"query": query, "variables": {}}), "map": json.dumps({"0": ["query"]}),
        "0": _file()})
    assert wrong_path.status_code == 400 and b"variables." in wrong_path.content
    literal = client.post("/graphql/", data=json.dumps({"query": 'mutation { productMediaCreate(input: '
                                                                '{product: "x", image: "a.jpg"}) '
                                                                '{ errors { code } } }'}),
                          content_type="application/json")
    assert "multipart" in literal.json()["errors"][0]["message"]


def _file():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("x.jpg", b"data", content_type="image/jpeg")


def test_media_update_reorder_delete(gql, doc, world, sign_in):
    from marketplace.core.graphql.ids import to_global_id
    from marketplace.media.models import ProductMedia

    side = world["a"]
    second = ProductMedia.objects.create(product=side.product, status="READY", files={}, sort_order=2)
    second_id = to_global_id("ProductMedia", second.pk)
    sign_in("member_a_on_a", world)
    order = gql.data(doc(S + "ProductMediaReorder.graphql"), {"productId": side.ids["product"],
                                                              "mediaIds": [second_id, side.ids["media"]]})
    assert [m["id"] for m in order["productMediaReorder"]["media"]] == [second_id, side.ids["media"]]
    partial = gql.data(doc(S + "ProductMediaReorder.graphql"), {"productId": side.ids["product"],
                                                                "mediaIds": [second_id]})
    assert partial["productMediaReorder"]["errors"][0]["code"] == "NOT_PRODUCTS_IMAGE"
    alt = gql.data(doc(S + "ProductMediaUpdate.graphql"), {"id": second_id, "input": {"alt": "Détail"}})
    assert alt["productMediaUpdate"]["media"]["alt"] == "Détail"
    deleted = gql.data(doc(S + "ProductMediaDelete.graphql"), {"id": second_id})["productMediaDelete"]
    assert deleted["errors"] == [] and not ProductMedia.objects.filter(pk=second.pk).exists()
