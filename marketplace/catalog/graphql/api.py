"""The catalog app's GraphQL API as the root schema lists it: its `Query` and `Mutation`."""

from __future__ import annotations

import graphene

from marketplace.catalog.graphql.bulk import BulkMutations
from marketplace.catalog.graphql.collection_mutations import CollectionMutations
from marketplace.catalog.graphql.management_queries import ManagementQueries
from marketplace.catalog.graphql.mutations import CatalogMutations
from marketplace.catalog.graphql.reference_queries import ReferenceMutations, ReferenceQueries
from marketplace.catalog.graphql.schema import CatalogQueries


class Query(CatalogQueries, ManagementQueries, ReferenceQueries, graphene.ObjectType):
    pass


class Mutation(CatalogMutations, BulkMutations, ReferenceMutations, CollectionMutations, graphene.ObjectType):
    pass
