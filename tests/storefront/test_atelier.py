"""/atelier/ through the running storefront: the gate, the three-screen listing flow with a real photo,
field errors that keep what was typed, the products' statuses, quick stock, orders to ship with customs
data, payouts, and an artisan never seeing another artisan's products or orders."""

from __future__ import annotations

import html as htmllib
import re
from decimal import Decimal

import pytest
from atelier_pages import errors_of, make_products, photo_bytes, post_files, reject, sign_in
from committed import in_thread

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db
BUYER = ("client@demo.maalem.ma", "demo-buyer-2026")


def test_the_gate_invites_to_sign_in_and_refuses_buyers(shop, new_shop, artisans):
    anonymous = shop.get("/fr/atelier/products/")
    assert anonymous.status_code == 200
    assert 'href="/fr/maroc/account/sign-in/?next=/fr/atelier/products/"' in anonymous.text
    assert "Se connecter à l’espace artisan" in htmllib.unescape(anonymous.text)
    assert 'name="quantity"' not in anonymous.text
    buyer = new_shop()
    sign_in(buyer, *BUYER)
    refused = buyer.get("/ar/atelier/")
    assert refused.status_code == 403
    assert 'dir="rtl"' in refused.text and BUYER[0] in refused.text
    member = new_shop()
    landing = sign_in(member, *artisans["a_login"], next_path="/fr/atelier/orders/")
    assert landing.headers["Location"] == "/fr/atelier/orders/"
    # Only paths of this site are followed after signing in.
    elsewhere = new_shop()
    assert sign_in(elsewhere, *BUYER, next_path="//evil.example/").headers["Location"] == "/fr/maroc/account/"
    home = member.page("/fr/atelier/")
    assert artisans["a"].name in home and "/fr/atelier/new/" in home


