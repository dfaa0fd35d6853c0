"""Reads of trade that carry rules: a variant's wholesale offer in a trade channel (price, retail guidance,
pack size, stock, made-to-order capacity left, lead time), each artisan's minimum for a buyer (first order
or reorder), and the cart as the buyer sees it, grouped by artisan with what is missing to each minimum.
Batched: a page of products or a cart costs a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Sum

from marketplace.catalog.models import ProductVariant, ProductVariantChannelListing
from marketplace.catalog.selectors import published_listings
from marketplace.channels.models import Channel
from marketplace.trade.models import (
    ArtisanTradeTerms,
    ProductionOrder,
    TradeAccount,
    TradeCart,
    TradeCartLine,
    VariantTradeTerms,
)
from marketplace.trade.pricing import minimum_in

OPEN_PRODUCTION = [ProductionOrder.Status.AWAITING_DEPOSIT, ProductionOrder.Status.IN_PRODUCTION]
DEFAULT_TERMS = VariantTradeTerms(pack_size=1, lead_time_weeks=0, made_to_order_capacity=0)


@dataclass
class VariantOffer:
    variant_id: int
    wholesale: Decimal | None  # None: not offered in this channel
    retail: Decimal | None  # retail price guidance: the export price in the same currency
    price_overridden: bool
    pack_size: int
    lead_time_weeks: int
    capacity: int
    capacity_left: int
    in_stock: int

    @property
    def orderable(self) -> int:
        """Most units one order can take now: free stock plus made-to-order capacity left."""
        return self.in_stock + self.capacity_left


def retail_channel(channel: Channel) -> Channel | None:
    """Where the retail price guidance comes from: the export channel of the trade channel's currency."""
    return (Channel.objects.filter(kind=Channel.Kind.EXPORT, currency_code=channel.currency_code, is_active=True)
            .order_by("sort_order").first())


def open_production_orders() -> Any:
    """Production that still takes the artisan's capacity: not ready, its order not canceled, its part not
    shipped yet (shipping or a cancellation gives the capacity back)."""
    return (ProductionOrder.objects.filter(status__in=OPEN_PRODUCTION).exclude(order_line__order__status="CANCELED")
            .exclude(order_line__fulfillment__stage__in=["SHIPPED", "DELIVERED"]))


def open_production(variant_ids: list[int]) -> dict[int, int]:
    rows = (open_production_orders().filter(variant_id__in=variant_ids)
            .values("variant_id").annotate(units=Sum("quantity")))
    return {row["variant_id"]: row["units"] for row in rows}


def variant_offers(variant_ids: list[int], channel: Channel) -> dict[int, VariantOffer]:
    from marketplace.inventory.selectors import free_quantities

    ids = list(set(variant_ids))
    listed_products = set(published_listings(channel).filter(product__variants__in=ids)
                          .values_list("product_id", flat=True))
    products = dict(ProductVariant.objects.filter(pk__in=ids).values_list("pk", "product_id"))
    prices = {row.variant_id: row for row in ProductVariantChannelListing.objects.filter(
        variant_id__in=ids, channel=channel, price_amount__isnull=False)}
    retail_ch = retail_channel(channel)
    retail = dict(ProductVariantChannelListing.objects.filter(variant_id__in=ids, channel=retail_ch)
                  .values_list("variant_id", "price_amount")) if retail_ch else {}
    terms = {t.variant_id: t for t in VariantTradeTerms.objects.filter(variant_id__in=ids)}
    busy = open_production(ids)
    free = free_quantities(ids, channel)
    offers = {}
    for vid in ids:
        listing = prices.get(vid)
        term = terms.get(vid, DEFAULT_TERMS)
        offered = listing is not None and products.get(vid) in listed_products
        offers[vid] = VariantOffer(
            variant_id=vid, wholesale=listing.price_amount if offered else None, retail=retail.get(vid),
            price_overridden=bool(listing and listing.price_overridden), pack_size=term.pack_size,
            lead_time_weeks=term.lead_time_weeks, capacity=term.made_to_order_capacity,
            capacity_left=max(0, term.made_to_order_capacity - busy.get(vid, 0)), in_stock=free.get(vid, 0))
    return offers


