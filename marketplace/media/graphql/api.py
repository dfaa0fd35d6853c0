"""The media app's GraphQL API as the root schema lists it: its `Mutation` (it adds no query)."""

from __future__ import annotations

import graphene

from marketplace.media.graphql.mutations import MediaMutations


class Mutation(MediaMutations, graphene.ObjectType):
    pass
