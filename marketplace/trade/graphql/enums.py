"""The trade app's GraphQL enums (marketplace extensions), from its models' choices."""

from __future__ import annotations

import graphene

from marketplace.trade.models import ProductionOrder, TradeAccount, TradeOrder, TradeQuote


def _enum(name: str, choices: type, description: str) -> type:
    return graphene.Enum(name, [(value, value) for value in choices.values], description=description)


TradeAccountStatusEnum = _enum("TradeAccountStatusEnum", TradeAccount.Status, "Where a trade application stands.")
TradeShopKindEnum = _enum("TradeShopKindEnum", TradeAccount.ShopKind, "The kind of shop a trade account runs.")
TradeTaxIdKindEnum = _enum("TradeTaxIdKindEnum", TradeAccount.TaxIdKind,
                           "VAT or EORI number (Europe); a business number elsewhere.")
TradeRejectionReasonEnum = _enum("TradeRejectionReasonEnum", TradeAccount.RejectionReason,
                                 "Why a curator refused a trade application (translated for its owner).")
TradePaymentTermsEnum = _enum("TradePaymentTermsEnum", TradeOrder.Terms,
                              "A deposit before production and the balance before shipping, or net 30 days.")
TradeQuoteKindEnum = _enum("TradeQuoteKindEnum", TradeQuote.Kind, "What a quote asks for.")
TradeQuoteStatusEnum = _enum("TradeQuoteStatusEnum", TradeQuote.Status, "Where a quote stands.")
ProductionOrderStatusEnum = _enum("ProductionOrderStatusEnum", ProductionOrder.Status,
                                  "Units made to order for a trade line.")


class TradePaymentKindEnum(graphene.Enum):
    """Which trade payment the back office records."""

    DEPOSIT = "DEPOSIT"
    BALANCE = "BALANCE"


class TradeLineProblemEnum(graphene.Enum):
    """Why a trade cart line cannot be ordered as it is."""

    UNAVAILABLE = "UNAVAILABLE"
    PACK_SIZE = "PACK_SIZE"
    BEYOND_CAPACITY = "BEYOND_CAPACITY"


class TradePaymentStageEnum(graphene.Enum):
    """What a trade order waits for."""

    AWAITING_DEPOSIT = "AWAITING_DEPOSIT"
    AWAITING_BALANCE = "AWAITING_BALANCE"
    ON_NET_TERMS = "ON_NET_TERMS"
    PAID = "PAID"
    CANCELED = "CANCELED"
