"""The checkout app's GraphQL API as the root schema lists it: its `Query` and `Mutation`."""

from __future__ import annotations

import graphene

from marketplace.checkout.graphql.cart_pricing import CartPricingQueries
from marketplace.checkout.graphql.schema import CheckoutMutations, CheckoutQueries


class Query(CheckoutQueries, CartPricingQueries, graphene.ObjectType):
    pass


class Mutation(CheckoutMutations, graphene.ObjectType):
    pass
