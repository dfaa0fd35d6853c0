"""Demo fairs: last season's Expo artisan Marrakech (past, with stands, a few sales on the stands and visits
from its QR labels) and the next one (upcoming, with stands and the "expo-artisan-marrakech" collection).

Loaded through the fairs services, as a curator and the artisans' members would: fairs and stands by the
demo curator, stand sales by each artisan's member on a day of the past fair (an injected "today"). A
piece sold on the past fair's stand is one more unit the artisan had brought: its stock is raised by the
unit sold (through the inventory services), so the shop's availability stays as the catalogue says."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

PAST = {"slug": "expo-artisan-marrakech-passee", "days": (-150, -141), "commission": "0",
        "name": ("Expo artisan Marrakech — édition d'automne", "معرض الصانع التقليدي بمراكش — دورة الخريف",
                 "Marrakech Artisan Expo — autumn edition")}
NEXT = {"slug": "expo-artisan-marrakech", "days": (21, 30), "commission": "0.05",
        "name": ("Expo artisan Marrakech", "معرض الصانع التقليدي بمراكش", "Marrakech Artisan Expo")}
VENUE = ("Place Bab Jdid, à côté de l'ensemble artisanal", "ساحة باب الجديد، بجانب المجمع الحرفي",
         "Place Bab Jdid, next to the crafts complex")
MAP_URL = "https://www.openstreetmap.org/?mlat=31.6225&mlon=-8.0034#map=17/31.6225/-8.0034"
STANDS = 6
PAST_SALES = 4
PAST_VISITS = 36


def _fair(curator: Any, spec: dict, today: dt.date, collection_id: int | None) -> Any:
    from marketplace.fairs import services

    first, last = (today + dt.timedelta(days=d) for d in spec["days"])
    name_fr, name_ar, name_en = spec["name"]
    return services.create_fair(curator, {
        "slug": spec["slug"], "name": name_fr, "city": "Marrakech", "venue": VENUE[0], "map_url": MAP_URL,
        "starts_on": first, "ends_on": last, "channels": ["maroc", "touristes"],
        "commission_rate": Decimal(spec["commission"]), "collection": collection_id,
        "translations": [{"language_code": "ar", "name": name_ar, "venue": VENUE[1]},
                         {"language_code": "en", "name": name_en, "venue": VENUE[2]}]})


def _sellable(artisan: Any) -> Any:
    """A piece of the artisan priced in the domestic market (a unique piece is avoided: see the module)."""
    from marketplace.catalog.models import ProductVariant

    return (ProductVariant.objects.filter(product__artisan=artisan, stocks__quantity__gt=0,
                                          channel_listings__channel__slug="maroc",
                                          channel_listings__price_amount__isnull=False)
            .order_by("is_one_of_a_kind", "pk").first())


@transaction.atomic
def load_demo_fairs(log: Any = print) -> dict[str, int]:
    from marketplace.accounts.models import User
    from marketplace.artisans.models import Artisan
    from marketplace.catalog.models import Collection
    from marketplace.fairs import services
    from marketplace.fairs.models import Fair, FairVisit, StandSale
    from marketplace.inventory.models import Stock
    from marketplace.inventory.services import set_quantity

    if Fair.objects.exists():
        return {"fairs": 0, "sales": 0}
    curator = User.objects.get(email="curateur@demo.maalem.ma")
    today = timezone.localdate()
    collection = Collection.objects.filter(slug="expo-artisan-marrakech").values_list("pk", flat=True).first()
    past, upcoming = _fair(curator, PAST, today, collection), _fair(curator, NEXT, today, collection)
    artisans = [a for a in Artisan.objects.filter(verification_status=Artisan.Verification.VERIFIED,
                                                  warehouse__isnull=False, memberships__isnull=False)
                .distinct().order_by("pk") if _sellable(a) is not None][:STANDS]
    for number, artisan in enumerate(artisans, start=1):
        for fair in (past, upcoming):
            services.assign_stand(curator, fair, artisan, number=f"{number:02d}", hall="A" if number <= 3 else "B")
    sales = 0
    for index, artisan in enumerate(artisans[:PAST_SALES]):
        variant = _sellable(artisan)
        day = past.starts_on + dt.timedelta(days=index * 2)
        stock = Stock.objects.get(product_variant=variant, warehouse__artisan=artisan)
        set_quantity(stock.warehouse_id, variant.pk, stock.quantity + 1)
        member = artisan.memberships.select_related("user").first().user
        listed = variant.channel_listings.get(channel__slug="maroc").price_amount
        sale = services.record_stand_sale(member, services.StandSaleInput(
            fair=past, variant_id=variant.pk, idempotency_key=uuid.uuid4(), payment="CASH" if index % 2 else "CARD",
            price=(listed * Decimal("0.9")).quantize(Decimal("1")) if index == 1 else None,
            language_code="fr"), today=day)
        when = timezone.make_aware(dt.datetime.combine(day, dt.time(11 + index, 20)))
        StandSale.objects.filter(pk=sale.pk).update(created_at=when)
        type(sale.order).objects.filter(pk=sale.order_id).update(created=when)
        sales += 1
    visits = [FairVisit(fair=past) for _ in range(PAST_VISITS)]
    FairVisit.objects.bulk_create(visits)
    for n, visit in enumerate(FairVisit.objects.filter(fair=past).order_by("pk")):
        # Most landings during the fair, some in the weeks after (tourists back home).
        offset = dt.timedelta(days=n % 10, hours=10 + n % 8) if n % 4 else dt.timedelta(days=12 + n, hours=20)
        FairVisit.objects.filter(pk=visit.pk).update(
            created_at=timezone.make_aware(dt.datetime.combine(past.starts_on, dt.time())) + offset)
    log(f"demo fairs: 2 fairs, {len(artisans)} stands each, {sales} past stand sales, {PAST_VISITS} label visits")
    return {"fairs": 2, "sales": sales}
