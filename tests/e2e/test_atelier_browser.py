"""The artisan space in a phone's browser, in Arabic: sign in as a demo artisan member, list a piece in three
screens from a real photo file, see it "in review"; bad input is shown next to its field; axe-core checks."""

from __future__ import annotations

import re

import pytest
from committed import in_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db]




@pytest.fixture
def member(api_server):
    """A demo artisan member's login; the products it lists here are removed afterwards."""
    from django.utils import timezone

    from demo.data import DEMO_ARTISAN_PASSWORD

    def pick():
        from marketplace.artisans.models import Artisan

        artisan = Artisan.objects.filter(verification_status="VERIFIED", warehouse__isnull=False).order_by("pk")[1]
        return artisan.pk, artisan.memberships.select_related("user").first().user.email

    artisan_pk, email = in_thread(pick)
    started = timezone.now()
    yield email, DEMO_ARTISAN_PASSWORD

    def cleanup():
        from marketplace.catalog.models import Product

        Product.objects.filter(artisan_id=artisan_pk, created_at__gte=started).delete()

    in_thread(cleanup)


def phone_photo(tmp_path):
    """A real photo file, as a phone would send it: a glazed dish on a light backdrop."""
    import numpy as np
    from PIL import Image

    size = 900
    y, x = np.mgrid[0:size, 0:size]
    backdrop = np.stack([225 - y / 30, 215 - y / 35, 200 - y / 40], -1)
    dish = ((x - 450) ** 2 + (y - 470) ** 2) < 300 ** 2
    backdrop[dish] = np.stack([40 + x / 20, 90 + y / 30, 150 + 0 * x], -1)[dish]
    noise = np.random.default_rng(7).normal(0, 4, backdrop.shape)
    path = tmp_path / "tajine.jpg"
    Image.fromarray(np.clip(backdrop + noise, 0, 255).astype("uint8")).save(path, "JPEG", quality=90)
    return path


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url


def test_artisan_lists_a_piece_in_three_screens_on_a_phone_in_arabic(phone, accessible, artifacts, member, tmp_path):
    email, password = member
    page = phone
    page.goto("/ar/atelier/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    accessible(page)
    page.get_by_role("link", name="الدخول إلى فضاء الصانع").click()
    page.locator("#id-email").fill(email)
    page.locator("#id-password").fill(password)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/ar/atelier/$"))
    accessible(page)
    no_sideways_scroll(page)

    # Screen 1: the kind of piece and a photo file; the pipeline's result is shown beside the original.
    page.locator(".space-nav a", has_text="إضافة قطعة").click()
    page.wait_for_url(re.compile(r"/ar/atelier/new/$"))
    accessible(page)
    page.locator("#id-kind").select_option(label="طاجين")  # the kinds of piece in Arabic
    page.locator("#id-photos").set_input_files(str(phone_photo(tmp_path)))
    page.locator("form button[type=submit]", has_text="إرسال الصور").click()
    page.wait_for_url(re.compile(r"/ar/atelier/p/[^/]+/photos/$"))
    shot = page.locator(".photo").first
    assert shot.locator("figcaption", has_text="قبل").is_visible() and shot.locator("figcaption", has_text="بعد").is_visible()
    assert shot.locator("img").count() == 2
    assert shot.locator(".advice li").count() + shot.locator(".notice.ok").count() >= 1
    accessible(page)
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "atelier-phone-ar-photos.png"), full_page=True)

    # Screen 2: no name → the message is next to the name field and the typed description stays.
    page.get_by_role("link", name="التالي: عن القطعة").click()
    page.wait_for_url(re.compile(r"/details/$"))
    page.locator("#id-description_ar").fill("طاجين مصنوع يدويا في آسفي")
    page.locator("#id-attr-diametre-cm").fill("كبير")
    page.locator("form button[type=submit]").click()
    error = page.locator("#err-name_fr")
    assert error.is_visible() and "أعطِ القطعة اسمًا" in error.inner_text()
    assert page.locator("#id-name_fr").get_attribute("aria-invalid") == "true"
    assert page.locator("#err-attr-diametre-cm").is_visible()
    assert page.locator("#id-description_ar").input_value() == "طاجين مصنوع يدويا في آسفي"
    accessible(page)
    page.screenshot(path=str(artifacts / "atelier-phone-ar-field-error.png"), full_page=True)
    page.locator("#id-name_ar").fill("طاجين آسفي الأزرق")
    page.locator("#id-category").select_option(label="الطواجن")
    page.locator("label.chip", has_text="طين").first.click()
    page.locator("#id-attr-diametre-cm").fill("32")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/price/$"))

    # Screen 3: a wrong price is refused next to its field; the rule suggests the export prices.
    page.locator("#id-price").fill("غالي")
    page.locator("button[value=save]").click()
    assert page.locator("#err-price").is_visible()
    assert page.locator("#id-price").input_value() == "غالي"
    page.locator("#id-price").fill("350")
    page.locator("button[value=suggest]").click()
    assert page.locator(".suggestion").first.is_visible()
    assert page.locator("input[name=unique]").is_checked()
    accessible(page)
    no_sideways_scroll(page)
    page.locator("button[value=save]").click()
    page.wait_for_url(re.compile(r"/ar/atelier/products/$"))
    item = page.locator(".item", has_text="طاجين آسفي الأزرق")
    assert item.locator(".badge", has_text="قيد المراجعة").is_visible()
    assert item.get_attribute("data-status") == "review"
    accessible(page)
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "atelier-phone-ar-in-review.png"), full_page=True)


def test_other_atelier_pages_are_accessible_on_a_phone(phone, accessible, member):
    email, password = member
    page = phone
    page.goto("/fr/maroc/account/sign-in/?next=/fr/atelier/orders/")
    page.locator("#id-email").fill(email)
    page.locator("#id-password").fill(password)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fr/atelier/orders/$"))
    for path in ("/fr/atelier/orders/", "/ar/atelier/payouts/", "/ar/atelier/profile/", "/en/atelier/products/"):
        page.goto(path)
        accessible(page)
        no_sideways_scroll(page)
