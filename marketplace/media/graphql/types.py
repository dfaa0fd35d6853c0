from __future__ import annotations

from typing import Any

import graphene

from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.types import Node, ObjectWithMetadata, ThumbnailFormatEnum
from marketplace.media.models import ProductMedia as ProductMediaModel
from marketplace.media.selectors import media_url


class ProductMediaType(graphene.Enum):
    IMAGE = "IMAGE"
    VIDEO = "VIDEO"


class Image(graphene.ObjectType):
    url = graphene.String(required=True)
    alt = graphene.String()


class ProductMedia(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    sort_order = graphene.Int()
    alt = graphene.String(required=True)
    type = graphene.Field(ProductMediaType, required=True)
    oembed_data = graphene.JSONString(required=True)
    url = graphene.String(required=True, size=graphene.Int(), format=ThumbnailFormatEnum(default_value="ORIGINAL"))
    product_id = graphene.ID()

    @staticmethod
    def resolve_id(root: ProductMediaModel, info) -> str:
        return to_global_id("ProductMedia", root.pk)

    @staticmethod
    def resolve_url(root: ProductMediaModel, info, size: int | None = None, format: str = "ORIGINAL") -> str:
        return media_url(root.files, size, _format_name(format)) or ""

    @staticmethod
    def resolve_product_id(root: ProductMediaModel, info) -> str:
        return to_global_id("Product", root.product_id)

    @staticmethod
    def resolve_oembed_data(root: ProductMediaModel, info) -> Any:
        return root.oembed_data or {}


def _format_name(value: Any) -> str:
    return getattr(value, "value", value) or "ORIGINAL"


def image_of(files: dict[str, Any], alt: str, size: int | None, fmt: Any) -> dict[str, str] | None:
    url = media_url(files, size, _format_name(fmt))
    return {"url": url, "alt": alt} if url else None
