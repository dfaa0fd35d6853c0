"""Saleor's input types, scalars and error types for catalog management (names as in Saleor 3.23)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import graphene
from graphql import GraphQLError
from graphql.language import ast

from marketplace.core.graphql.mutations import error_type
from marketplace.core.graphql.types import LanguageCodeEnum  # noqa: F401  (re-exported for mutations)


def _decimal(value: Any) -> Decimal:
    try:
        result = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise GraphQLError(f"Expected a decimal number, received {value!r}.") from None
    if not result.is_finite():
        raise GraphQLError(f"Expected a finite number, received {value!r}.")
    return result


class PositiveDecimal(graphene.Scalar):
    """Positive Decimal scalar implementation. Should be used in places where value must be positive."""

    @staticmethod
    def serialize(value: Any) -> float:
        return float(value)

    @staticmethod
    def parse_value(value: Any) -> Decimal:
        result = _decimal(value)
        if result < 0:
            raise GraphQLError(f"Value cannot be lower than 0. Received {value}.")
        return result

    @staticmethod
    def parse_literal(node: Any, _variables: Any = None) -> Decimal:
        if isinstance(node, (ast.IntValueNode, ast.FloatValueNode, ast.StringValueNode)):
            return PositiveDecimal.parse_value(node.value)
        raise GraphQLError("Expected a positive decimal.")


MAX_WEIGHT_KG = Decimal("99999.999")


class WeightScalar(graphene.Scalar):
    """A weight in kilograms (a number, or {value, unit} with unit G or KG)."""

    @staticmethod
    def serialize(value: Any) -> float:
        return float(value)

    @staticmethod
    def parse_value(value: Any) -> Decimal:
        if isinstance(value, dict):
            amount = _decimal(value.get("value"))
            amount = amount / 1000 if str(value.get("unit", "KG")).upper() == "G" else amount
        else:
            amount = _decimal(value)
        if abs(amount) > MAX_WEIGHT_KG:  # the columns hold 8 digits, 3 of them decimals
            raise GraphQLError(f"A weight is at most {MAX_WEIGHT_KG} kg.")
        return amount

    @staticmethod
    def parse_literal(node: Any, _variables: Any = None) -> Decimal:
        if isinstance(node, (ast.IntValueNode, ast.FloatValueNode, ast.StringValueNode)):
            return WeightScalar.parse_value(node.value)
        if isinstance(node, ast.ObjectValueNode):
            fields = {f.name.value: f.value.value for f in node.fields}
            return WeightScalar.parse_value(fields)
        raise GraphQLError("Expected a weight.")


class MetadataInput(graphene.InputObjectType):
    key = graphene.String(required=True)
    value = graphene.String(required=True)


class SeoInput(graphene.InputObjectType):
    title = graphene.String()
    description = graphene.String()


class AttributeValueSelectableTypeInput(graphene.InputObjectType):
    id = graphene.ID()
    external_reference = graphene.String()
    value = graphene.String()


class AttributeValueInput(graphene.InputObjectType):
    id = graphene.ID()
    external_reference = graphene.String()
    values = graphene.List(graphene.NonNull(graphene.String))
    dropdown = graphene.Field(AttributeValueSelectableTypeInput)
    swatch = graphene.Field(AttributeValueSelectableTypeInput)
    multiselect = graphene.List(graphene.NonNull(AttributeValueSelectableTypeInput))
    numeric = graphene.String()
    plain_text = graphene.String()


class BulkAttributeValueInput(AttributeValueInput):
    pass


class StockInput(graphene.InputObjectType):
    warehouse = graphene.ID(required=True)
    quantity = graphene.Int(required=True)


def _product_fields() -> dict[str, Any]:
    return {
        "attributes": graphene.List(graphene.NonNull(AttributeValueInput)),
        "category": graphene.ID(),
        "collections": graphene.List(graphene.NonNull(graphene.ID)),
        "description": graphene.JSONString(),
        "name": graphene.String(),
        "slug": graphene.String(),
        "seo": graphene.Field(SeoInput),
        "weight": WeightScalar(),
        "rating": graphene.Float(),
        "metadata": graphene.List(graphene.NonNull(MetadataInput)),
        "private_metadata": graphene.List(graphene.NonNull(MetadataInput)),
        "external_reference": graphene.String(),
    }


ProductInput = type("ProductInput", (graphene.InputObjectType,), _product_fields())
ProductCreateInput = type("ProductCreateInput", (graphene.InputObjectType,), {
    **_product_fields(),
    "product_type": graphene.ID(required=True),
    "artisan": graphene.ID(description="Marketplace extension: the artisan (curators and admins; members may "
                                       "leave it out). Saleor-shaped documents may pass an `artisan` metadata "
                                       "key holding the artisan's slug instead."),
})


class DimensionsInput(graphene.InputObjectType):
    """Marketplace extension: parcel dimensions in centimetres (shipping rates by volume, customs)."""

    length = graphene.Float()
    width = graphene.Float()
    height = graphene.Float()


def customs_fields() -> dict[str, Any]:
    """Marketplace extensions of the variant inputs (Saleor has neither): what export shipments need."""
    return {
        "hs_code": graphene.String(description="Marketplace extension: the customs (HS) code, 6 to 10 digits."),
        "dimensions": graphene.InputField(DimensionsInput, description="Marketplace extension: in centimetres."),
    }


def _variant_fields() -> dict[str, Any]:
    return {
        **customs_fields(),
        "sku": graphene.String(),
        "name": graphene.String(),
        "track_inventory": graphene.Boolean(),
        "weight": WeightScalar(),
        "quantity_limit_per_customer": graphene.Int(),
        "metadata": graphene.List(graphene.NonNull(MetadataInput)),
        "private_metadata": graphene.List(graphene.NonNull(MetadataInput)),
        "external_reference": graphene.String(),
    }


ProductVariantInput = type("ProductVariantInput", (graphene.InputObjectType,), {
    **_variant_fields(), "attributes": graphene.List(graphene.NonNull(AttributeValueInput))})
ProductVariantCreateInput = type("ProductVariantCreateInput", (graphene.InputObjectType,), {
    **_variant_fields(),
    "attributes": graphene.NonNull(graphene.List(graphene.NonNull(AttributeValueInput))),
    "product": graphene.ID(required=True),
    "stocks": graphene.List(graphene.NonNull(StockInput)),
    "is_one_of_a_kind": graphene.Boolean(description="Marketplace extension: a unique piece, never restocked."),
})


class ProductChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True)
    is_published = graphene.Boolean()
    published_at = graphene.DateTime()
    visible_in_listings = graphene.Boolean()
    is_available_for_purchase = graphene.Boolean()
    available_for_purchase_at = graphene.DateTime()
    add_variants = graphene.List(graphene.NonNull(graphene.ID))
    remove_variants = graphene.List(graphene.NonNull(graphene.ID))


class ProductChannelListingUpdateInput(graphene.InputObjectType):
    update_channels = graphene.List(graphene.NonNull(ProductChannelListingAddInput))
    remove_channels = graphene.List(graphene.NonNull(graphene.ID))


class ProductVariantChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True)
    price = PositiveDecimal(required=True)
    cost_price = PositiveDecimal()
    prior_price = PositiveDecimal()


class TranslationInput(graphene.InputObjectType):
    slug = graphene.String()
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String()
    description = graphene.JSONString()


class NameTranslationInput(graphene.InputObjectType):
    name = graphene.String()


PRODUCT_ERROR_CODES = [
    "ALREADY_EXISTS", "ATTRIBUTE_ALREADY_ASSIGNED", "ATTRIBUTE_CANNOT_BE_ASSIGNED", "ATTRIBUTE_VARIANTS_DISABLED",
    "MEDIA_ALREADY_ASSIGNED", "DUPLICATED_INPUT_ITEM", "GRAPHQL_ERROR", "INVALID", "INVALID_PRICE",
    "PRODUCT_WITHOUT_CATEGORY", "NOT_PRODUCTS_IMAGE", "NOT_PRODUCTS_VARIANT", "NOT_FOUND", "REQUIRED", "UNIQUE",
    "CANNOT_MANAGE_PRODUCT_WITHOUT_VARIANT", "PRODUCT_NOT_ASSIGNED_TO_CHANNEL", "UNSUPPORTED_MEDIA_PROVIDER",
    "INVALID_FILE_TYPE", "UNSUPPORTED_MIME_TYPE", "FILE_SIZE_LIMIT_EXCEEDED",
]
ProductError = error_type("Product", PRODUCT_ERROR_CODES)
ProductErrorCode = ProductError._meta.fields["code"].type.of_type


def _sharing_product_codes(name: str, **extra: Any) -> type:
    return type(name, (graphene.ObjectType,), {
        "field": graphene.String(), "message": graphene.String(),
        "code": graphene.Field(ProductErrorCode, required=True), **extra})


ProductChannelListingError = _sharing_product_codes(
    "ProductChannelListingError", channels=graphene.List(graphene.NonNull(graphene.ID)))
BulkStockError = _sharing_product_codes("BulkStockError", index=graphene.Int())
CollectionChannelListingError = _sharing_product_codes(
    "CollectionChannelListingError", channels=graphene.List(graphene.NonNull(graphene.ID)))
TranslationError = error_type("Translation", ["GRAPHQL_ERROR", "INVALID", "NOT_FOUND", "REQUIRED", "UNIQUE"])


def errors_of(error_cls: type) -> graphene.NonNull:
    return graphene.NonNull(graphene.List(graphene.NonNull(error_cls)))
