"""productMediaCreate (GraphQL multipart request), productMediaUpdate, productMediaDelete, productMediaReorder."""

from __future__ import annotations

from typing import Any

import graphene
from graphql import GraphQLError

from marketplace.catalog.graphql.inputs import ProductError, errors_of
from marketplace.catalog.graphql.product_types import Product
from marketplace.catalog.models import Product as ProductModel
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.graphql.channel_context import in_channel
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import pk_from_global_id
from marketplace.core.graphql.mutations import MaalemMutation
from marketplace.media import services
from marketplace.media.graphql.types import ProductMedia


class Upload(graphene.Scalar):
    """Variables of this type represent a file in a multipart request (GraphQL multipart request spec)."""

    @staticmethod
    def serialize(value: Any) -> Any:
        return getattr(value, "name", None)

    @staticmethod
    def parse_value(value: Any) -> Any:
        if not hasattr(value, "read"):
            raise GraphQLError("Upload: send the file as a multipart request (operations, map, file parts).")
        return value

    @staticmethod
    def parse_literal(node: Any, _variables: Any = None) -> Any:
        raise GraphQLError("Upload: a file must be passed as a variable in a multipart request.")


class ProductMediaCreateInput(graphene.InputObjectType):
    alt = graphene.String()
    image = Upload()
    product = graphene.ID(required=True)
    media_url = graphene.String()


class ProductMediaUpdateInput(graphene.InputObjectType):
    alt = graphene.String()


class MediaStatusMutation(MaalemMutation):
    """A mutation that hands a photo to the pipeline: its payload tells where the photo stands."""

    class Meta:
        abstract = True

    @classmethod
    def mutate(cls, root, info, **data):
        payload = super().mutate(root, info, **data)
        if getattr(payload, "media", None) is not None:
            # Without a broker the pipeline ran when the transaction committed: report its outcome.
            payload.media.refresh_from_db()
        return payload


class ProductMediaCreate(MediaStatusMutation):
    class Arguments:
        input = ProductMediaCreateInput(required=True)

    product = graphene.Field(Product)
    media = graphene.Field(ProductMedia)
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, input):
        if input.get("media_url"):
            raise MutationError([FieldError("mediaUrl", "Only uploaded photos are accepted: they go through the "
                                            "photography pipeline.", "UNSUPPORTED_MEDIA_PROVIDER")])
        image = input.get("image")
        if image is None:
            raise MutationError([FieldError("image", "Upload a photo.", "REQUIRED")])
        if getattr(image, "size", 0) > services.MAX_UPLOAD_BYTES:
            raise MutationError([FieldError("image", "The file is too large.", "FILE_SIZE_LIMIT_EXCEEDED")])
        product_pk = pk_from_global_id(input["product"], "Product")
        media = services.create_media_for(user_of(info), product_pk, image.read(), input.get("alt") or "")
        return {"media": media, "product": in_channel(media.product, None)}


class ProductMediaUpdate(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        input = ProductMediaUpdateInput(required=True)

    product = graphene.Field(Product)
    media = graphene.Field(ProductMedia)
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, id, input):
        media = services.update_media(user_of(info), pk_from_global_id(id, "ProductMedia"), input.get("alt"))
        return {"media": media, "product": in_channel(media.product, None)}


class ProductMediaDelete(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)

    product = graphene.Field(Product)
    media = graphene.Field(ProductMedia)
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, id):
        media = services.delete_media(user_of(info), pk_from_global_id(id, "ProductMedia"))
        return {"media": media, "product": in_channel(media.product, None)}


class ProductMediaRetry(MediaStatusMutation):
    """Marketplace extension (the product's managers): run the photography pipeline again on a photo that
    failed; `media.status` says where it stands."""

    class Arguments:
        id = graphene.ID(required=True)

    product = graphene.Field(Product)
    media = graphene.Field(ProductMedia)
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, id):
        media = services.retry_media(user_of(info), pk_from_global_id(id, "ProductMedia"))
        return {"media": media, "product": in_channel(media.product, None)}



class ProductMediaReorder(MaalemMutation):
    class Arguments:
        product_id = graphene.ID(required=True)
        media_ids = graphene.NonNull(graphene.List(graphene.NonNull(graphene.ID)))

    product = graphene.Field(Product)
    media = graphene.List(graphene.NonNull(ProductMedia))
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, product_id, media_ids):
        media = services.reorder_media(user_of(info), pk_from_global_id(product_id, "Product"),
                                       [pk_from_global_id(m, "ProductMedia") for m in media_ids])
        product = ProductModel.objects.get(pk=pk_from_global_id(product_id, "Product"))
        return {"media": media, "product": in_channel(product, None)}


class MediaMutations(graphene.ObjectType):
    product_media_create = ProductMediaCreate.Field()
    product_media_update = ProductMediaUpdate.Field()
    product_media_delete = ProductMediaDelete.Field()
    product_media_reorder = ProductMediaReorder.Field()
    product_media_retry = ProductMediaRetry.Field()
