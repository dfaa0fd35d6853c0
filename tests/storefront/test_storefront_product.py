"""The product page: prices per market (VAT, approximate tourist price), unique pieces, gallery sources,
provenance, the artisan, structured data and sharing tags; the cart keeps lines per market."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from html import unescape

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def unique_piece():
    from marketplace.catalog.models import Product

    product = Product.objects.filter(variants__is_one_of_a_kind=True, variants__stocks__quantity=1,
                                     media__isnull=False).distinct().order_by("slug").first()
    assert product, "the demo has unique pieces with photos"
    return product


def structured_data(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>', html, re.S).group(1))


def test_product_page_in_morocco_shows_the_vat_inclusive_price_and_a_unique_piece(shop, unique_piece):
    from marketplace.catalog.models import ProductVariantChannelListing

    listing = ProductVariantChannelListing.objects.get(variant__product=unique_piece, channel__slug="maroc")
    html = shop.page(f"/fr/maroc/p/{unique_piece.slug}/")
    price = re.search(r'data-testid="price">([^<]+)<span class="vat">TVA incluse</span>', html).group(1)
    assert Decimal(re.sub(r"[^\d,]", "", price).replace(",", ".")) == listing.price_amount
    assert "MAD" in price
    assert "Pièce unique" in html and 'data-testid="availability">Disponible' in html
    assert unique_piece.artisan.name in unescape(html)
    assert f'href="/fr/maroc/artisan/{unique_piece.artisan.slug}/"' in html
    assert "<h2 id=\"h-provenance\">Provenance</h2>" in html
    # The gallery offers AVIF and WebP before the JPEG fallback, with the media's alt text.
    assert re.search(r'<picture class=""><source type="image/avif" srcset="http[^"]+\.avif \d+w', html)
    assert re.search(r'<source type="image/webp" srcset="http[^"]+\.webp \d+w', html)
    alt = unique_piece.media.order_by("sort_order").first().alt
    if alt:
        assert f'alt="{alt}"' in unescape(html).replace("&#x27;", "'") or alt in unescape(html)


def test_structured_data_and_sharing_tags(shop, unique_piece):
    html = shop.page(f"/en/export/p/{unique_piece.slug}/")
    data = structured_data(html)
    assert data["@type"] == "Product" and data["brand"]["name"] == unique_piece.artisan.name
    offer = data["offers"][0]
    assert offer["priceCurrency"] == "EUR" and Decimal(offer["price"]) > 0
    assert offer["availability"] == "https://schema.org/InStock"
    assert data["url"].endswith(f"/en/export/p/{unique_piece.slug}/")
    assert re.search(r'<meta property="og:image" content="http[^"]+\.jpg">', html)
    assert '<meta property="og:type" content="product">' in html
    assert re.search(rf'<link rel="canonical" href="http[^"]+/en/export/p/{unique_piece.slug}/">', html)
    assert 'class="vat"' not in html  # export prices are not VAT-inclusive Moroccan prices


def test_tourists_see_an_approximate_price_in_their_currency(shop, unique_piece):
    from marketplace.catalog.models import ProductVariantChannelListing

    mad = ProductVariantChannelListing.objects.get(variant__product=unique_piece,
                                                   channel__slug="touristes").price_amount
    html = shop.page(f"/en/touristes/p/{unique_piece.slug}/", headers={"Accept-Language": "en-US"})
    assert re.search(r"About US\$[\d,]+", html)
    approx = Decimal(re.search(r"About US\$([\d,]+)", html).group(1).replace(",", ""))
    assert approx == (mad * Decimal("0.1000")).quantize(Decimal("1"))
    switched = shop.get(f"/currency/?currency=EUR&next=/en/touristes/p/{unique_piece.slug}/")
    assert switched.status_code == 302
    html = shop.page(f"/en/touristes/p/{unique_piece.slug}/")
    assert re.search(r"About €[\d,]+", html)
    assert shop.get("/currency/?currency=EUR&next=https://evil.example/").headers["Location"] == "/"
    assert "About" not in shop.page(f"/en/maroc/p/{unique_piece.slug}/")


def test_unknown_product_is_a_404(shop):
    assert shop.get("/fr/maroc/p/nothing-here/").status_code == 404


def test_cart_adds_prices_and_removes_lines_per_market(shop, unique_piece):
    from marketplace.catalog.models import ProductVariantChannelListing
    from marketplace.core.graphql.ids import to_global_id

    variant = unique_piece.variants.first()
    page = f"/fr/maroc/p/{unique_piece.slug}/"
    response = shop.post("/fr/maroc/cart/add/", {"product": to_global_id("Product", unique_piece.pk),
                                                 "variant": to_global_id("ProductVariant", variant.pk),
                                                 "quantity": "1"}, form_page=page)
    assert response.status_code == 302 and response.headers["Location"] == "/fr/maroc/cart/"
    cart = shop.page("/fr/maroc/cart/")
    price = ProductVariantChannelListing.objects.get(variant=variant, channel__slug="maroc").price_amount
    total = re.search(r'data-testid="cart-total">([^<]+)<', cart).group(1)
    assert Decimal(re.sub(r"[^\d,]", "", total).replace(",", ".")) == price
    assert '<span class="count">1</span>' in cart
    assert "Votre panier est vide" in shop.page("/fr/export/cart/")  # each market has its own cart
    removed = shop.post("/fr/maroc/cart/update/", {"remove": to_global_id("ProductVariant", variant.pk)},
                        form_page="/fr/maroc/cart/")
    assert removed.status_code == 302
    assert "Votre panier est vide" in shop.page("/fr/maroc/cart/")
    assert shop.http.post(shop.base + "/fr/maroc/cart/add/", data={"variant": "x"}).status_code == 403  # CSRF


def test_the_product_page_estimates_delivery_for_the_buyers_country(shop, new_shop, unique_piece):
    html = shop.page(f"/fr/maroc/p/{unique_piece.slug}/")
    delivery = re.search(r'<section class="delivery".+?</section>', html, re.S).group(0)
    assert "Livraison standard" in delivery and "MAD" in delivery
    assert re.search(r"\d+ à \d+ jours", delivery)
    # Export: the visitor picks the destination; the estimate changes with it (and stays in euros).
    europe = shop.page(f"/en/export/p/{unique_piece.slug}/?to=DE")
    assert 'value="DE" selected' in europe and "Standard shipping to Europe" in europe and "€" in europe
    america = shop.page(f"/en/export-usd/p/{unique_piece.slug}/?to=CA")
    assert 'value="CA" selected' in america and "Standard shipping to North America" in america
    assert "Standard shipping worldwide" in shop.page(f"/en/export-usd/p/{unique_piece.slug}/?to=JP")
    # The country chosen is remembered for the market (the cart and the checkout start from it) ...
    assert 'value="DE" selected' in shop.page(f"/en/export/p/{unique_piece.slug}/")
    # ... and a country the market does not serve falls back to the market's default destination (France).
    fallback = new_shop().page(f"/en/export/p/{unique_piece.slug}/?to=US")
    assert 'value="FR" selected' in fallback and "Standard shipping to Europe" in fallback
    arabic = shop.page(f"/ar/maroc/p/{unique_piece.slug}/")
    assert "التوصيل" in arabic
