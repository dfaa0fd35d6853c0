"""Order enums with Saleor's names (and the marketplace's fulfilment stage and payment method)."""

from __future__ import annotations

import graphene


class OrderStatus(graphene.Enum):
    DRAFT = "DRAFT"
    UNCONFIRMED = "UNCONFIRMED"
    UNFULFILLED = "UNFULFILLED"
    PARTIALLY_FULFILLED = "PARTIALLY_FULFILLED"
    FULFILLED = "FULFILLED"
    CANCELED = "CANCELED"


class OrderChargeStatusEnum(graphene.Enum):
    NONE = "NONE"
    PARTIAL = "PARTIAL"
    FULL = "FULL"
    OVERCHARGED = "OVERCHARGED"


class PaymentChargeStatusEnum(graphene.Enum):
    NOT_CHARGED = "NOT_CHARGED"
    PARTIALLY_CHARGED = "PARTIALLY_CHARGED"
    FULLY_CHARGED = "FULLY_CHARGED"
    PARTIALLY_REFUNDED = "PARTIALLY_REFUNDED"
    FULLY_REFUNDED = "FULLY_REFUNDED"


class FulfillmentStatus(graphene.Enum):
    FULFILLED = "FULFILLED"
    CANCELED = "CANCELED"
    WAITING_FOR_APPROVAL = "WAITING_FOR_APPROVAL"


class FulfillmentStageEnum(graphene.Enum):
    """Marketplace extension: where an artisan's part of the order is."""

    PENDING = "PENDING"
    PACKED = "PACKED"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"


class OrderPaymentMethodEnum(graphene.Enum):
    """Marketplace extension: how the buyer pays."""

    COD = "COD"
    BANK_TRANSFER = "BANK_TRANSFER"
    STRIPE = "STRIPE"
    DEV = "DEV"
    STAND_CASH = "STAND_CASH"
    STAND_CARD = "STAND_CARD"


class OrderEventsEnum(graphene.Enum):
    PLACED = "PLACED"
    ORDER_FULLY_PAID = "ORDER_FULLY_PAID"
    ORDER_MARKED_AS_PAID = "ORDER_MARKED_AS_PAID"
    PAYMENT_REFUNDED = "PAYMENT_REFUNDED"
    FULFILLMENT_FULFILLED_ITEMS = "FULFILLMENT_FULFILLED_ITEMS"
    TRACKING_UPDATED = "TRACKING_UPDATED"
    EMAIL_SENT = "EMAIL_SENT"
    NOTE_ADDED = "NOTE_ADDED"
    OTHER = "OTHER"
