"""Schema assembly only: each app keeps its own graphql module."""

from __future__ import annotations

import graphene
from django.conf import settings

from marketplace.accounts.graphql.address_mutations import AddressMutations
from marketplace.accounts.graphql.password import PasswordMutations
from marketplace.accounts.graphql.schema import AccountMutations, AccountQueries
from marketplace.artisans.graphql.schema import ArtisanQueries
from marketplace.catalog.graphql.schema import CatalogQueries
from marketplace.channels.graphql.schema import ChannelQueries
from marketplace.channels.selectors import active_channels
from marketplace.checkout.graphql.schema import CheckoutMutations, CheckoutQueries
from marketplace.core.graphql.types import CountryDisplay, LanguageDisplay
from marketplace.core.models import LANGUAGE_CODES
from marketplace.curation.graphql.management import ManagementMutations, ManagementQueries
from marketplace.fairs.graphql.schema import Mutation as FairMutations
from marketplace.fairs.graphql.schema import Query as FairQueries
from marketplace.orders.graphql.schema import OrderMutations, OrderQueries
from marketplace.pages.graphql.schema import PageQueries
from marketplace.payments.graphql.schema import PaymentMutations
from marketplace.payouts.graphql.schema import PayoutMutations, PayoutQueries
from marketplace.shipping.graphql.schema import ShippingQueries
from marketplace.trade.graphql.mutations import TradeMutations
from marketplace.trade.graphql.schema import TradeQueries

SCHEMA_VERSION = "3.23"


class Shop(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    description = graphene.String()
    default_country = graphene.Field(CountryDisplay)
    countries = graphene.NonNull(graphene.List(graphene.NonNull(CountryDisplay)))
    languages = graphene.NonNull(graphene.List(graphene.NonNull(LanguageDisplay)))
    channel_currencies = graphene.NonNull(graphene.List(graphene.NonNull(graphene.String)))
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
        return sorted({channel.currency_code for channel in active_channels(info.context.user)})

    @staticmethod
    def resolve_version(root, info):
        from importlib.metadata import version

        return version("maalem")

    @staticmethod
    def resolve_schema_version(root, info):
        return SCHEMA_VERSION


class Query(FairQueries, AccountQueries, ArtisanQueries, CatalogQueries, ChannelQueries, ManagementQueries,
            CheckoutQueries, OrderQueries, PayoutQueries, ShippingQueries, PageQueries, TradeQueries,
            graphene.ObjectType):
    shop = graphene.Field(Shop, required=True)

    @staticmethod
    def resolve_shop(root, info):
        return {}


class Mutation(FairMutations, AccountMutations, ManagementMutations, CheckoutMutations, PaymentMutations,
               OrderMutations, PayoutMutations, AddressMutations, PasswordMutations, TradeMutations,
               graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation, auto_camelcase=True)