@dataclass
class ArtisanMinimum:
    artisan_id: int
    first_order: Decimal
    reorder: Decimal
    is_first_order: bool
    currency: str

    @property
    def amount(self) -> Decimal:
        return self.first_order if self.is_first_order else self.reorder


def artisans_ordered_from(account: TradeAccount | None) -> set[int]:
    """Artisans this account already has a trade order with (not canceled): their reorder minimum applies."""
    if account is None:
        return set()
    from marketplace.orders.models import OrderLine

    return set(OrderLine.objects.filter(order__trade__account=account).exclude(order__status="CANCELED")
               .values_list("artisan_id", flat=True).distinct())


def artisan_minimums(artisan_ids: list[int], channel: Channel, account: TradeAccount | None = None,
                     ) -> dict[int, ArtisanMinimum]:
    defaults = ArtisanTradeTerms()
    terms = {t.artisan_id: t for t in ArtisanTradeTerms.objects.filter(artisan_id__in=artisan_ids)}
    known = artisans_ordered_from(account)
    return {aid: ArtisanMinimum(aid, minimum_in(terms.get(aid, defaults).first_order_minimum, channel),
                                minimum_in(terms.get(aid, defaults).reorder_minimum, channel),
                                aid not in known, channel.currency_code)
            for aid in artisan_ids}


@dataclass
class CartLineView:
    line: TradeCartLine
    offer: VariantOffer
    channel: Channel  # the account's trade channel: the line's prices are in its currency
    problems: list[str] = field(default_factory=list)  # UNAVAILABLE, PACK_SIZE, BEYOND_CAPACITY

    @property
    def quantity(self) -> int:
        return self.line.quantity

    @property
    def in_stock_part(self) -> int:
        return min(self.quantity, self.offer.in_stock)

    @property
    def made_to_order_part(self) -> int:
        return self.quantity - self.in_stock_part

    @property
    def total(self) -> Decimal:
        return (self.offer.wholesale or Decimal(0)) * self.quantity


@dataclass
class CartGroup:
    artisan: Any
    lines: list[CartLineView]
    minimum: ArtisanMinimum

    @property
    def subtotal(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal(0))

    @property
    def missing(self) -> Decimal:
        return max(Decimal(0), self.minimum.amount - self.subtotal)


@dataclass
class CartView:
    cart: TradeCart
    channel: Channel
    groups: list[CartGroup]

    @property
    def lines(self) -> list[CartLineView]:
        return [line for group in self.groups for line in group.lines]

    @property
    def subtotal(self) -> Decimal:
        return sum((group.subtotal for group in self.groups), Decimal(0))


def line_problems(quantity: int, offer: VariantOffer) -> list[str]:
    problems = []
    if offer.wholesale is None:
        problems.append("UNAVAILABLE")
    if quantity % max(1, offer.pack_size):
        problems.append("PACK_SIZE")
    if quantity > offer.orderable:
        problems.append("BEYOND_CAPACITY")
    return problems


def cart_view(cart: TradeCart) -> CartView:
    account = cart.account
    channel = account.channel
    lines = list(cart.lines.select_related("variant__product__artisan", "variant__product__product_type"))
    offers = variant_offers([line.variant_id for line in lines], channel)
    by_artisan: dict[int, list[CartLineView]] = defaultdict(list)
    artisans: dict[int, Any] = {}
    for line in lines:
        offer = offers[line.variant_id]
        view = CartLineView(line, offer, channel, line_problems(line.quantity, offer))
        artisan = line.variant.product.artisan
        artisans[artisan.pk] = artisan
        by_artisan[artisan.pk].append(view)
    minimums = artisan_minimums(list(by_artisan), channel, account)
    groups = [CartGroup(artisans[aid], views, minimums[aid]) for aid, views in by_artisan.items()]
    return CartView(cart, channel, groups)
