"""Curation: review queue and decisions, featured collections, programme results, the markets' price rule."""

from __future__ import annotations

import graphene

from marketplace.catalog.graphql.collection_types import Collection
from marketplace.catalog.graphql.inputs import PositiveDecimal, errors_of
from marketplace.catalog.graphql.management_queries import query_permission
from marketplace.catalog.models import Collection as CollectionModel
from marketplace.catalog.selectors import visible_collections
from marketplace.channels.graphql.types import Channel
from marketplace.channels.selectors import channel_for_request
from marketplace.core.graphql.channel_context import all_in_channel
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import pk_from_global_id
from marketplace.core.graphql.mutations import MaalemMutation, error_type
from marketplace.core.graphql.types import LanguageCodeEnum
from marketplace.core.permissions import require_curator
from marketplace.curation import selectors, services
from marketplace.curation.graphql.review import ReviewMutations, ReviewQueries


class ProgrammeGroup(graphene.ObjectType):
    key = graphene.String(required=True, description="The artisan's slug, the region's code, the craft's slug, "
                                                     "the market's (channel) slug or the month (YYYY-MM).")
    name = graphene.String(required=True, language_code=LanguageCodeEnum(default_value="fr"),
                           description="The group's name in this language (a month keeps its key).")
    sales_mad = graphene.Decimal(required=True, description="What buyers paid for the goods, in MAD.")
    income_mad = graphene.Decimal(required=True, description="The artisans' income by the payout ledger: what "
                                                             "the lines credit them, less commission and refunds.")
    order_lines = graphene.Int(required=True)

    @staticmethod
    def resolve_name(root, info, language_code="fr"):
        language = str(getattr(language_code, "value", language_code)).lower()
        cache = info.context.__dict__.setdefault("_programme_names", {})
        if language not in cache:
            cache[language] = selectors.group_names(info.context._programme_groups, language)
        return cache[language].get((root["group"], root["key"]), root["key"])


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
    sales_mad = graphene.Decimal(required=True, description="What buyers paid for the goods of placed orders "
                                                           "(export sales converted with the market's rate).")
    awaiting_payment_mad = graphene.Decimal(required=True, description="The part of the sales whose orders are "
                                                                      "not paid yet (cash on delivery, transfer).")
    income_mad = graphene.Decimal(required=True, description="The artisans' income by the payout ledger.")
    income_paid_mad = graphene.Decimal(required=True, description="Of the income: paid out to the artisans.")
    income_pending_mad = graphene.Decimal(required=True, description="Of the income: owed, not paid out yet.")
    commission_mad = graphene.Decimal(required=True, description="The platform's commission.")
    export_margin_mad = graphene.Decimal(required=True, description="The export markets' margin: the buyers' "
                                                                   "price less what the artisans are credited.")
    platform_margin_mad = graphene.Decimal(required=True, description="Commission and export margin.")
    export_share = graphene.Float(required=True, description="Share of sales made in export markets (0-1).")
    by_artisan = graphene.NonNull(graphene.List(graphene.NonNull(ProgrammeGroup)))
    by_region = graphene.NonNull(graphene.List(graphene.NonNull(ProgrammeGroup)))
    by_craft = graphene.NonNull(graphene.List(graphene.NonNull(ProgrammeGroup)))
    by_market = graphene.NonNull(graphene.List(graphene.NonNull(ProgrammeGroup)))
    by_month = graphene.NonNull(graphene.List(graphene.NonNull(ProgrammeGroup)))
    photo_quality = graphene.Field(PhotoQuality, required=True)


class CurationQueries(ReviewQueries, graphene.ObjectType):
    featured_collections = graphene.NonNull(
        graphene.List(graphene.NonNull(Collection)), channel=graphene.String(),
        description="Marketplace extension: the home page's featured collections, in the ministry's order.")
    programme_results = graphene.Field(ProgrammeResults, since=graphene.DateTime(), until=graphene.DateTime(),
                                       description="Marketplace extension (curators): the programme's results.")

    @staticmethod
    def resolve_featured_collections(root, info, channel=None):
        ch = channel_for_request(info.context, channel)
        collections = visible_collections(ch, None).filter(featured_rank__isnull=False).order_by("featured_rank")
        return all_in_channel(collections, ch)

    @staticmethod
    def resolve_programme_results(root, info, since=None, until=None):
        query_permission(require_curator, user_of(info))
        results = selectors.programme_results(since, until)
        info.context._programme_groups = [g for group in selectors.GROUPS for g in results[f"by_{group}"]]
        return results


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


class CurationMutations(ReviewMutations, graphene.ObjectType):
    channel_price_rule_update = ChannelPriceRuleUpdate.Field()


__all__ = ["CollectionModel", "CurationMutations", "CurationQueries"]
