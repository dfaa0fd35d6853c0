from __future__ import annotations

from typing import Any

import graphene

from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.types import Node, ObjectWithMetadata, ThumbnailFormatEnum
from marketplace.media.models import ProductMedia as ProductMediaModel
from marketplace.media.selectors import media_url


class ProductMediaType(graphene.Enum):
    IMAGE = "IMAGE"
    VIDEO = "VIDEO"


class ProductMediaStatusEnum(graphene.Enum):
    """Marketplace extension: where the photo is in the photography pipeline."""

    PENDING = "PENDING"
    READY = "READY"
    FAILED = "FAILED"


class ProductMediaProcessingErrorCode(graphene.Enum):
    """Marketplace extension: why the photography pipeline refused a photo (clients translate it)."""

    EMPTY_FILE = "EMPTY_FILE"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    TOO_MANY_PIXELS = "TOO_MANY_PIXELS"
    UNSUPPORTED_FORMAT = "UNSUPPORTED_FORMAT"
    CORRUPT_IMAGE = "CORRUPT_IMAGE"
    PROCESSING_ERROR = "PROCESSING_ERROR"


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
    # Marketplace extensions, for the product's artisan members and curators only (null for others).
    status = graphene.Field(ProductMediaStatusEnum, description="Pipeline state (artisan members and curators).")
    before_url = graphene.String(description="The photo as uploaded, downscaled and without metadata: a signed "
                                             "link valid one hour, for the artisan's members and curators.")
    quality_report = graphene.JSONString(description="Scores and advice (fr/ar/en), before and after.")
    processing_error = graphene.String(description="Marketplace extension (managers): why the pipeline refused "
                                                   "the photo, in English.")
    processing_error_code = graphene.Field(
        ProductMediaProcessingErrorCode,
        description="Marketplace extension (managers): the reason's code when the status is FAILED.")

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

    @staticmethod
    def resolve_status(root: ProductMediaModel, info) -> str | None:
        return root.status if _may_see_workshop_data(info, root) else None

    @staticmethod
    def resolve_before_url(root: ProductMediaModel, info) -> str | None:
        from marketplace.media.private import PREFIX, signed_url

        before = root.files.get("before")
        if not _may_see_workshop_data(info, root) or not before or not before.startswith(PREFIX):
            return None
        return signed_url(before)

    @staticmethod
    def resolve_quality_report(root: ProductMediaModel, info) -> Any:
        return root.quality_report if _may_see_workshop_data(info, root) else None

    @staticmethod
    def resolve_processing_error(root: ProductMediaModel, info) -> str | None:
        return (root.error or None) if _may_see_workshop_data(info, root) else None

    @staticmethod
    def resolve_processing_error_code(root: ProductMediaModel, info) -> str | None:
        if root.status != ProductMediaModel.Status.FAILED or not _may_see_workshop_data(info, root):
            return None
        known = {code for code, _value in ProductMediaProcessingErrorCode._meta.enum.__members__.items()}
        return root.error_code if root.error_code in known else "PROCESSING_ERROR"


def _may_see_workshop_data(info, media: ProductMediaModel) -> bool:
    from marketplace.core.permissions import is_admin, is_curator, member_artisan_ids

    user = user_of(info)
    if is_curator(user) or is_admin(user):
        return True
    artisan_id = getattr(media, "artisan_id", None)
    if artisan_id is None:
        artisan_id = media.product.artisan_id
    return artisan_id in member_artisan_ids(user)


def _format_name(value: Any) -> str:
    return getattr(value, "value", value) or "ORIGINAL"


def image_of(files: dict[str, Any], alt: str, size: int | None, fmt: Any) -> dict[str, str] | None:
    url = media_url(files, size, _format_name(fmt))
    return {"url": url, "alt": alt} if url else None
