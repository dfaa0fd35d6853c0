"""checkoutComplete: validate, allocate stock, turn the checkout into an order.

Allocation is inventory/services.py's: stock rows locked in primary-key order, then counted by a statement
of their own, so concurrent completions for the same piece queue up and the later ones see the allocation
of the first: a unique piece is sold once. The same checkout completed twice at once gives one order: the
second caller waits on the checkout's row lock, then finds the order (and gets it only if it is the buyer's)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import Q

from marketplace.accounts.addresses import copy_addresses
from marketplace.catalog.models import AssignedProductAttributeValue, ProductVariantChannelListing
from marketplace.checkout import selectors
from marketplace.checkout.models import Checkout
from marketplace.checkout.pricing import CheckoutInfo, load_checkout_info
from marketplace.checkout.services import (
    get_checkout,
    require_checkout_owner,
    require_hotel_name,
    require_owner,
)
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.prepared import INT_ARG, INTS_ARG, PreparedQuery
from marketplace.inventory import services as inventory
from marketplace.inventory.models import Stock
from marketplace.orders.models import Fulfillment, Order, OrderEvent, OrderLine
from marketplace.payments import gateways
from marketplace.payments.models import TransactionItem


def _validate(info: CheckoutInfo) -> None:
    checkout = info.checkout
    if not info.lines:
        raise MutationError([FieldError("lines", "Cannot create order without product", "NO_LINES")])
    for li in info.lines:
        if li.listed_price is None:
            raise MutationError([FieldError("lines", f"Variant {li.variant.sku} is not available in this channel.",
                                            "UNAVAILABLE_VARIANT_IN_CHANNEL")])
        if not li.published:
            raise MutationError([FieldError("lines", f"{li.product.name} is not available for purchase.",
                                            "PRODUCT_NOT_PUBLISHED")])
    if not checkout.email:
        raise MutationError([FieldError("email", "Checkout email must be set.", "EMAIL_NOT_SET")])
    if info.is_shipping_required:
        if checkout.shipping_address_id is None:
            raise MutationError([FieldError("shipping_address", "Shipping address is not set",
                                            "SHIPPING_ADDRESS_NOT_SET")])
        if checkout.shipping_method_id is None and checkout.collection_point_id is None:
            raise MutationError([FieldError("shipping_method", "Shipping method is not set",
                                            "SHIPPING_METHOD_NOT_SET")])
        if checkout.shipping_method_id is not None:
            if info.selected_method is None:
                raise MutationError([FieldError("shipping_method", "Shipping method is not valid for your "
                                                "shipping address", "INVALID_SHIPPING_METHOD")])
            require_hotel_name(checkout, info.selected_method)
        elif checkout.collection_point_id not in {w.pk for w in info.collection_points}:
            raise MutationError([FieldError("delivery_method", "This pick up point is not applicable.",
                                            "DELIVERY_METHOD_NOT_APPLICABLE")])
    if checkout.billing_address_id is None:
        raise MutationError([FieldError("billing_address", "Billing address is not set", "BILLING_ADDRESS_NOT_SET")])


def _payment(info: CheckoutInfo, transactions: list[TransactionItem]) -> tuple[str, Decimal]:
    """(payment method, amount charged): paid in full, or a gateway that is paid later (COD, transfer)."""
    total = info.total.gross
    charged = sum((t.charged_value - t.refunded_value for t in transactions), Decimal("0"))
    if charged >= total and transactions:
        paid_by = next(t for t in reversed(transactions) if t.charged_value)
        return gateways.PAYMENT_METHOD[paid_by.gateway], charged
    later = [t for t in transactions if t.gateway in gateways.PAID_LATER and t.amount >= total]
    if later:
        return gateways.PAYMENT_METHOD[later[-1].gateway], charged
    raise MutationError([FieldError(None, "Provided payment methods can not cover the checkout's total amount",
                                    "CHECKOUT_NOT_FULLY_PAID")])


def _allocate(info: CheckoutInfo, lines: list[OrderLine]) -> None:
    try:
        inventory.allocate(lines, channel_id=info.checkout.channel_id, checkout_id=info.checkout.pk)
    except inventory.InsufficientStock as error:
        names = ", ".join(shortage.line.product_name for shortage in error.shortages)
        raise MutationError([FieldError("lines", f"Insufficient product stock: {names}. Someone else has just "
                                        "bought it.", "INSUFFICIENT_STOCK")]) from None


# The order's reads of the catalogue, compiled once (core/prepared.py): each line's materials, each
# artisan's warehouse, each variant's MAD price (and whether the channel's price overrides it).
_MATERIALS = PreparedQuery(AssignedProductAttributeValue, lambda ids: AssignedProductAttributeValue.objects.filter(
    product_id__in=ids, value__attribute__slug="materiau").values_list("product_id", "value__name"), INTS_ARG)
_WAREHOUSES = PreparedQuery(Stock, lambda ids: Stock.objects.filter(product_variant_id__in=ids).values_list(
    "warehouse__artisan_id", "warehouse_id"), INTS_ARG)
_MAD_PRICES = PreparedQuery(ProductVariantChannelListing, lambda ids, channel_id: (
    ProductVariantChannelListing.objects.filter(variant_id__in=ids)
    .filter(Q(currency="MAD", price_amount__isnull=False) | Q(channel=channel_id))
    .order_by("-channel__sort_order").values_list("variant_id", "currency", "channel_id", "price_amount",
                                                  "price_overridden")), INTS_ARG, INT_ARG)


def _material(product: Any) -> str:
    values = getattr(product, "_materials", None)
    return ", ".join(values) if values else ""


def _load_materials(info: CheckoutInfo) -> None:
    rows = _MATERIALS.rows(sorted({li.product.pk for li in info.lines}))
    materials: dict[int, list[str]] = {}
    for product_id, name in rows:
        materials.setdefault(product_id, []).append(name)
    for li in info.lines:
        li.product._materials = materials.get(li.product.pk, [])


def complete_checkout(token: Any, user: Any = None) -> Order:
    try:
        with transaction.atomic():
            # Lock order: this checkout's row first (a second completion of the same checkout waits here and
            # then finds the order), then the stock rows (inventory.allocate).
            checkout = get_checkout(token, for_update=True, missing_ok=True)
            if checkout is None:
                return completed_order(token, user)
            require_checkout_owner(checkout, user)
            info = load_checkout_info(checkout)
            _validate(info)
            transactions = selectors.transactions(checkout)  # oldest first
            payment_method, charged = _payment(info, transactions)
            order = _create_order(info, payment_method, charged, user)
            TransactionItem.objects.filter(pk__in=[t.pk for t in transactions]).update(order=order, checkout=None)
            checkout.lines.all()._raw_delete(checkout.lines.db)
            Checkout.objects.filter(pk=checkout.pk)._raw_delete(connection.alias)
    except MutationError as error:
        if any(e.code == "INSUFFICIENT_STOCK" for e in error.errors):
            # This cart can no longer become an order as it is: what it still holds must not keep other
            # buyers out (the buyer's next attempt reserves again).
            inventory.release(checkout_id=token)
        raise
    from marketplace.orders.services import after_order_placed

    after_order_placed(order)
    return order


def completed_order(token: Any, user: Any) -> Order:
    """The order of a checkout completed already (a retried or concurrent request), as Saleor answers; only
    to its buyer or staff (a guest's order: to whoever holds the checkout's ID, the guest's only key)."""
    order = Order.objects.filter(checkout_token=token).first()
    if order is None:
        raise MutationError([FieldError("id", "Couldn't resolve to a node: checkout.", "NOT_FOUND")])
    require_owner(order.user_id, user)
    return order


def _artisan_units(info: CheckoutInfo) -> dict[int, Decimal]:
    """Each line's unit worth to the artisan in MAD (channels.services.artisan_unit_mad), from the variants'
    MAD prices and whether the channel's price is an override (one query)."""
    from marketplace.channels.services import artisan_unit_mad

    mad, overridden = {}, set()
    for variant_id, currency, channel_id, price, price_overridden in _MAD_PRICES.rows(
            [li.variant.pk for li in info.lines], info.channel.pk):
        if channel_id == info.channel.pk and price_overridden:
            overridden.add(variant_id)
        if currency == "MAD":
            mad[variant_id] = price  # the first MAD market's price wins (sorted last)
    return {li.line.pk: artisan_unit_mad(info.channel, li.unit.gross, mad_price=mad.get(li.variant.pk),
                                         overridden=li.variant.pk in overridden) for li in info.lines}


def _create_order(info: CheckoutInfo, payment_method: str, charged: Decimal, user: Any) -> Order:
    checkout = info.checkout
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('orders_order_number_seq')")
        number = cursor.fetchone()[0]
    method = info.selected_method
    subtotal, shipping, total = info.subtotal, info.shipping_price, info.total
    is_paid = charged >= total.gross
    billing_address, shipping_address = copy_addresses(  # one INSERT
        checkout.billing_address, checkout.shipping_address if info.is_shipping_required else None)
    order = Order.objects.create(
        number=number, checkout_token=checkout.pk, channel=checkout.channel,
        user=checkout.user, user_email=checkout.email, language_code=checkout.language_code,
        billing_address=billing_address, shipping_address=shipping_address,
        shipping_method=method, shipping_method_name=method.name if method else "",
        collection_point=checkout.collection_point,
        collection_point_name=checkout.collection_point.name if checkout.collection_point_id else "",
        customer_note=checkout.customer_note, payment_method=payment_method, currency=info.currency,
        vat_rate=info.vat_rate, subtotal_gross=subtotal.gross, subtotal_net=subtotal.net,
        shipping_gross=shipping.gross, shipping_net=shipping.net, total_gross=total.gross, total_net=total.net,
        total_charged=charged, weight_kg=info.weight_kg,
        status=Order.Status.UNFULFILLED, metadata=dict(checkout.metadata or {}),
    )
    _load_materials(info)
    artisans = []
    for li in info.lines:
        if li.product.artisan_id not in artisans:
            artisans.append(li.product.artisan_id)
    warehouses = dict(_WAREHOUSES.rows([li.variant.pk for li in info.lines]))
    fulfillments = Fulfillment.objects.bulk_create([
        Fulfillment(order=order, artisan_id=artisan_id, fulfillment_order=index + 1,
                    warehouse_id=warehouses.get(artisan_id))
        for index, artisan_id in enumerate(artisans)])
    by_artisan = {f.artisan_id: f for f in fulfillments}
    artisan_units = _artisan_units(info)
    lines = OrderLine.objects.bulk_create([
        OrderLine(order=order, fulfillment=by_artisan[li.product.artisan_id], artisan_id=li.product.artisan_id,
                  variant=li.variant, product_name=li.product.name, variant_name=li.variant.name,
                  product_sku=li.variant.sku or "", quantity=li.line.quantity, currency=info.currency,
                  unit_price_gross=li.unit.gross, unit_price_net=li.unit.net, total_price_gross=li.total.gross,
                  total_price_net=li.total.net, artisan_total_mad=artisan_units[li.line.pk] * li.line.quantity,
                  tax_rate=info.vat_rate, is_shipping_required=li.requires_shipping,
                  hs_code=li.variant.hs_code or li.product.product_type.hs_code, material=_material(li.product),
                  country_of_origin=li.variant.country_of_origin or "MA")
        for li in info.lines])
    _allocate(info, lines)
    events = [OrderEvent(order=order, type="PLACED", user=user if getattr(user, "is_authenticated", False) else None,
                         parameters={"payment_method": payment_method})]
    if is_paid:
        events.append(OrderEvent(order=order, type="ORDER_FULLY_PAID", parameters={"amount": str(charged)}))
    OrderEvent.objects.bulk_create(events)
    order._lines_cache, order._fulfillments_cache = lines, fulfillments  # the answer reads them (orders' types)
    return order
