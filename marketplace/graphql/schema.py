"""Schema assembly only: the root lists each app's own `Query` and `Mutation` (`<app>/graphql/api.py`)."""

from __future__ import annotations

import graphene
from django.conf import settings

from marketplace.accounts.graphql import api as accounts
from marketplace.artisans.graphql import api as artisans
from marketplace.catalog.graphql import api as catalog
from marketplace.channels.access import require_staff_reader
from marketplace.channels.graphql import api as channels
from marketplace.channels.selectors import active_channels
from marketplace.checkout.graphql import api as checkout
from marketplace.core.graphql.types import CountryDisplay, LanguageDisplay
from marketplace.core.models import LANGUAGE_CODES
from marketplace.curation.graphql import api as curation
from marketplace.fairs.graphql import api as fairs
from marketplace.media.graphql import api as media
from marketplace.orders.graphql import api as orders
from marketplace.pages.graphql import api as pages
from marketplace.payments.graphql import api as payments
from marketplace.payments.graphql.types import RefundSettings
from marketplace.payouts.graphql import api as payouts
from marketplace.shipping.graphql import api as shipping
from marketplace.trade.graphql import api as trade

SCHEMA_VERSION = "3.23"


class Shop(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    description = graphene.String()
    default_country = graphene.Field(CountryDisplay)
    countries = graphene.NonNull(graphene.List(graphene.NonNull(CountryDisplay)))
    languages = graphene.NonNull(graphene.List(graphene.NonNull(LanguageDisplay)))
    channel_currencies = graphene.NonNull(graphene.List(graphene.NonNull(graphene.String)))
    refund_settings = graphene.Field(RefundSettings, required=True, description=(
        "Refunds related settings. Returns `RefundSettings` configuration, global for the entire shop."))
    version = graphene.String(required=True)
    schema_version = graphene.String(required=True)

    @staticmethod
    def resolve_id(root, info):
        return "U2hvcDpNYWFsZW0="  # base64("Shop:Maalem")

    @staticmethod
    def resolve_name(root, info):
        return settings.SHOP_NAME

    @staticmethod
    def resolve_description(root, info):
        return settings.SHOP_DESCRIPTION

    @staticmethod
    def resolve_default_country(root, info):
        return CountryDisplay.of("MA")

    @staticmethod
    def resolve_countries(root, info):
        codes = sorted({code for channel in active_channels(info.context.user) for code in channel.countries})
        return [CountryDisplay.of(code) for code in codes]

    @staticmethod
    def resolve_languages(root, info):
        return [LanguageDisplay.of(code) for code in LANGUAGE_CODES]

    @staticmethod
    def resolve_channel_currencies(root, info):
        require_staff_reader(info)  # staff or app only on Saleor
        return sorted({channel.currency_code for channel in active_channels(info.context.user)})

    @staticmethod
    def resolve_refund_settings(root, info):
        return {}

    @staticmethod
    def resolve_version(root, info):
        from importlib.metadata import version

        return version("maalem")

    @staticmethod
    def resolve_schema_version(root, info):
        return SCHEMA_VERSION


# Each app's own Query and Mutation (its graphql/api.py); the order is the order of the fields in the SDL.
class Query(fairs.Query, accounts.Query, artisans.Query, catalog.Query, channels.Query, curation.Query, checkout.Query,
            orders.Query, payouts.Query, shipping.Query, pages.Query, trade.Query, graphene.ObjectType):
    shop = graphene.Field(Shop, required=True)

    @staticmethod
    def resolve_shop(root, info):
        return {}


class Mutation(fairs.Mutation, accounts.Mutation, catalog.Mutation, media.Mutation, artisans.Mutation,
               curation.Mutation, checkout.Mutation, payments.Mutation, orders.Mutation, payouts.Mutation,
               trade.Mutation, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation, auto_camelcase=True)
