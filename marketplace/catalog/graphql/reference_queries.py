"""Saleor's reference reads that importers need: attributes (with choices), productTypes (with their
attributes), warehouses, productVariants by SKU; and productBulkTranslate."""

from __future__ import annotations

import graphene
from django.db import transaction
from graphql import GraphQLError

from marketplace.catalog import models
from marketplace.catalog.access import is_manager, manageable_products
from marketplace.catalog.graphql.bulk import ErrorPolicyEnum
from marketplace.catalog.graphql.inputs import LanguageCodeEnum, TranslationInput
from marketplace.catalog.graphql.management_types import Warehouse
from marketplace.catalog.graphql.product_types import ProductVariant
from marketplace.catalog.graphql.types import Attribute, ProductTranslation, ProductType
from marketplace.core.errors import PermissionDenied
from marketplace.core.graphql.channel_context import all_in_channel
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import pks_from_global_ids
from marketplace.core.graphql.loaders import loaders_for
from marketplace.core.graphql.pagination import paginate
from marketplace.core.graphql.types import connection_args, countable_connection
from marketplace.core.permissions import member_artisan_ids


class ProductVariantFilterInput(graphene.InputObjectType):
    search = graphene.String()
    sku = graphene.List(graphene.NonNull(graphene.String))


class ReferenceQueries(graphene.ObjectType):
    attributes = graphene.Field(countable_connection(Attribute), search=graphene.String(), **connection_args())
    product_types = graphene.Field(countable_connection(ProductType), **connection_args())
    warehouses = graphene.Field(countable_connection(Warehouse), **connection_args(),
                                description="Curators: every warehouse; artisan members: their workshop's.")
    product_variants = graphene.Field(
        countable_connection(ProductVariant), ids=graphene.List(graphene.NonNull(graphene.ID)),
        filter=ProductVariantFilterInput(), **connection_args(),
        description="Management read: the variants of the products the caller manages (importers match SKUs).")

    @staticmethod
    def resolve_attributes(root, info, search=None, **page_args):
        attributes = models.Attribute.objects.all()
        if search:
            attributes = attributes.filter(name__unaccent__icontains=search)
        return paginate(attributes, sort=[("slug", False)], connection_name="attributes", **page_args)

    @staticmethod
    def resolve_product_types(root, info, **page_args):
        return paginate(models.ProductType.objects.all(), sort=[("slug", False)], connection_name="productTypes",
                        **page_args)

    @staticmethod
    def resolve_warehouses(root, info, **page_args):
        from marketplace.inventory.models import Warehouse as WarehouseModel

        user = user_of(info)
        warehouses = WarehouseModel.objects.all()
        if not is_manager(user):
            warehouses = warehouses.filter(artisan_id__in=member_artisan_ids(user))
        return paginate(warehouses, sort=[("slug", False)], connection_name="warehouses", **page_args)

    @staticmethod
    def resolve_product_variants(root, info, ids=None, filter=None, **page_args):
        variants = models.ProductVariant.objects.filter(product__in=manageable_products(user_of(info)))
        if ids:
            variants = variants.filter(pk__in=pks_from_global_ids(ids, "ProductVariant"))
        filter = filter or {}
        if filter.get("sku") is not None:
            variants = variants.filter(sku__in=filter["sku"])
        if filter.get("search"):
            variants = variants.filter(sku__icontains=filter["search"])
        page = paginate(variants.select_related("product"), sort=[("pk", False)],
                        connection_name="productVariants", **page_args)
        # The page's products and variants are loaded together by every nested field (importers ask for
        # whole products under each variant: without hints that is one query per field per row).
        registry = loaders_for(info.context)
        registry.hint("variant", [v.pk for v in page.nodes])
        registry.hint("product", [v.product_id for v in page.nodes])
        registry.hint("product_type", [v.product.product_type_id for v in page.nodes])
        registry.hint("category", [v.product.category_id for v in page.nodes])
        registry.hint("artisan", [v.product.artisan_id for v in page.nodes])
        page.nodes = all_in_channel(page.nodes, None)  # management reads: in no channel
        return page


class ProductBulkTranslateInput(graphene.InputObjectType):
    id = graphene.ID()
    external_reference = graphene.String()
    language_code = graphene.Argument(LanguageCodeEnum, required=True)
    translation_fields = TranslationInput(required=True)


class ProductTranslateErrorCode(graphene.Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"


class ProductBulkTranslateError(graphene.ObjectType):
    path = graphene.String()
    message = graphene.String()
    code = graphene.Field(ProductTranslateErrorCode, required=True)


class ProductBulkTranslateResult(graphene.ObjectType):
    translation = graphene.Field(ProductTranslation)
    errors = graphene.List(graphene.NonNull(ProductBulkTranslateError))


class ProductBulkTranslate(graphene.Mutation):
    class Arguments:
        error_policy = ErrorPolicyEnum()
        translations = graphene.NonNull(graphene.List(graphene.NonNull(ProductBulkTranslateInput)))

    count = graphene.Int(required=True)
    results = graphene.NonNull(graphene.List(graphene.NonNull(ProductBulkTranslateResult)))
    errors = graphene.NonNull(graphene.List(graphene.NonNull(ProductBulkTranslateError)))

    @classmethod
    def mutate(cls, root, info, translations, error_policy=None):
        from marketplace.catalog.bulk_translate import TranslateItem, bulk_translate_products

        policy = getattr(error_policy, "value", error_policy) or "REJECT_EVERYTHING"
        items = [TranslateItem(id=item.get("id"), external_reference=item.get("external_reference"),
                               language=str(getattr(item["language_code"], "value", item["language_code"])).lower(),
                               fields=dict(item["translation_fields"])) for item in translations]
        try:
            with transaction.atomic():
                bulk_translate_products(user_of(info), items, policy)
        except PermissionDenied as error:
            raise GraphQLError(error.message, extensions={"code": "PERMISSION_DENIED"}) from None
        results = [{"translation": item.translation, "errors": [
            {"path": e.field, "message": e.message, "code": e.code if e.code in
             ProductTranslateErrorCode._meta.enum.__members__ else "INVALID"} for e in item.errors]} for item in items]
        return cls(count=sum(1 for r in results if r["translation"] is not None), results=results, errors=[])


class ReferenceMutations(graphene.ObjectType):
    product_bulk_translate = ProductBulkTranslate.Field()
