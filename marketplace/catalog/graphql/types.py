"""Catalog types with Saleor 3's names and shapes; resolvers only read through the batch loaders."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import graphene

from marketplace.catalog import models
from marketplace.catalog.graphql import dataloaders as dl
from marketplace.catalog.graphql.product_lists import product_list_args, resolve_category_products
from marketplace.channels.selectors import indicative_rates
from marketplace.channels.services import indicative_amount
from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.loaders import loaders_for
from marketplace.core.graphql.pagination import paginate
from marketplace.core.graphql.types import (
    LanguageCodeEnum,
    LanguageDisplay,
    Node,
    ObjectWithMetadata,
    TaxedMoney,
    TaxedMoneyRange,
    ThumbnailFormatEnum,
    Weight,
    connection_args,
    countable_connection,
)
from marketplace.media.graphql.types import Image, image_of
from marketplace.taxes.vat import net_of


def _language(value: Any) -> str:
    return getattr(value, "value", value)


class TranslationFields:
    @staticmethod
    def resolve_language(root: Any, info) -> dict:
        return LanguageDisplay.of(root.language_code)


def seo_translation_type(name: str) -> type:
    """Saleor's translations of categories, products and collections share one shape."""

    def resolve_id(root, info):
        return to_global_id(name, root.pk)

    return type(name, (graphene.ObjectType, TranslationFields), {
        "Meta": type("Meta", (), {"interfaces": (Node,)}),
        "language": graphene.Field(LanguageDisplay, required=True),
        "seo_title": graphene.String(),
        "seo_description": graphene.String(),
        "slug": graphene.String(),
        "name": graphene.String(),
        "description": graphene.JSONString(),
        "resolve_id": staticmethod(resolve_id),
    })


def translation_field(type_: Any) -> graphene.Field:
    return graphene.Field(type_, language_code=graphene.Argument(LanguageCodeEnum, required=True))


class AttributeInputTypeEnum(graphene.Enum):
    DROPDOWN = "DROPDOWN"
    MULTISELECT = "MULTISELECT"
    NUMERIC = "NUMERIC"
    PLAIN_TEXT = "PLAIN_TEXT"
    SWATCH = "SWATCH"


class MeasurementUnitsEnum(graphene.Enum):
    CM = "CM"
    M = "M"
    KG = "KG"
    G = "G"


class AttributeTypeEnum(graphene.Enum):
    PRODUCT_TYPE = "PRODUCT_TYPE"
    PAGE_TYPE = "PAGE_TYPE"


class AttributeTranslation(graphene.ObjectType, TranslationFields):
    class Meta:
        interfaces = (Node,)

    language = graphene.Field(LanguageDisplay, required=True)
    name = graphene.String(required=True)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("AttributeTranslation", root.pk)


class AttributeValueTranslation(graphene.ObjectType, TranslationFields):
    class Meta:
        interfaces = (Node,)

    language = graphene.Field(LanguageDisplay, required=True)
    name = graphene.String(required=True)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("AttributeValueTranslation", root.pk)


