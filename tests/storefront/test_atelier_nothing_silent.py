"""The artisan space says why, in the artisan's language, whenever something does not go through: every photo
upload path with real files (a 12 MP phone JPEG, a truncated JPEG, a PNG bomb, an empty file); a price change
that would send a published piece to review, said before it is saved; a rejected piece's reasons on the piece,
with "send again for review"; pickup orders handed over with a note; the payout statement served through the
artisan's session; drafts to continue and to delete."""

from __future__ import annotations

import html as htmllib
import re

import pytest
from atelier_pages import make_products, post_files, reject, sign_in
from committed import in_thread
from photo_files import EMPTY, phone_jpeg, png_bomb, truncated_jpeg

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db


def kind_id(slug: str = "tajine") -> str:
    from marketplace.catalog.models import ProductType

    return to_global_id("ProductType", in_thread(lambda: ProductType.objects.get(slug=slug).pk))


def drafts_of(artisan) -> int:
    from marketplace.catalog.models import Product

    return in_thread(lambda: Product.objects.filter(artisan=artisan, channel_listings__isnull=True).count())


def photo_errors(html: str) -> str:
    found = re.search(r'id="err-photos" role="alert">(.*?)</div>', html, re.S)
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", found.group(1))) if found else ""


def test_every_upload_path_says_why_with_real_files(new_shop, artisans, cleanup_products):
    shop = new_shop()
    sign_in(shop, *artisans["b_login"])
    before = drafts_of(artisans["b"])
    tajine = kind_id()

    # A PNG bomb as the first photo: refused with why, the kind still chosen, no empty draft left.
    bomb = post_files(shop, "/ar/atelier/new/", {"kind": tajine}, [("photos", ("bomb.png", png_bomb(), "image/png"))])
    assert bomb.status_code == 200
    assert "bomb.png" in photo_errors(bomb.text) and "كبيرة جدًا" in photo_errors(bomb.text)
    assert f'value="{tajine}" checked' in bomb.text
    assert drafts_of(artisans["b"]) == before
    # An empty file: said to be empty, not "add at least one photo".
    empty = post_files(shop, "/fr/atelier/new/", {"kind": tajine}, [("camera", ("IMG_0001.jpg", EMPTY, "image/jpeg"))])
    assert "IMG_0001.jpg : Le fichier est vide" in photo_errors(empty.text)
    assert "au moins une photo" not in photo_errors(empty.text)
    # The same through atelier.js's JSON answers.
    answer = shop.http.post(shop.base + "/fr/atelier/new/", files=[("photos", ("bomb.png", png_bomb(), "image/png"))],
                            data={"kind": tajine, "csrfmiddlewaretoken": re.search(
                                r'name="csrfmiddlewaretoken" value="([^"]+)"', shop.page("/fr/atelier/new/")).group(1)},
                            headers={"Accept": "application/json", "Referer": shop.base + "/fr/atelier/new/"},
                            timeout=120).json()
    assert "trop de pixels" in answer["errors"]["photos"][0]

    # A truncated JPEG: its header is sound, the pipeline finds the damage; the photo stays, FAILED, with why.
    cut = post_files(shop, "/fr/atelier/new/", {"kind": tajine}, [("photos", ("IMG_0002.jpg", truncated_jpeg(),
                                                                              "image/jpeg"))])
    assert cut.status_code == 302
    photos_path = cut.headers["Location"]
    page = htmllib.unescape(shop.page(photos_path))
    failed = re.findall(r'<li class="photo" data-status="FAILED">(.*?)</li>', page, re.S)
    assert len(failed) == 1 and "abîmée ou incomplète" in failed[0]
    assert "Réessayer" in failed[0] and "Retirer cette photo" in failed[0]
    assert "Suite : la pièce" not in page  # nothing ready yet
    # The same file again: not "already on this piece"; the failed copy is replaced.
    again = post_files(shop, photos_path, {}, [("photos", ("IMG_0002.jpg", truncated_jpeg(), "image/jpeg"))])
    assert again.status_code == 302
    page = htmllib.unescape(shop.page(photos_path))
    assert page.count('data-status="FAILED"') == 1 and "déjà sur cette pièce" not in page
    media = re.search(r'name="media" value="([^"]+)"', page).group(1)
    retried = shop.post(f"{photos_path}retry/", {"media": media}, form_page=photos_path)
    assert retried.status_code == 302
    assert "abîmée ou incomplète" in htmllib.unescape(shop.page(photos_path))  # the same reason, again
    # A 12 MP phone photo: ready, before and after.
    good = post_files(shop, photos_path, {}, [("camera", ("IMG_0003.jpg", phone_jpeg(), "image/jpeg"))])
    assert good.status_code == 302
    page = htmllib.unescape(shop.page(photos_path))
    assert page.count('data-status="READY"') == 1 and "Suite : la pièce" in page
    removed = shop.post(f"{photos_path}delete/", {"media": media}, form_page=photos_path)
    assert removed.status_code == 302 and 'data-status="FAILED"' not in shop.page(photos_path)

    # The profile's photos: a workshop photo (4:3) from the phone; each bad file named with why, in Arabic.
    workshop = post_files(shop, "/ar/atelier/profile/", {"action": "photo", "kind": "WORKSHOP"},
                          [("image", ("IMG_0004.jpg", phone_jpeg(), "image/jpeg"))])
    assert workshop.status_code == 302
    for name, data, why in (("bomb.png", png_bomb(), "كبيرة جدًا"), ("cut.jpg", truncated_jpeg(), "تالفة"),
                            ("empty.jpg", EMPTY, "فارغ")):
        refused = post_files(shop, "/ar/atelier/profile/", {"action": "photo", "kind": "PORTRAIT"},
                             [("image", (name, data, "image/jpeg"))])
        assert refused.status_code == 200
        message = re.search(r'id="err-image" role="alert"><p>([^<]+)</p>', refused.text)
        assert message and why in htmllib.unescape(message.group(1)), (name, refused.text[-2000:])


