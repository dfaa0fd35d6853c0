"""The orders app's GraphQL API as the root schema lists it: its `Query` and `Mutation`."""

from __future__ import annotations

import graphene

from marketplace.orders.graphql.schema import OrderMutations, OrderQueries


class Query(OrderQueries, graphene.ObjectType):
    pass


class Mutation(OrderMutations, graphene.ObjectType):
    pass
