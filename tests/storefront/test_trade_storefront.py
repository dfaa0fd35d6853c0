"""The trade space over HTTP (issue 21): closed to everyone but verified trade accounts, in French, Arabic
and English; the application and the curator's verification pages; the artisan's trade page; the order
form's upload; every refusal said next to its field."""

from __future__ import annotations

import io
import re
import uuid

import pytest
from committed import in_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def traders():
    """A verified buyer, a pending one, and a piece offered wholesale (artisan A: 23.00 EUR, 5 in stock,
    10 more in 6 weeks, minimum 150 EUR); removed afterwards."""

    def make():
        from trade_helpers import (
            BUYER_PASSWORD,
            make_buyer,
            make_piece,
            member_of,
            set_minimums,
            trade_artisans,
        )

        artisan = trade_artisans(1)[0]
        set_minimums(artisan, "150", "100")
        verified, _ = make_buyer(email=f"v-{uuid.uuid4().hex[:8]}@sf-trade.example")
        pending, _ = make_buyer(verified=False, email=f"p-{uuid.uuid4().hex[:8]}@sf-trade.example")
        piece = make_piece(artisan, mad="400", stock=5, capacity=10, weeks=6)
        return {"verified": verified.email, "pending": pending.email, "password": BUYER_PASSWORD, "piece": piece,
                "artisan": artisan, "member": member_of(artisan).email}

    made = in_thread(make)
    yield made

    def cleanup():
        from marketplace.accounts.models import User
        from marketplace.catalog.models import Product
        from marketplace.orders.models import Order
        from marketplace.trade.models import TradeQuote

        Order.objects.filter(lines__variant__product_id=made["piece"].product_id).delete()
        TradeQuote.objects.filter(variant=made["piece"]).delete()
        Product.objects.filter(pk=made["piece"].product_id).delete()
        User.objects.filter(email__endswith="@sf-trade.example").delete()

    in_thread(cleanup)


def sign_in(shop, email: str, password: str, lang: str = "fr") -> None:
    response = shop.post(f"/{lang}/export/account/sign-in/", {"email": email, "password": password})
    assert response.status_code == 302, response.text[:500]


def test_the_trade_space_is_closed_to_everyone_but_verified_accounts(shop, new_shop, traders):
    gate = shop.get("/fr/trade/catalogue/")
    assert gate.status_code == 200 and "/account/sign-in/" in gate.text and "23" not in _main(gate.text)
    assert shop.get("/fr/trade-eur/").status_code == 404  # no shop market for the trade channel
    assert 'href="/fr/trade/"' in shop.page("/fr/export/")  # the way in: the application
    retail = new_shop()
    sign_in(retail, "client@demo.maalem.ma", "demo-buyer-2026")
    refused = retail.get("/fr/trade/catalogue/")
    assert refused.status_code == 403 and "faites une demande" in refused.text
    pending = new_shop()
    sign_in(pending, traders["pending"], traders["password"])
    refused = pending.get("/en/trade/cart/")
    assert refused.status_code == 403 and "being verified by a curator" in refused.text
    assert pending.get("/en/trade-eur/").status_code == 404


@pytest.mark.parametrize(("lang", "title", "not_there"), [
    ("fr", "Catalogue professionnel", "Wholesale"), ("ar", "الكتالوج المهني", "Prix de gros"),
    ("en", "Trade catalogue", "Prix de gros")])
def test_a_verified_account_sees_wholesale_prices_in_its_language(shop, traders, lang, title, not_there):
    sign_in(shop, traders["verified"], traders["password"], lang)
    html = shop.page(f"/{lang}/trade/catalogue/")
    assert f'dir="{"rtl" if lang == "ar" else "ltr"}"' in html and title in html
    row = re.search(rf'<tr id="v-[^"]+">\s*<td dir="ltr">{traders["piece"].sku}.*?</tr>', html, re.S).group(0)
    assert "23" in row and "46" in row  # wholesale 23.00 EUR, retail guide 46.00 EUR
    assert not_there not in _main(html)


