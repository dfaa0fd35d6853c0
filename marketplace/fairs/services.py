"""Every write of the fairs app and its rules: curators create fairs and assign stands; an artisan's member
records a sale on the stand (an order with the fair as its source, paid on the spot, allocated at once through
the same stock rule as online checkouts); a scanned label's landing is counted as a visit.

A stand sale carries a client-made idempotency key: the same key always yields the same sale, whether the
retry comes after the first one committed or while it is still running (a transaction-level advisory lock
on the key serialises them)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from marketplace.artisans.models import Artisan
from marketplace.catalog.models import Collection, Product, ProductVariant, ProductVariantChannelListing
from marketplace.channels.models import Channel
from marketplace.core.errors import FieldError, MutationError, PermissionDenied
from marketplace.core.models import LANGUAGE_CODES
from marketplace.core.permissions import is_admin, member_artisan_ids, require_authenticated, require_curator
from marketplace.fairs.models import Fair, FairStand, FairTranslation, FairVisit, StandSale
from marketplace.fairs.stock import allocate_stand_sale
from marketplace.orders.direct import DirectSale, Shipping, place_paid_order
from marketplace.orders.models import Order

MAX_COMMISSION = Decimal("0.5")
MAX_PRICE = Decimal("1e10")  # prices are stored with 12 digits, 2 of them decimals
STAND_GATEWAYS = {StandSale.Payment.CASH: "maalem.payments.stand-cash",
                  StandSale.Payment.CARD: "maalem.payments.stand-card"}
ORDER_PAYMENT = {StandSale.Payment.CASH: Order.Payment.STAND_CASH, StandSale.Payment.CARD: Order.Payment.STAND_CARD}


def _error(field: str | None, message: str, code: str = "INVALID") -> MutationError:
    return MutationError([FieldError(field, message, code)])


# --- Fairs and stands (curators) ------------------------------------------------------------------------


def _text(data: dict, name: str, limit: int, *, required: bool) -> str | None:
    if name not in data or data[name] is None:
        if required:
            raise _error(name, "This field is required.", "REQUIRED")
        return None
    value = str(data[name]).strip()
    if required and not value:
        raise _error(name, "This field is required.", "REQUIRED")
    if len(value) > limit:
        raise _error(name, f"At most {limit} characters.", "INVALID")
    return value


def _apply(fair: Fair, data: dict, *, creating: bool) -> list[Channel] | None:
    for name, limit in (("name", 250), ("city", 120), ("venue", 250)):
        value = _text(data, name, limit, required=creating)
        if value is not None:
            setattr(fair, name, value)
    if data.get("slug") is not None or creating:
        slug = slugify(data.get("slug") or fair.name)[:120]
        if not slug:
            raise _error("slug", "Enter a slug of letters, digits and hyphens.")
        if Fair.objects.filter(slug=slug).exclude(pk=fair.pk).exists():
            raise _error("slug", f"A fair with the slug {slug} exists already.", "UNIQUE")
        fair.slug = slug
    if data.get("map_url") is not None:
        url = str(data["map_url"]).strip()
        if url:
            try:
                URLValidator(schemes=["https", "http"])(url)
            except ValidationError:
                raise _error("map_url", "Enter a web address (https://…).") from None
        fair.map_url = url
    for name in ("starts_on", "ends_on"):
        if data.get(name) is not None:
            setattr(fair, name, data[name])
        elif creating:
            raise _error(name, "This field is required.", "REQUIRED")
    if fair.ends_on < fair.starts_on:
        raise _error("ends_on", "The fair cannot end before it starts.")
    if data.get("commission_rate") is not None:
        rate = Decimal(data["commission_rate"])
        if not rate.is_finite() or rate < 0 or rate > MAX_COMMISSION:
            raise _error("commission_rate", f"A commission rate is between 0 and {MAX_COMMISSION}.")
        fair.commission_rate = rate
    if "collection" in data:
        fair.collection = None if data["collection"] is None else Collection.objects.filter(
            pk=data["collection"]).first()
        if data["collection"] is not None and fair.collection is None:
            raise _error("collection", "Couldn't resolve to a node: collection.", "NOT_FOUND")
    if data.get("channels") is None:
        if creating:
            raise _error("channels", "Choose the markets the fair sells in.", "REQUIRED")
        return None
    slugs = list(dict.fromkeys(data["channels"]))
    channels = list(Channel.objects.filter(slug__in=slugs))
    if not slugs or len(channels) != len(slugs):
        missing = sorted(set(slugs) - {c.slug for c in channels}) or ["(none)"]
        raise _error("channels", f"Unknown market: {', '.join(missing)}.", "NOT_FOUND")
    return channels


def _translations(fair: Fair, items: list[dict] | None) -> None:
    for item in items or []:
        language = str(getattr(item["language_code"], "value", item["language_code"])).lower()
        if language not in LANGUAGE_CODES or language == "fr":
            raise _error("translations", "Translations are in ar or en (French is the fair's own name).")
        name = _text(item, "name", 250, required=True)
        venue = _text(item, "venue", 250, required=False) or ""
        FairTranslation.objects.update_or_create(fair=fair, language_code=language,
                                                 defaults={"name": name, "venue": venue})


@transaction.atomic
def create_fair(user: Any, data: dict) -> Fair:
    require_curator(user)
    fair = Fair()
    channels = _apply(fair, data, creating=True)
    fair.save()
    fair.channels.set(channels)
    _translations(fair, data.get("translations"))
    return fair


@transaction.atomic
def update_fair(user: Any, fair: Fair, data: dict) -> Fair:
    require_curator(user)
    fair = Fair.objects.select_for_update().get(pk=fair.pk)
    channels = _apply(fair, data, creating=False)
    fair.save()
    if channels is not None:
        fair.channels.set(channels)
    _translations(fair, data.get("translations"))
    return fair


@transaction.atomic
def assign_stand(user: Any, fair: Fair, artisan: Artisan, *, number: str, hall: str = "") -> FairStand:
    """Give the artisan a stand at the fair, or move it (one stand per artisan and fair)."""
    require_curator(user)
    number, hall = (number or "").strip(), (hall or "").strip()
    if not number:
        raise _error("number", "Enter the stand's number.", "REQUIRED")
    if len(number) > 16 or len(hall) > 60:
        raise _error("number" if len(number) > 16 else "hall", "Too long.")
    if artisan.verification_status != Artisan.Verification.VERIFIED:
        raise _error("artisan", "Only artisans verified by the ministry get a stand.", "ARTISAN_NOT_VERIFIED")
    taken = FairStand.objects.filter(fair=fair, number__iexact=number, hall__iexact=hall).exclude(artisan=artisan)
    if taken.exists():
        raise _error("number", f"Stand {number} is already given to {taken.first().artisan.name}.", "STAND_TAKEN")
    stand, _ = FairStand.objects.update_or_create(fair=fair, artisan=artisan,
                                                  defaults={"number": number, "hall": hall})
    return stand


@transaction.atomic
def remove_stand(user: Any, fair: Fair, artisan: Artisan) -> None:
    require_curator(user)
    if StandSale.objects.filter(fair=fair, artisan=artisan).exists():
        raise _error("artisan", "This artisan has recorded sales at the fair: the stand stays.", "STAND_HAS_SALES")
    deleted, _ = FairStand.objects.filter(fair=fair, artisan=artisan).delete()
    if not deleted:
        raise _error("artisan", "This artisan has no stand at the fair.", "NOT_FOUND")


def record_visit(fair_slug: str, *, product_slug: str | None = None, channel_slug: str | None = None,
                 request: Any = None) -> FairVisit:
    """A landing from a fair's QR label (anyone may report one: the figures count landings, not buyers;
    a client past RATELIMIT_FAIR_VISIT_IP is refused, so one script cannot inflate them)."""
    from marketplace.core.ratelimit import enforce

    enforce("fair_visit", request, field="fair")
    fair = Fair.objects.filter(slug=fair_slug).first()
    if fair is None:
        raise _error("fair", "Couldn't resolve to a node: fair.", "NOT_FOUND")
    product = Product.objects.filter(slug=product_slug).only("pk").first() if product_slug else None
    channel = Channel.objects.filter(slug=channel_slug).only("pk").first() if channel_slug else None
    return FairVisit.objects.create(fair=fair, product=product, channel=channel)


# --- Stand sales (artisans' members) ------------------------------------------------------------------


@dataclass
class StandSaleInput:
    fair: Fair
    variant_id: int
    idempotency_key: uuid.UUID
    payment: str
    price: Decimal | None = None
    email: str = ""
    language_code: str = "fr"
    channel_slug: str | None = None
    shipping_address: dict | None = None
    shipping_method_id: int | None = None


def _stand_channel(fair: Fair, slug: str | None) -> Channel:
    channels = list(fair.channels.order_by("sort_order", "slug"))
    if slug:
        chosen = next((c for c in channels if c.slug == slug), None)
        if chosen is None:
            raise _error("channel", f"The fair does not sell in the market {slug}.", "NOT_FOUND")
        return chosen
    if not channels:
        raise _error("channel", "The fair sells in no market.", "NOT_FOUND")
    return channels[0]


def _shipping(channel: Channel, variant: ProductVariant, address_input: dict, method_id: int | None) -> Shipping:
    from marketplace.accounts.addresses import address_from_input
    from marketplace.shipping.services import chargeable_weight, methods_for

    try:
        address = address_from_input(address_input)
    except MutationError as error:
        raise MutationError([FieldError("shipping_address", f"{e.field}: {e.message}" if e.field else e.message,
                                        e.code) for e in error.errors]) from None
    weight = chargeable_weight(variant, 1)
    methods = methods_for(channel, address, weight)
    if method_id is not None:
        methods = [(m, price) for m, price in methods if m.pk == method_id]
    if not methods:
        raise _error("shipping_method", "No delivery from the fair to this address in this market.",
                     "SHIPPING_METHOD_NOT_APPLICABLE")
    method, price = methods[0]  # the cheapest first
    return Shipping(address=address, method=method, price=price, weight_kg=weight)


def _price(listed: Decimal, wanted: Decimal | None) -> Decimal:
    if wanted is None:
        return listed
    try:
        price = Decimal(wanted)
        if not price.is_finite() or abs(price) >= MAX_PRICE:
            raise InvalidOperation
        price = price.quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise _error("price", "Enter a price.") from None
    if price <= 0:
        raise _error("price", "The price must be greater than zero.", "INVALID_PRICE")
    if price > listed:
        raise _error("price", f"The price may be lowered, not raised above the listed {listed}.",
                     "PRICE_ABOVE_LISTED")
    return price


def _lock_key(key: uuid.UUID) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [f"stand-sale:{key}"])


def _existing(key: uuid.UUID, data: StandSaleInput, artisan_ids: set[int] | None) -> StandSale | None:
    sale = StandSale.objects.select_related("order", "fair").filter(idempotency_key=key).first()
    if sale is None:
        return None
    line = sale.order.lines.first()
    same = sale.fair_id == data.fair.pk and line is not None and line.variant_id == data.variant_id
    if not same or (artisan_ids is not None and sale.artisan_id not in artisan_ids):
        raise _error("idempotency_key", "This key was used for another sale: make a new one.",
                     "IDEMPOTENCY_KEY_REUSED")
    sale.replayed = True
    return sale


def record_stand_sale(user: Any, data: StandSaleInput, *, today: dt.date | None = None) -> StandSale:
    """Sell one piece on the artisan's stand; the same idempotency key returns the recorded sale."""
    require_authenticated(user)
    members_of = None if is_admin(user) else member_artisan_ids(user)
    with transaction.atomic():
        _lock_key(data.idempotency_key)
        existing = _existing(data.idempotency_key, data, members_of)
        if existing is not None:
            return existing
        sale, rate = _new_stand_sale(user, data, members_of, today or timezone.localdate())
    from marketplace.orders.services import after_order_placed

    after_order_placed(sale.order, commission_rate=rate)
    sale.replayed = False
    return sale


