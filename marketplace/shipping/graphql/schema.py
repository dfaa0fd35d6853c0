"""Marketplace extension: the cities a market's delivery zones name, for the address form's suggestions."""

from __future__ import annotations

import graphene

from marketplace.core.graphql.types import LanguageCodeEnum


class ShippingQueries(graphene.ObjectType):
    delivery_cities = graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(graphene.String))),
        channel=graphene.String(required=True), language_code=graphene.Argument(LanguageCodeEnum),
        description="The cities with their own delivery rates in this channel, named in the language asked "
                    "(any spelling of them is recognised in an address: Casa, الدار البيضاء, Casablanca). "
                    "Marketplace extension.")

    @staticmethod
    def resolve_delivery_cities(root, info, channel, language_code=None):
        from marketplace.channels.models import Channel
        from marketplace.shipping.selectors import delivery_cities

        found = Channel.objects.filter(slug=channel, is_active=True).first()
        if found is None:
            return []
        return delivery_cities(found, getattr(language_code, "value", language_code) or "fr")
