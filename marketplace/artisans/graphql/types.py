"""Marketplace extension types: Artisan, Region, ArtisanLabel (named in Saleor's style)."""

from __future__ import annotations

import graphene

from marketplace.artisans import models
from marketplace.artisans.regions import REGIONS, region_name
from marketplace.catalog import selectors as catalog_selectors
from marketplace.catalog.access import can_manage_artisan
from marketplace.catalog.graphql import dataloaders as dl
from marketplace.catalog.graphql.management_types import Warehouse
from marketplace.catalog.graphql.product_lists import product_connection, product_list_args
from marketplace.catalog.graphql.schema import ProductCountableConnection
from marketplace.catalog.graphql.types import (
    Category,
    LanguageDisplay,
    TranslationFields,
    _language,
    translation_field,
)
from marketplace.channels.selectors import channel_for_request
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.loaders import group_by, loaders_for
from marketplace.core.graphql.types import LanguageCodeEnum, Node, ObjectWithMetadata, ThumbnailFormatEnum
from marketplace.inventory.models import Warehouse as WarehouseModel
from marketplace.media.graphql.types import Image
from marketplace.media.selectors import media_url


class ArtisanKindEnum(graphene.Enum):
    MONO_ARTISAN = "MONO_ARTISAN"
    COOPERATIVE = "COOPERATIVE"
    PME = "PME"


class ArtisanVerificationStatusEnum(graphene.Enum):
    PENDING = "PENDING"
    VERIFIED = "VERIFIED"
    REJECTED = "REJECTED"


class Region(graphene.ObjectType):
    """One of Morocco's twelve regions."""

    code = graphene.String(required=True)
    name = graphene.String(required=True, language_code=graphene.Argument(LanguageCodeEnum))

    @staticmethod
    def resolve_name(root, info, language_code=None):
        return region_name(root["code"], _language(language_code) or "fr")


class ArtisanLabelTranslation(graphene.ObjectType, TranslationFields):
    language = graphene.Field(LanguageDisplay, required=True)
    name = graphene.String(required=True)
    description = graphene.String()


class ArtisanLabel(graphene.ObjectType):
    """A distinction: cooperative, the ministry's quality label, an Expo-artisan edition."""

    class Meta:
        interfaces = (Node,)

    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    description = graphene.String()
    translation = translation_field(ArtisanLabelTranslation)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("ArtisanLabel", root.pk)

    @staticmethod
    def resolve_translation(root, info, language_code):
        return dl.translation_loader(info, models.LabelTranslation, "label_id", _language(language_code),
                                     "label").load(root.pk)


class ArtisanTranslation(graphene.ObjectType, TranslationFields):
    language = graphene.Field(LanguageDisplay, required=True)
    story = graphene.String()


def _labels(info, artisan_id: int) -> list:
    def batch(keys: list) -> dict:
        rows = models.Artisan.labels.through.objects.filter(artisan_id__in=keys).select_related("label")
        result = {k: [r.label for r in v] for k, v in group_by(rows, lambda r: r.artisan_id).items()}
        loaders_for(info.context).hint("label", [label.pk for labels in result.values() for label in labels])
        return result

    return loaders_for(info.context).get("artisan_labels", "artisan", batch, default=list).load(artisan_id)


def _crafts(info, artisan_id: int) -> list:
    def batch(keys: list) -> dict:
        rows = models.Artisan.crafts.through.objects.filter(artisan_id__in=keys).select_related("category")
        return {k: [r.category for r in v] for k, v in group_by(rows, lambda r: r.artisan_id).items()}

    return loaders_for(info.context).get("artisan_crafts", "artisan", batch, default=list).load(artisan_id)


class Artisan(graphene.ObjectType):
    """A maker: a mono-artisan, a cooperative or a small craft business (PME)."""

    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    kind = graphene.Field(ArtisanKindEnum, required=True)
    region = graphene.Field(Region, required=True)
    city = graphene.String(required=True)
    crafts = graphene.NonNull(graphene.List(graphene.NonNull(Category)))
    story = graphene.String()
    languages = graphene.NonNull(graphene.List(graphene.NonNull(graphene.String)))
    verification_status = graphene.Field(ArtisanVerificationStatusEnum, required=True)
    labels = graphene.NonNull(graphene.List(graphene.NonNull(ArtisanLabel)))
    portrait = graphene.Field(Image, size=graphene.Int(), format=ThumbnailFormatEnum(default_value="ORIGINAL"))
    workshop_photos = graphene.NonNull(graphene.List(graphene.NonNull(Image)), size=graphene.Int(),
                                       format=ThumbnailFormatEnum(default_value="ORIGINAL"))
    translation = translation_field(ArtisanTranslation)
    created = graphene.DateTime(required=True)
    products = graphene.Field(ProductCountableConnection, **product_list_args())
    warehouse = graphene.Field(Warehouse, description="The workshop's warehouse (the artisan's managers only).")

    @staticmethod
    def resolve_products(root, info, channel=None, **kwargs):
        ch = channel_for_request(info.context, channel)
        products = catalog_selectors.visible_products(ch, user_of(info), for_listing=True)
        return product_connection(info, products.filter(artisan=root), ch, count_scope=f"artisan:{root.pk}",
                                  **kwargs)

    @staticmethod
    def resolve_warehouse(root, info):
        if not can_manage_artisan(user_of(info), root.pk):
            return None
        return WarehouseModel.objects.filter(artisan_id=root.pk).first()

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Artisan", root.pk)

    @staticmethod
    def resolve_region(root, info):
        return {"code": root.region}

    @staticmethod
    def resolve_crafts(root, info):
        return _crafts(info, root.pk)

    @staticmethod
    def resolve_labels(root, info):
        return _labels(info, root.pk)

    @staticmethod
    def resolve_portrait(root, info, size=None, format="ORIGINAL"):
        return _image(root.portrait, root.name, size, format)

    @staticmethod
    def resolve_workshop_photos(root, info, size=None, format="ORIGINAL"):
        return [img for img in (_image(p, root.name, size, format) for p in root.workshop_photos) if img]

    @staticmethod
    def resolve_translation(root, info, language_code):
        return dl.translation_loader(info, models.ArtisanTranslation, "artisan_id", _language(language_code),
                                     "artisan").load(root.pk)

    @staticmethod
    def resolve_created(root, info):
        return root.created_at


def _image(files: dict | str, alt: str, size, fmt) -> dict | None:
    """Artisan photos are stored as derivative maps like product media (or a single path)."""
    if not files:
        return None
    files = files if isinstance(files, dict) else {"master": files}
    url = media_url(files, size, getattr(fmt, "value", fmt) or "ORIGINAL")
    return {"url": url, "alt": alt} if url else None


ALL_REGIONS = [{"code": code} for code in REGIONS]
