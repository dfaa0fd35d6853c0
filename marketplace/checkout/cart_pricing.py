"""Prices of a cart that is not a checkout yet (the storefront keeps its cart in the visitor's session and
creates the checkout only when the buyer starts paying, so that nothing is held before then).

Each line is priced as a checkout prices it before an address is known (`checkout/pricing.py`): the variant's
listed price in the channel, VAT as the channel includes it, times the quantity; no delivery. A line whose
variant the caller cannot see in the channel (unknown, unlisted, product not visible to them, no price)
gets no price and counts in no total. Nothing is written or held."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from marketplace.catalog.models import ProductVariantChannelListing
from marketplace.catalog.selectors import visible_products
from marketplace.channels.models import Channel
from marketplace.taxes.vat import TaxedAmount, taxed, vat_rate_for

MAX_CART_LINES = 100
MAX_CART_LINE_QUANTITY = 10_000


class CartInputError(ValueError):
    """A cart the API refuses to price (too many lines, a quantity out of range)."""


@dataclass(frozen=True)
class CartLinePrice:
    variant_id: int
    quantity: int
    currency: str
    unit: TaxedAmount | None  # None: not sold to the caller in the channel
    total: TaxedAmount | None


@dataclass(frozen=True)
class CartPrices:
    currency: str
    lines: list[CartLinePrice]

    @property
    def subtotal(self) -> TaxedAmount | None:
        """The sum of the priced lines; None when no line has a price."""
        priced = [line.total for line in self.lines if line.total is not None]
        if not priced:
            return None
        return sum(priced[1:], priced[0])


def price_cart(channel: Channel, lines: list[tuple[int, int]], user: Any = None) -> CartPrices:
    """`lines` are (variant pk, quantity) pairs, in the cart's order; the answer keeps that order."""
    if len(lines) > MAX_CART_LINES:
        raise CartInputError(f"A cart has at most {MAX_CART_LINES} lines.")
    for _variant, quantity in lines:
        if not 1 <= quantity <= MAX_CART_LINE_QUANTITY:
            raise CartInputError(f"A line's quantity must be between 1 and {MAX_CART_LINE_QUANTITY}.")
    variant_ids = {variant for variant, _quantity in lines}
    listed = dict(ProductVariantChannelListing.objects.filter(
        channel=channel, variant_id__in=variant_ids, price_amount__isnull=False,
        variant__product__in=visible_products(channel, user),
    ).values_list("variant_id", "price_amount"))
    rate = vat_rate_for(channel.vat_rate, None)  # no address yet: the channel's own VAT, as a new checkout
    priced = []
    for variant, quantity in lines:
        unit = taxed(listed[variant], channel.vat_rate, rate) if variant in listed else None
        total = unit.times(quantity) if unit else None
        priced.append(CartLinePrice(variant, quantity, channel.currency_code, unit, total))
    return CartPrices(currency=channel.currency_code, lines=priced)
