"""The artisan space in a phone's browser (360 px, Arabic, right to left), as an artisan who reads little uses
it: from the atelier home to a piece "in review" by pictures and few taps (counted, with the characters
typed); a photo sent the moment it is picked, resized on the phone, with a progress bar; photos that fail
say why, in Arabic, with "try again" and "remove"; a rejected piece says why on the piece and goes back to
review; a price change for review is said before it is saved; pickup orders are handed over; the payout
statement opens through the session. axe-core finds no serious problem and nothing scrolls sideways."""

from __future__ import annotations

import json
import re

import pytest
from atelier_pages import make_products, reject
from committed import in_thread
from photo_files import phone_jpeg, png_bomb, truncated_jpeg

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def member(api_server):
    """A demo artisan member's login; the products it lists here are removed afterwards."""
    from django.utils import timezone

    from demo.data import DEMO_ARTISAN_PASSWORD

    def pick():
        from marketplace.artisans.models import Artisan

        artisan = Artisan.objects.filter(verification_status="VERIFIED", warehouse__isnull=False).order_by("pk")[1]
        return artisan, artisan.memberships.select_related("user").first().user.email

    artisan, email = in_thread(pick)
    started = timezone.now()
    yield artisan, email, DEMO_ARTISAN_PASSWORD

    def cleanup():
        from marketplace.catalog.models import Product

        Product.objects.filter(artisan_id=artisan.pk, created_at__gte=started).delete()

    in_thread(cleanup)


class Gestures:
    """Counts what the artisan does: taps (a click, a check, picking a photo) and characters typed."""

    def __init__(self, page):
        self.page, self.taps, self.typed = page, 0, 0

    def tap(self, locator) -> None:
        locator.click()
        self.taps += 1

    def type(self, locator, text: str) -> None:
        self.tap(locator)  # the field is touched first
        locator.fill(text)
        self.typed += len(text)

    def take_photo(self, pick, path) -> None:
        """Touch the photo button, then the camera's shutter (the file chooser stands for the camera)."""
        with self.page.expect_file_chooser() as chooser:
            self.tap(pick)
        chooser.value.set_files(str(path))
        self.taps += 1


def sign_in(page, email: str, password: str, lang: str = "ar") -> None:
    page.goto(f"/{lang}/maroc/account/sign-in/?next=/{lang}/atelier/")
    page.locator("#id-email").fill(email)
    page.locator("#id-password").fill(password)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{lang}/atelier/$"))


def received_photo(artisan) -> tuple[int, tuple[int, int]]:
    """The bytes and pixel size of the artisan's latest photo as the API received it (its private original)."""
    import io

    from PIL import Image

    from marketplace.media.models import ProductMedia
    from marketplace.media.services import private_storage

    media = ProductMedia.objects.filter(product__artisan=artisan).order_by("-pk").first()
    with private_storage().open(media.original, "rb") as handle:
        data = handle.read()
    return len(data), Image.open(io.BytesIO(data)).size


def no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url


