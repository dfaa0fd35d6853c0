"""Everything a checkout costs, computed on the server from the channel listings: line prices, VAT per
destination, shipping by chargeable weight, totals. Loaded in a fixed number of queries, whatever the
number of lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from marketplace.catalog.models import ProductChannelListing, ProductVariantChannelListing
from marketplace.checkout.models import Checkout, CheckoutLine
from marketplace.core.prepared import INT_ARG, TIME_ARG, UUID_ARG, PreparedQuery
from marketplace.inventory.models import Reservation
from marketplace.shipping import services as shipping
from marketplace.taxes.vat import ZERO, TaxedAmount, taxed, vat_rate_for


@dataclass
class LineInfo:
    line: CheckoutLine
    listed_price: Decimal | None  # None: not available in the channel
    published: bool
    unit: TaxedAmount = ZERO
    total: TaxedAmount = ZERO

    @property
    def variant(self):
        return self.line.variant

    @property
    def product(self):
        return self.line.variant.product

    @property
    def requires_shipping(self) -> bool:
        return self.product.product_type.is_shipping_required


@dataclass
class CheckoutInfo:
    checkout: Checkout
    lines: list[LineInfo] = field(default_factory=list)
    holds_changed: bool = False  # the lines' stock holds were replaced after they were read

    @property
    def first_hold(self) -> datetime | None:
        """When the first of the lines' stock holds expires, as read with the lines (None: no hold)."""
        return min((li.line.first_hold for li in self.lines if li.line.first_hold is not None), default=None)

    @property
    def channel(self):
        return self.checkout.channel

    @property
    def currency(self) -> str:
        return self.channel.currency_code

    @property
    def is_shipping_required(self) -> bool:
        return any(line.requires_shipping for line in self.lines)

    @property
    def destination_country(self) -> str | None:
        if self.checkout.collection_point_id:
            return self.checkout.collection_point.address.country
        address = self.checkout.shipping_address
        return address.country if address else None

    @property
    def vat_rate(self) -> Decimal:
        return vat_rate_for(self.channel.vat_rate, self.destination_country)

    @cached_property
    def weight_kg(self) -> Decimal:
        return sum((shipping.chargeable_weight(li.variant, li.line.quantity) for li in self.lines), Decimal("0"))

    @cached_property
    def shipping_methods(self) -> list:
        if not self.is_shipping_required:
            return []
        return [method for method, _ in shipping.methods_for(self.channel, self.checkout.shipping_address,
                                                             self.weight_kg)]

    @cached_property
    def collection_points(self) -> list:
        if not self.is_shipping_required:
            return []
        return shipping.collection_points(self.channel, {li.product.artisan_id for li in self.lines})

    @cached_property
    def selected_method(self):
        method_id = self.checkout.shipping_method_id
        if method_id is None:
            return None
        return next((m for m in self.shipping_methods if m.pk == method_id), None)

    @property
    def shipping_price(self) -> TaxedAmount:
        method = self.selected_method
        if method is None or not self.is_shipping_required:
            return ZERO
        return taxed(method.price_amount, self.channel.vat_rate, self.vat_rate)

    @property
    def subtotal(self) -> TaxedAmount:
        return sum((li.total for li in self.lines), ZERO)

    @property
    def total(self) -> TaxedAmount:
        return self.subtotal + self.shipping_price

    @property
    def quantity(self) -> int:
        return sum(li.line.quantity for li in self.lines)


# Long texts, photo maps and the search index that no price, order line or checkout answer reads: decoding
# them for every line of every step was a visible share of a checkout's CPU (read on demand if ever asked).
LARGE_COLUMNS = ("variant__product__description", "variant__product__description_plaintext",
                 "variant__product__search_document", "variant__product__search_vector",
                 "variant__product__artisan__story", "variant__product__artisan__portrait",
                 "variant__product__artisan__workshop_photos")


def _lines_query(checkout_id: Any, channel_id: int, now: datetime) -> QuerySet:
    """Lines with variants, products, types and artisans, each with its channel price, whether its product
    is published and for sale in the channel at `now`, and when its first stock hold expires."""
    listing = ProductVariantChannelListing.objects.filter(variant_id=OuterRef("variant_id"), channel_id=channel_id)
    published = ProductChannelListing.objects.filter(
        product_id=OuterRef("variant__product_id"), channel_id=channel_id, is_published=True
    ).filter(Q(published_at__isnull=True) | Q(published_at__lte=now)).filter(
        Q(available_for_purchase_at__isnull=True) | Q(available_for_purchase_at__lte=now))
    first_hold = Reservation.objects.filter(checkout_line_id=OuterRef("pk")).order_by("reserved_until").values(
        "reserved_until")[:1]
    return (CheckoutLine.objects.filter(checkout_id=checkout_id)
            .select_related("variant__product__product_type", "variant__product__artisan")
            .defer(*LARGE_COLUMNS).order_by("created", "pk")
            .annotate(channel_price=Subquery(listing.values("price_amount")[:1]), listed=Exists(listing),
                      product_published=Exists(published), first_hold=Subquery(first_hold)))


_LINES = PreparedQuery(CheckoutLine, _lines_query, UUID_ARG, INT_ARG, TIME_ARG)


def load_checkout_info(checkout: Checkout) -> CheckoutInfo:
    """Lines with variants, products, types, artisans and their prices in the channel (1 query)."""
    cached = getattr(checkout, "_info", None)
    if cached is not None:
        return cached
    info = CheckoutInfo(checkout=checkout)
    for line in _LINES(checkout.pk, checkout.channel_id, timezone.now()):
        line.checkout = checkout
        info.lines.append(LineInfo(line=line, listed_price=line.channel_price,
                                   published=bool(line.listed and line.product_published)))
    rate = info.vat_rate
    for li in info.lines:
        if li.listed_price is not None:
            li.unit = taxed(li.listed_price, checkout.channel.vat_rate, rate)
            li.total = li.unit.times(li.line.quantity)
    checkout._info = info
    return info


def forget_info(checkout: Checkout) -> None:
    checkout.__dict__.pop("_info", None)