def test_three_screens_from_photos_to_review(new_shop, artisans, cleanup_products):
    shop = new_shop()
    sign_in(shop, *artisans["b_login"])
    from marketplace.catalog.models import ProductType

    kind = ProductType.objects.get(slug="tajine")
    kind_id = to_global_id("ProductType", kind.pk)
    # Screen 1, bad input: no kind, no photo.
    response = post_files(shop, "/fr/atelier/new/", {"kind": ""}, [])
    assert response.status_code == 200
    assert re.search(r'id="err-kind" role="alert"><p>Choisissez le type de pièce : touchez son image.</p>',
                     htmllib.unescape(response.text))
    assert re.search(r'id="err-photos" role="alert"><p>Ajoutez au moins une photo de la pièce.</p>', response.text)
    assert '<fieldset class="kinds invalid"' in response.text
    # The kinds are pictures with their names; the tajine's is one of them.
    assert re.search(rf'<input type="radio" name="kind" value="{re.escape(kind_id)}" required>'
                     r'<svg class="kind-picture"[^>]*><path d="[^"]+"/></svg><span>Tajine</span>', response.text)
    # A real photo: the product is created as a draft, the photo goes through the pipeline.
    response = post_files(shop, "/fr/atelier/new/", {"kind": kind_id},
                          [("camera", ("tajine.jpg", photo_bytes(2), "image/jpeg"))])
    assert response.status_code == 302, errors_of(response.text)
    photos_path = response.headers["Location"]
    product_id = re.match(r"/fr/atelier/p/([^/]+)/photos/$", photos_path).group(1)
    page = shop.page(photos_path)
    assert "Avant" in page and "Après" in page and "/100" in page
    assert re.search(r'<img src="http://[^"]+before\.jpg"', page)
    assert 'accept="image/*" capture="environment"' in page
    assert re.search(r'<label class="pick">.*?<span>Prendre une photo</span><input class="file" name="camera"', page)
    # A file that is not a photo: a message next to the photo field; the first photo stays.
    response = post_files(shop, photos_path, {}, [("photos", ("notes.jpg", b"%PDF-1.4 nope" * 40, "image/jpeg"))])
    assert response.status_code == 200
    assert "notes.jpg" in htmllib.unescape(response.text) and 'id="err-photos"' in response.text
    assert response.text.count('class="photo"') == 1
    # Screen 2: no name, a wrong size: errors next to the fields, the description is kept.
    details = f"/fr/atelier/p/{product_id}/details/"
    form = shop.page(details)
    category = re.search(r'<option value="([^"]+)" selected>Tajines</option>', form).group(1)  # from the kind
    assert "Métier : Tajines" in htmllib.unescape(form) and "Un autre métier ?" in htmllib.unescape(form)
    # The tajine's usual materials first; wool is among the others, folded away.
    usual = form[:form.index("Autres choix : Matériau")]
    assert "<span>Argile</span>" in usual and "<span>Laine</span>" not in usual
    assert "<span>Laine</span>" in form
    bad = shop.post(details, {"name_fr": "", "name_ar": "", "category": category, "attr-diametre-cm": "grand",
                              "description_fr": "Tourné à la main à Safi."})
    assert bad.status_code == 200
    errors = errors_of(bad.text)
    assert errors["name_fr"] == "Donnez un nom à la pièce, en français ou en arabe."
    assert "centimètres" in errors["attr-diametre-cm"]
    assert "Tourné à la main à Safi." in htmllib.unescape(bad.text) and 'value="grand"' in bad.text
    material = re.search(r'name="attr-materiau" value="([^"]+)"><span>Argile', form).group(1)
    good = shop.post(details, {"name_fr": "Tajine de Safi", "name_ar": "طاجين آسفي", "category": category,
                               "attr-materiau": material, "attr-diametre-cm": "32,5",
                               "description_fr": "Tourné à la main à Safi.", "description_ar": "مصنوع يدويا"})
    assert good.status_code == 302 and good.headers["Location"] == f"/fr/atelier/p/{product_id}/price/"
    # Screen 3: a price that is not a number is refused and kept; the suggestions come from the rule.
    price_path = good.headers["Location"]
    bad = shop.post(price_path, {"price": "cher", "unique": "on", "price-export": "", "price-export-usd": "",
                                 "action": "save"})
    assert bad.status_code == 200 and errors_of(bad.text)["price"] and 'value="cher"' in bad.text
    suggest = shop.post(price_path, {"price": "420", "unique": "on", "action": "suggest"})
    assert "Suggéré : 48,50" in htmllib.unescape(suggest.text).replace("\u202f", " ").replace("\xa0", " ")
    saved = shop.post(price_path, {"price": "420", "unique": "on", "price-export": "", "price-export-usd": "55",
                                   "quantity": "1", "action": "save"})
    assert saved.status_code == 302 and saved.headers["Location"] == "/fr/atelier/products/"
    listing = shop.page("/fr/atelier/products/")
    row = re.search(rf'<li class="item" id="product-{re.escape(product_id)}" data-status="(\w+)">', listing)
    assert row and row.group(1) == "review" and "Tajine de Safi" in listing

    def check():
        from marketplace.catalog.models import Product

        product = Product.objects.get(name="Tajine de Safi", artisan=artisans["b"])
        variant = product.variants.get()
        prices = {lst.channel.slug: (lst.price_amount, lst.price_overridden) for lst in variant.channel_listings.all()}
        assert product.slug == "tajine-de-safi", product.slug  # from its first real name, not the provisional one
        return (product.review_status, product.product_type.slug, product.category.name,
                product.translations.get(language_code="ar").name, variant.is_one_of_a_kind,
                variant.stocks.get().quantity, prices, product.media.count(),
                sorted((a.value.attribute.slug, a.value.name) for a in product.attribute_values.all()))

    status, kind_slug, craft, ar_name, unique, quantity, prices, photos, attributes = in_thread(check)
    assert (status, kind_slug, craft, ar_name, unique, quantity, photos) == (
        "PENDING", "tajine", "Tajines", "طاجين آسفي", True, 1, 1)
    assert attributes == [("diametre-cm", "32.5"), ("materiau", "Argile")]
    assert prices["maroc"] == (Decimal("420.00"), True) and prices["touristes"][0] == Decimal("420.00")
    assert prices["export"] == (Decimal("48.50"), False) and prices["export-usd"] == (Decimal("55.00"), True)


