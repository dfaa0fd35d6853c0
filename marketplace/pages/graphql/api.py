"""The pages app's GraphQL API as the root schema lists it: its `Query` (it adds no mutation)."""

from __future__ import annotations

import graphene

from marketplace.pages.graphql.schema import PageQueries


class Query(PageQueries, graphene.ObjectType):
    pass
