"""The unprocessed "before" copy of a photo (issue 13): in private storage, never under /media/, and served
only through a signed, expiring link that the API gives to the product's artisan's members and curators."""

from __future__ import annotations

import time
from unittest import mock

import pytest

pytestmark = pytest.mark.django_db
M = "storefront/graphql/marketplace/"
MEDIA = """query($id: ID!) { product(id: $id, channel: "maroc") { media { id url beforeUrl } } }
"""
MANAGED = """query($ids: [ID!]) {
  managedProducts(first: 1, ids: $ids) { edges { node { media { id beforeUrl } } } } }"""


@pytest.fixture
def processed(gql, doc, world, sign_in, upload, photo, django_capture_on_commit_callbacks):
    """Side A's product with one photo through the pipeline, uploaded by A's member."""
    from marketplace.media.models import ProductMedia

    sign_in("member_a_on_a", world)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(doc(M + "ProductMediaUpload.graphql"), {"product": world["a"].ids["product"],
                                                                   "image": None, "alt": "Plat"},
                          {"image": ("plat.jpg", photo(11))}, token=gql.token)
    assert response.json()["data"]["productMediaCreate"]["errors"] == []
    return ProductMedia.objects.filter(product=world["a"].product, status="READY").latest("pk")


def _before_url(gql, world) -> str | None:
    from marketplace.catalog.models import Product

    Product.objects.filter(pk=world["a"].product.pk).update(review_status="APPROVED")
    result = gql(MANAGED, {"ids": [world["a"].ids["product"]]})
    edges = (result.get("data") or {}).get("managedProducts", {}).get("edges") or []
    media = [m for e in edges for m in e["node"]["media"] or []]
    urls = [m["beforeUrl"] for m in media if m["beforeUrl"]]
    return urls[0] if urls else None


def _path(url: str) -> str:
    from django.conf import settings

    return url.removeprefix(settings.PUBLIC_API_URL.rstrip("/"))


def test_the_before_copy_is_not_public(client, processed):
    from django.core.files.storage import default_storage, storages

    before = processed.files["before"]
    assert before.startswith("previews/")
    assert storages["private"].exists(before)
    assert not default_storage.exists(before)
    folder = processed.files["master"].rsplit("/", 1)[0]
    assert not default_storage.exists(f"{folder}/before.jpg")  # where it used to be, served to anyone
    assert client.get(f"/media/{folder}/before.jpg").status_code == 404
    assert client.get(f"/media/{before}").status_code == 404
    assert client.get(f"/media/{processed.files['master']}").status_code == 200  # the published photo


def test_members_and_curators_get_a_signed_link_others_none(gql, client, world, sign_in, processed):
    url = _before_url(gql, world)  # A's member
    assert url and "/private-media/" in url
    response = client.get(_path(url))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"
    sign_in("curator")
    assert _before_url(gql, world)
    for role in ("anonymous", "buyer", "member_a_on_b"):
        sign_in(role, {"a": world["b"], "b": world["b"]} if role == "member_a_on_b" else world)
        media = gql.data(MEDIA, {"id": world["a"].ids["product"]})["product"]
        assert media is None or all(m["beforeUrl"] is None for m in media["media"]), role


def test_a_forged_altered_or_expired_link_is_refused(gql, client, world, processed):
    from django.core import signing

    from marketplace.media.private import SALT

    url = _path(_before_url(gql, world))
    token = url.split("/")[2]
    assert client.get(url.replace(token, token[:-2] + "xx")).status_code == 404
    other = signing.dumps("previews/../../secret_key", salt=SALT)
    assert client.get(f"/private-media/{other}/before.jpg").status_code == 404
    unsalted = signing.dumps(processed.files["before"])  # signed by the same key for another purpose
    assert client.get(f"/private-media/{unsalted}/before.jpg").status_code == 404
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 2 * 3600):
        old = signing.dumps(processed.files["before"], salt=SALT)
    assert client.get(f"/private-media/{old}/before.jpg").status_code == 404


def test_the_migration_moves_existing_public_copies(world):
    """Installations from before this change have the copy under /media/: the data migration moves it."""
    import importlib

    from django.apps import apps
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage, storages

    from marketplace.media.models import ProductMedia

    public = default_storage.save(f"products/{world['a'].product.pk}/legacy/before.jpg",
                                  ContentFile(b"\xff\xd8\xffold"))
    media = ProductMedia.objects.create(product=world["a"].product, status="READY", sort_order=9,
                                        files={"master": "products/x/master.jpg", "before": public})
    migration = importlib.import_module("marketplace.media.migrations.0002_before_copies_private")
    migration.move_before_copies(apps, None)
    media.refresh_from_db()
    assert media.files["before"].startswith("previews/")
    assert not default_storage.exists(public)
    with storages["private"].open(media.files["before"], "rb") as handle:
        assert handle.read() == b"\xff\xd8\xffold"