def _new_stand_sale(user: Any, data: StandSaleInput, members_of: set[int] | None,
                    today: dt.date) -> tuple[StandSale, Decimal]:
    fair = data.fair
    variant = ProductVariant.objects.select_related("product__artisan", "product__product_type").filter(
        pk=data.variant_id).first()
    if variant is None:
        raise _error("variant", "Couldn't resolve to a node: productVariant.", "NOT_FOUND")
    artisan = variant.product.artisan
    if members_of is not None and artisan.pk not in members_of:
        raise PermissionDenied("You can only sell your own artisan's pieces on your stand.")
    if not FairStand.objects.filter(fair=fair, artisan=artisan).exists():
        raise _error("fair", f"{artisan.name} has no stand at {fair.name}.", "NO_STAND")
    if not fair.starts_on <= today <= fair.ends_on:
        raise _error("fair", f"{fair.name} runs from {fair.starts_on} to {fair.ends_on}: "
                             "stand sales are recorded during the fair.", "FAIR_NOT_OPEN")
    if data.payment not in STAND_GATEWAYS:
        raise _error("payment", "Cash or card.", "INVALID")
    email = (data.email or "").strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise _error("email", "Enter a valid email address.") from None
    if data.language_code not in LANGUAGE_CODES:
        raise _error("language_code", f"Unsupported language: {data.language_code}.")
    channel = _stand_channel(fair, data.channel_slug)
    listing = ProductVariantChannelListing.objects.filter(variant=variant, channel=channel,
                                                          price_amount__isnull=False).first()
    if listing is None:
        raise _error("variant", f"This piece has no price in the market {channel.slug}.", "NOT_PRICED")
    price = _price(listing.price_amount, data.price)
    shipping = _shipping(channel, variant, data.shipping_address, data.shipping_method_id) \
        if data.shipping_address else None
    if shipping is not None and not email:
        raise _error("email", "A piece sent home needs the buyer's e-mail for its tracking.", "REQUIRED")
    order = place_paid_order(DirectSale(
        channel=channel, variant=variant, unit_price=price, payment_method=ORDER_PAYMENT[data.payment],
        gateway=STAND_GATEWAYS[data.payment], email=email, language_code=data.language_code, user=user,
        metadata={"source": fair.source}, shipping=shipping), lambda line: allocate_stand_sale(line, channel))
    sale = StandSale.objects.create(fair=fair, artisan=artisan, order=order, idempotency_key=data.idempotency_key,
                                    payment=data.payment, listed_price=listing.price_amount,
                                    currency=channel.currency_code,
                                    recorded_by=user if getattr(user, "is_authenticated", False) else None)
    return sale, fair.commission_rate