def test_my_products_show_each_status_and_only_mine(new_shop, artisans, cleanup_products):
    a_pks = make_products(artisans["a"], [("Plat brouillon", "PENDING", "New listing", "details"),
                                          ("Plat en attente", "PENDING", "New listing", "submitted"),
                                          ("Plat refusé", "PENDING", "New listing", ""),
                                          ("Plat publié", "APPROVED", "", "")])
    reject(a_pks[2], ["PHOTO_UNCLEAR"], "Photo floue : reprenez-la de jour.")
    a = new_shop()
    sign_in(a, *artisans["a_login"])
    page = a.page("/fr/atelier/products/")
    statuses = dict((htmllib.unescape(name), status) for status, name in re.findall(
        r'data-status="(\w+)">.*?<h2 class="name">([^<]+)</h2>', page, re.S))
    assert {k: v for k, v in statuses.items() if k.startswith("Plat ")} == {
        "Plat brouillon": "draft", "Plat en attente": "review", "Plat refusé": "rejected", "Plat publié": "published"}
    assert "Photo floue ou trop sombre" in htmllib.unescape(page)
    assert "Photo floue : reprenez-la de jour." in htmllib.unescape(page)
    draft_id = to_global_id("Product", a_pks[0])
    assert f'href="/fr/atelier/p/{draft_id}/details/"' in page  # "carry on" where the draft stopped
    assert f'href="/fr/atelier/p/{draft_id}/delete/"' in page  # a draft can be deleted
    rejected_only = a.page("/fr/atelier/products/?status=rejected")
    assert "Plat refusé" in htmllib.unescape(rejected_only) and "Plat publié" not in rejected_only
    drafts = a.page("/fr/atelier/products/?status=draft")
    assert "Plat brouillon" in drafts and "Plat en attente" not in drafts
    # Each tab says how many it holds (the drafts tab, its drafts only).
    counts = dict(re.findall(r'<a href="\?status=(\w*)"[^>]*>[^<]+<span class="count">(\d+)</span>', page))
    expected = in_thread(lambda: __import__("marketplace.catalog.models", fromlist=["Product"]).Product.objects
                         .filter(artisan=artisans["a"], channel_listings__isnull=True).count())
    assert int(counts["draft"]) == expected and int(counts[""]) > int(counts["draft"])
    arabic = a.page("/ar/atelier/products/")
    assert 'dir="rtl"' in arabic and "مرفوضة" in arabic and "مسودة" in arabic
    assert "الصورة غير واضحة أو مظلمة" in arabic  # the preset reason, in Arabic

    b = new_shop()
    sign_in(b, *artisans["b_login"])
    assert "Plat " not in htmllib.unescape(b.page("/fr/atelier/products/"))
    for screen in ("photos", "details", "price"):
        assert b.get(f"/fr/atelier/p/{draft_id}/{screen}/").status_code == 404
    # B's quick stock form aimed at A's variant changes nothing.
    variant = in_thread(lambda: __import__("marketplace.catalog.models", fromlist=["ProductVariant"])
                        .ProductVariant.objects.get(product_id=a_pks[3]).pk)
    variant_id = to_global_id("ProductVariant", variant)
    refused = b.post(f"/fr/atelier/stock/{variant_id}/", {"quantity": "0"}, form_page="/fr/atelier/new/")
    assert refused.status_code in (400, 403)
    stock = in_thread(lambda: __import__("marketplace.inventory.models", fromlist=["Stock"])
                      .Stock.objects.get(product_variant_id=variant).quantity)
    assert stock == 3


