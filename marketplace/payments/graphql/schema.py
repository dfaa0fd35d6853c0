"""paymentGatewayInitialize, transactionInitialize, transactionProcess, transactionRequestAction."""

from __future__ import annotations

import graphene
from graphql import GraphQLError

from marketplace.checkout import services as checkout_services
from marketplace.checkout.graphql.schema import checkout_token
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.graphql.ids import from_global_id
from marketplace.core.graphql.mutations import MaalemMutation, error_type
from marketplace.core.permissions import require_staff_permission
from marketplace.payments import gateways, services
from marketplace.payments.graphql.types import (
    JSON,
    PaymentGatewayConfig,
    PaymentGatewayToInitialize,
    PositiveDecimal,
    TransactionActionEnum,
    TransactionEvent,
    TransactionItem,
)
from marketplace.payments.models import TransactionItem as TransactionModel
from marketplace.payments.refund_reasons import refund_reason_page

_BASE = ["GRAPHQL_ERROR", "INVALID", "NOT_FOUND"]
GatewayInitError = error_type("PaymentGatewayInitialize", _BASE)
InitError = error_type("TransactionInitialize", [*_BASE, "UNIQUE", "CHECKOUT_COMPLETION_IN_PROGRESS"])
ProcessError = error_type("TransactionProcess", [*_BASE, "TRANSACTION_ALREADY_PROCESSED", "MISSING_PAYMENT_APP",
                                                 "CHECKOUT_COMPLETION_IN_PROGRESS"])
ActionError = error_type("TransactionRequestAction", ["INVALID", "REQUIRED", "GRAPHQL_ERROR", "NOT_FOUND"])


def _errors(error_cls):
    return graphene.NonNull(graphene.List(graphene.NonNull(error_cls)))


def _checkout_from(global_id: str, user=None):
    type_name, _ = from_global_id(global_id)
    if type_name != "Checkout":
        raise MutationError([FieldError("id", "Only checkouts can be paid through this API.", "INVALID")])
    # Locked until the mutation commits (the checkout row before anything else, as every checkout write):
    # a payment cannot be attached to a checkout being completed at the same moment.
    checkout = checkout_services.get_checkout(checkout_token(global_id), for_update=True)
    checkout_services.require_checkout_owner(checkout, user)
    return checkout


def _transaction(id: str | None, token) -> TransactionModel:
    key = token
    if id:
        type_name, key = from_global_id(id)
        if type_name != "TransactionItem":
            raise GraphQLError(f"Invalid ID: {id}. Expected: TransactionItem.")
    item = TransactionModel.objects.filter(token=key).select_related("order").first() if key else None
    if item is None:
        raise MutationError([FieldError("id", "Couldn't resolve to a node: transaction.", "NOT_FOUND")])
    return item


class PaymentGatewayInitialize(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        amount = PositiveDecimal()
        payment_gateways = graphene.List(graphene.NonNull(PaymentGatewayToInitialize))

    gateway_configs = graphene.List(graphene.NonNull(PaymentGatewayConfig))
    errors = _errors(GatewayInitError)

    @classmethod
    def perform(cls, root, info, id, amount=None, payment_gateways=None):
        checkout = _checkout_from(id, info.context.user)
        available = gateways.available_gateways(checkout.channel)
        wanted = {g["id"] for g in payment_gateways or []} or {g.id for g in available}
        configs = []
        for gateway in available:
            if gateway.id in wanted:
                configs.append({"id": gateway.id, "data": {"name": gateway.name, **dict(gateway.config)}, "errors": []})
        for missing in sorted(wanted - {g.id for g in available}):
            configs.append({"id": missing, "data": None,
                            "errors": [{"field": "id", "message": "Not available for this checkout.",
                                        "code": "NOT_FOUND"}]})
        return {"gateway_configs": configs}


class TransactionInitialize(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        payment_gateway = PaymentGatewayToInitialize(required=True)
        amount = PositiveDecimal()
        action = graphene.Argument(graphene.Enum("TransactionFlowStrategyEnum",
                                                 [("AUTHORIZATION", "AUTHORIZATION"), ("CHARGE", "CHARGE")]))
        customer_ip_address = graphene.String()
        idempotency_key = graphene.String()

    transaction = graphene.Field(TransactionItem)
    transaction_event = graphene.Field(TransactionEvent)
    data = graphene.Field(JSON)
    errors = _errors(InitError)

    @classmethod
    def perform(cls, root, info, id, payment_gateway, amount=None, idempotency_key=None, **_):
        checkout = _checkout_from(id, info.context.user)
        item, event, data = services.initialize(checkout, payment_gateway["id"], amount=amount,
                                                data=payment_gateway.get("data"), idempotency_key=idempotency_key)
        return {"transaction": item, "transaction_event": event, "data": data}


class TransactionProcess(MaalemMutation):
    class Arguments:
        id = graphene.ID()
        token = graphene.UUID()
        data = graphene.Argument(JSON)
        customer_ip_address = graphene.String()

    transaction = graphene.Field(TransactionItem)
    transaction_event = graphene.Field(TransactionEvent)
    data = graphene.Field(JSON)
    errors = _errors(ProcessError)

    @classmethod
    def perform(cls, root, info, id=None, token=None, **_):
        item = _transaction(id, token)
        event = services.process(item)
        item.refresh_from_db()
        return {"transaction": item, "transaction_event": event, "data": None}


class TransactionRequestAction(MaalemMutation):
    class Arguments:
        id = graphene.ID()
        token = graphene.UUID()
        action_type = TransactionActionEnum(required=True)
        amount = PositiveDecimal()
        refund_reason = graphene.String()
        refund_reason_reference = graphene.ID(description="ID of a `Page` (Model) to reference in reason.")

    transaction = graphene.Field(TransactionItem)
    errors = _errors(ActionError)

    @classmethod
    def perform(cls, root, info, action_type, id=None, token=None, amount=None, refund_reason=None,
                refund_reason_reference=None, **_):
        user = info.context.user
        require_staff_permission(user, "handle_payments")
        item = _transaction(id, token)
        if getattr(action_type, "value", action_type) != "REFUND":
            raise MutationError([FieldError("action_type", "Only refunds can be requested.", "INVALID")])
        page = refund_reason_page(refund_reason_reference)
        reason = " · ".join(part for part in (refund_reason, page.title if page else None) if part)
        services.refund(item, amount, user, reason=reason)
        item.refresh_from_db()
        return {"transaction": item}


class PaymentMutations(graphene.ObjectType):
    payment_gateway_initialize = PaymentGatewayInitialize.Field()
    transaction_initialize = TransactionInitialize.Field()
    transaction_process = TransactionProcess.Field()
    transaction_request_action = TransactionRequestAction.Field()
