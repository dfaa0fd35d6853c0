"""Markets and languages: URLs, the remembered choice, browser defaults, right-to-left Arabic, hreflang."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db  # the API serves the session demo catalog from the test database


@pytest.mark.parametrize("headers,expected", [
    ({"Accept-Language": "fr-MA,fr;q=0.9"}, "/fr/maroc/"),
    ({"Accept-Language": "ar"}, "/ar/maroc/"),
    ({"Accept-Language": "en-US,en;q=0.8"}, "/en/export-usd/"),
    ({"Accept-Language": "en-GB,en;q=0.8"}, "/en/export/"),
    ({"Accept-Language": "de-DE,de;q=0.9", "CF-IPCountry": "MA"}, "/fr/touristes/"),
    ({"Accept-Language": "en-GB", "CF-IPCountry": "MA"}, "/en/touristes/"),
    ({"Accept-Language": "fr-FR", "CF-IPCountry": "FR"}, "/fr/export/"),
    ({}, "/fr/maroc/"),
])
def test_root_defaults_from_browser_language_and_country(shop, headers, expected):
    response = shop.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_the_market_choice_is_remembered(shop):
    shop.page("/en/export/")
    assert shop.http.cookies.get("sf_market") == "en.export"
    assert shop.get("/", headers={"Accept-Language": "ar"}).headers["Location"] == "/en/export/"
    shop.page("/ar/touristes/")
    assert shop.get("/").headers["Location"] == "/ar/touristes/"


def test_unknown_market_or_language_is_a_404(shop):
    assert shop.get("/fr/atlantide/").status_code == 404
    assert shop.get("/de/maroc/").status_code == 404


@pytest.mark.parametrize("lang,direction,heading", [
    ("fr", "ltr", "L'artisanat marocain, directement des artisans"),
    ("ar", "rtl", "الصناعة التقليدية المغربية، مباشرة من الصناع"),
    ("en", "ltr", "Moroccan crafts, straight from the artisans"),
])
def test_every_language_is_translated_and_arabic_is_right_to_left(shop, lang, direction, heading):
    html = shop.page(f"/{lang}/maroc/")
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert heading.replace("'", "&#x27;") in html or heading in html


def test_hreflang_alternates_and_canonical(shop):
    html = shop.page("/fr/maroc/search/?q=tapis")
    assert re.search(r'<link rel="canonical" href="http://127\.0\.0\.1:\d+/fr/maroc/search/">', html)
    for hreflang, lang in (("fr-MA", "fr"), ("ar-MA", "ar"), ("en-MA", "en")):
        assert re.search(rf'<link rel="alternate" hreflang="{hreflang}" href="[^"]+/{lang}/maroc/search/">', html)
    assert 'hreflang="x-default"' in html
    export = shop.page("/en/export/")
    assert re.search(r'hreflang="en" href="[^"]+/en/export/"', export)


def test_market_switch_links_keep_the_page(shop):
    html = shop.page("/fr/maroc/search/")
    for market in ("touristes", "export", "export-usd"):
        assert f'href="/fr/{market}/search/"' in html
    assert 'href="/ar/maroc/search/"' in html and 'href="/en/maroc/search/"' in html
