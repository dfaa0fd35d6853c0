"""SEO files, accounts through the API (sign up, sign in with a JWT in the session), translations."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
LOCALE = Path(__file__).resolve().parents[2] / "storefront" / "locale"


def test_robots_and_sitemap_with_hreflang(shop):
    from marketplace.catalog.models import Product

    robots = shop.get("/robots.txt")
    assert robots.status_code == 200 and re.search(r"^Sitemap: http://[^/]+/sitemap.xml$", robots.text, re.M)
    sitemap = shop.get("/sitemap.xml")
    assert sitemap.status_code == 200 and sitemap.headers["Content-Type"].startswith("application/xml")
    product = Product.objects.order_by("slug").first()
    for lang in ("fr", "ar", "en"):
        assert f"/{lang}/maroc/p/{product.slug}/</loc>" in sitemap.text
    assert f'hreflang="ar" href="{shop.base}/ar/export/p/{product.slug}/"' in sitemap.text
    assert sitemap.text.count("<url>") >= Product.objects.count() * 3


def test_sign_up_sign_in_and_out(shop):
    email = f"buyer-{uuid.uuid4().hex[:8]}@example.com"
    response = shop.post("/fr/maroc/account/sign-up/", {"email": email, "password": "Tajine-Safi-2026",
                                                         "first_name": "Amina", "last_name": "Alaoui"})
    assert response.status_code == 302 and response.headers["Location"] == "/fr/maroc/account/"
    account = shop.page("/fr/maroc/account/")
    assert f'data-testid="account-email">{email}<' in account
    assert shop.post("/fr/maroc/account/sign-out/", {}, form_page="/fr/maroc/account/").status_code == 302
    assert shop.get("/fr/maroc/account/").headers["Location"] == "/fr/maroc/account/sign-in/"

    wrong = shop.post("/fr/maroc/account/sign-in/", {"email": email, "password": "not-it"})
    assert wrong.status_code == 200 and "Adresse e-mail ou mot de passe incorrect." in wrong.text
    assert f'value="{email}"' in wrong.text  # what was typed is kept
    ok = shop.post("/ar/maroc/account/sign-in/", {"email": email, "password": "Tajine-Safi-2026"})
    assert ok.status_code == 302 and ok.headers["Location"] == "/ar/maroc/account/"


def test_sign_up_errors_sit_next_to_their_fields(shop):
    html = shop.post("/en/export/account/sign-up/", {"email": "not-an-address", "password": "123"}).text
    email_field = re.search(r'<input id="id-email"[^>]+>', html).group(0)
    assert 'aria-invalid="true"' in email_field and 'aria-describedby="err-email"' in email_field
    assert re.search(r'<p class="error" id="err-email">[^<]+</p>', html)
    assert re.search(r'<p class="error" id="err-password">[^<]*This password is too short', html)
    assert 'value="not-an-address"' in html
    required = shop.post("/en/export/account/sign-up/", {"email": "", "password": ""}).text
    assert re.search(r'id="err-email">This field is required', required)


def test_every_string_is_translated_and_compiled():
    from storefront.core.i18n import catalogs, compiled, untranslated

    found = catalogs()
    assert {po.parent.parent.name for po in found} >= {"fr", "ar", "en"}
    for po in found:
        assert untranslated(po) == [], po
        assert po.with_suffix(".mo").read_bytes() == compiled(po), \
            f"{po}: run `python -m storefront.core.i18n` and commit the .mo files"
