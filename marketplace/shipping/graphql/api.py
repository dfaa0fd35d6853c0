"""The shipping app's GraphQL API as the root schema lists it: its `Query` (it adds no mutation)."""

from __future__ import annotations

import graphene

from marketplace.shipping.graphql.schema import ShippingQueries


class Query(ShippingQueries, graphene.ObjectType):
    pass