def test_from_the_atelier_home_to_in_review_by_pictures_counting_taps(phone, accessible, artifacts, member, tmp_path):
    artisan, email, password = member
    page = phone
    sign_in(page, email, password)
    assert page.locator("html").get_attribute("dir") == "rtl"
    accessible(page)
    no_sideways_scroll(page)
    photo = tmp_path / "IMG_2041.jpg"
    photo.write_bytes(phone_jpeg())  # 12 MP, about 3 MB, as the phone wrote it

    act = Gestures(page)
    # Home → "add a piece" → the kind's picture → the camera: three taps.
    act.tap(page.locator(".tiles-big a", has_text="إضافة قطعة"))
    page.wait_for_url(re.compile(r"/ar/atelier/new/$"))
    accessible(page)
    no_sideways_scroll(page)
    assert page.locator(".kind").count() >= 18 and page.locator(".kind svg.kind-picture").count() >= 18
    assert page.locator("select#id-kind").count() == 0  # no drop-down of kinds to read
    raw = page.locator("input[type=file]").first  # no raw "Choose File" button shown: the labels are the buttons
    assert raw.evaluate("el => getComputedStyle(el).opacity") == "0" and raw.bounding_box()["width"] <= 3
    act.tap(page.locator(".kind", has_text="طاجين").first)
    taps_to_camera = act.taps + 1
    act.take_photo(page.locator("label.pick", has_text="التقاط صورة"), photo)
    assert taps_to_camera <= 3
    # The photo is sent at once, with a progress bar, resized on the phone first.
    page.locator(".sending progress").wait_for(state="attached")
    page.wait_for_url(re.compile(r"/ar/atelier/p/[^/]+/photos/$"), timeout=120_000)
    sent_bytes, sent_size = in_thread(lambda: received_photo(artisan))
    assert sent_bytes < len(phone_jpeg()) / 3 and max(sent_size) <= 2560, (sent_bytes, sent_size)
    shot = page.locator(".photo").first
    assert shot.get_attribute("data-status") == "READY"
    assert shot.locator("figcaption", has_text="قبل").is_visible() and shot.locator("img").count() == 2
    accessible(page)
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "atelier-phone-ar-photos.png"), full_page=True)

    # About the piece: the craft comes from the kind; the tajine's materials are offered first.
    act.tap(page.get_by_role("link", name="التالي: عن القطعة"))
    page.wait_for_url(re.compile(r"/details/$"))
    assert "الحرفة: الطواجن" in page.locator(".craft-known").inner_text()
    usual = page.locator(".chips-field > .chip-list").first.inner_text()
    assert "الطين" in usual and "الصوف" not in usual  # wool is not offered first for a tajine
    accessible(page)
    act.type(page.locator("#id-name_ar"), "طاجين آسفي الأزرق")
    act.tap(page.locator(".chips-field > .chip-list label.chip", has_text="الطين").first)
    act.type(page.locator("#id-attr-diametre-cm"), "32")
    act.tap(page.locator("form button[type=submit]"))
    page.wait_for_url(re.compile(r"/price/$"))

    # Price and stock: the price, then "send for review".
    act.type(page.locator("#id-price"), "350")
    accessible(page)
    no_sideways_scroll(page)
    act.tap(page.locator("button[value=save]"))
    page.wait_for_url(re.compile(r"/ar/atelier/products/$"))
    item = page.locator(".item", has_text="طاجين آسفي الأزرق")
    assert item.get_attribute("data-status") == "review"
    assert item.locator(".badge", has_text="قيد المراجعة").is_visible()
    # Every tab is on the screen at 360 px, with its count.
    for tab in page.locator(".filter-tabs a").all():
        box = tab.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, tab.inner_text()
    accessible(page)
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "atelier-phone-ar-in-review.png"), full_page=True)

    counts = {"taps_from_home_to_camera": taps_to_camera, "taps_from_home_to_in_review": act.taps,
              "characters_typed": act.typed, "photo_bytes_picked": len(phone_jpeg()), "photo_bytes_sent": sent_bytes,
              "photo_size_sent": sent_size}
    (artifacts / "atelier-listing-counts.json").write_text(json.dumps(counts, indent=2))
    print("atelier listing from home to in review:", counts)
    assert act.taps <= 11 and act.typed <= 25, counts