def test_a_price_change_for_review_is_said_before_saving(new_shop, artisans, cleanup_products, settings):
    from marketplace.catalog.models import Product

    pk = make_products(artisans["a"], [("Plat à prix suivi", "APPROVED", "", "")], price_mad="400")[0]
    product = to_global_id("Product", pk)
    shop = new_shop()
    sign_in(shop, *artisans["a_login"])
    path = f"/fr/atelier/p/{product}/price/"
    form = htmllib.unescape(shop.page(path)).replace("\u202f", " ").replace("\xa0", " ")
    assert "Entre 320 MAD et 480 MAD, un nouveau prix est affiché tout de suite" in form
    warned = shop.post(path, {"price": "600", "quantity": "3", "action": "save"})
    assert warned.status_code == 200 and 'id="price-warning"' in warned.text
    assert "Enregistrer et envoyer en vérification" in htmllib.unescape(warned.text)
    assert 'value="600"' in warned.text  # what was typed stays
    assert in_thread(lambda: Product.objects.get(pk=pk).review_status) == "APPROVED"  # nothing saved yet
    confirmed = shop.post(path, {"price": "600", "quantity": "3", "confirm": "review"})
    assert confirmed.status_code == 302
    assert in_thread(lambda: Product.objects.get(pk=pk).review_status) == "PENDING"
    assert "le ministère vérifie le changement" in htmllib.unescape(shop.page("/fr/atelier/products/"))
    # Within the band: saved at once, and said so.
    pk2 = make_products(artisans["a"], [("Plat à petit changement", "APPROVED", "", "")], price_mad="400")[0]
    small = shop.post(f"/fr/atelier/p/{to_global_id('Product', pk2)}/price/",
                      {"price": "420", "quantity": "3", "action": "save"})
    assert small.status_code == 302
    assert "les acheteurs voient dès maintenant" in htmllib.unescape(shop.page("/fr/atelier/products/"))