def test_cart_minimums_checkout_and_the_order_page(shop, traders):
    from marketplace.core.graphql.ids import to_global_id

    sign_in(shop, traders["verified"], traders["password"], "en")
    variant = to_global_id("ProductVariant", traders["piece"].pk)
    bad = shop.post("/en/trade/cart/add/", {"variant": variant, "quantity": "abc"}, form_page="/en/trade/catalogue/")
    assert bad.status_code == 302
    assert "Enter a whole number, 1 or more." in shop.page("/en/trade/catalogue/")
    too_many = shop.post("/en/trade/cart/add/", {"variant": variant, "quantity": "16"},
                         form_page="/en/trade/catalogue/")
    assert too_many.status_code == 302
    assert "More than the stock and what the artisan can make" in shop.page("/en/trade/catalogue/")
    shop.post("/en/trade/cart/add/", {"variant": variant, "quantity": "4"}, form_page="/en/trade/catalogue/")
    cart = shop.page("/en/trade/cart/")
    assert re.search(r"Add €58(\.00)? more from this artisan", cart) and "/en/trade/checkout/" not in cart
    assert shop.get("/en/trade/checkout/").status_code == 200  # reachable, but refused at ordering
    refused = shop.post("/en/trade/checkout/", {"street": "8 rue de Brest", "postal_code": "69002", "city": "Lyon",
                                                "country": "FR", "terms": "DEPOSIT"}, form_page="/en/trade/checkout/")
    assert refused.status_code == 200 and re.search(r"Below this artisan(&#x27;|')s minimum: add €58(\.00)? more",
                                                    refused.text)
    shop.post("/en/trade/cart/", {f"qty-{variant}": "8"}, form_page="/en/trade/cart/")
    cart = shop.page("/en/trade/cart/")
    assert "Minimum reached" in cart and "3 made to order in 6 weeks" in cart and "5 from stock" in cart
    net = shop.post("/en/trade/checkout/", {"street": "8 rue de Brest", "postal_code": "69002", "city": "Lyon",
                                            "country": "FR", "terms": "NET_30"}, form_page="/en/trade/checkout/")
    assert "Net-30 terms are for trusted accounts" in net.text
    placed = shop.post("/en/trade/checkout/", {"street": "8 rue de Brest", "postal_code": "69002", "city": "Lyon",
                                               "country": "FR", "terms": "DEPOSIT", "note": "Before April"},
                       form_page="/en/trade/checkout/")
    assert placed.status_code == 302 and "/en/trade/orders/" in placed.headers["Location"]
    order = shop.page(placed.headers["Location"])
    assert "Awaiting the deposit" in order and "3 made to order in 6 weeks" in order and "proforma.pdf" in order
    assert "Trade order" in shop.page("/en/trade/orders/")


def test_the_order_form_upload_from_the_cart_page(shop, traders, tmp_path):
    from openpyxl import Workbook

    sign_in(shop, traders["verified"], traders["password"], "fr")
    book = Workbook()
    book.active.append(["Commande", None])
    book.active.append(["Réf.", "Qté"])
    book.active.append([traders["piece"].sku, 7])
    book.active.append(["INCONNU-1", 2])
    out = io.BytesIO()
    book.save(out)
    html = shop.page("/fr/trade/cart/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = shop.http.post(shop.base + "/fr/trade/cart/upload/", data={"csrfmiddlewaretoken": token},
                              files={"form": ("commande.xlsx", out.getvalue())},
                              headers={"Referer": shop.base + "/fr/trade/cart/"}, allow_redirects=False)
    assert response.status_code == 302
    cart = shop.page("/fr/trade/cart/")
    assert "a pas été ajouté" in cart and "Ligne 4" in cart and "Référence inconnue : INCONNU-1." in cart
    book.active.delete_rows(4)
    out = io.BytesIO()
    book.save(out)
    shop.http.post(shop.base + "/fr/trade/cart/upload/", data={"csrfmiddlewaretoken": token},
                   files={"form": ("commande.xlsx", out.getvalue())},
                   headers={"Referer": shop.base + "/fr/trade/cart/"}, allow_redirects=False)
    cart = shop.page("/fr/trade/cart/")
    assert "est dans votre panier" in cart and 'value="7"' in cart


