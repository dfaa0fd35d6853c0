"""The curation app's GraphQL API as the root schema lists it: its `Query` and `Mutation`."""

from __future__ import annotations

import graphene

from marketplace.curation.graphql.schema import CurationMutations, CurationQueries


class Query(CurationQueries, graphene.ObjectType):
    pass


class Mutation(CurationMutations, graphene.ObjectType):
    pass
