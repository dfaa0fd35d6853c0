"""The accounts app's GraphQL API as the root schema lists it: its `Query` and `Mutation`."""

from __future__ import annotations

import graphene

from marketplace.accounts.graphql.address_mutations import AddressMutations
from marketplace.accounts.graphql.password import PasswordMutations
from marketplace.accounts.graphql.schema import AccountMutations, AccountQueries


class Query(AccountQueries, graphene.ObjectType):
    pass


class Mutation(AccountMutations, AddressMutations, PasswordMutations, graphene.ObjectType):
    pass
