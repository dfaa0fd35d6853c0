"""Product photos through the photography pipeline: derivatives per format, no metadata served, the
original kept private, before/after and quality report for the artisan, re-processing in one command."""

from __future__ import annotations

import io
import json
from urllib.parse import urlsplit

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from PIL import Image

pytestmark = pytest.mark.django_db


def fetch(client, url: str) -> bytes:
    response = client.get(urlsplit(url).path)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content)


def phone_shot_media():
    from demo import data
    from marketplace.media.models import ProductMedia

    # The raw phone shot is a piece's last photo (its lead photo is a studio shot).
    slugs = [p["slug"] for p in data.PRODUCTS if p.get("phone_shot")]
    media = (ProductMedia.objects.filter(product__slug__in=slugs).select_related("product")
             .order_by("product_id", "-sort_order", "-pk").distinct("product_id").first())
    assert media is not None, "the test demo subset has no phone shot"
    return media


def test_phone_shot_is_stripped_of_gps_and_served_in_every_format(client):
    from marketplace.media.models import ProductMedia

    media = phone_shot_media()
    assert media.status == ProductMedia.Status.READY
    with storages["private"].open(media.original) as handle:
        original = Image.open(io.BytesIO(handle.read()))
    assert original.getexif().get_ifd(0x8825), "the demo phone shot carries GPS in its original"
    assert set(media.files) >= {"master", "before", "JPEG", "WEBP", "AVIF"}
    for fmt, magic in (("JPEG", b"\xff\xd8"), ("WEBP", b"RIFF"), ("AVIF", b"ftyp")):
        for path in media.files[fmt].values():
            body = fetch(client, "/media/" + path)
            assert magic in body[:12]
            image = Image.open(io.BytesIO(body))
            # Structural checks: the three letters "GPS" turn up by chance in compressed AVIF data
            # (they did, in the pouf's 1500 px AVIF), so they prove nothing either way.
            assert not image.getexif() and b"Exif" not in body
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile"} & set(image.info)
    # The original is private: not under the public media URL space.
    assert client.get("/media/" + media.original).status_code == 404


def test_thumbnail_picks_the_nearest_derivative(gql):
    product = phone_shot_media().product
    query = """query($slug: String!) { product(slug: $slug, channel: "maroc") {
        small: thumbnail(size: 100, format: AVIF) { url } big: thumbnail(size: 4000) { url }
        webp: thumbnail(size: 256, format: WEBP) { url } } }"""
    data = gql.data(query, {"slug": product.slug})["product"]
    assert data["small"]["url"].endswith("/256.avif")
    assert data["big"]["url"].endswith(".jpg")
    assert data["webp"]["url"].endswith("/256.webp")


def test_artisan_member_sees_before_after_and_advice_anonymous_does_not(gql, doc, client):
    from demo import data as demo

    media = phone_shot_media()
    query = doc("storefront/graphql/marketplace/ProductPhotos.graphql")
    variables = {"slug": media.product.slug, "channel": "maroc"}
    anonymous = gql.data(query, variables)["product"]["media"][0]
    assert anonymous["status"] is None and anonymous["beforeUrl"] is None and anonymous["qualityReport"] is None
    member = media.product.artisan.memberships.select_related("user").first().user.email
    token = gql.data(doc("storefront/graphql/saleor/TokenCreate.graphql"),
                     {"email": member, "password": demo.DEMO_ARTISAN_PASSWORD})["tokenCreate"]["token"]
    gql.token = token
    mine = gql.data(query, variables)["product"]["media"][0]
    assert mine["status"] == "READY"
    assert Image.open(io.BytesIO(fetch(client, mine["beforeUrl"]))).size[0] <= 1024
    report = json.loads(mine["qualityReport"])
    advice = [c["advice"] for c in report["checks"] if c.get("advice")]
    assert advice and all(a["fr"] and a["ar"] and a["en"] for a in advice)
    assert report["overall_after"] >= report["overall_before"]


def test_reprocess_media_command_redoes_outdated_photos_only():
    from marketplace.media.models import ProductMedia
    from marketplace.photography import PIPELINE_VERSION

    outdated = ProductMedia.objects.filter(status="READY").first()
    other = ProductMedia.objects.filter(status="READY").exclude(pk=outdated.pk).first()
    ProductMedia.objects.filter(pk=outdated.pk).update(pipeline_version=0)
    other_processed_at = other.processed_at
    out = io.StringIO()
    call_command("reprocess_media", stdout=out)
    assert "1 photos processed" in out.getvalue()
    outdated.refresh_from_db()
    other.refresh_from_db()
    assert outdated.pipeline_version == PIPELINE_VERSION and outdated.status == "READY"
    assert other.processed_at == other_processed_at