def test_quick_stock_edit_keeps_bad_input_next_to_its_field(new_shop, artisans, cleanup_products):
    pks = make_products(artisans["a"], [("Plat à stock", "APPROVED", "", "")])
    variant = in_thread(lambda: __import__("marketplace.catalog.models", fromlist=["ProductVariant"])
                        .ProductVariant.objects.get(product_id=pks[0]).pk)
    variant_id = to_global_id("ProductVariant", variant)
    shop = new_shop()
    sign_in(shop, *artisans["a_login"])
    bad = shop.post(f"/fr/atelier/stock/{variant_id}/", {"quantity": "deux"}, form_page="/fr/atelier/products/")
    assert bad.status_code == 200
    assert re.search(r'<input id="q-\d+" name="quantity" inputmode="numeric" value="deux" aria-invalid="true"',
                     bad.text)
    assert "Indiquez un nombre entier, 0 ou plus." in bad.text
    good = shop.post(f"/fr/atelier/stock/{variant_id}/", {"quantity": "5", "back": "/fr/atelier/products/"},
                     form_page="/fr/atelier/products/")
    assert good.status_code == 302 and good.headers["Location"] == "/fr/atelier/products/"
    assert in_thread(lambda: __import__("marketplace.inventory.models", fromlist=["Stock"])
                     .Stock.objects.get(product_variant_id=variant).quantity) == 5
    assert "Stock enregistré." in shop.page("/fr/atelier/products/")


FR = {"first_name": "Claire", "last_name": "Martin", "street_address_1": "8 rue de la Paix", "city": "Paris",
      "postal_code": "75002", "phone": "+33142000000"}


def buy_for_export(shop, piece) -> None:
    """A buyer orders the piece in the export market (France, bank transfer), through the shop's forms."""
    variant = in_thread(lambda: piece.variants.first())
    page = f"/en/export/p/{piece.slug}/"
    assert shop.post("/en/export/cart/add/", {"product": to_global_id("Product", piece.pk), "variant": to_global_id(
        "ProductVariant", variant.pk), "quantity": "1"}, form_page=page).status_code == 302
    assert shop.post("/en/export/checkout/start/", {}, form_page="/en/export/cart/").status_code == 302
    response = shop.post("/en/export/checkout/", {"step": "address", "country": "FR", "email": "claire@example.fr",
                                                  **FR}, form_page="/en/export/checkout/?country=FR")
    assert response.status_code == 302, re.findall(r'class="error"[^>]*>([^<]+)', response.text)
    checkout = shop.page("/en/export/checkout/")
    delivery = re.search(r'name="delivery" value="([^"]+)"', checkout).group(1)
    response = shop.post("/en/export/checkout/", {"step": "pay", "delivery": delivery,
                                                  "gateway": "maalem.payments.bank-transfer"},
                         form_page="/en/export/checkout/")
    assert response.status_code == 302, re.findall(r'class="error"[^>]*>([^<]+)', response.text)


def mark_paid(api_server, document, order_token: str) -> None:
    """The ministry's team records the bank transfer, through the API (orderMarkAsPaid, as an admin)."""
    import requests

    url = f"{api_server.url}/graphql/"
    token = requests.post(url, json={"query": document("storefront/graphql/saleor/TokenCreate.graphql"), "variables": {
        "email": "admin@demo.maalem.ma", "password": "demo-admin-2026"}},
        timeout=30).json()["data"]["tokenCreate"]["token"]
    result = requests.post(url, json={"query": document("storefront/graphql/saleor/OrderMarkAsPaid.graphql"),
                                      "variables": {"id": to_global_id("Order", order_token)}},
                           headers={"Authorization": f"Bearer {token}"}, timeout=30).json()
    assert result["data"]["orderMarkAsPaid"]["errors"] == [], result


def order_block(shop, number: str) -> str:
    page = htmllib.unescape(shop.page("/fr/atelier/orders/"))
    block = page[page.index(f'id="order-{number}"'):]
    return block[:block.index("</li>")]


