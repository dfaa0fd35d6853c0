"""ArtisanOrder (marketplace extension): one artisan's part of an order, as its members read it. Its own
lines, its own fulfilment, the delivery address it ships to (in full: a parcel needs it), and its share of
the money. Never the order's token or ID (they open the whole order), the other artisans' lines, the
order's total, its billing address or its transactions.

The root object is the artisan's Fulfillment (one per artisan and order), its order selected with it."""

from __future__ import annotations

from decimal import Decimal

import graphene

from marketplace.accounts.graphql.address_types import Address
from marketplace.channels.graphql.types import Channel
from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.types import Node, TaxedMoney
from marketplace.core.permissions import has_staff_permission
from marketplace.orders.graphql.enums import OrderPaymentMethodEnum, OrderStatus
from marketplace.orders.graphql.types import Fulfillment, Order, OrderLine


class ArtisanOrder(graphene.ObjectType):
    class Meta:
        interfaces = (Node,)
        description = ("Marketplace extension: an artisan's part of an order (its lines, its fulfilment, the "
                       "delivery address and its share of the money), without the order's token.")

    number = graphene.String(required=True)
    created = graphene.DateTime(required=True)
    status = graphene.Field(OrderStatus, required=True, description="The whole order's status.")
    status_display = graphene.String(required=True)
    channel = graphene.Field(Channel, required=True)
    payment_method = graphene.Field(OrderPaymentMethodEnum, required=True)
    is_paid = graphene.Boolean(required=True, description="The buyer has paid the order (cash on delivery: not "
                                                          "before delivery).")
    shipping_address = graphene.Field(Address, description="Where to ship (null for a pickup).")
    shipping_method_name = graphene.String()
    collection_point_name = graphene.String()
    customer_note = graphene.String(required=True)
    fulfillment = graphene.Field(Fulfillment, required=True, description="This artisan's fulfilment.")
    lines = graphene.NonNull(graphene.List(graphene.NonNull(OrderLine)), description="This artisan's lines.")
    total = graphene.Field(TaxedMoney, required=True, description="This artisan's lines, taxes included.")
    order = graphene.Field(Order, description="The whole order: the back office only (MANAGE_ORDERS), "
                                              "null for the artisan's members.")

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("ArtisanOrder", root.pk)

    @staticmethod
    def resolve_number(root, info):
        return str(root.order.number)

    @staticmethod
    def resolve_status(root, info):
        return str(root.order.status)

    @staticmethod
    def resolve_status_display(root, info):
        return root.order.get_status_display()

    @staticmethod
    def resolve_payment_method(root, info):
        return str(root.order.payment_method)

    @staticmethod
    def resolve_is_paid(root, info):
        return root.order.total_charged >= root.order.total_gross

    @staticmethod
    def resolve_fulfillment(root, info):
        return root

    @staticmethod
    def resolve_lines(root, info):
        return _lines(root)

    @staticmethod
    def resolve_total(root, info):
        lines = _lines(root)
        gross = sum((line.total_price_gross for line in lines), Decimal("0"))
        net = sum((line.total_price_net for line in lines), Decimal("0"))
        return TaxedMoney.of(gross, net, root.order.currency)

    @staticmethod
    def resolve_order(root, info):
        return root.order if has_staff_permission(info.context.user, "manage_orders") else None


def _order_attribute(name: str):
    return staticmethod(lambda root, info: getattr(root.order, name))


# Read from the order as they are (the address in full: the artisan ships to it).
for _name in ("created", "channel", "shipping_address", "shipping_method_name", "collection_point_name",
              "customer_note"):
    setattr(ArtisanOrder, f"resolve_{_name}", _order_attribute(_name))


def _lines(fulfillment) -> list:
    cached = getattr(fulfillment, "_artisan_lines", None)
    if cached is None:
        cached = list(fulfillment.lines.select_related("fulfillment", "variant__product", "artisan", "order__channel"))
        fulfillment._artisan_lines = cached
    return cached

