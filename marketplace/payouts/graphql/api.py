"""The payouts app's GraphQL API as the root schema lists it: its `Query` and `Mutation`."""

from __future__ import annotations

import graphene

from marketplace.payouts.graphql.schema import PayoutMutations, PayoutQueries


class Query(PayoutQueries, graphene.ObjectType):
    pass


class Mutation(PayoutMutations, graphene.ObjectType):
    pass
