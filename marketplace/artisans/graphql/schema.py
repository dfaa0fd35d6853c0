from __future__ import annotations

import graphene
from django.db.models import Q
from graphql import GraphQLError

from marketplace.artisans import models, selectors
from marketplace.artisans.graphql.types import (
    ALL_REGIONS,
    Artisan,
    ArtisanKindEnum,
    ArtisanVerificationStatusEnum,
    Region,
)
from marketplace.catalog import selectors as catalog_selectors
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import pk_from_global_id, pks_from_global_ids
from marketplace.core.graphql.loaders import loaders_for
from marketplace.core.graphql.pagination import paginate
from marketplace.core.graphql.types import OrderDirection, connection_args, countable_connection

ArtisanCountableConnection = countable_connection(Artisan)


class ArtisanFilterInput(graphene.InputObjectType):
    search = graphene.String()
    regions = graphene.List(graphene.NonNull(graphene.String))
    crafts = graphene.List(graphene.NonNull(graphene.ID), description="Category IDs (a craft includes its sub-crafts).")
    kinds = graphene.List(graphene.NonNull(ArtisanKindEnum))
    labels = graphene.List(graphene.NonNull(graphene.String), description="Label slugs.")
    verification_status = graphene.Field(ArtisanVerificationStatusEnum)
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))


class ArtisanSortField(graphene.Enum):
    NAME = "NAME"
    CREATED_AT = "CREATED_AT"
    PRODUCT_COUNT = "PRODUCT_COUNT"


class ArtisanSortingInput(graphene.InputObjectType):
    direction = graphene.Field(OrderDirection, required=True)
    field = graphene.Field(ArtisanSortField, required=True)


class ArtisanQueries(graphene.ObjectType):
    artisan = graphene.Field(Artisan, id=graphene.ID(), slug=graphene.String())
    artisans = graphene.Field(ArtisanCountableConnection, filter=ArtisanFilterInput(), sort_by=ArtisanSortingInput(),
                              **connection_args())
    regions = graphene.NonNull(graphene.List(graphene.NonNull(Region)), description="Morocco's twelve regions.")

    @staticmethod
    def resolve_artisan(root, info, id=None, slug=None):
        artisans = selectors.public_artisans(user_of(info))
        if id is not None:
            return artisans.filter(pk=pk_from_global_id(id, "Artisan")).first()
        if slug is not None:
            return artisans.filter(slug=slug).first()
        raise GraphQLError("Provide one of: id, slug.")

    @staticmethod
    def resolve_artisans(root, info, filter=None, sort_by=None, **page_args):
        artisans = selectors.public_artisans(user_of(info))
        filter = filter or {}
        if filter.get("ids"):
            artisans = artisans.filter(pk__in=pks_from_global_ids(filter["ids"], "Artisan"))
        if filter.get("slugs"):
            artisans = artisans.filter(slug__in=filter["slugs"])
        if filter.get("regions"):
            selectors.check_regions(filter["regions"])
            artisans = artisans.filter(region__in=filter["regions"])
        if filter.get("crafts"):
            ids = catalog_selectors.category_with_descendants(pks_from_global_ids(filter["crafts"], "Category"))
            artisans = artisans.filter(crafts__in=ids).distinct()
        if filter.get("kinds"):
            artisans = artisans.filter(kind__in=[getattr(k, "value", k) for k in filter["kinds"]])
        if filter.get("labels"):
            artisans = artisans.filter(labels__slug__in=filter["labels"]).distinct()
        if filter.get("verification_status"):
            artisans = artisans.filter(verification_status=getattr(filter["verification_status"], "value",
                                                                   filter["verification_status"]))
        if filter.get("search"):
            term = filter["search"]
            artisans = artisans.filter(Q(name__unaccent__icontains=term) | Q(city__unaccent__icontains=term))
        artisans, sort = selectors.sort_artisans(artisans, sort_by)
        page = paginate(artisans, sort=sort, connection_name="artisans", **page_args)
        loaders_for(info.context).hint("artisan", [a.pk for a in page.nodes])
        return page

    @staticmethod
    def resolve_regions(root, info):
        return ALL_REGIONS


__all__ = ["ArtisanQueries", "models"]