def test_a_rejected_piece_says_why_in_arabic_and_goes_back_to_review(new_shop, artisans, cleanup_products):
    from marketplace.catalog.models import Product

    pk = make_products(artisans["a"], [("Plat à corriger", "PENDING", "New listing", "")], price_mad="400")[0]
    reject(pk, ["PHOTO_UNCLEAR", "MISSING_DIMENSIONS"], "La photo de dos est floue.")
    product = to_global_id("Product", pk)
    shop = new_shop()
    sign_in(shop, *artisans["a_login"])
    for screen in ("photos", "details", "price"):
        page = htmllib.unescape(shop.page(f"/ar/atelier/p/{product}/{screen}/"))
        banner = page[page.index('<section class="rejection"'):]
        banner = banner[:banner.index("</section>")]
        assert "الصورة غير واضحة أو مظلمة" in banner and "الأبعاد ناقصة" in banner  # preset reasons, in Arabic
        assert "ضوء النهار" in banner  # what to do about it
        assert "<bdi>La photo de dos est floue.</bdi>" in banner  # the curator's note, isolated
        assert "أرسل من جديد للمراجعة" in banner
    # Saving the price again says the piece is still rejected (it is not "saved" and done).
    saved = shop.post(f"/fr/atelier/p/{product}/price/", {"price": "410", "quantity": "3", "action": "save"})
    assert saved.status_code == 302 and saved.headers["Location"] == f"/fr/atelier/p/{product}/price/"
    assert "La pièce est toujours refusée" in htmllib.unescape(shop.page(saved.headers["Location"]))
    sent = shop.post(f"/fr/atelier/p/{product}/resubmit/", {}, form_page=f"/fr/atelier/p/{product}/price/")
    assert sent.status_code == 302
    assert in_thread(lambda: Product.objects.get(pk=pk).review_status) == "PENDING"


def test_home_offers_the_draft_to_continue_and_drafts_can_be_deleted(new_shop, artisans, cleanup_products):
    from marketplace.catalog.models import Product

    draft, listed = make_products(artisans["a"], [("Brouillon à finir", "PENDING", "New listing", "price"),
                                                  ("Pièce publiée", "APPROVED", "", "")])
    shop = new_shop()
    sign_in(shop, *artisans["a_login"])
    home = shop.page("/ar/atelier/")
    draft_id = to_global_id("Product", draft)
    assert f'href="/ar/atelier/p/{draft_id}/price/"' in home and "أكمل مسودتك" in home
    assert f'<bdi dir="ltr">{artisans["a_login"][0]}</bdi>' in home  # the e-mail isolated from the Arabic
    confirm = shop.page(f"/fr/atelier/p/{draft_id}/delete/")
    assert "Oui, supprimer le brouillon" in confirm
    deleted = shop.post(f"/fr/atelier/p/{draft_id}/delete/", {})
    assert deleted.status_code == 302 and not in_thread(lambda: Product.objects.filter(pk=draft).exists())
    kept = shop.post(f"/fr/atelier/p/{to_global_id('Product', listed)}/delete/", {},
                     form_page=f"/fr/atelier/p/{to_global_id('Product', listed)}/photos/")
    assert kept.status_code == 302 and in_thread(lambda: Product.objects.filter(pk=listed).exists())


@pytest.fixture
def pickup_order(artisans, api_server):
    """A cash-on-delivery order collected at artisan A's workshop, of a piece with an Arabic name."""

    def work():
        from decimal import Decimal

        from django.db import connection

        from marketplace.catalog.models import ProductTranslation, ProductVariant
        from marketplace.channels.models import Channel
        from marketplace.orders.models import Fulfillment, Order, OrderLine

        artisan = artisans["a"]
        variant = ProductVariant.objects.filter(product__artisan=artisan).select_related("product").first()
        ProductTranslation.objects.update_or_create(product=variant.product, language_code="ar",
                                                    defaults={"name": "قطعة للاستلام"})
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval('orders_order_number_seq')")
            number = cursor.fetchone()[0]
        price = Decimal("430.00")
        order = Order.objects.create(number=number, channel=Channel.objects.get(slug="touristes"),
                                     user_email="emma@example.co.uk", payment_method="COD", currency="MAD",
                                     subtotal_gross=price, subtotal_net=price, total_gross=price, total_net=price,
                                     collection_point=artisan.warehouse, collection_point_name=artisan.warehouse.name)
        fulfillment = Fulfillment.objects.create(order=order, artisan=artisan, fulfillment_order=1,
                                                 warehouse=artisan.warehouse)
        OrderLine.objects.create(order=order, fulfillment=fulfillment, artisan=artisan, variant=variant,
                                 product_name=variant.product.name, quantity=1, currency="MAD", unit_price_gross=price,
                                 unit_price_net=price, total_price_gross=price, total_price_net=price)
        return order.pk, order.number, to_global_id("Fulfillment", fulfillment.pk), variant.product.name

    made = in_thread(work)
    yield made
    in_thread(lambda: __import__("marketplace.orders.models", fromlist=["Order"]).Order.objects
              .filter(pk=made[0]).delete())


