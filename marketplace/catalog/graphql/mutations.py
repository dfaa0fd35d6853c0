"""Saleor's product management mutations; every write goes through catalog services."""

from __future__ import annotations

from typing import Any

import graphene

from marketplace.catalog import listing_services, product_services
from marketplace.catalog.graphql import management_types  # noqa: F401  (attaches management fields)
from marketplace.catalog.graphql.inputs import (
    BulkStockError,
    LanguageCodeEnum,
    NameTranslationInput,
    ProductChannelListingError,
    ProductChannelListingUpdateInput,
    ProductCreateInput,
    ProductError,
    ProductInput,
    ProductVariantChannelListingAddInput,
    ProductVariantCreateInput,
    ProductVariantInput,
    StockInput,
    TranslationError,
    TranslationInput,
    errors_of,
)
from marketplace.catalog.graphql.product_types import Product, ProductVariant
from marketplace.catalog.models import Product as ProductModel
from marketplace.catalog.models import ProductVariant as VariantModel
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.graphql.channel_context import in_channel
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import pk_from_global_id
from marketplace.core.graphql.mutations import MaalemMutation


def _language(value: Any) -> str:
    return str(getattr(value, "value", value)).lower()


def product_input(data: dict[str, Any]) -> dict[str, Any]:
    """GraphQL input → service data (global IDs → pks)."""
    result = dict(data)
    if "category" in data:
        result["category"] = pk_from_global_id(data["category"], "Category") if data["category"] else None
    if data.get("product_type"):
        result["product_type"] = pk_from_global_id(data["product_type"], "ProductType")
    if data.get("collections") is not None:
        result["collections"] = [pk_from_global_id(c, "Collection") for c in data["collections"]]
    result.pop("artisan", None)
    return result


def _by_reference(model: Any, id: str | None, external_reference: str | None, type_name: str,
                  sku: str | None = None) -> int:
    if id:
        return pk_from_global_id(id, type_name)
    lookup = {"sku": sku} if sku else {"external_reference": external_reference}
    if not any(lookup.values()):
        raise MutationError([FieldError("id", "Provide one of: id, externalReference, sku.", "REQUIRED")])
    pk = model.objects.filter(**lookup).values_list("pk", flat=True).first()
    if pk is None:
        raise MutationError([FieldError("id", f"Couldn't resolve to a {type_name}.", "NOT_FOUND")])
    return pk


def _stocks(items: list[dict] | None) -> list[dict]:
    return [{"warehouse": pk_from_global_id(s["warehouse"], "Warehouse"), "quantity": s["quantity"]}
            for s in items or []]


class ProductCreate(MaalemMutation):
    class Arguments:
        input = ProductCreateInput(required=True)

    product = graphene.Field(Product)
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, input):
        artisan = pk_from_global_id(input["artisan"], "Artisan") if input.get("artisan") else None
        product = product_services.create_product(user_of(info), product_input(input), artisan_id=artisan)
        return {"product": in_channel(product, None)}


class ProductUpdate(MaalemMutation):
    class Arguments:
        id = graphene.ID()
        external_reference = graphene.String()
        input = ProductInput(required=True)

    product = graphene.Field(Product)
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, input, id=None, external_reference=None):
        pk = _by_reference(ProductModel, id, external_reference, "Product")
        product = product_services.update_product(user_of(info), pk, product_input(input))
        return {"product": in_channel(product, None)}


class ProductDelete(MaalemMutation):
    class Arguments:
        id = graphene.ID()
        external_reference = graphene.String()

    product = graphene.Field(Product)
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, id=None, external_reference=None):
        pk = _by_reference(ProductModel, id, external_reference, "Product")
        product = product_services.delete_product(user_of(info), pk)
        return {"product": in_channel(product, None)}


class ProductVariantCreate(MaalemMutation):
    class Arguments:
        input = ProductVariantCreateInput(required=True)

    product_variant = graphene.Field(ProductVariant)
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, input):
        data = {**input, "stocks": _stocks(input.get("stocks"))}
        product = pk_from_global_id(input["product"], "Product")
        product_variant = product_services.create_variant(user_of(info), product, data)
        return {"product_variant": in_channel(product_variant, None)}


class ProductVariantUpdate(MaalemMutation):
    class Arguments:
        id = graphene.ID()
        sku = graphene.String()
        external_reference = graphene.String()
        input = ProductVariantInput(required=True)

    product_variant = graphene.Field(ProductVariant)
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, input, id=None, sku=None, external_reference=None):
        pk = _by_reference(VariantModel, id, external_reference, "ProductVariant", sku)
        product_variant = product_services.update_variant(user_of(info), pk, dict(input))
        return {"product_variant": in_channel(product_variant, None)}


