"""Orders placed without a checkout: a sale made face to face (a fair's stand), paid on the spot.

The caller gives the line's price (the seller may lower the listed one), the payment and, when the piece is
sent home, the shipping method and its price; this module writes the order, its fulfilment, line, payment
transaction and events, then hands the line to `allocate` (the stock rule) inside the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection

from marketplace.accounts.models import Address
from marketplace.catalog.models import AssignedProductAttributeValue, ProductVariant
from marketplace.channels.models import Channel
from marketplace.orders.models import Fulfillment, Order, OrderEvent, OrderLine
from marketplace.taxes.vat import net_of

CENT = Decimal("0.01")


@dataclass
class Shipping:
    """Where and how a piece sold face to face is sent (None: the buyer takes it away)."""

    address: Address
    method: Any  # a ShippingMethod
    price: Decimal
    weight_kg: Decimal


@dataclass
class DirectSale:
    channel: Channel
    variant: ProductVariant
    unit_price: Decimal  # gross, in the channel's currency
    payment_method: str  # Order.Payment
    gateway: str  # the TransactionItem's gateway id
    email: str
    language_code: str
    user: Any
    metadata: dict[str, str]
    shipping: Shipping | None = None



def place_paid_order(sale: DirectSale, allocate: Callable[[OrderLine], None]) -> Order:
    """Write the order of one piece, paid in full; run inside the caller's transaction."""
    from marketplace.payments.models import TransactionEvent, TransactionItem

    channel, variant, product = sale.channel, sale.variant, sale.variant.product
    vat = channel.vat_rate
    shipping_gross = sale.shipping.price if sale.shipping else Decimal("0")
    total = sale.unit_price + shipping_gross
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('orders_order_number_seq')")
        number = cursor.fetchone()[0]
    handed_over = sale.shipping is None
    user = sale.user if getattr(sale.user, "is_authenticated", False) else None
    order = Order.objects.create(
        number=number, channel=channel, user=None, user_email=sale.email, language_code=sale.language_code,
        billing_address=None, shipping_address=sale.shipping.address if sale.shipping else None,
        shipping_method=sale.shipping.method if sale.shipping else None,
        shipping_method_name=sale.shipping.method.name if sale.shipping else "",
        payment_method=sale.payment_method, currency=channel.currency_code, vat_rate=vat,
        subtotal_gross=sale.unit_price, subtotal_net=net_of(sale.unit_price, vat),
        shipping_gross=shipping_gross, shipping_net=net_of(shipping_gross, vat),
        total_gross=total, total_net=net_of(total, vat), total_charged=total,
        weight_kg=sale.shipping.weight_kg if sale.shipping else Decimal("0"),
        status=Order.Status.FULFILLED if handed_over else Order.Status.UNFULFILLED, metadata=sale.metadata)
    warehouse = variant.stocks.filter(warehouse__artisan_id=product.artisan_id).values_list("warehouse_id",
                                                                                          flat=True).first()
    fulfillment = Fulfillment.objects.create(
        order=order, artisan_id=product.artisan_id, fulfillment_order=1, warehouse_id=warehouse,
        stage=Fulfillment.Stage.DELIVERED if handed_over else Fulfillment.Stage.PENDING)
    materials = AssignedProductAttributeValue.objects.filter(
        product=product, value__attribute__slug="materiau").values_list("value__name", flat=True)
    line = OrderLine.objects.create(
        order=order, fulfillment=fulfillment, artisan_id=product.artisan_id, variant=variant,
        product_name=product.name, variant_name=variant.name, product_sku=variant.sku or "", quantity=1,
        currency=channel.currency_code, unit_price_gross=sale.unit_price, unit_price_net=net_of(sale.unit_price, vat),
        total_price_gross=sale.unit_price, total_price_net=net_of(sale.unit_price, vat), tax_rate=vat,
        is_shipping_required=not handed_over, hs_code=variant.hs_code or product.product_type.hs_code,
        material=", ".join(materials), country_of_origin=variant.country_of_origin or "MA")
    allocate(line)
    item = TransactionItem.objects.create(order=order, gateway=sale.gateway, name=order.get_payment_method_display(),
                                          currency=order.currency, amount=total, charged_value=total)
    TransactionEvent.objects.create(transaction=item, type="CHARGE_SUCCESS", amount=total, currency=order.currency,
                                    message="Paid on the spot", created_by=user)
    events = [OrderEvent(order=order, type="PLACED", user=user, parameters={"payment_method": sale.payment_method}),
              OrderEvent(order=order, type="ORDER_FULLY_PAID", parameters={"amount": str(total)})]
    if handed_over:
        events.append(OrderEvent(order=order, type="FULFILLMENT_FULFILLED_ITEMS", user=user,
                                 parameters={"artisan": product.artisan.name, "stage": fulfillment.stage}))
    OrderEvent.objects.bulk_create(events)
    return order