def test_a_pickup_order_is_handed_over_with_a_note(new_shop, artisans, pickup_order):
    _pk, number, fulfillment, french_name = pickup_order
    shop = new_shop()
    sign_in(shop, *artisans["a_login"])
    page = htmllib.unescape(shop.page("/ar/atelier/orders/"))
    block = page[page.index(f'id="order-{number}"'):]
    block = block[:block.index("</li>")]
    assert "قطعة للاستلام" in block and french_name not in block  # the piece's Arabic name
    assert 'name="note"' in block and 'name="tracking"' not in block and "تم التسليم" in block
    done = shop.post(f"/ar/atelier/orders/{fulfillment}/ship/", {"handover": "1", "note": "سُلّمت لإيما في الورشة"},
                     form_page="/ar/atelier/orders/")
    assert done.status_code == 302
    after = htmllib.unescape(shop.page("/ar/atelier/orders/"))
    block = after[after.index(f'id="order-{number}"'):]
    assert "<bdi>سُلّمت لإيما في الورشة</bdi>" in block[:block.index("</li>")]
    assert "تم تسجيل التسليم" in after


def test_the_payout_statement_opens_through_the_session(new_shop, artisans, committed_piece):
    piece = committed_piece("900")

    def order_and_batch():
        from decimal import Decimal

        from django.db import connection

        from marketplace.accounts.models import User
        from marketplace.channels.models import Channel
        from marketplace.orders.models import Fulfillment, Order, OrderLine
        from marketplace.payouts.services import create_batch, mark_batch_paid, record_sales

        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval('orders_order_number_seq')")
            number = cursor.fetchone()[0]
        price = Decimal("900.00")
        order = Order.objects.create(number=number, channel=Channel.objects.get(slug="maroc"),
                                     user_email="b@example.ma",
                                     payment_method="COD", currency="MAD", subtotal_gross=price, subtotal_net=price,
                                     total_gross=price, total_net=price, total_charged=price)
        fulfillment = Fulfillment.objects.create(order=order, artisan=piece.artisan, fulfillment_order=1,
                                                 stage="SHIPPED")
        OrderLine.objects.create(order=order, fulfillment=fulfillment, artisan=piece.artisan,
                                 variant=piece.variants.first(), product_name=piece.name, quantity=1, currency="MAD",
                                 unit_price_gross=price, unit_price_net=price, total_price_gross=price,
                                 total_price_net=price, artisan_total_mad=price)
        record_sales(order)
        admin = User.objects.get(email="admin@demo.maalem.ma")
        batch = create_batch("MAD", admin)
        mark_batch_paid(batch, admin, "VIR-TEST")
        return to_global_id("PayoutBatch", batch.pk)

    batch_id = in_thread(order_and_batch)
    shop = new_shop()
    sign_in(shop, *artisans["a_login"])
    page = shop.page("/ar/atelier/payouts/")
    link = f"/ar/atelier/payouts/{batch_id}/statement.pdf"
    assert f'href="{link}"' in page and ":8000" not in page and "/payouts/batches/" not in page
    pdf = shop.get(link)
    assert pdf.status_code == 200 and pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    other = new_shop()
    sign_in(other, *artisans["b_login"])
    assert other.get(link).status_code == 404  # another artisan's statement is not found
    anonymous = new_shop().get(link)
    assert anonymous.status_code == 200 and b"%PDF" not in anonymous.content  # the sign-in invitation
