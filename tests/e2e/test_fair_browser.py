"""A stand sale on an artisan's phone (360 px, Arabic, real Chromium): find the unique piece, record the sale
paid in cash at a lowered price, read that it is recorded; the piece is then gone from the shop. The fair's
page and the curators' figures of the fair are checked in the browser too (axe-core on each page)."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from committed import in_thread
from fair_helpers import CURATOR, MEMBER_PASSWORD, make_fair, make_piece

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def stand(api_server):
    made: dict = {}

    def work():
        from django.utils import timezone

        from marketplace.artisans.models import Artisan

        artisan = Artisan.objects.filter(verification_status="VERIFIED", warehouse__isnull=False,
                                         memberships__isnull=False).distinct().order_by("pk")[2]
        today = timezone.localdate()
        name = f"زربية المعرض {uuid.uuid4().hex[:4]}"
        made.update(artisan=artisan, name=name,
                    fair=make_fair(slug=f"expo-e2e-{uuid.uuid4().hex[:6]}", channels=["maroc", "touristes"],
                                   starts=today, ends=today + dt.timedelta(days=2), commission="0.05",
                                   artisans=[artisan]),
                    piece=make_piece(artisan, price_mad="2200", name_ar=name),
                    member=artisan.memberships.select_related("user").first().user.email)

    in_thread(work)
    yield made

    def cleanup():
        from marketplace.catalog.models import Product
        from marketplace.fairs.models import Fair, StandSale
        from marketplace.orders.models import Order
        from marketplace.payouts.models import LedgerEntry

        orders = Order.objects.filter(lines__variant=made["piece"])
        StandSale.objects.filter(order__in=orders).delete()
        LedgerEntry.objects.filter(order_line__order__in=orders).delete()
        orders.delete()
        Fair.objects.filter(pk=made["fair"].pk).delete()
        Product.objects.filter(pk=made["piece"].product_id).delete()

    in_thread(cleanup)


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url


def test_a_stand_sale_on_a_phone_in_arabic_takes_the_unique_piece_out_of_the_shop(phone, accessible, artifacts,
                                                                                   stand):
    page = phone
    fair, product_slug = stand["fair"].slug, stand["piece"].product.slug
    # Before: the piece is on sale in the shop.
    page.goto(f"/ar/touristes/p/{product_slug}/")
    assert page.locator("[data-testid=availability]").inner_text() == "متوفرة"

    page.goto("/ar/maroc/account/sign-in/?next=/ar/atelier/fairs/")
    page.locator("#id-email").fill(stand["member"])
    page.locator("#id-password").fill(MEMBER_PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/ar/atelier/fairs/$"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    accessible(page)
    no_sideways_scroll(page)
    page.locator(f"#fair-{fair}").get_by_role("link", name="البيع في الرواق").click()
    page.wait_for_url(re.compile(rf"/ar/atelier/fairs/{fair}/sell/$"))
    page.locator("#id-q").fill(stand["name"])
    page.locator("form.stand-search button[type=submit]").click()
    page.get_by_role("link", name="بيع هذه القطعة").click()
    page.wait_for_url(re.compile(r"/sell/[^/]+/\?variant="))
    assert page.locator("#id-price").input_value() == "2200.00"
    accessible(page)
    no_sideways_scroll(page)
    # A price above the listed one is refused next to the field, nothing is sold.
    page.locator("#id-price").fill("2500")
    page.locator("[data-testid=record-sale]").click()
    assert page.locator("#err-price").is_visible()
    assert page.locator("[data-testid=sale-outcome]").count() == 0
    page.locator("#id-price").fill("2000")
    page.locator("label[for=pay-cash]").click()
    page.screenshot(path=str(artifacts / "fair-stand-sale-phone-ar-form.png"), full_page=True)
    page.locator("[data-testid=record-sale]").click()
    outcome = page.locator("[data-testid=sale-outcome]")
    assert outcome.get_attribute("data-outcome") == "recorded"
    assert "تم تسجيل البيع" in outcome.inner_text()
    accessible(page)
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "fair-stand-sale-phone-ar-recorded.png"), full_page=True)

    # After: the unique piece is sold in the shop, in every market.
    for market in ("touristes", "maroc"):
        page.goto(f"/ar/{market}/p/{product_slug}/")
        assert page.locator("[data-testid=availability]").inner_text() == "بيعت: وجدت هذه القطعة الفريدة مشتريها."
        assert page.get_by_role("button", name="أضف إلى السلة").count() == 0


def test_the_fair_page_and_its_figures_in_the_browser(page, accessible, artifacts, stand):
    page.goto(f"/ar/touristes/fair/{stand['fair'].slug}/")
    assert page.locator("h1").inner_text() == "معرض الصانع التقليدي"
    assert page.locator("[data-testid=stands]").get_by_role("link", name=stand["artisan"].name).is_visible()
    accessible(page)
    page.goto("/fr/maroc/account/sign-in/?next=/fr/curation/dashboard/fairs/")
    page.locator("#id-email").fill(CURATOR[0])
    page.locator("#id-password").fill(CURATOR[1])
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fr/curation/dashboard/fairs/$"))
    page.get_by_role("link", name=stand["fair"].name).click()
    assert page.locator("#fig-stand-count").is_visible()
    accessible(page)
    page.screenshot(path=str(artifacts / "fair-figures.png"), full_page=True)
