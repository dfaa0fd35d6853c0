"""The fairs app's GraphQL API as the root schema lists it: its `Query` and `Mutation`."""

from __future__ import annotations

import graphene

from marketplace.fairs.graphql.schema import FairMutations, FairQueries


class Query(FairQueries, graphene.ObjectType):
    pass


class Mutation(FairMutations, graphene.ObjectType):
    pass