def test_apply_then_a_curator_rejects_with_a_reason_read_in_arabic(shop, new_shop, traders):
    email = f"ar-{uuid.uuid4().hex[:8]}@sf-trade.example"
    missing = shop.post("/ar/trade/apply/", {"email": email, "password": "Trade-buyer-2026", "company_name": "",
                                             "country": "", "tax_id": "", "tax_id_kind": "VAT"},
                        form_page="/ar/trade/apply/")
    assert missing.status_code == 200 and 'id="err-company_name"' in missing.text and 'id="err-country"' in missing.text
    applied = shop.post("/ar/trade/apply/", {"email": email, "password": "Trade-buyer-2026",
                                             "company_name": "Dubai Souk Gallery", "country": "AE",
                                             "tax_id": "100234567800003",
                                             "tax_id_kind": "BUSINESS_NUMBER", "shop_kind": "GALLERY",
                                             "website": "souk-gallery.example"}, form_page="/ar/trade/apply/")
    assert applied.status_code == 302 and applied.headers["Location"] == "/ar/trade/"
    assert "قيد التحقق من طرف منسق" in shop.page("/ar/trade/")
    curator = new_shop()
    sign_in(curator, "curateur@demo.maalem.ma", "demo-curator-2026")
    listing = curator.page("/fr/curation/trade/")
    assert "Dubai Souk Gallery" in listing and "100234567800003" in listing
    account = re.search(r'name="account" value="([^"]+)"><input type="hidden" name="name" value="Dubai Souk Gallery">'
                        r'<input type="hidden" name="action" value="reject">', listing).group(1)
    done = curator.post("/fr/curation/trade/", {"account": account, "name": "Dubai Souk Gallery", "action": "reject",
                                                "reason": "NO_RETAIL_ACTIVITY", "note": "Site introuvable"},
                        form_page="/fr/curation/trade/")
    assert done.status_code == 302
    page = shop.page("/ar/trade/")
    assert "لم نجد متجرا أو رواقا أو نشاط توزيع." in page and "Site introuvable" in page
    assert "We could not" not in page


def test_the_artisans_trade_page_in_arabic(shop, traders):
    from demo.data import DEMO_ARTISAN_PASSWORD
    from marketplace.core.graphql.ids import to_global_id

    sign_in(shop, traders["member"], DEMO_ARTISAN_PASSWORD, "ar")
    html = shop.page("/ar/atelier/trade/")
    assert 'dir="rtl"' in html and "المشترون المهنيون" in html and traders["piece"].sku in html
    variant = to_global_id("ProductVariant", traders["piece"].pk)
    refused = shop.post(f"/ar/atelier/trade/variant/{variant}/", {"pack": "x", "capacity": "10", "weeks": "6"},
                        form_page="/ar/atelier/trade/")
    assert refused.status_code == 302
    errors = re.findall(r'<p class="error" role="alert">([^<]+)</p>', shop.page("/ar/atelier/trade/"))
    assert len(errors) == 1 and "0" in errors[0] and not re.search("[A-Za-z]", errors[0])  # in Arabic
    saved = shop.post(f"/ar/atelier/trade/variant/{variant}/", {
        "pack": "2", "capacity": "12", "weeks": "5", "channel": ["trade-eur", "trade-usd"], "price-trade-eur": "21,50",
        "current-trade-eur": "23.00", "price-trade-usd": "", "current-trade-usd": "25.00"},
        form_page="/ar/atelier/trade/")
    assert saved.status_code == 302
    html = shop.page("/ar/atelier/trade/")
    form = re.search(rf'<form[^>]+id="v-{re.escape(variant)}".*?</form>', html, re.S).group(0)
    assert 'class="notice ok flash"' in html and 'value="21.5"' in form and 'value="12"' in form, form


def _main(html: str) -> str:
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def test_makemessages_finds_every_word_of_the_trade_space_translated(tmp_path):
    """Django's own extraction (xgettext) over the trade space's templates and code: nothing untranslated
    or fuzzy in French, Arabic or English."""
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from storefront.core.i18n import untranslated

    root = Path(__file__).resolve().parents[2]
    copy = tmp_path / "storefront"
    shutil.copytree(root / "storefront", copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "storefront.settings", "PYTHONPATH": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "django", "makemessages", "-l", "fr", "-l", "ar", "-l", "en",
                    "--no-obsolete"], cwd=copy / "trade", env=env, check=True, capture_output=True)
    for language in ("fr", "ar", "en"):
        assert untranslated(copy / "trade" / "locale" / language / "LC_MESSAGES" / "django.po") == [], language
