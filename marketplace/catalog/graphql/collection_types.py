"""Saleor's Collection, its channel listings and translation: a curated set of products, per channel."""

from __future__ import annotations

import graphene

from marketplace.catalog import models
from marketplace.catalog.graphql import dataloaders as dl
from marketplace.catalog.graphql.product_lists import product_list_args, resolve_collection_products
from marketplace.catalog.graphql.product_types import Product, _staff
from marketplace.catalog.graphql.types import (
    _language,
    seo_translation_type,
    translation_field,
)
from marketplace.channels.graphql.types import Channel
from marketplace.core.graphql.channel_context import ChannelContextWithMetadata, resolve_node_attribute
from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.types import (
    Node,
    ObjectWithMetadata,
    ThumbnailFormatEnum,
    countable_connection,
)
from marketplace.media.graphql.types import Image, image_of

CollectionTranslation = seo_translation_type("CollectionTranslation")


class CollectionChannelListing(graphene.ObjectType):
    class Meta:
        interfaces = (Node,)

    published_at = graphene.DateTime()
    is_published = graphene.Boolean(required=True)
    channel = graphene.Field(Channel, required=True)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("CollectionChannelListing", root.pk)


class Collection(ChannelContextWithMetadata, graphene.ObjectType):
    # Read in a channel: resolvers receive a ChannelContext (core/graphql/channel_context.py). No docstring:
    # it would become the type's SDL description.
    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        default_resolver = resolve_node_attribute

    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString()
    slug = graphene.String(required=True)
    channel = graphene.String()
    background_image = graphene.Field(Image, size=graphene.Int(), format=ThumbnailFormatEnum(default_value="ORIGINAL"))
    translation = translation_field(CollectionTranslation)
    channel_listings = graphene.List(graphene.NonNull(CollectionChannelListing))
    products = graphene.Field(lambda: countable_connection(Product), resolver=resolve_collection_products,
                              **{name: arg for name, arg in product_list_args().items() if name != "channel"})

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Collection", root.node.pk)

    @staticmethod
    def resolve_channel(root, info):
        return root.channel_slug

    @staticmethod
    def resolve_background_image(root, info, size=None, format="ORIGINAL"):
        collection = root.node
        if not collection.background_image:
            return None
        return image_of({"master": collection.background_image}, collection.background_image_alt or collection.name,
                        size, format)

    @staticmethod
    def resolve_translation(root, info, language_code):
        return dl.translation_loader(info, models.CollectionTranslation, "collection_id", _language(language_code),
                                     "collection").load(root.node.pk)

    @staticmethod
    def resolve_channel_listings(root, info):
        if not _staff(info):
            return None
        return list(root.node.channel_listings.select_related("channel"))
