"""Helpers of the fairs tests (tests/marketplace/fairs, tests/e2e): a fair with stands, a unique piece of an
artisan listed in every market, sign-in through tokenCreate."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from marketplace.core.graphql.ids import to_global_id

CURATOR = ("curateur@demo.maalem.ma", "demo-curator-2026")
BUYER = ("client@demo.maalem.ma", "demo-buyer-2026")
MEMBER_PASSWORD = "demo-artisan-2026"
_counter = itertools.count(1)


def sign_in(gql: Any, email: str, password: str) -> str:
    result = gql.data("mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) { token } }",
                      {"e": email, "p": password})["tokenCreate"]
    assert result["token"], result
    return result["token"]


def make_piece(artisan: Any, *, price_mad: str = "1800", name: str | None = None, name_ar: str = "") -> Any:
    """A published unique piece of `artisan`, stock 1 in its workshop, priced in every market from MAD."""
    from django.utils import timezone

    from marketplace.catalog import models as cm
    from marketplace.catalog.services import set_variant_prices_from_mad
    from marketplace.channels.models import Channel
    from marketplace.inventory.models import Stock

    n = next(_counter)
    now = timezone.now() - dt.timedelta(minutes=1)
    source = cm.Product.objects.filter(artisan=artisan).order_by("pk").first()
    product = cm.Product.objects.create(
        product_type=source.product_type if source else cm.ProductType.objects.order_by("pk").first(),
        category=source.category if source else None, artisan=artisan, name=name or f"Pièce de foire {n}",
        slug=f"piece-foire-{n}-{uuid.uuid4().hex[:8]}")
    if name_ar:
        cm.ProductTranslation.objects.create(product=product, language_code="ar", name=name_ar)
    variant = cm.ProductVariant.objects.create(product=product, sku=f"FAIR-{n}-{product.pk}", is_one_of_a_kind=True,
                                               weight_kg=Decimal("1.5"))
    cm.Product.objects.filter(pk=product.pk).update(default_variant=variant)
    channels = list(Channel.objects.all())
    for channel in channels:
        cm.ProductChannelListing.objects.create(product=product, channel=channel, is_published=True,
                                                currency=channel.currency_code, published_at=now,
                                                available_for_purchase_at=now)
    set_variant_prices_from_mad([variant.pk], {variant.pk: Decimal(price_mad)}, channels)
    Stock.objects.create(warehouse=artisan.warehouse, product_variant=variant, quantity=1)
    return variant


@dataclass
class FairWorld:
    fair: Any
    artisan: Any
    other_artisan: Any
    member_email: str
    other_member_email: str
    variant: Any

    @property
    def ids(self) -> dict[str, str]:
        return {"fair": to_global_id("Fair", self.fair.pk), "artisan": to_global_id("Artisan", self.artisan.pk),
                "variant": to_global_id("ProductVariant", self.variant.pk)}


def make_fair(*, slug: str, channels: list[str], starts: dt.date, ends: dt.date, commission: str = "0",
              artisans: list[Any] = ()) -> Any:
    from marketplace.channels.models import Channel
    from marketplace.fairs.models import Fair, FairStand, FairTranslation

    fair = Fair.objects.create(slug=slug, name=f"Expo artisan {slug}", city="Marrakech", venue="Bab Jdid",
                               starts_on=starts, ends_on=ends, commission_rate=Decimal(commission))
    fair.channels.set(Channel.objects.filter(slug__in=channels))
    FairTranslation.objects.create(fair=fair, language_code="ar", name="معرض الصانع التقليدي", venue="باب الجديد")
    for n, artisan in enumerate(artisans, start=1):
        FairStand.objects.create(fair=fair, artisan=artisan, number=str(n), hall="A")
    return fair


