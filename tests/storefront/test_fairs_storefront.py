"""The fairs in the storefront over HTTP (gunicorn in front of the API): the shop's fair page in Arabic, a
scanned label's landing (counted once, then the clean URL, and the source carried into the checkout), the
artisan's stand sale found by search or by a photo of its label, and the curators' fair, stands and figures."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import subprocess
import uuid

import pytest
from committed import in_thread
from fair_helpers import CURATOR, MEMBER_PASSWORD, make_fair, make_piece

pytestmark = pytest.mark.django_db  # the API serves the session's demo catalog from the test database


def sign_in(shop, email: str, password: str, next_path: str) -> None:
    response = shop.post(f"/fr/maroc/account/sign-in/?next={next_path}", {"email": email, "password": password})
    assert response.status_code == 302, response.text[:500]


@pytest.fixture
def stand(api_server):
    """A fair open today (maroc, touristes) with a stand for a verified artisan and one of its unique pieces;
    everything it made (and the orders on it) is removed afterwards."""
    made: dict = {}

    def work():
        from django.utils import timezone

        from marketplace.artisans.models import Artisan

        artisan = Artisan.objects.filter(verification_status="VERIFIED", warehouse__isnull=False,
                                         memberships__isnull=False).distinct().order_by("pk").first()
        today = timezone.localdate()
        fair = make_fair(slug=f"expo-sf-{uuid.uuid4().hex[:6]}", channels=["maroc", "touristes"],
                         starts=today - dt.timedelta(days=1), ends=today + dt.timedelta(days=3), artisans=[artisan])
        piece = make_piece(artisan, price_mad="1200", name=f"Plat de foire {uuid.uuid4().hex[:5]}",
                           name_ar="طبق المعرض")
        made.update(fair=fair, artisan=artisan, piece=piece,
                    member=artisan.memberships.select_related("user").first().user.email)
        return made

    yield in_thread(work)

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


def test_the_fair_page_in_arabic_lists_dates_map_and_stands(shop, stand):
    html = shop.page(f"/ar/touristes/fair/{stand['fair'].slug}/")
    assert "معرض الصانع التقليدي" in html and 'dir="rtl"' in html
    assert "الأروقة" in html and stand["artisan"].name in html
    assert f"/ar/touristes/artisan/{stand['artisan'].slug}/" in html
    listing = shop.page("/fr/touristes/fairs/")
    assert f"/fr/touristes/fair/{stand['fair'].slug}/" in listing
    assert shop.get("/fr/touristes/fair/no-such-fair/").status_code == 404


def test_a_scanned_label_is_counted_once_and_its_source_reaches_the_checkout(new_shop, stand):
    from marketplace.fairs.models import FairVisit

    visitor = new_shop()
    slug = stand["piece"].product.slug
    landing = visitor.get(f"/fr/touristes/p/{slug}/?src=fair-{stand['fair'].slug}")
    assert landing.status_code == 302 and landing.headers["Location"] == f"/fr/touristes/p/{slug}/"
    assert visitor.get(landing.headers["Location"]).status_code == 200  # the clean URL is not counted again
    assert in_thread(lambda: FairVisit.objects.filter(fair=stand["fair"]).count()) == 1
    # An unknown fair in `src` is not counted and does not block the page.
    assert visitor.get(f"/fr/touristes/p/{slug}/?src=fair-nowhere").status_code == 302
    assert in_thread(lambda: FairVisit.objects.count()) >= 1
    # The visitor puts the piece in the cart and starts the checkout: the checkout carries the fair as source.
    html = visitor.page(f"/fr/touristes/p/{slug}/")
    variant = re.search(r'name="variant" value="([^"]+)"', html).group(1)
    product = re.search(r'name="product" value="([^"]+)"', html).group(1)
    visitor.post("/fr/touristes/cart/add/", {"variant": variant, "product": product, "quantity": "1",
                                             "next": f"/fr/touristes/p/{slug}/"}, form_page=f"/fr/touristes/p/{slug}/")
    started = visitor.post("/fr/touristes/checkout/start/", {}, form_page="/fr/touristes/cart/")
    assert started.status_code == 302 and started.headers["Location"].endswith("/checkout/")

    def checkout_source():
        from marketplace.checkout.models import Checkout

        return [c.metadata for c in Checkout.objects.filter(lines__variant=stand["piece"])]

    assert in_thread(checkout_source) == [{"source": f"fair-{stand['fair'].slug}"}]


def _label_photo(stand, tmp_path) -> bytes:
    """A phone's photo of one label: the labels PDF rendered, one label cropped, scaled, in JPEG."""
    from PIL import Image

    from marketplace.fairs.documents import labels_pdf
    from marketplace.fairs.selectors import artisan_labels

    labels = in_thread(lambda: [label for label in artisan_labels(stand["fair"], stand["artisan"].pk, "http://x")
                                if stand["piece"].sku in label.sku])
    (tmp_path / "l.pdf").write_bytes(labels_pdf(labels, title="t"))
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(tmp_path / "l.pdf"), str(tmp_path / "l")],
                   check=True)
    page = Image.open(tmp_path / "l.png").convert("RGB")
    label = page.crop((0, 0, page.width // 3, page.height // 8)).resize((900, 475))
    out = io.BytesIO()
    label.save(out, "JPEG", quality=85)
    return out.getvalue()


def test_the_artisan_finds_the_piece_by_a_photo_of_its_label_and_sells_it(new_shop, stand, tmp_path, settings,
                                                                         storefront_url):
    from marketplace.inventory.models import Stock

    settings.CORS_ALLOWED_ORIGINS = [*settings.CORS_ALLOWED_ORIGINS, storefront_url]  # the labels' QR target

    member = new_shop()
    fair = stand["fair"].slug
    sign_in(member, stand["member"], MEMBER_PASSWORD, f"/fr/atelier/fairs/{fair}/sell/")
    page = member.page(f"/fr/atelier/fairs/{fair}/sell/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    # Not a photo: a clear message next to the field, not a 500.
    refused = member.http.post(f"{member.base}/fr/atelier/fairs/{fair}/sell/", data={"csrfmiddlewaretoken": token},
                               files={"photo": ("x.jpg", b"not an image", "image/jpeg")},
                               headers={"Referer": member.base + f"/fr/atelier/fairs/{fair}/sell/"}, timeout=30)
    assert refused.status_code == 200 and "pas une photo lisible" in refused.text
    found = member.http.post(f"{member.base}/fr/atelier/fairs/{fair}/sell/", data={"csrfmiddlewaretoken": token},
                             files={"photo": ("label.jpg", _label_photo(stand, tmp_path), "image/jpeg")},
                             headers={"Referer": member.base + f"/fr/atelier/fairs/{fair}/sell/"}, timeout=30)
    assert found.status_code == 200, found.text[:500]
    sell_link = re.search(r'href="(/fr/atelier/fairs/[^"]+/sell/[^"]+)"', found.text).group(1).replace("&amp;", "&")
    form = member.page(sell_link)
    assert 'value="1200.00"' in form
    key = re.search(r'name="key" value="([^"]+)"', form).group(1)
    data = {"price": "1100", "payment": "CARD", "email": "", "receipt_lang": "fr", "key": key}
    done = member.post(sell_link, data, form_page=sell_link)
    assert done.status_code == 200 and 'data-outcome="recorded"' in done.text, done.text[:2000]
    # The same form sent again (the answer was lost on the phone): the same sale, not a second one.
    again = member.post(sell_link, data, form_page=sell_link)
    assert 'data-outcome="recorded"' in again.text and "rien n'a été vendu deux fois" in again.text
    stock = in_thread(lambda: Stock.objects.get(product_variant=stand["piece"]))
    assert (stock.quantity, stock.quantity_allocated) == (1, 1)
    mine = member.page("/fr/atelier/fairs/")
    assert "Ventes sur le stand" in mine and stand["piece"].product.name in mine
    labels = member.get(f"/fr/atelier/fairs/{fair}/labels/")
    assert labels.status_code == 302
    pdf = member.http.get(labels.headers["Location"], timeout=60)
    assert pdf.status_code == 200 and pdf.headers["Content-Type"] == "application/pdf"


def test_curators_create_a_fair_assign_a_stand_and_read_its_figures(new_shop, stand):
    curator = new_shop()
    sign_in(curator, *CURATOR, "/fr/curation/fairs/")
    slug = f"salon-{uuid.uuid4().hex[:6]}"
    refused = curator.post("/fr/curation/fairs/", {"action": "details", "name": "Salon", "city": "Paris",
                                                   "venue": "Porte de Versailles", "starts_on": "2031-05-10",
                                                   "ends_on": "2031-05-01", "commission": "0"})
    assert refused.status_code == 200 and "La date de fin doit venir après la date de début" in refused.text
    created = curator.post("/fr/curation/fairs/", {
        "action": "details", "name": "Salon international", "name_ar": "المعرض الدولي", "slug": slug,
        "city": "Paris", "venue": "Porte de Versailles", "starts_on": "2031-05-10", "ends_on": "2031-05-14",
        "channels": ["export"], "commission": "0"})
    assert created.status_code == 302, created.text[:1000]
    edit = created.headers["Location"]
    artisan_gid = re.search(r'<option value="([^"]+)">' + re.escape(stand["artisan"].name), curator.page(edit)).group(1)
    assigned = curator.post(edit, {"action": "assign", "artisan": artisan_gid, "number": "C7", "hall": "Hall 1"})
    assert assigned.status_code == 302
    assert "C7" in curator.page(edit)
    figures = curator.page(f"/fr/curation/dashboard/fairs/{stand['fair'].slug}/")
    assert 'id="fig-stand-count"' in figures
    rows = list(csv.reader(io.StringIO(curator.get(
        f"/fr/curation/dashboard/fairs/{stand['fair'].slug}/figures.csv").content.decode("utf-8-sig"))))
    assert rows[0] == ["section", "key", "count", "sales_mad"] and rows[1][:2] == ["summary", "stand_sales"]

    def drop():
        from marketplace.fairs.models import Fair

        Fair.objects.filter(slug=slug).delete()

    in_thread(drop)
