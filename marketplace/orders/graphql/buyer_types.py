"""Marketplace extensions of Order for its buyer: when it should arrive, and how to pay a bank transfer."""

from __future__ import annotations

import graphene

from marketplace.core.graphql.types import Money


class OrderExpectedDelivery(graphene.ObjectType):
    """Marketplace extension: the delivery window of the method chosen, from the order's date."""

    earliest = graphene.Date(required=True)
    latest = graphene.Date(required=True)


class BankTransferInstructions(graphene.ObjectType):
    """Marketplace extension: how to pay a bank-transfer order, and by when."""

    account_holder = graphene.String(required=True)
    bank_name = graphene.String(required=True)
    iban = graphene.String(required=True)
    bic = graphene.String(required=True)
    reference = graphene.String(required=True)
    amount = graphene.Field(Money, required=True)
    due_date = graphene.Date(required=True)

    @staticmethod
    def resolve_amount(root, info):
        return Money.of(root.amount, root.currency)