class Attribute(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    input_type = graphene.Field(AttributeInputTypeEnum)
    type = graphene.Field(AttributeTypeEnum, required=True)
    unit = graphene.Field(MeasurementUnitsEnum)
    value_required = graphene.Boolean(required=True)
    visible_in_storefront = graphene.Boolean(required=True)
    with_choices = graphene.Boolean(required=True)
    external_reference = graphene.String()
    translation = translation_field(AttributeTranslation)
    choices = graphene.Field(lambda: countable_connection(AttributeValue), **connection_args())

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Attribute", root.pk)

    @staticmethod
    def resolve_choices(root, info, **page_args):
        return paginate(models.AttributeValue.objects.filter(attribute=root), sort=[("sort_order", False)],
                        connection_name="choices", **page_args)

    @staticmethod
    def resolve_type(root, info):
        return "PRODUCT_TYPE"

    @staticmethod
    def resolve_unit(root, info):
        return root.unit or None

    @staticmethod
    def resolve_with_choices(root, info):
        return root.input_type in ("DROPDOWN", "MULTISELECT", "SWATCH")

    @staticmethod
    def resolve_translation(root, info, language_code):
        return dl.translation_loader(info, models.AttributeTranslation, "attribute_id", _language(language_code),
                                     "attribute").load(root.pk)


class AttributeValue(graphene.ObjectType):
    class Meta:
        interfaces = (Node,)

    name = graphene.String()
    slug = graphene.String()
    value = graphene.String()
    plain_text = graphene.String()
    input_type = graphene.Field(AttributeInputTypeEnum)
    external_reference = graphene.String()
    translation = translation_field(AttributeValueTranslation)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("AttributeValue", root.pk)

    @staticmethod
    def resolve_input_type(root, info):
        return getattr(root, "_input_type", None)

    @staticmethod
    def resolve_translation(root, info, language_code):
        return dl.translation_loader(info, models.AttributeValueTranslation, "attribute_value_id",
                                     _language(language_code), "attribute_value").load(root.pk)


class SelectedAttribute(graphene.ObjectType):
    attribute = graphene.Field(Attribute, required=True)
    values = graphene.NonNull(graphene.List(graphene.NonNull(AttributeValue)))

    @staticmethod
    def of(pairs: list) -> list[dict]:
        return [{"attribute": attribute, "values": values} for attribute, values in pairs]


CategoryTranslation = seo_translation_type("CategoryTranslation")


class Category(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString()
    slug = graphene.String(required=True)
    parent = graphene.Field(lambda: Category)
    level = graphene.Int(required=True)
    updated_at = graphene.DateTime(required=True)
    background_image = graphene.Field(Image, size=graphene.Int(), format=ThumbnailFormatEnum(default_value="ORIGINAL"))
    translation = translation_field(CategoryTranslation)
    products = graphene.Field("marketplace.catalog.graphql.schema.ProductCountableConnection",
                              resolver=resolve_category_products, **product_list_args())
    children = graphene.Field(lambda: countable_connection(Category), **connection_args())

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Category", root.pk)

    @staticmethod
    def resolve_parent(root, info):
        return dl.category_by_id(info).load(root.parent_id) if root.parent_id else None

    @staticmethod
    def resolve_children(root, info, **page_args):
        page = paginate(models.Category.objects.filter(parent=root), sort=[("sort_order", False), ("name", False)],
                        connection_name="children", **page_args)
        loaders_for(info.context).hint("category", [c.pk for c in page.nodes])
        return page

    @staticmethod
    def resolve_background_image(root, info, size=None, format="ORIGINAL"):
        return image_of({"master": root.background_image}, root.name, size, format) if root.background_image else None

    @staticmethod
    def resolve_translation(root, info, language_code):
        return dl.translation_loader(info, models.CategoryTranslation, "category_id", _language(language_code),
                                     "category").load(root.pk)


class ProductType(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    name = graphene.String(required=True, language_code=graphene.Argument(
        LanguageCodeEnum, description="Marketplace extension: the name in this language when it has one."))
    slug = graphene.String(required=True)
    has_variants = graphene.Boolean(required=True)
    is_shipping_required = graphene.Boolean(required=True)
    weight = graphene.Field(Weight)
    default_category = graphene.Field(
        lambda: Category, description="Marketplace extension: the craft pieces of this kind are listed in (the "
                                      "atelier derives the craft from the kind instead of asking it again).")
    usual_values = graphene.NonNull(
        graphene.List(graphene.NonNull(AttributeValue)),
        description="Marketplace extension: the attribute values usual for this kind (clay and glaze for a "
                    "tagine), which the atelier offers first; the others stay available.")
    product_attributes = graphene.List(Attribute)
    variant_attributes = graphene.List(Attribute)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("ProductType", root.pk)

    @staticmethod
    def resolve_default_category(root, info):
        return dl.category_by_id(info).load(root.default_category_id) if root.default_category_id else None

    @staticmethod
    def resolve_product_attributes(root, info):
        return [link.attribute
                for link in root.attribute_products.select_related("attribute").order_by("sort_order", "pk")]

    @staticmethod
    def resolve_variant_attributes(root, info):
        return [link.attribute
                for link in root.attribute_variants.select_related("attribute").order_by("sort_order", "pk")]

    @staticmethod
    def resolve_usual_values(root, info):
        return list(root.usual_values.select_related("attribute").order_by("sort_order", "pk"))

    @staticmethod
    def resolve_weight(root, info):
        return Weight.kg(root.weight_kg)

    @staticmethod
    def resolve_name(root, info, language_code=None):
        code = getattr(language_code, "value", language_code)
        return (root.name_translations or {}).get((code or "").lower()) or root.name


ProductTranslation = seo_translation_type("ProductTranslation")


class ProductVariantTranslation(graphene.ObjectType, TranslationFields):
    class Meta:
        interfaces = (Node,)

    language = graphene.Field(LanguageDisplay, required=True)
    name = graphene.String(required=True)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("ProductVariantTranslation", root.pk)


class ProductPricingInfo(graphene.ObjectType):
    on_sale = graphene.Boolean()
    discount = graphene.Field(TaxedMoney)
    display_gross_prices = graphene.Boolean(required=True)
    price_range = graphene.Field(TaxedMoneyRange)
    price_range_undiscounted = graphene.Field(TaxedMoneyRange)
    indicative_price_range = graphene.Field(
        TaxedMoneyRange, currency=graphene.String(required=True, description="A currency code, e.g. EUR."),
        description=(
            "Marketplace extension: the price range converted into `currency` for a visitor who counts in it, "
            "at the rate of the public market whose prices derive from the dirham in that currency (its price "
            "rule's rate, without margin or rounding step), rounded to a whole unit. An indication, not a price "
            "anyone pays. Null when this channel's prices are not in MAD or no market converts MAD into "
            "`currency`. (Saleor's `priceRangeLocalCurrency` always returns null.)"))

    @staticmethod
    def resolve_indicative_price_range(root: dict, info, currency: str) -> dict | None:
        span = root.get("price_range")
        if not span:
            return None
        rates = indicative_rates(info.context)
        converted = {}
        for end in ("start", "stop"):
            gross, net = (_decimal(span[end][part]) for part in ("gross", "net"))
            amounts = [indicative_amount(value, span[end]["currency"], currency, rates) for value in (gross, net)]
            if None in amounts:
                return None
            converted[end] = TaxedMoney.of(amounts[0], amounts[1], currency)
        return converted


def _decimal(money: dict) -> Decimal:
    """A Money's exact amount (its fractional units, not the float)."""
    return Decimal(money["fractional_amount"]).scaleb(-money["fraction_digits"])


class VariantPricingInfo(graphene.ObjectType):
    on_sale = graphene.Boolean()
    discount = graphene.Field(TaxedMoney)
    price = graphene.Field(TaxedMoney)
    price_undiscounted = graphene.Field(TaxedMoney)


def price_range(listings: list, channel: Any) -> dict | None:
    prices = [row.price_amount for row in listings if row.price_amount is not None]
    if not prices:
        return None
    low, high = min(prices), max(prices)
    return {"start": TaxedMoney.of(low, net_of(low, channel.vat_rate), channel.currency_code),
            "stop": TaxedMoney.of(high, net_of(high, channel.vat_rate), channel.currency_code)}


def is_available_for_purchase(listing: Any) -> bool:
    # The clock read directly (time zones are always on): timezone.now() reads a setting per product card.
    return bool(listing and listing.available_for_purchase_at
                and listing.available_for_purchase_at <= datetime.now(UTC))
