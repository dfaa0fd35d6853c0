"""Saleor's TransactionItem, TransactionEvent, PaymentGateway; the JSON and UUID scalars."""

from __future__ import annotations

from decimal import Decimal

import graphene
from graphene.types.generic import GenericScalar

from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.types import Money, Node, ObjectWithMetadata


class JSON(GenericScalar):
    """Saleor's JSON scalar."""


class PositiveDecimal(graphene.Decimal):
    """Saleor's PositiveDecimal scalar (validated by the services)."""


class TransactionEventTypeEnum(graphene.Enum):
    AUTHORIZATION_SUCCESS = "AUTHORIZATION_SUCCESS"
    AUTHORIZATION_FAILURE = "AUTHORIZATION_FAILURE"
    AUTHORIZATION_ACTION_REQUIRED = "AUTHORIZATION_ACTION_REQUIRED"
    CHARGE_ACTION_REQUIRED = "CHARGE_ACTION_REQUIRED"
    CHARGE_SUCCESS = "CHARGE_SUCCESS"
    CHARGE_FAILURE = "CHARGE_FAILURE"
    CHARGE_REQUEST = "CHARGE_REQUEST"
    REFUND_SUCCESS = "REFUND_SUCCESS"
    REFUND_FAILURE = "REFUND_FAILURE"
    REFUND_REQUEST = "REFUND_REQUEST"
    CANCEL_SUCCESS = "CANCEL_SUCCESS"
    INFO = "INFO"


class TransactionActionEnum(graphene.Enum):
    CHARGE = "CHARGE"
    REFUND = "REFUND"
    CANCEL = "CANCEL"


class TransactionEvent(graphene.ObjectType):
    class Meta:
        interfaces = (Node,)

    created_at = graphene.DateTime(required=True)
    psp_reference = graphene.String(required=True)
    message = graphene.String(required=True)
    external_url = graphene.String(required=True)
    amount = graphene.Field(Money, required=True)
    type = graphene.Field(TransactionEventTypeEnum)
    idempotency_key = graphene.String()

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("TransactionEvent", root.pk)

    @staticmethod
    def resolve_external_url(root, info):
        return ""

    @staticmethod
    def resolve_amount(root, info):
        return Money.of(root.amount, root.currency)


def _money(field: str):
    def resolve(root, info):
        return Money.of(getattr(root, field), root.currency)
    return staticmethod(resolve)


def _zero(root, info):
    return Money.of(Decimal("0"), root.currency)


class TransactionItem(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    token = graphene.UUID(required=True)
    created_at = graphene.DateTime(required=True)
    modified_at = graphene.DateTime(required=True)
    actions = graphene.NonNull(graphene.List(graphene.NonNull(TransactionActionEnum)))
    authorized_amount = graphene.Field(Money, required=True)
    authorize_pending_amount = graphene.Field(Money, required=True)
    refunded_amount = graphene.Field(Money, required=True)
    refund_pending_amount = graphene.Field(Money, required=True)
    canceled_amount = graphene.Field(Money, required=True)
    cancel_pending_amount = graphene.Field(Money, required=True)
    charged_amount = graphene.Field(Money, required=True)
    charge_pending_amount = graphene.Field(Money, required=True)
    name = graphene.String(required=True)
    message = graphene.String(required=True)
    psp_reference = graphene.String(required=True)
    events = graphene.NonNull(graphene.List(graphene.NonNull(TransactionEvent)))
    external_url = graphene.String(required=True)
    order = graphene.Field("marketplace.orders.graphql.types.Order")

    resolve_authorized_amount = _money("authorized_value")
    resolve_refunded_amount = _money("refunded_value")
    resolve_canceled_amount = _money("canceled_value")
    resolve_charged_amount = _money("charged_value")
    resolve_charge_pending_amount = _money("charge_pending_value")
    resolve_authorize_pending_amount = staticmethod(_zero)
    resolve_refund_pending_amount = staticmethod(_zero)
    resolve_cancel_pending_amount = staticmethod(_zero)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("TransactionItem", root.token)

    @staticmethod
    def resolve_actions(root, info):
        return ["REFUND"] if root.charged_value > root.refunded_value else []

    @staticmethod
    def resolve_message(root, info):
        return "" if root.message.startswith("idempotency:") else root.message

    @staticmethod
    def resolve_events(root, info):
        return list(root.events.all())

    @staticmethod
    def resolve_external_url(root, info):
        return ""


class GatewayConfigLine(graphene.ObjectType):
    field = graphene.String(required=True)
    value = graphene.String()


class PaymentGateway(graphene.ObjectType):
    name = graphene.String(required=True)
    id = graphene.ID(required=True)
    config = graphene.NonNull(graphene.List(graphene.NonNull(GatewayConfigLine)))
    currencies = graphene.NonNull(graphene.List(graphene.NonNull(graphene.String)))

    @staticmethod
    def resolve_config(root, info):
        return [{"field": k, "value": v} for k, v in root.config]


class PaymentGatewayConfig(graphene.ObjectType):
    id = graphene.String(required=True)
    data = graphene.Field(JSON)
    errors = graphene.List(graphene.NonNull(lambda: PaymentGatewayConfigError))


class PaymentGatewayConfigError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(graphene.Enum("PaymentGatewayConfigErrorCode", [("GRAPHQL_ERROR", "GRAPHQL_ERROR"),
                                                                          ("INVALID", "INVALID"),
                                                                          ("NOT_FOUND", "NOT_FOUND")]),
                          required=True)


class PaymentGatewayToInitialize(graphene.InputObjectType):
    id = graphene.String(required=True)
    data = JSON()


class RefundSettings(graphene.ObjectType):
    """Saleor's refund settings: the page type whose pages are the refund reasons (REFUND_REASON_PAGE_TYPE)."""

    reason_reference_type = graphene.Field("marketplace.pages.graphql.types.PageType",
                                           description="Model type used for refund reasons.")

    @staticmethod
    def resolve_reason_reference_type(root, info):
        from marketplace.payments.refund_reasons import reason_page_type

        return reason_page_type()
