"""The channels app's GraphQL API as the root schema lists it: its `Query` (it adds no mutation)."""

from __future__ import annotations

import graphene

from marketplace.channels.graphql.schema import ChannelQueries


class Query(ChannelQueries, graphene.ObjectType):
    pass