def test_failed_photos_say_why_in_arabic_with_try_again(phone, accessible, artifacts, member, tmp_path):
    artisan, email, password = member
    page = phone
    sign_in(page, email, password)
    bomb, cut, empty = tmp_path / "bomb.png", tmp_path / "cut.jpg", tmp_path / "empty.jpg"
    bomb.write_bytes(png_bomb())
    cut.write_bytes(truncated_jpeg())
    empty.write_bytes(b"")
    page.goto("/ar/atelier/new/")
    gallery = page.locator("input[name=photos]")
    # Without a kind: said at once, nothing sent.
    gallery.set_input_files(str(cut))
    assert "اختر نوع القطعة" in page.locator("#err-kind").inner_text()
    page.locator(".kind", has_text="طاجين").first.click()
    # An empty file: said at once, by its name.
    gallery.set_input_files(str(empty))
    assert "empty.jpg" in page.locator("#err-photos").inner_text()
    assert "الملف فارغ" in page.locator("#err-photos").inner_text()
    # A PNG bomb: the server says why; no draft is left.
    gallery.set_input_files(str(bomb))
    page.locator("#err-photos").filter(has_text="bomb.png").wait_for(timeout=60_000)
    assert "كبيرة جدًا" in page.locator("#err-photos").inner_text()
    assert re.search(r"/ar/atelier/new/$", page.url)
    accessible(page)
    # A truncated JPEG: kept on the draft as failed, with why, "try again" and "remove".
    gallery.set_input_files(str(cut))
    page.wait_for_url(re.compile(r"/ar/atelier/p/[^/]+/photos/$"), timeout=60_000)
    failed = page.locator(".photo[data-status=FAILED]")
    assert "تالفة أو ناقصة" in failed.inner_text()
    assert failed.get_by_role("button", name="حاول من جديد").is_visible()
    assert failed.get_by_role("button", name="حذف هذه الصورة").is_visible()
    accessible(page)
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "atelier-phone-ar-failed-photo.png"), full_page=True)
    failed.get_by_role("button", name="حذف هذه الصورة").click()
    page.wait_for_url(re.compile(r"/photos/$"))
    assert page.locator(".photo[data-status=FAILED]").count() == 0

    # The workshop photo (a 4:3 frame) from a 12 MP phone photo, picked on the profile.
    photo = tmp_path / "atelier.jpg"
    photo.write_bytes(phone_jpeg())
    page.goto("/ar/atelier/profile/")
    before = page.locator(".thumbs img").count()
    page.locator(".kind", has_text="ورشتي").click()
    with page.expect_file_chooser() as chooser:
        page.locator("label.pick", has_text="اختر صورة من الهاتف").click()
    chooser.value.set_files(str(photo))
    page.locator(".flash").wait_for(timeout=120_000)
    assert "تمت إضافة الصورة" in page.locator(".flash").inner_text()
    assert page.locator(".thumbs img").count() == before + 1
    accessible(page)
    no_sideways_scroll(page)


def test_a_rejected_piece_and_a_price_for_review_are_said_on_the_piece(phone, accessible, artifacts, member):
    artisan, email, password = member
    rejected, published = make_products(artisan, [("Plat à reprendre", "PENDING", "New listing", ""),
                                                  ("Plat publié au prix suivi", "APPROVED", "", "")], price_mad="400")
    reject(rejected, ["PHOTO_UNCLEAR", "MISSING_DIMENSIONS"], "La photo de dos est floue.")
    from marketplace.core.graphql.ids import to_global_id

    page = phone
    sign_in(page, email, password)
    page.goto(f"/ar/atelier/p/{to_global_id('Product', rejected)}/details/")
    banner = page.locator(".rejection")
    assert "رفضت الوزارة هذه القطعة" in banner.inner_text()
    assert "الصورة غير واضحة أو مظلمة" in banner.inner_text() and "الأبعاد ناقصة" in banner.inner_text()
    # The curator's French note sits in its own direction: its full stop stays at its end.
    assert banner.locator("bdi").first.inner_text() == "La photo de dos est floue."
    accessible(page)
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "atelier-phone-ar-rejected.png"), full_page=True)
    banner.get_by_role("button", name="أرسل من جديد للمراجعة").click()
    page.wait_for_url(re.compile(r"/ar/atelier/products/$"))
    assert "أُرسلت من جديد للمراجعة" in page.locator(".flash").inner_text()

    page.goto(f"/ar/atelier/p/{to_global_id('Product', published)}/price/")
    assert page.locator("#price-band").is_visible()
    page.locator("#id-price").fill("650")
    page.locator("button[value=save]").click()
    warning = page.locator("#price-warning")
    assert "هذا الثمن يمر بمراجعة الوزارة" in warning.inner_text()
    accessible(page)
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "atelier-phone-ar-price-warning.png"), full_page=True)
    warning.get_by_role("button", name="احفظ وأرسل للمراجعة").click()
    page.wait_for_url(re.compile(r"/ar/atelier/products/$"))
    assert "تراجع الوزارة التغيير" in page.locator(".flash").inner_text()


