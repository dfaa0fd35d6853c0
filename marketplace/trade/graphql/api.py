"""The trade app's GraphQL API as the root schema lists it: its `Query` and `Mutation`."""

from __future__ import annotations

import graphene

from marketplace.trade.graphql.mutations import TradeMutations
from marketplace.trade.graphql.schema import TradeQueries


class Query(TradeQueries, graphene.ObjectType):
    pass


class Mutation(TradeMutations, graphene.ObjectType):
    pass
