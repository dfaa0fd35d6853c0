"""Saleor's collection management mutations (curators) and the home page's featured collections."""

from __future__ import annotations

import graphene

from marketplace.catalog import collection_services as services
from marketplace.catalog.graphql.collection_types import Collection
from marketplace.catalog.graphql.inputs import (
    CollectionChannelListingError,
    LanguageCodeEnum,
    MetadataInput,
    SeoInput,
    TranslationError,
    TranslationInput,
    errors_of,
)
from marketplace.core.graphql.channel_context import all_in_channel, in_channel
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import pk_from_global_id
from marketplace.core.graphql.mutations import MaalemMutation, error_type

CollectionError = error_type("Collection", ["DUPLICATED_INPUT_ITEM", "GRAPHQL_ERROR", "INVALID", "NOT_FOUND",
                                            "REQUIRED", "UNIQUE", "FILE_SIZE_LIMIT_EXCEEDED"])
COLLECTION_ERRORS = errors_of(CollectionError)


def _fields() -> dict:
    return {"is_published": graphene.Boolean(), "name": graphene.String(), "slug": graphene.String(),
            "description": graphene.JSONString(), "background_image_alt": graphene.String(),
            "seo": graphene.Field(SeoInput), "metadata": graphene.List(graphene.NonNull(MetadataInput)),
            "private_metadata": graphene.List(graphene.NonNull(MetadataInput))}


CollectionInput = type("CollectionInput", (graphene.InputObjectType,), _fields())
CollectionCreateInput = type("CollectionCreateInput", (graphene.InputObjectType,), {
    **_fields(), "products": graphene.List(graphene.NonNull(graphene.ID))})


def _products(ids) -> list[int]:
    return [pk_from_global_id(p, "Product") for p in ids or []]


class CollectionCreate(MaalemMutation):
    class Arguments:
        input = CollectionCreateInput(required=True)

    collection = graphene.Field(Collection)
    errors = COLLECTION_ERRORS

    @classmethod
    def perform(cls, root, info, input):
        collection = services.create_collection(user_of(info), dict(input), _products(input.get("products")))
        return {"collection": in_channel(collection, None)}


class CollectionUpdate(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        input = CollectionInput(required=True)

    collection = graphene.Field(Collection)
    errors = COLLECTION_ERRORS

    @classmethod
    def perform(cls, root, info, id, input):
        collection = services.update_collection(user_of(info), pk_from_global_id(id, "Collection"),
                                                dict(input))
        return {"collection": in_channel(collection, None)}


class CollectionDelete(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)

    collection = graphene.Field(Collection)
    errors = COLLECTION_ERRORS

    @classmethod
    def perform(cls, root, info, id):
        collection = services.delete_collection(user_of(info), pk_from_global_id(id, "Collection"))
        return {"collection": in_channel(collection, None)}


class CollectionAddProducts(MaalemMutation):
    class Arguments:
        collection_id = graphene.ID(required=True)
        products = graphene.NonNull(graphene.List(graphene.NonNull(graphene.ID)))

    collection = graphene.Field(Collection)
    errors = COLLECTION_ERRORS

    @classmethod
    def perform(cls, root, info, collection_id, products):
        collection = services.add_products(user_of(info), pk_from_global_id(collection_id, "Collection"),
                                           _products(products))
        return {"collection": in_channel(collection, None)}


class CollectionRemoveProducts(MaalemMutation):
    class Arguments:
        collection_id = graphene.ID(required=True)
        products = graphene.NonNull(graphene.List(graphene.NonNull(graphene.ID)))

    collection = graphene.Field(Collection)
    errors = COLLECTION_ERRORS

    @classmethod
    def perform(cls, root, info, collection_id, products):
        collection = services.remove_products(
            user_of(info), pk_from_global_id(collection_id, "Collection"), _products(products))
        return {"collection": in_channel(collection, None)}


class MoveProductInput(graphene.InputObjectType):
    product_id = graphene.ID(required=True)
    sort_order = graphene.Int()


class CollectionReorderProducts(MaalemMutation):
    class Arguments:
        collection_id = graphene.ID(required=True)
        moves = graphene.NonNull(graphene.List(graphene.NonNull(MoveProductInput)))

    collection = graphene.Field(Collection)
    errors = COLLECTION_ERRORS

    @classmethod
    def perform(cls, root, info, collection_id, moves):
        collection = services.reorder_products(
            user_of(info), pk_from_global_id(collection_id, "Collection"),
            [(pk_from_global_id(m["product_id"], "Product"), m.get("sort_order") or 0) for m in moves])
        return {"collection": in_channel(collection, None)}


class PublishableChannelListingInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True)
    is_published = graphene.Boolean()
    published_at = graphene.DateTime()


class CollectionChannelListingUpdateInput(graphene.InputObjectType):
    add_channels = graphene.List(graphene.NonNull(PublishableChannelListingInput))
    remove_channels = graphene.List(graphene.NonNull(graphene.ID))


class CollectionChannelListingUpdate(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        input = CollectionChannelListingUpdateInput(required=True)

    collection = graphene.Field(Collection)
    errors = errors_of(CollectionChannelListingError)

    @classmethod
    def perform(cls, root, info, id, input):
        add = [{**item, "channel_id": pk_from_global_id(item["channel_id"], "Channel")}
               for item in input.get("add_channels") or []]
        remove = [pk_from_global_id(c, "Channel") for c in input.get("remove_channels") or []]
        collection = services.update_collection_listings(
            user_of(info), pk_from_global_id(id, "Collection"), add, remove)
        return {"collection": in_channel(collection, None)}


class CollectionTranslate(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        language_code = graphene.Argument(LanguageCodeEnum, required=True)
        input = TranslationInput(required=True)

    collection = graphene.Field(Collection)
    errors = errors_of(TranslationError)

    @classmethod
    def perform(cls, root, info, id, language_code, input):
        language = str(getattr(language_code, "value", language_code)).lower()
        collection = services.translate_collection(user_of(info), pk_from_global_id(id, "Collection"),
                                                   language, dict(input))
        return {"collection": in_channel(collection, None)}


class FeaturedCollectionsSet(MaalemMutation):
    """Marketplace extension: the home page's featured collections, in this order (others stop featuring)."""

    class Arguments:
        collections = graphene.NonNull(graphene.List(graphene.NonNull(graphene.ID)))

    collections = graphene.List(graphene.NonNull(Collection))
    errors = COLLECTION_ERRORS

    @classmethod
    def perform(cls, root, info, collections):
        pks = [pk_from_global_id(c, "Collection") for c in collections]
        collections = services.set_featured_collections(user_of(info), pks)
        return {"collections": all_in_channel(collections, None)}


class CollectionMutations(graphene.ObjectType):
    collection_create = CollectionCreate.Field()
    collection_update = CollectionUpdate.Field()
    collection_delete = CollectionDelete.Field()
    collection_add_products = CollectionAddProducts.Field()
    collection_remove_products = CollectionRemoveProducts.Field()
    collection_reorder_products = CollectionReorderProducts.Field()
    collection_channel_listing_update = CollectionChannelListingUpdate.Field()
    collection_translate = CollectionTranslate.Field()
    featured_collections_set = FeaturedCollectionsSet.Field()