def test_orders_to_ship_with_customs_data_and_tracking(new_shop, artisans, committed_piece, api_server, doc):
    piece = committed_piece("1800")
    buy_for_export(new_shop(), piece)
    order_token, order_number = in_thread(
        lambda: __import__("marketplace.orders.models", fromlist=["Order"])
        .Order.objects.values_list("token", "number").get(lines__variant__product=piece))
    other = new_shop()
    sign_in(other, *artisans["b_login"])
    assert f'id="order-{order_number}"' not in other.page("/fr/atelier/orders/")

    shop = new_shop()
    sign_in(shop, *artisans["a_login"])
    block = order_block(shop, order_number)
    address = block[block.index("card-address"):block.index("</address>")]
    assert "Claire Martin" in address and "8 rue de la Paix" in address and "75002" in address, address
    assert "Données de douane pour l’export" in block and "570110" in block and piece.name in block
    # A bank transfer not received yet: nothing to ship.
    assert "Attendez que l’acheteur ait payé avant d’expédier." in block and "/ship/" not in block
    mark_paid(api_server, doc, str(order_token))
    block = order_block(shop, order_number)
    fulfillment = re.search(r'action="/fr/atelier/orders/([^/]+)/ship/"', block).group(1)
    missing = shop.post(f"/fr/atelier/orders/{fulfillment}/ship/", {"tracking": ""}, form_page="/fr/atelier/orders/")
    assert missing.status_code == 200
    assert "Indiquez le numéro de suivi donné par le transporteur." in htmllib.unescape(missing.text)
    assert re.search(r'name="tracking" dir="ltr" autocomplete="off" value="" aria-invalid="true"', missing.text)
    # Another artisan cannot ship it.
    assert other.post(f"/fr/atelier/orders/{fulfillment}/ship/", {"tracking": "X"},
                      form_page="/fr/atelier/new/").status_code in (400, 403)
    shipped = shop.post(f"/fr/atelier/orders/{fulfillment}/ship/", {"tracking": "CP123456789MA"},
                        form_page="/fr/atelier/orders/")
    assert shipped.status_code == 302, errors_of(shipped.text) or re.findall(r'class="error"[^>]*>([^<]+)',
                                                                             shipped.text)
    stage = in_thread(lambda: __import__("marketplace.orders.models", fromlist=["Order"]).Order.objects.get(
        number=order_number).fulfillments.values_list("stage", "tracking_number").get())
    assert stage == ("SHIPPED", "CP123456789MA")
    after = shop.page("/fr/atelier/orders/")
    assert "CP123456789MA" in after and "Marquée comme expédiée : l’acheteur est prévenu." in htmllib.unescape(after)


def test_payouts_and_profile_pages(new_shop, artisans):
    shop = new_shop()
    sign_in(shop, *artisans["a_login"])
    payouts = htmllib.unescape(shop.page("/ar/atelier/payouts/"))
    assert "مستحقاتي" in payouts and "الكشوفات" in payouts
    profile = shop.page("/en/atelier/profile/")
    assert 'name="story_ar"' in profile and artisans["a"].name in htmllib.unescape(profile)
    too_long = shop.post("/en/atelier/profile/", {"action": "story", "story_fr": "x" * 5001, "story_en": "Kept."})
    assert too_long.status_code == 200
    assert errors_of(too_long.text)["story_fr"] == "At most 5000 characters." and "Kept." in too_long.text
    not_a_photo = post_files(shop, "/en/atelier/profile/", {"action": "photo", "kind": "WORKSHOP"},
                             [("image", ("atelier.jpg", b"GIF89a not really" * 30, "image/jpeg"))])
    assert not_a_photo.status_code == 200
    assert re.search(r'id="err-image" role="alert"><p>This file is not a photo we accept', not_a_photo.text)
    assert 'id="id-image" name="image" type="file" accept="image/*" aria-invalid="true"' in not_a_photo.text
    assert '<input type="radio" name="kind" value="WORKSHOP" checked>' in not_a_photo.text  # the choice stays
