"""Inventory's GraphQL types (marketplace extensions; Saleor's Stock and Warehouse live with the catalog's
management types)."""

from __future__ import annotations

import graphene


class StockHoldReasonEnum(graphene.Enum):
    CHECKOUT = "CHECKOUT"
    AWAITING_PAYMENT = "AWAITING_PAYMENT"

    @property
    def description(self):
        return {
            StockHoldReasonEnum.CHECKOUT: "In another buyer's checkout (a hold of CHECKOUT_RESERVATION_SECONDS).",
            StockHoldReasonEnum.AWAITING_PAYMENT: "Ordered, the bank transfer awaited (BANK_TRANSFER_HOLD_DAYS).",
        }.get(self)


class StockHold(graphene.ObjectType):
    """Marketplace extension: no unit of the variant can be bought now, but some are only held, not sold.
    `until` is when the first hold ends at the latest: the piece may be free again then."""

    reason = graphene.Field(StockHoldReasonEnum, required=True)
    until = graphene.DateTime(required=True)
