from __future__ import annotations

import graphene

from marketplace.channels.graphql.types import Channel
from marketplace.channels.models import Channel as ChannelModel
from marketplace.channels.selectors import active_channels
from marketplace.core.graphql.ids import pk_from_global_id


class ChannelQueries(graphene.ObjectType):
    channel = graphene.Field(Channel, id=graphene.ID(), slug=graphene.String())
    channels = graphene.List(graphene.NonNull(Channel), description="The active markets (public in Maalem).")

    @staticmethod
    def resolve_channel(root, info, id=None, slug=None):
        if id is not None:
            return ChannelModel.objects.filter(pk=pk_from_global_id(id, "Channel")).first()
        if slug is not None:
            return ChannelModel.objects.filter(slug=slug).first()
        return None

    @staticmethod
    def resolve_channels(root, info):
        return active_channels()
