"""Curation: review queue and decisions, featured collections, programme results, the markets' price rule."""

from __future__ import annotations

import graphene
from django.db.models import F, Q

from marketplace.catalog import review
from marketplace.catalog.graphql.inputs import PositiveDecimal, ProductError, errors_of
from marketplace.catalog.graphql.management_queries import query_permission
from marketplace.catalog.graphql.mutations import user_of
from marketplace.catalog.graphql.product_types import Collection, Product
from marketplace.catalog.graphql.types import with_channel
from marketplace.catalog.models import Collection as CollectionModel
from marketplace.catalog.models import Product as ProductModel
from marketplace.catalog.models import ReviewStatus
from marketplace.catalog.selectors import visible_collections
from marketplace.channels.graphql.types import Channel
from marketplace.channels.selectors import channel_for_request
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.graphql.ids import pk_from_global_id
from marketplace.core.graphql.loaders import loaders_for
from marketplace.core.graphql.mutations import MaalemMutation, error_type
from marketplace.core.graphql.pagination import paginate
from marketplace.core.graphql.types import connection_args, countable_connection
from marketplace.core.permissions import require_curator
from marketplace.curation import selectors, services
from marketplace.curation.graphql.collections import CollectionMutations


class ProgrammeGroup(graphene.ObjectType):
    key = graphene.String(required=True, description="The artisan, region, craft, market (channel slug) or month.")
    sales_mad = graphene.Decimal(required=True)
    income_mad = graphene.Decimal(required=True, description="Sales less the marketplace's commission.")
    order_lines = graphene.Int(required=True)


class MonthCount(graphene.ObjectType):
    key = graphene.String(required=True)
    count = graphene.Int(required=True)


class PhotoQuality(graphene.ObjectType):
    photos = graphene.Int(required=True)
    average_before = graphene.Float(description="Mean overall quality score of the uploads (0-100).")
    average_after = graphene.Float(description="Mean score after the photography pipeline.")


class ProgrammeResults(graphene.ObjectType):
    """Marketplace extension: the programme's results for the ministry (amounts in MAD)."""

    listings_added = graphene.Int(required=True)
    listings_by_month = graphene.NonNull(graphene.List(graphene.NonNull(MonthCount)))
    active_artisans = graphene.Int(required=True, description="Verified artisans with at least one listing.")
    selling_artisans = graphene.Int(required=True)
    sales_mad = graphene.Decimal(required=True)
    income_mad = graphene.Decimal(required=True)
    export_share = graphene.Float(required=True, description="Share of sales made in export markets (0-1).")
    by_artisan = graphene.NonNull(graphene.List(graphene.NonNull(ProgrammeGroup)))
    by_region = graphene.NonNull(graphene.List(graphene.NonNull(ProgrammeGroup)))
    by_craft = graphene.NonNull(graphene.List(graphene.NonNull(ProgrammeGroup)))
    by_market = graphene.NonNull(graphene.List(graphene.NonNull(ProgrammeGroup)))
    by_month = graphene.NonNull(graphene.List(graphene.NonNull(ProgrammeGroup)))
    photo_quality = graphene.Field(PhotoQuality, required=True)


class CurationQueries(graphene.ObjectType):
    review_queue = graphene.Field(countable_connection(Product), **connection_args(),
                                  description="Marketplace extension (curators): listings waiting for review, "
                                              "oldest request first.")
    featured_collections = graphene.NonNull(
        graphene.List(graphene.NonNull(Collection)), channel=graphene.String(),
        description="Marketplace extension: the home page's featured collections, in the ministry's order.")
    programme_results = graphene.Field(ProgrammeResults, since=graphene.DateTime(), until=graphene.DateTime(),
                                       description="Marketplace extension (curators): the programme's results.")

    @staticmethod
    def resolve_review_queue(root, info, **page_args):
        query_permission(require_curator, user_of(info))
        # A product in no market yet is a draft the artisan is still writing: nothing to publish, nothing
        # to review (the atelier lists it in the markets when the artisan submits it).
        # Listings waiting (hidden), and approved ones whose member proposed new texts (still public).
        waiting = Q(review_status=ReviewStatus.PENDING) | Q(revision__requested_at__isnull=False)
        products = ProductModel.objects.filter(waiting, channel_listings__isnull=False).distinct().defer(
            "search_document", "search_vector").annotate(requested=F("review_requested_at"))
        page = paginate(products, sort=[("review_requested_at", False)], connection_name="reviewQueue",
                        **page_args)
        loaders_for(info.context).hint("product", [p.pk for p in page.nodes])
        return page

    @staticmethod
    def resolve_featured_collections(root, info, channel=None):
        ch = channel_for_request(info.context, channel)
        collections = visible_collections(ch, None).filter(featured_rank__isnull=False).order_by("featured_rank")
        return [with_channel(c, ch) for c in collections]

    @staticmethod
    def resolve_programme_results(root, info, since=None, until=None):
        query_permission(require_curator, user_of(info))
        return selectors.programme_results(since, until)


class ProductReviewApprove(MaalemMutation):
    """Marketplace extension (curators): publish a listing that waits for review."""

    class Arguments:
        id = graphene.ID(required=True)

    product = graphene.Field(Product)
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, id):
        require_curator(user_of(info))
        return {"product": review.approve(user_of(info), _product(id))}


class ProductReviewReject(MaalemMutation):
    """Marketplace extension (curators): refuse a listing with a reason the artisan reads."""

    class Arguments:
        id = graphene.ID(required=True)
        reason = graphene.String(required=True)

    product = graphene.Field(Product)
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, id, reason):
        require_curator(user_of(info))
        return {"product": review.reject(user_of(info), _product(id), reason)}


def _product(global_id: str) -> ProductModel:
    product = ProductModel.objects.filter(pk=pk_from_global_id(global_id, "Product")).first()
    if product is None:
        raise MutationError([FieldError("id", "Couldn't resolve to a product.", "NOT_FOUND")])
    return product


ChannelError = error_type("Channel", ["ALREADY_EXISTS", "GRAPHQL_ERROR", "INVALID", "NOT_FOUND", "REQUIRED",
                                      "UNIQUE"])


class ChannelPriceRuleInput(graphene.InputObjectType):
    rate = PositiveDecimal(description="MAD → the channel's currency.")
    margin = PositiveDecimal(description="Added share, e.g. 0.25 for 25 %.")
    rounding = PositiveDecimal(description="Prices are rounded up to a multiple of this step.")


class ChannelPriceRuleUpdate(MaalemMutation):
    """Marketplace extension (curators): the market's price rule; prices that follow it are derived again."""

    class Arguments:
        id = graphene.ID(required=True)
        input = ChannelPriceRuleInput(required=True)

    channel = graphene.Field(Channel)
    updated_prices = graphene.Int()
    errors = errors_of(ChannelError)

    @classmethod
    def perform(cls, root, info, id, input):
        channel, changed = services.update_price_rule(user_of(info), pk_from_global_id(id, "Channel"),
                                                      input.get("rate"), input.get("margin"), input.get("rounding"))
        return {"channel": channel, "updated_prices": changed}


class CurationMutations(CollectionMutations, graphene.ObjectType):
    product_review_approve = ProductReviewApprove.Field()
    product_review_reject = ProductReviewReject.Field()
    channel_price_rule_update = ChannelPriceRuleUpdate.Field()


__all__ = ["CollectionModel", "CurationMutations", "CurationQueries"]
