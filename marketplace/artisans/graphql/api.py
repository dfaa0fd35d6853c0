"""The artisans app's GraphQL API as the root schema lists it: its `Query` and `Mutation`."""

from __future__ import annotations

import graphene

from marketplace.artisans.graphql.mutations import ArtisanMutations
from marketplace.artisans.graphql.schema import ArtisanQueries


class Query(ArtisanQueries, graphene.ObjectType):
    pass


class Mutation(ArtisanMutations, graphene.ObjectType):
    pass
