"""A curator on a phone, in Arabic (right to left): approves a listing from the review queue, builds a
collection with it, features it on the home page, and the home page shows it."""

from __future__ import annotations

import re
import uuid

import pytest
from committed import in_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db]




@pytest.fixture
def pending_listing():
    """A member's new listing (with a demo piece's photos) waiting for review; removed afterwards with the
    collections the test creates, and the featured order restored."""
    from marketplace.catalog.models import Collection

    featured = in_thread(lambda: dict(Collection.objects.values_list("pk", "featured_rank")))

    def make():
        from decimal import Decimal

        from marketplace.artisans.models import Artisan
        from marketplace.catalog import models as cm
        from marketplace.channels.models import Channel
        from marketplace.channels.services import derive_price
        from marketplace.media.models import ProductMedia

        artisan = Artisan.objects.filter(verification_status="VERIFIED", products__media__isnull=False).first()
        source = cm.Product.objects.filter(artisan=artisan, media__isnull=False).order_by("pk").first()
        product = cm.Product.objects.create(product_type=source.product_type, category=source.category,
                                            artisan=artisan, name="Aaa tapis d'essai du navigateur",
                                            slug=f"essai-{uuid.uuid4().hex[:10]}", review_status="PENDING",
                                            review_reason="New listing")
        variant = cm.ProductVariant.objects.create(product=product, sku=f"E2E-{product.pk}", is_one_of_a_kind=True)
        for channel in Channel.objects.all():
            cm.ProductChannelListing.objects.create(product=product, channel=channel, is_published=True,
                                                    visible_in_listings=True, currency=channel.currency_code)
            cm.ProductVariantChannelListing.objects.create(variant=variant, channel=channel,
                                                           currency=channel.currency_code,
                                                           price_amount=derive_price(Decimal("1200"), channel))
        for media in source.media.all()[:1]:
            ProductMedia.objects.create(product=product, alt=product.name, status=media.status, files=media.files,
                                        quality_report=media.quality_report, width=media.width, height=media.height)
        return {"pk": product.pk, "name": product.name, "artisan": artisan.pk}

    listing = in_thread(make)
    yield listing

    def restore():
        from marketplace.catalog.models import Product
        from marketplace.catalog.services import after_catalog_change

        Collection.objects.exclude(pk__in=featured).delete()
        for pk, rank in featured.items():
            Collection.objects.filter(pk=pk).update(featured_rank=rank)
        Product.objects.filter(pk=listing["pk"]).delete()
        after_catalog_change([])

    in_thread(restore)


def test_curator_approves_builds_and_features_a_collection_on_a_phone(phone, accessible, artifacts,
                                                                      pending_listing):
    from marketplace.core.graphql.ids import to_global_id

    page = phone
    page.goto("/ar/maroc/account/sign-in/?next=/ar/curation/")
    page.locator("#id-email").fill("curateur@demo.maalem.ma")
    page.locator("#id-password").fill("demo-curator-2026")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    if not page.url.endswith("/ar/curation/"):  # sign-in without a `next`: open the space by its address
        page.goto("/ar/curation/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "قائمة المراجعة"

    # The review queue: the listing with its photos before and after; approve it.
    card = page.locator(".cur-card", has_text=pending_listing["name"])
    assert card.locator("img").count() >= 2 and "بطاقة جديدة" in card.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360 + 1
    accessible(page)
    page.screenshot(path=str(artifacts / "ar-phone-curation-review.png"), full_page=True)
    card.get_by_role("button", name="الموافقة والنشر").click()
    page.wait_for_url(re.compile(r"/ar/curation/$"))
    assert pending_listing["name"] in page.locator(".cur-flash").inner_text()
    assert page.locator(".cur-card", has_text=pending_listing["name"]).count() == 0

    # The collection builder: create, find the piece by its artisan, add it, publish in Morocco.
    page.locator(".cur-tabs a", has_text="المجموعات").click()
    page.wait_for_url(re.compile(r"/ar/curation/collections/$"))
    name, slug = "مختارات المتصفح", f"essai-{uuid.uuid4().hex[:8]}"
    page.locator("#id-name").fill(name)
    page.locator("#id-slug").fill(slug)
    page.locator("#id-description").fill("زرابي مختارة للاختبار.")
    page.get_by_role("button", name="إنشاء المجموعة").click()
    page.wait_for_url(re.compile(r"/ar/curation/collections/\d+/$"))
    page.locator("#f-artisan").select_option(to_global_id("Artisan", pending_listing["artisan"]))
    page.get_by_role("button", name="البحث عن قطع").click()
    page.wait_for_url(re.compile(r"artisan="))
    page.get_by_label(pending_listing["name"]).check()
    page.get_by_role("button", name="إضافة القطع المختارة").click()
    page.wait_for_url(re.compile(r"/ar/curation/collections/\d+/\?"))
    assert pending_listing["name"] in page.locator("#in-collection").inner_text()
    page.locator("#pub-maroc").check()
    page.get_by_role("button", name="حفظ النشر").click()
    page.wait_for_url(re.compile(r"#schedule$"))
    assert page.locator("#pub-maroc").is_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360 + 1  # usable at 360 px
    accessible(page)
    page.screenshot(path=str(artifacts / "ar-phone-curation-collection.png"), full_page=True)

    # Feature it first on the home page.
    page.locator(".cur-tabs a", has_text="الصفحة الرئيسية").click()
    page.wait_for_url(re.compile(r"/ar/curation/featured/$"))
    row = page.locator(".cur-item", has_text=name)
    row.locator("input[name=featured]").check()
    row.locator("input.cur-pos").fill("1")
    page.get_by_role("button", name="حفظ الصفحة الرئيسية").click()
    page.wait_for_url(re.compile(r"/ar/curation/featured/$"))
    assert page.locator(".cur-item").first.locator("input[name=featured]").is_checked()
    assert name in page.locator(".cur-item").first.inner_text()
    accessible(page)

    # The home page shows the collection first among the featured ones, and it opens with the piece.
    page.goto("/ar/maroc/")
    tiles = page.locator("section[aria-labelledby=h-collections] li")
    assert tiles.first.inner_text().strip() == name
    page.screenshot(path=str(artifacts / "ar-phone-home-featured.png"), full_page=True)
    tiles.first.locator("a").click()
    page.wait_for_url(re.compile(rf"/ar/maroc/collection/{slug}/$"))
    assert pending_listing["name"] in page.locator("main").inner_text()

    # The dashboard renders its charts on the server and passes axe at 360 px.
    page.goto("/ar/curation/dashboard/")
    assert page.locator("svg#chart-listings title").first.text_content() == "البطاقات المضافة حسب الشهر"
    assert page.locator("svg#chart-photos rect.bar").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 360 + 1
    page.screenshot(path=str(artifacts / "ar-phone-curation-dashboard.png"), full_page=True)
    accessible(page)
