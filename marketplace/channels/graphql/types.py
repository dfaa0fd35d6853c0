from __future__ import annotations

import graphene

from marketplace.channels.access import require_staff_reader
from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.types import CountryDisplay, LanguageDisplay, Node, ObjectWithMetadata


class ChannelKindEnum(graphene.Enum):
    """Marketplace extension: which market a channel serves."""

    DOMESTIC = "DOMESTIC"
    TOURIST = "TOURIST"
    EXPORT = "EXPORT"
    TRADE = "TRADE"


class PriceRule(graphene.ObjectType):
    """Marketplace extension: how prices derive from MAD in this channel (rate, margin, rounding step)."""

    rate = graphene.Decimal(required=True)
    margin = graphene.Decimal(required=True)
    rounding = graphene.Decimal(required=True)


class MarketFields:
    """A market's public facts (fields and resolvers shared by `Market` and `Channel`)."""

    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    is_active = graphene.Boolean(required=True)
    currency_code = graphene.String(required=True)
    default_country = graphene.Field(CountryDisplay, required=True)
    countries = graphene.List(graphene.NonNull(CountryDisplay))
    kind = graphene.Field(ChannelKindEnum, required=True)
    default_language = graphene.Field(LanguageDisplay, required=True)
    languages = graphene.NonNull(graphene.List(graphene.NonNull(LanguageDisplay)))
    vat_rate = graphene.Decimal(required=True, description="VAT included in this channel's prices (0.2 = 20 %).")
    price_rule = graphene.Field(PriceRule)

    @staticmethod
    def resolve_default_country(root, info):
        return CountryDisplay.of(root.default_country)

    @staticmethod
    def resolve_countries(root, info):
        return [CountryDisplay.of(code) for code in root.countries]

    @staticmethod
    def resolve_default_language(root, info):
        return LanguageDisplay.of(root.default_language)

    @staticmethod
    def resolve_languages(root, info):
        return [LanguageDisplay.of(code) for code in root.languages]

    @staticmethod
    def resolve_price_rule(root, info):
        if root.price_rate is None:
            return None
        return {"rate": root.price_rate, "margin": root.price_margin, "rounding": root.price_rounding}


class Market(MarketFields, graphene.ObjectType):
    """Marketplace extension: a market as any visitor reads it (its currency, countries, languages, VAT and
    price rule), for the market switch. The same facts on `Channel` are staff-only, as on Saleor."""

    id = graphene.ID(required=True, description="The channel's ID.")

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Channel", root.pk)


class Channel(MarketFields, graphene.ObjectType):
    """Saleor's channel: `name`, `isActive`, `currencyCode` and `defaultCountry` need a staff user or an app
    (an artisan's member counts as staff), as on Saleor; buyers read a market through `markets`."""

    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Channel", root.pk)

    @staticmethod
    def resolve_name(root, info):
        require_staff_reader(info)
        return root.name

    @staticmethod
    def resolve_is_active(root, info):
        require_staff_reader(info)
        return root.is_active

    @staticmethod
    def resolve_currency_code(root, info):
        require_staff_reader(info)
        return root.currency_code

    @staticmethod
    def resolve_default_country(root, info):
        require_staff_reader(info)
        return CountryDisplay.of(root.default_country)
