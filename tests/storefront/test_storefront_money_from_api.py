"""The storefront shows the money the API computed, formatted, and computes none itself: the cart's line totals
and total (`cartPricing`), a tourist's approximate price (`indicativePriceRange`) and the export checkout's
import VAT estimate (`Checkout.importVatEstimate`) read the same on the page as in the API's answer, in fr, en
and ar. (tests/storefront/test_storefront_computes_no_money.py checks the code does no arithmetic on money.)"""

from __future__ import annotations

import re
from decimal import Decimal
from html import unescape

import pytest
import requests

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db
ROOT_DOCS = "storefront/graphql/marketplace"


def ask_api(api_server, doc, name: str, variables: dict) -> dict:
    response = requests.post(f"{api_server.url}/graphql/", json={"query": doc(f"{ROOT_DOCS}/{name}.graphql"),
                                                                "variables": variables}, timeout=30)
    body = response.json()
    assert response.status_code == 200 and not body.get("errors"), body
    return body["data"]


def shown(money: dict | None, lang: str) -> str:
    from storefront.core.templatetags.sf import format_money

    return format_money(money["amount"], money["currency"], lang)


def add(shop, lang: str, market: str, product) -> str:
    variant = to_global_id("ProductVariant", product.variants.first().pk)
    response = shop.post(f"/{lang}/{market}/cart/add/", {"product": to_global_id("Product", product.pk),
                                                         "variant": variant, "quantity": "1"},
                         form_page=f"/{lang}/{market}/p/{product.slug}/")
    assert response.status_code == 302
    return variant


def test_the_cart_shows_the_line_totals_and_the_total_the_api_computed(shop, committed_piece, api_server, doc):
    pieces = [committed_piece("1234.50"), committed_piece("1800")]
    variants = [add(shop, "fr", "maroc", piece) for piece in pieces]
    expected = ask_api(api_server, doc, "CartPricing", {"channel": "maroc", "lines": [
        {"variantId": variant, "quantity": 1} for variant in variants]})["cartPricing"]
    assert expected["subtotalPrice"]["gross"] == {"amount": 3034.5, "currency": "MAD"}
    for lang in ("fr", "en", "ar"):
        cart = unescape(shop.page(f"/{lang}/maroc/cart/"))
        line_totals = re.findall(r'<div class="line-total">([^<]*)</div>', cart)
        assert line_totals == [shown(line["totalPrice"]["gross"], lang) for line in expected["lines"]], lang
        total = re.search(r'data-testid="cart-total">([^<]+)<', cart).group(1)
        assert total == shown(expected["subtotalPrice"]["gross"], lang), lang
    assert "3\u202f034,50\xa0MAD" in unescape(shop.page("/fr/maroc/cart/"))  # as the page showed it before


def test_a_tourist_sees_the_approximate_price_the_api_converted(shop, committed_piece, api_server, doc):
    piece = committed_piece("1234.50")
    for lang, accept, currency in (("en", "en-US", "USD"), ("fr", "fr-FR", "EUR"), ("ar", "ar-MA", "EUR")):
        html = unescape(shop.page(f"/{lang}/touristes/p/{piece.slug}/", headers={"Accept-Language": accept}))
        api = ask_api(api_server, doc, "ProductPage", {"slug": piece.slug, "channel": "touristes",
                                                       "languageCode": lang.upper(), "countryCode": "MA",
                                                       "indicativeCurrency": currency})
        approx = api["product"]["pricing"]["indicativePriceRange"]["start"]["gross"]
        assert approx["currency"] == currency
        assert re.search(r'<form class="approx"[^>]*><p>([^<]+)', html).group(1).strip().endswith(shown(approx, lang))
    assert Decimal(str(approx["amount"])) == (Decimal("1234.50") * Decimal("0.092")).quantize(Decimal(1))  # 114


def test_the_export_checkout_shows_the_import_vat_the_api_estimated(shop, committed_piece, api_server, doc):
    from marketplace.checkout.models import Checkout

    piece = committed_piece("1234.50")
    add(shop, "en", "export", piece)
    started = shop.post("/en/export/checkout/start/", {}, form_page="/en/export/cart/")
    assert started.status_code == 302
    checkout = Checkout.objects.filter(lines__variant__product_id=piece.pk).latest("created")
    checkout_id = to_global_id("Checkout", checkout.pk)
    for lang, country in (("en", "DE"), ("fr", "FI"), ("ar", "CH")):
        page = unescape(shop.page(f"/{lang}/export/checkout/?country={country}"))
        note = re.search(r'data-testid="duties-note">(.+?)</p>', page, re.S).group(1)
        estimate = ask_api(api_server, doc, "CheckoutImportVat", {"id": checkout_id, "countryCode": country})[
            "checkout"]["importVatEstimate"]
        assert f"{estimate['rate']:g}" in note and shown(estimate["amount"], lang) in note, (lang, note)
    assert estimate["rate"] == 8.1
