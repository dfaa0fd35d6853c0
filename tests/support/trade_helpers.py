"""Trade test helpers (tests/marketplace/trade, tests/storefront, tests/e2e): verified buyers, pieces offered
wholesale with known stock, packs, capacity and photos, made through the trade services as the atelier and
curation would."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

BUYER_PASSWORD = "Trade-buyer-2026"
TOKEN_CREATE = "mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) { token errors { code } } }"
LYON_ADDRESS = {"street_address_1": "8 rue de Brest", "city": "Lyon", "postal_code": "69002", "phone": "+33478000001"}


def admin() -> Any:
    from marketplace.accounts.models import User

    return User.objects.get(email="admin@demo.maalem.ma")


def make_buyer(*, country: str = "FR", verified: bool = True, trusted: bool = False, language: str = "fr",
               email: str | None = None) -> tuple[Any, Any]:
    """A user with a trade application (FR: a Lyon concept store; CA: a Montréal distributor)."""
    from marketplace.accounts.models import User
    from marketplace.trade import account_services

    email = email or f"trade-{uuid.uuid4().hex[:10]}@example.com"
    user = User.objects.create_user(email, BUYER_PASSWORD, language_code=language)
    if country == "FR":
        data = {"company_name": "Comptoir des Canuts", "country": "FR", "tax_id": "FR40303265045", "tax_id_kind": "VAT",
                "shop_kind": "CONCEPT_STORE", "shop_address": dict(LYON_ADDRESS)}
    else:
        data = {"company_name": "Maple & Atlas Ltd", "country": "CA", "tax_id": "123456789RT0001",
                "tax_id_kind": "BUSINESS_NUMBER", "shop_kind": "DISTRIBUTOR", "shop_address": {
                    "street_address_1": "200 rue Saint-Paul Ouest", "city": "Montréal", "postal_code": "H2Y 1Z8",
                    "country_area": "QC"}}
    account = account_services.apply(user, data)
    if verified:
        account = account_services.approve(admin(), account.pk, trusted=trusted)
    user.refresh_from_db()
    user.__dict__.pop("_maalem_trade_account", None)  # read again: the curator's decision changed it
    return user, account


def trade_artisans(count: int = 3) -> list[Any]:
    """Verified demo artisans with a workshop and a member, in a fixed order."""
    from marketplace.artisans.models import Artisan

    return list(Artisan.objects.filter(verification_status="VERIFIED", warehouse__isnull=False,
                                       memberships__isnull=False).distinct().order_by("pk")[:count])


def make_piece(artisan: Any, *, mad: str = "400", stock: int | None = 5, pack: int = 1, capacity: int = 10,
               weeks: int = 6, photo: bool = True, name: str | None = None, hs_code: str = "691200") -> Any:
    """A repeatable piece of `artisan` listed in the retail markets at `mad` MAD and offered wholesale (prices
    from the trade rule), with `stock` units in its workshop (None: no stock row at all, a piece only made to
    order); returns the variant (product loaded)."""
    from django.utils import timezone

    from marketplace.catalog import models as cm
    from marketplace.catalog.services import set_variant_prices_from_mad
    from marketplace.channels.models import Channel
    from marketplace.inventory import services as inventory
    from marketplace.media.models import ProductMedia
    from marketplace.trade import offer_services

    tag = uuid.uuid4().hex[:8]
    source = cm.Product.objects.filter(media__status="READY").order_by("pk").first()
    product = cm.Product.objects.create(product_type=source.product_type, category=source.category, artisan=artisan,
                                        name=name or f"Bol de test {tag}", slug=f"bol-test-{tag}",
                                        description_plaintext="Bol tourné et émaillé à la main.")
    variant = cm.ProductVariant.objects.create(product=product, sku=f"TR-{tag}".upper(), weight_kg=Decimal("0.6"),
                                               length_cm=Decimal("15"), width_cm=Decimal("15"),
                                               height_cm=Decimal("8"), hs_code=hs_code)
    cm.Product.objects.filter(pk=product.pk).update(default_variant=variant)
    now = timezone.now()
    retail = list(Channel.objects.exclude(kind=Channel.Kind.TRADE))
    for channel in retail:
        cm.ProductChannelListing.objects.create(product=product, channel=channel, is_published=True, published_at=now,
                                                available_for_purchase_at=now, currency=channel.currency_code)
    set_variant_prices_from_mad([variant.pk], {variant.pk: Decimal(mad)}, retail)
    cm.ProductVariantChannelListing.objects.filter(variant=variant).exclude(currency="MAD").update(
        price_overridden=False)
    if photo and source.media.exists():
        first = source.media.filter(status="READY").order_by("sort_order", "pk").first()
        ProductMedia.objects.create(product=product, status="READY", files=first.files, alt=product.name,
                                    sort_order=1)
    if stock is not None:
        inventory.set_quantity(artisan.warehouse.pk, variant.pk, stock)
    offer_services.set_product_offer(admin(), product.pk, True)
    offer_services.update_variant_terms(admin(), variant.pk, {"pack_size": pack, "made_to_order_capacity": capacity,
                                                              "lead_time_weeks": weeks})
    variant.refresh_from_db()
    return variant


def set_minimums(artisan: Any, first: str, reorder: str) -> None:
    from marketplace.trade import offer_services

    offer_services.update_artisan_terms(admin(), artisan.pk, first_order_minimum=Decimal(first),
                                        reorder_minimum=Decimal(reorder))


def member_of(artisan: Any) -> Any:
    return artisan.memberships.select_related("user").order_by("pk").first().user


def pdf_text(content: bytes) -> str:
    """A PDF's text as poppler's pdftotext lays it out."""
    import subprocess
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        return subprocess.run(["pdftotext", "-layout", handle.name, "-"], capture_output=True, text=True,
                              check=True).stdout
