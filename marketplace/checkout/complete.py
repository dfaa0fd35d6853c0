"""checkoutComplete: validate, allocate stock under row locks, turn the checkout into an order.

Stock rows are locked with SELECT ... FOR UPDATE in primary-key order, so concurrent completions for
the same piece queue up and the later ones see the allocation of the first: a unique piece is sold once."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import connection, transaction

from marketplace.accounts.addresses import copy_address
from marketplace.checkout.models import Checkout
from marketplace.checkout.pricing import CheckoutInfo, load_checkout_info
from marketplace.checkout.services import get_checkout, require_checkout_owner, require_hotel_name
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.views import bump_catalog_version
from marketplace.inventory.models import Allocation, Reservation, Stock
from marketplace.inventory.selectors import active_reservations
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
    checkout = info.checkout
    tracked = {li.line.variant_id for li in info.lines if li.variant.track_inventory}
    stocks = list(Stock.objects.select_for_update(of=("self",))
                  .filter(product_variant_id__in=tracked, warehouse__channels=checkout.channel_id)
                  .annotate(held=active_reservations(checkout.pk)).order_by("pk"))
    allocations = []
    short = []
    for order_line in lines:
        if order_line.variant_id not in tracked:
            continue
        needed = order_line.quantity
        for stock in stocks:
            if stock.product_variant_id != order_line.variant_id or not needed:
                continue
            take = min(needed, max(0, stock.quantity - stock.quantity_allocated - stock.held))
            if take:
                stock.quantity_allocated += take
                allocations.append(Allocation(order_line=order_line, stock=stock, quantity_allocated=take))
                needed -= take
        if needed:
            short.append(order_line.product_name)
    if short:
        raise MutationError([FieldError("lines", "Insufficient product stock: " + ", ".join(short) +
                                        ". Someone else has just bought it.", "INSUFFICIENT_STOCK")])
    Stock.objects.bulk_update({a.stock.pk: a.stock for a in allocations}.values(), ["quantity_allocated"])
    for allocation in allocations:
        allocation.order_line_id = allocation.order_line.pk
    Allocation.objects.bulk_create(allocations)
    if allocations:
        # Availability shown in cached catalog answers changes (a sold unique piece): drop them at commit.
        transaction.on_commit(bump_catalog_version)


def _material(product: Any) -> str:
    values = getattr(product, "_materials", None)
    return ", ".join(values) if values else ""


def _load_materials(info: CheckoutInfo) -> None:
    from marketplace.catalog.models import AssignedProductAttributeValue

    product_ids = {li.product.pk for li in info.lines}
    rows = (AssignedProductAttributeValue.objects.filter(product_id__in=product_ids, value__attribute__slug="materiau")
            .values_list("product_id", "value__name"))
    materials: dict[int, list[str]] = {}
    for product_id, name in rows:
        materials.setdefault(product_id, []).append(name)
    for li in info.lines:
        li.product._materials = materials.get(li.product.pk, [])


def complete_checkout(token: Any, user: Any = None) -> Order:
    existing = Order.objects.filter(checkout_token=token).first()
    if existing is not None:
        return existing  # completed already (a retried request): the same order, as Saleor
    with transaction.atomic():
        checkout = get_checkout(token, for_update=True)
        require_checkout_owner(checkout, user)
        info = load_checkout_info(checkout)
        _validate(info)
        transactions = list(TransactionItem.objects.filter(checkout=checkout).order_by("created_at", "pk"))
        payment_method, charged = _payment(info, transactions)
        order = _create_order(info, payment_method, charged, user)
        TransactionItem.objects.filter(pk__in=[t.pk for t in transactions]).update(order=order, checkout=None)
        Reservation.objects.filter(checkout_line__checkout=checkout).delete()
        checkout.lines.all()._raw_delete(checkout.lines.db)
        Checkout.objects.filter(pk=checkout.pk)._raw_delete(connection.alias)
    from marketplace.orders.services import after_order_placed

    after_order_placed(order)
    return order


def _create_order(info: CheckoutInfo, payment_method: str, charged: Decimal, user: Any) -> Order:
    checkout = info.checkout
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('orders_order_number_seq')")
        number = cursor.fetchone()[0]
    method = info.selected_method
    subtotal, shipping, total = info.subtotal, info.shipping_price, info.total
    is_paid = charged >= total.gross
    order = Order.objects.create(
        number=number, checkout_token=checkout.pk, channel=checkout.channel,
        user=checkout.user, user_email=checkout.email, language_code=checkout.language_code,
        billing_address=copy_address(checkout.billing_address),
        shipping_address=copy_address(checkout.shipping_address) if info.is_shipping_required else None,
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
    warehouses = dict(Stock.objects.filter(product_variant_id__in=[li.variant.pk for li in info.lines])
                      .values_list("warehouse__artisan_id", "warehouse_id"))
    fulfillments = Fulfillment.objects.bulk_create([
        Fulfillment(order=order, artisan_id=artisan_id, fulfillment_order=index + 1,
                    warehouse_id=warehouses.get(artisan_id))
        for index, artisan_id in enumerate(artisans)])
    by_artisan = {f.artisan_id: f for f in fulfillments}
    lines = OrderLine.objects.bulk_create([
        OrderLine(order=order, fulfillment=by_artisan[li.product.artisan_id], artisan_id=li.product.artisan_id,
                  variant=li.variant, product_name=li.product.name, variant_name=li.variant.name,
                  product_sku=li.variant.sku or "", quantity=li.line.quantity, currency=info.currency,
                  unit_price_gross=li.unit.gross, unit_price_net=li.unit.net, total_price_gross=li.total.gross,
                  total_price_net=li.total.net, tax_rate=info.vat_rate, is_shipping_required=li.requires_shipping,
                  hs_code=li.variant.hs_code or li.product.product_type.hs_code, material=_material(li.product),
                  country_of_origin=li.variant.country_of_origin or "MA")
        for li in info.lines])
    _allocate(info, lines)
    events = [OrderEvent(order=order, type="PLACED", user=user if getattr(user, "is_authenticated", False) else None,
                         parameters={"payment_method": payment_method})]
    if is_paid:
        events.append(OrderEvent(order=order, type="ORDER_FULLY_PAID", parameters={"amount": str(charged)}))
    OrderEvent.objects.bulk_create(events)
    order._lines_cache = lines
    return order