class ProductChannelListingUpdate(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        input = ProductChannelListingUpdateInput(required=True)

    product = graphene.Field(Product)
    errors = errors_of(ProductChannelListingError)

    @classmethod
    def perform(cls, root, info, id, input):
        update = [{**item, "channel_id": pk_from_global_id(item["channel_id"], "Channel"),
                   "add_variants": [pk_from_global_id(v, "ProductVariant") for v in item.get("add_variants") or []],
                   "remove_variants": [pk_from_global_id(v, "ProductVariant")
                                       for v in item.get("remove_variants") or []]}
                  for item in input.get("update_channels") or []]
        remove = [pk_from_global_id(c, "Channel") for c in input.get("remove_channels") or []]
        product = listing_services.update_product_channel_listings(
            user_of(info), pk_from_global_id(id, "Product"), update, remove)
        return {"product": in_channel(product, None)}


class ProductVariantChannelListingUpdate(MaalemMutation):
    class Arguments:
        id = graphene.ID()
        sku = graphene.String()
        input = graphene.NonNull(graphene.List(graphene.NonNull(ProductVariantChannelListingAddInput)))

    variant = graphene.Field(ProductVariant)
    errors = errors_of(ProductChannelListingError)

    @classmethod
    def perform(cls, root, info, input, id=None, sku=None):
        pk = _by_reference(VariantModel, id, None, "ProductVariant", sku)
        items = [{**item, "channel_id": pk_from_global_id(item["channel_id"], "Channel")} for item in input]
        variant = listing_services.update_variant_channel_listings(user_of(info), pk, items)
        return {"variant": in_channel(variant, None)}


class ProductVariantStocksUpdate(MaalemMutation):
    class Arguments:
        variant_id = graphene.ID()
        sku = graphene.String()
        stocks = graphene.NonNull(graphene.List(graphene.NonNull(StockInput)))

    product_variant = graphene.Field(ProductVariant)
    errors = errors_of(BulkStockError)

    @classmethod
    def perform(cls, root, info, stocks, variant_id=None, sku=None):
        pk = _by_reference(VariantModel, variant_id, None, "ProductVariant", sku)
        product_variant = listing_services.update_stocks(user_of(info), pk, _stocks(stocks))
        return {"product_variant": in_channel(product_variant, None)}


class ProductVariantPriceFollowRule(MaalemMutation):
    """Marketplace extension: drop a hand-set price so that the channel's rule derives it from MAD again."""

    class Arguments:
        id = graphene.ID(required=True)
        channel_id = graphene.ID(required=True)

    variant = graphene.Field(ProductVariant)
    errors = errors_of(ProductChannelListingError)

    @classmethod
    def perform(cls, root, info, id, channel_id):
        variant = listing_services.follow_price_rule(
            user_of(info), pk_from_global_id(id, "ProductVariant"), pk_from_global_id(channel_id, "Channel"))
        return {"variant": in_channel(variant, None)}


class ProductTranslate(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        language_code = graphene.Argument(LanguageCodeEnum, required=True)
        input = TranslationInput(required=True)

    product = graphene.Field(Product)
    errors = errors_of(TranslationError)

    @classmethod
    def perform(cls, root, info, id, language_code, input):
        product = listing_services.translate_product(
            user_of(info), pk_from_global_id(id, "Product"), _language(language_code), dict(input))
        return {"product": in_channel(product, None)}


class ProductVariantTranslate(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        language_code = graphene.Argument(LanguageCodeEnum, required=True)
        input = NameTranslationInput(required=True)

    product_variant = graphene.Field(ProductVariant)
    errors = errors_of(TranslationError)

    @classmethod
    def perform(cls, root, info, id, language_code, input):
        product_variant = listing_services.translate_variant(
            user_of(info), pk_from_global_id(id, "ProductVariant"), _language(language_code), input.get("name"))
        return {"product_variant": in_channel(product_variant, None)}


class CatalogMutations(graphene.ObjectType):
    product_create = ProductCreate.Field()
    product_update = ProductUpdate.Field()
    product_delete = ProductDelete.Field()
    product_variant_create = ProductVariantCreate.Field()
    product_variant_update = ProductVariantUpdate.Field()
    product_channel_listing_update = ProductChannelListingUpdate.Field()
    product_variant_channel_listing_update = ProductVariantChannelListingUpdate.Field()
    product_variant_stocks_update = ProductVariantStocksUpdate.Field()
    product_variant_price_follow_rule = ProductVariantPriceFollowRule.Field()
    product_translate = ProductTranslate.Field()
    product_variant_translate = ProductVariantTranslate.Field()
