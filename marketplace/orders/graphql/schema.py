"""Orders: by token (guests: the buyer's details masked), by id (the buyer and the back office), marking
paid; artisans' parts of orders (ArtisanOrder, never the order's token) and their fulfilment stages."""

from __future__ import annotations

import uuid

import graphene
from graphql import GraphQLError

from marketplace.core.errors import FieldError, MutationError, PermissionDenied
from marketplace.core.graphql.ids import from_global_id, pk_from_global_id, to_global_id
from marketplace.core.graphql.mutations import MaalemMutation, error_type
from marketplace.core.graphql.pagination import paginate
from marketplace.core.graphql.types import connection_args, countable_connection
from marketplace.core.permissions import has_staff_permission, is_authenticated
from marketplace.orders import access, services
from marketplace.orders.graphql.artisan_types import ArtisanOrder
from marketplace.orders.graphql.enums import FulfillmentStageEnum
from marketplace.orders.graphql.types import Fulfillment, Order
from marketplace.orders.models import Fulfillment as FulfillmentModel
from marketplace.orders.models import Order as OrderModel

OrderError = error_type("Order", [
    "BILLING_ADDRESS_NOT_SET", "CANNOT_FULFILL_UNPAID_ORDER", "GRAPHQL_ERROR", "INVALID", "NOT_FOUND", "NOT_EDITABLE",
    "PAYMENT_ERROR", "REQUIRED", "INSUFFICIENT_STOCK",
])
ORDER_ERRORS = graphene.NonNull(graphene.List(graphene.NonNull(OrderError)))
OrderCountableConnection = countable_connection(Order)
ArtisanOrderCountableConnection = countable_connection(ArtisanOrder)


def _orders():
    return OrderModel.objects.select_related("channel", "billing_address", "shipping_address", "shipping_method",
                                             "collection_point__address")


def visible_order(order: OrderModel | None, user) -> OrderModel | None:
    """The buyer and the back office see the whole order; an artisan's members read their part through
    ArtisanOrder (`artisanOrders`), never the order."""
    if order is None or not is_authenticated(user):
        return None
    if has_staff_permission(user, "manage_orders") or order.user_id == user.pk:
        return order
    return None


def artisan_parts():
    """Fulfilments with what ArtisanOrder reads of their order, in one query."""
    return FulfillmentModel.objects.select_related(
        "order__channel", "order__shipping_address", "artisan", "warehouse__address")


def order_from_global_id(global_id: str) -> OrderModel | None:
    type_name, key = from_global_id(global_id)
    if type_name != "Order":
        raise GraphQLError(f"Invalid ID: {global_id}. Expected: Order, received: {type_name}.")
    try:
        return _orders().filter(token=uuid.UUID(key)).first()
    except ValueError:
        return None


class OrderMarkAsPaid(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        transaction_reference = graphene.String()

    order = graphene.Field(Order)
    errors = ORDER_ERRORS

    @classmethod
    def perform(cls, root, info, id, transaction_reference=None):
        order = order_from_global_id(id)
        if order is None:
            raise MutationError([FieldError("id", "Couldn't resolve to a node: order.", "NOT_FOUND")])
        return {"order": services.mark_as_paid(order, info.context.user, transaction_reference or "")}


class FulfillmentStageUpdateInput(graphene.InputObjectType):
    stage = FulfillmentStageEnum()
    tracking_number = graphene.String()
    notify_customer = graphene.Boolean(default_value=True)
    note = graphene.String(description="A note on an in-person handover (workshop pickup, hotel delivery).")


class FulfillmentStageUpdate(MaalemMutation):
    """Marketplace extension: an artisan marks its part of an order packed, shipped (with a tracking
    number) or delivered; the order's status follows. A part handed over in person (`Fulfillment.handedOverInPerson`:
    workshop pickup, hotel delivery) goes straight to DELIVERED with an optional `note`, without tracking."""

    class Arguments:
        id = graphene.ID(required=True)
        input = FulfillmentStageUpdateInput(required=True)

    fulfillment = graphene.Field(Fulfillment)
    order = graphene.Field(Order, description="The whole order: the back office only (MANAGE_ORDERS).")
    artisan_order = graphene.Field(ArtisanOrder, description="The artisan's part of the order (marketplace).")
    errors = ORDER_ERRORS

    @classmethod
    def perform(cls, root, info, id, input):
        fulfillment = FulfillmentModel.objects.filter(pk=pk_from_global_id(id, "Fulfillment")).first()
        if fulfillment is None:
            raise MutationError([FieldError("id", "Couldn't resolve to a node: fulfillment.", "NOT_FOUND")])
        stage = input.get("stage")
        fulfillment = services.update_fulfillment(
            fulfillment, info.context.user, stage=getattr(stage, "value", stage),
            tracking_number=input.get("tracking_number"), notify_customer=input.get("notify_customer", True),
            note=input.get("note"))
        user = info.context.user
        order = _orders().get(pk=fulfillment.order_id) if has_staff_permission(user, "manage_orders") else None
        return {"fulfillment": fulfillment, "order": order, "artisan_order": artisan_parts().get(pk=fulfillment.pk)}


class OrderQueries(graphene.ObjectType):
    order_by_token = graphene.Field(Order, token=graphene.UUID(required=True))
    order = graphene.Field(Order, id=graphene.ID(), external_reference=graphene.String())
    artisan_orders = graphene.Field(ArtisanOrderCountableConnection, artisan_id=graphene.ID(required=True),
                                    description="This artisan's parts of orders, newest first: its members and "
                                                "the back office (MANAGE_ORDERS).", **connection_args())

    @staticmethod
    def resolve_order_by_token(root, info, token):
        return _orders().filter(token=token).first()

    @staticmethod
    def resolve_order(root, info, id=None, external_reference=None):
        if not id:
            return None
        return visible_order(order_from_global_id(id), info.context.user)

    @staticmethod
    def resolve_artisan_orders(root, info, artisan_id, **page):
        from marketplace.core.permissions import require_authenticated

        user = info.context.user
        pk = pk_from_global_id(artisan_id, "Artisan")
        require_authenticated(user)
        # Buyers' names and addresses: the artisan's members and the back office, not the ministry's curators.
        if not access.artisan_part_visible(pk, user):
            raise PermissionDenied("You can only see your own artisan's orders.")
        return paginate(artisan_parts().filter(artisan_id=pk), sort=[("order__number", True)],
                        connection_name="artisanOrders", **page)


def resolve_user_orders(user, info, **page):
    """`me { orders }`: the buyer's own orders, newest first."""
    if not is_authenticated(info.context.user) or info.context.user.pk != user.pk:
        return None
    return paginate(_orders().filter(user=user), sort=[("number", True)], connection_name="orders", **page)


class OrderMutations(graphene.ObjectType):
    order_mark_as_paid = OrderMarkAsPaid.Field()
    fulfillment_stage_update = FulfillmentStageUpdate.Field()


__all__ = ["OrderQueries", "OrderMutations", "resolve_user_orders", "to_global_id"]
