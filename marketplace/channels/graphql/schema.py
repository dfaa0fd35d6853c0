from __future__ import annotations

import graphene

from marketplace.channels.access import require_staff_reader
from marketplace.channels.graphql.types import Channel, Market
from marketplace.channels.models import Channel as ChannelModel
from marketplace.channels.selectors import active_channels, can_see_channel
from marketplace.core.graphql.ids import pk_from_global_id


class ChannelQueries(graphene.ObjectType):
    channel = graphene.Field(Channel, id=graphene.ID(), slug=graphene.String())
    channels = graphene.List(graphene.NonNull(Channel), description=(
        "List of all active channels. Requires one of the following permissions: AUTHENTICATED_APP, "
        "AUTHENTICATED_STAFF_USER (staff, or an artisan's members), as on Saleor. Visitors read `markets`."))
    markets = graphene.NonNull(graphene.List(graphene.NonNull(Market)), description=(
        "Marketplace extension: the active markets the caller may see, with the facts a visitor needs (currency, "
        "countries, VAT, price rule); on `Channel` those are staff-only, as on Saleor."))

    @staticmethod
    def resolve_channel(root, info, id=None, slug=None):
        channel = None
        if id is not None:
            channel = ChannelModel.objects.filter(pk=pk_from_global_id(id, "Channel")).first()
        elif slug is not None:
            channel = ChannelModel.objects.filter(slug=slug).first()
        return channel if channel is not None and can_see_channel(info.context.user, channel) else None

    @staticmethod
    def resolve_channels(root, info):
        require_staff_reader(info)
        return active_channels(info.context.user)

    @staticmethod
    def resolve_markets(root, info):
        return active_channels(info.context.user)
