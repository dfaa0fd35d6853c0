from __future__ import annotations

import graphene

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


class Channel(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

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
    def resolve_id(root, info):
        return to_global_id("Channel", root.pk)

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