def test_orders_payouts_and_home_read_right_in_arabic(phone, accessible, member):
    artisan, email, password = member

    def pickup_order_and_statement():
        from decimal import Decimal

        from django.db import connection

        from marketplace.accounts.models import User
        from marketplace.catalog.models import ProductTranslation, ProductVariant
        from marketplace.channels.models import Channel
        from marketplace.core.graphql.ids import to_global_id
        from marketplace.orders.models import Fulfillment, Order, OrderLine
        from marketplace.payouts.services import create_batch, record_sales

        variant = ProductVariant.objects.filter(product__artisan=artisan).select_related("product").first()
        ProductTranslation.objects.update_or_create(product=variant.product, language_code="ar",
                                                    defaults={"name": "قطعة للاستلام من الورشة"})
        orders = []
        for stage, charged in (("PENDING", Decimal(0)), ("SHIPPED", Decimal("430.00"))):
            with connection.cursor() as cursor:
                cursor.execute("SELECT nextval('orders_order_number_seq')")
                number = cursor.fetchone()[0]
            price = Decimal("430.00")
            order = Order.objects.create(
                number=number, channel=Channel.objects.get(slug="touristes"), user_email="emma@example.co.uk",
                payment_method="COD", currency="MAD", subtotal_gross=price, subtotal_net=price, total_gross=price,
                total_net=price, total_charged=charged, collection_point=artisan.warehouse,
                collection_point_name=artisan.warehouse.name)
            fulfillment = Fulfillment.objects.create(order=order, artisan=artisan, fulfillment_order=1, stage=stage,
                                                     warehouse=artisan.warehouse)
            OrderLine.objects.create(order=order, fulfillment=fulfillment, artisan=artisan, variant=variant,
                                     product_name=variant.product.name, quantity=1, currency="MAD",
                                     unit_price_gross=price, unit_price_net=price, total_price_gross=price,
                                     total_price_net=price, artisan_total_mad=price)
            if charged:
                record_sales(order)
            orders.append(order)
        batch = create_batch("MAD", User.objects.get(email="admin@demo.maalem.ma"))
        return [o.number for o in orders], [o.pk for o in orders], to_global_id("PayoutBatch", batch.pk)

    numbers, order_pks, batch_id = in_thread(pickup_order_and_statement)
    page = phone
    try:
        sign_in(page, email, password)
        # The home page's e-mail keeps its own direction inside the Arabic sentence.
        assert page.locator("bdi[dir=ltr]", has_text=email).count() == 1
        page.goto("/ar/atelier/orders/")
        order = page.locator(f"#order-{numbers[0]}")
        assert "قطعة للاستلام من الورشة" in order.inner_text()
        assert order.locator("input[name=tracking]").count() == 0
        order.locator("input[name=note]").fill("سُلّمت في الورشة")
        accessible(page)
        no_sideways_scroll(page)
        order.get_by_role("button", name="تم التسليم").click()
        page.wait_for_url(re.compile(r"/ar/atelier/orders/$"))
        assert "تم تسجيل التسليم" in page.locator(".flash").inner_text()
        assert "سُلّمت في الورشة" in page.locator(f"#order-{numbers[0]}").inner_text()

        page.goto("/ar/atelier/payouts/")
        balance = page.locator(".balance").first.inner_text()
        assert "MAD" not in balance and "د.م." in balance  # amounts written as on the rest of the site
        link = page.locator(f'a[href="/ar/atelier/payouts/{batch_id}/statement.pdf"]')
        assert link.is_visible() and "افتح الكشف" in link.inner_text()
        accessible(page)
        no_sideways_scroll(page)
        pdf = page.request.get(link.get_attribute("href"))  # the page's own session cookies
        assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
        assert pdf.body().startswith(b"%PDF")
    finally:
        def cleanup():
            from marketplace.orders.models import Order
            from marketplace.payouts.models import LedgerEntry

            LedgerEntry.objects.filter(order_line__order_id__in=order_pks).delete()
            Order.objects.filter(pk__in=order_pks).delete()

        in_thread(cleanup)
