"""The artisan's QR labels: the link from `Fair.labelsUrl`, the A4 PDF it serves, and every QR code decoded
from the rendered pages (pdftoppm, then zxing-cpp) opening the right product page with the fair as source."""

from __future__ import annotations

import datetime as dt
import subprocess
import uuid
from pathlib import Path

import pytest
from fair_helpers import CURATOR, MEMBER_PASSWORD, make_fair, make_piece, sign_in

from marketplace.core.graphql.ids import to_global_id

STOREFRONT = "http://127.0.0.1:8001"
LABELS = """query($slug: String!, $artisan: ID!, $url: String!) {
  fair(slug: $slug) { labelsUrl(artisan: $artisan, storefrontUrl: $url) } }"""


def _decode(pdf: bytes, folder: Path) -> tuple[list[str], int]:
    import zxingcpp
    from PIL import Image

    (folder / "labels.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(folder / "labels.pdf"), str(folder / "page")], check=True)
    pages = sorted(folder.glob("page-*.png"))
    texts = [code.text for page in pages for code in zxingcpp.read_barcodes(Image.open(page))]
    return texts, len(pages)


def _pdf_text(pdf: bytes, folder: Path) -> str:
    (folder / "text.pdf").write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(folder / "text.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture
def stand(db):
    from django.utils import timezone

    from marketplace.artisans.models import Artisan

    artisan = Artisan.objects.filter(verification_status="VERIFIED", warehouse__isnull=False,
                                     memberships__isnull=False).distinct().order_by("pk").first()
    today = timezone.localdate()
    member = artisan.memberships.select_related("user").first().user.email
    return artisan, member, today


def test_every_label_decodes_to_its_product_page_with_the_fair_as_source(gql, client, stand, tmp_path):
    from django.db.models import F

    from marketplace.catalog.selectors import visible_products
    from marketplace.channels.models import Channel

    artisan, member, today = stand
    fair = make_fair(slug=f"salon-paris-{uuid.uuid4().hex[:6]}", channels=["export"], starts=today,
                     ends=today + dt.timedelta(days=5), artisans=[artisan])
    pieces = [make_piece(artisan, price_mad="2400", name_ar="طبق من الخزف") for _ in range(3)]
    hidden = make_piece(artisan)  # not published in the export market: no label opening a missing page
    hidden.product.channel_listings.filter(channel__slug="export").update(is_published=False)
    gql.token = sign_in(gql, member, MEMBER_PASSWORD)
    url = gql.data(LABELS, {"slug": fair.slug, "artisan": to_global_id("Artisan", artisan.pk),
                            "url": STOREFRONT})["fair"]["labelsUrl"]
    path = url.split("://", 1)[1].split("/", 1)[1]
    response = client.get(f"/{path}")  # a plain link: the signed token is the key, no header needed
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    decoded, pages = _decode(pdf, tmp_path)
    # Every piece of the artisan in stock and priced in the export market has its label, and only those.
    export = Channel.objects.get(slug="export")
    in_stock = [p for p in visible_products(export, None).filter(artisan=artisan)
                if any(v.stocks.filter(quantity__gt=F("quantity_allocated")).exists() for v in p.variants.all())]
    expected = {f"{STOREFRONT}/fr/export/p/{p.slug}/?src=fair-{fair.slug}" for p in in_stock}
    assert {f"{STOREFRONT}/fr/export/p/{v.product.slug}/?src=fair-{fair.slug}" for v in pieces} <= expected
    assert sorted(decoded) == sorted(expected)
    assert not any(f"/p/{hidden.product.slug}/" in url for url in decoded)
    assert pages == max(1, -(-len(expected) // 24))  # 3 × 8 labels per A4 sheet
    text = _pdf_text(pdf, tmp_path)
    piece = pieces[0]
    assert piece.sku in text and "2 400 MAD" in text
    export_price = piece.channel_listings.get(channel__slug="export").price_amount
    assert f"{export_price:.2f} EUR".replace(".00 EUR", " EUR") in text  # an international fair shows EUR
    assert "Pièce unique" in text


def test_arabic_is_shaped_and_right_to_left_in_the_pdf(gql, client, stand, tmp_path):
    artisan, member, today = stand
    fair = make_fair(slug=f"expo-{uuid.uuid4().hex[:6]}", channels=["maroc", "touristes"], starts=today,
                     ends=today + dt.timedelta(days=5), artisans=[artisan])
    make_piece(artisan, name_ar="زربية")
    gql.token = sign_in(gql, member, MEMBER_PASSWORD)
    url = gql.data(LABELS, {"slug": fair.slug, "artisan": to_global_id("Artisan", artisan.pk),
                            "url": STOREFRONT})["fair"]["labelsUrl"]
    text = _pdf_text(client.get("/" + url.split("://", 1)[1].split("/", 1)[1]).content, tmp_path)
    # The PDF draws the joined (presentation) forms in visual order; pdftotext reads a right-to-left run back
    # into logical order, so the shaped words come out readable only if they were laid out right to left
    # (drawn in logical order they would come out reversed).
    import arabic_reshaper

    assert arabic_reshaper.reshape("زربية") in text and "زربية" not in text
    assert arabic_reshaper.reshape("قطعة فريدة") in text
    assert "MAD" in text and "EUR" not in text  # a fair in Morocco: prices in dirhams only


def test_labels_link_is_for_the_artisan_members_and_curators_and_an_allowed_storefront(gql, stand):
    from marketplace.artisans.models import Artisan

    artisan, member, today = stand
    fair = make_fair(slug=f"expo-{uuid.uuid4().hex[:6]}", channels=["maroc"], starts=today, ends=today,
                     artisans=[artisan])
    other = Artisan.objects.exclude(pk=artisan.pk).filter(memberships__isnull=False).first()
    gql.token = sign_in(gql, member, MEMBER_PASSWORD)
    variables = {"slug": fair.slug, "artisan": to_global_id("Artisan", other.pk), "url": STOREFRONT}
    assert gql(LABELS, variables)["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    variables["artisan"] = to_global_id("Artisan", artisan.pk)
    variables["url"] = "https://attacker.example"
    assert gql(LABELS, variables)["errors"][0]["extensions"]["code"] == "INVALID"
    gql.token = sign_in(gql, *CURATOR)
    variables["url"] = STOREFRONT
    assert gql.data(LABELS, variables)["fair"]["labelsUrl"]


def test_a_forged_or_altered_labels_link_is_refused(client, db):
    assert client.get("/fairs/labels/not-a-token.pdf").status_code == 404
