from __future__ import annotations

import graphene

from marketplace.channels.graphql.types import Channel
from marketplace.channels.models import Channel as ChannelModel
from marketplace.channels.selectors import active_channels, can_see_channel
from marketplace.core.graphql.ids import pk_from_global_id


class ChannelQueries(graphene.ObjectType):
    channel = graphene.Field(Channel, id=graphene.ID(), slug=graphene.String())
    channels = graphene.List(graphene.NonNull(Channel), description=(
        "The active markets the caller may see (public in Maalem, except trade channels: verified trade "
        "accounts and staff)."))

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
        return active_channels(info.context.user)
