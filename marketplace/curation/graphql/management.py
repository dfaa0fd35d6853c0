"""The management and curation API in one place for marketplace/graphql/schema.py to compose."""

from __future__ import annotations

import graphene

from marketplace.artisans.graphql.mutations import ArtisanMutations
from marketplace.catalog.graphql.bulk import BulkMutations
from marketplace.catalog.graphql.management_queries import ManagementQueries as CatalogManagementQueries
from marketplace.catalog.graphql.mutations import CatalogMutations
from marketplace.catalog.graphql.reference_queries import ReferenceMutations, ReferenceQueries
from marketplace.curation.graphql.schema import CurationMutations, CurationQueries
from marketplace.media.graphql.mutations import MediaMutations


class ManagementQueries(CatalogManagementQueries, ReferenceQueries, CurationQueries, graphene.ObjectType):
    pass


class ManagementMutations(CatalogMutations, BulkMutations, ReferenceMutations, MediaMutations, ArtisanMutations,
                          CurationMutations, graphene.ObjectType):
    pass
