"""The payments app's GraphQL API as the root schema lists it: its `Mutation` (it adds no query)."""

from __future__ import annotations

import graphene

from marketplace.payments.graphql.schema import PaymentMutations


class Mutation(PaymentMutations, graphene.ObjectType):
    pass
