"""Helpers of the artisan space's HTTP tests (tests/storefront): real photos, form posts with files and the
page's CSRF token, signing in, field errors, committed products in each review state."""

from __future__ import annotations

import html as htmllib
import io
import re
import uuid
from decimal import Decimal

from committed import in_thread


def photo_bytes(seed: int = 1, size: int = 640) -> bytes:
    """A real JPEG: a gradient backdrop with a round subject, a little noise."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:size, 0:size]
    base = np.stack([150 + 50 * np.sin(x / 60.0), 120 + 40 * np.cos(y / 80.0), 100 + 30 * np.sin((x + y) / 90)], -1)
    base[((x - size / 2) ** 2 + (y - size / 2) ** 2) < (size / 4) ** 2] = [170, 70, 35]
    image = Image.fromarray(np.clip(base + rng.normal(0, 5, base.shape), 0, 255).astype("uint8"))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def csrf(shop, path: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', shop.page(path)).group(1)


def post_files(shop, path: str, data: dict, files: list[tuple[str, tuple]], form_page: str | None = None):
    token = csrf(shop, form_page or path)
    response = shop.http.post(shop.base + path, data={"csrfmiddlewaretoken": token, **data}, files=files,
                              headers={"Referer": shop.base + (form_page or path)}, allow_redirects=False, timeout=120)
    assert response.status_code < 500, response.text[:1000]
    return response


def sign_in(shop, email: str, password: str, next_path: str = "/fr/atelier/"):
    response = shop.post(f"/fr/maroc/account/sign-in/?next={next_path}", {"email": email, "password": password})
    assert response.status_code == 302, re.findall(r'class="error"[^>]*>([^<]+)', response.text)
    return response


def errors_of(html: str) -> dict[str, str]:
    return {m.group(1): htmllib.unescape(m.group(2)).strip()
            for m in re.finditer(r'<p class="error" id="err-([\w-]+)">([^<]*)</p>', html)}


def make_products(artisan, specs: list[tuple[str, str, str, str]], price_mad: str = "400") -> list[int]:
    """Committed products of `artisan`: (name, review status, reason, atelierStep or "") with a variant in stock;
    those past the listing screens (no step in progress) are listed in every market at `price_mad`, with a
    ready photo (a demo piece's)."""

    def work():
        from marketplace.catalog.models import (
            Product,
            ProductChannelListing,
            ProductType,
            ProductVariant,
            ProductVariantChannelListing,
        )
        from marketplace.channels.models import Channel
        from marketplace.channels.services import derive_price
        from marketplace.inventory.models import Stock
        from marketplace.media.models import ProductMedia

        kind = ProductType.objects.get(slug="tajine")
        demo_photo = ProductMedia.objects.filter(status="READY").order_by("pk").first()
        pks = []
        for i, (name, review, reason, step) in enumerate(specs):
            product = Product.objects.create(product_type=kind, artisan=artisan, name=name, review_status=review,
                                             review_reason=reason,
                                             slug=f"atelier-test-{artisan.pk}-{i}-{uuid.uuid4().hex[:10]}",
                                             metadata={"atelierStep": step} if step else {})
            variant = ProductVariant.objects.create(product=product, is_one_of_a_kind=False)
            Stock.objects.create(warehouse=artisan.warehouse, product_variant=variant, quantity=3)
            if step in ("", "submitted"):
                for channel in Channel.objects.all():
                    ProductChannelListing.objects.create(product=product, channel=channel, is_published=True,
                                                         currency=channel.currency_code)
                    ProductVariantChannelListing.objects.create(
                        variant=variant, channel=channel, currency=channel.currency_code,
                        price_amount=derive_price(Decimal(price_mad), channel),
                        price_overridden=channel.currency_code == "MAD")
                ProductMedia.objects.create(product=product, status="READY", files=demo_photo.files, sort_order=1,
                                            quality_report=demo_photo.quality_report)
            pks.append(product.pk)
        return pks

    return in_thread(work)


def reject(pk: int, reasons: list[str], note: str = "") -> None:
    """A curator's rejection, as the API records it."""
    def work():
        from marketplace.accounts.models import User
        from marketplace.curation.review import reject_listing

        reject_listing(User.objects.get(email="curateur@demo.maalem.ma"), pk, reasons, note)

    in_thread(work)
