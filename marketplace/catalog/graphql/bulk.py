"""productBulkCreate with Saleor's shape: `count`, `results { product errors }`, `errors`."""

from __future__ import annotations

from functools import lru_cache

import graphene
from django.db import transaction
from graphql import GraphQLError

from marketplace.catalog.bulk import bulk_create_products
from marketplace.catalog.graphql.inputs import (
    BulkAttributeValueInput,
    MetadataInput,
    PositiveDecimal,
    ProductVariantChannelListingAddInput,
    SeoInput,
    StockInput,
    WeightScalar,
    customs_fields,
)
from marketplace.catalog.graphql.product_types import Product
from marketplace.core.errors import MutationError, PermissionDenied
from marketplace.core.graphql.channel_context import in_channel
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import pk_from_global_id
from marketplace.core.graphql.loaders import loaders_for

_ = PositiveDecimal  # the scalar is used by the listing input


class ErrorPolicyEnum(graphene.Enum):
    IGNORE_FAILED = "IGNORE_FAILED"
    REJECT_EVERYTHING = "REJECT_EVERYTHING"
    REJECT_FAILED_ROWS = "REJECT_FAILED_ROWS"


class ProductBulkCreateErrorCode(graphene.Enum):
    ATTRIBUTE_ALREADY_ASSIGNED = "ATTRIBUTE_ALREADY_ASSIGNED"
    ATTRIBUTE_CANNOT_BE_ASSIGNED = "ATTRIBUTE_CANNOT_BE_ASSIGNED"
    ATTRIBUTE_VARIANTS_DISABLED = "ATTRIBUTE_VARIANTS_DISABLED"
    BLANK = "BLANK"
    MAX_LENGTH = "MAX_LENGTH"
    DUPLICATED_INPUT_ITEM = "DUPLICATED_INPUT_ITEM"
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    INVALID_PRICE = "INVALID_PRICE"
    PRODUCT_WITHOUT_CATEGORY = "PRODUCT_WITHOUT_CATEGORY"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    UNIQUE = "UNIQUE"
    PRODUCT_NOT_ASSIGNED_TO_CHANNEL = "PRODUCT_NOT_ASSIGNED_TO_CHANNEL"
    UNSUPPORTED_MEDIA_PROVIDER = "UNSUPPORTED_MEDIA_PROVIDER"
    FILE_SIZE_LIMIT_EXCEEDED = "FILE_SIZE_LIMIT_EXCEEDED"


class ProductBulkCreateError(graphene.ObjectType):
    path = graphene.String()
    message = graphene.String()
    code = graphene.Field(ProductBulkCreateErrorCode, required=True)


class ProductBulkResult(graphene.ObjectType):
    product = graphene.Field(Product)
    errors = graphene.List(graphene.NonNull(ProductBulkCreateError))


class ProductChannelListingCreateInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True)
    is_published = graphene.Boolean()
    published_at = graphene.DateTime()
    visible_in_listings = graphene.Boolean()
    is_available_for_purchase = graphene.Boolean()
    available_for_purchase_at = graphene.DateTime()


class ProductVariantBulkCreateInput(graphene.InputObjectType):
    attributes = graphene.NonNull(graphene.List(graphene.NonNull(BulkAttributeValueInput)))
    sku = graphene.String()
    name = graphene.String()
    track_inventory = graphene.Boolean()
    weight = WeightScalar()
    quantity_limit_per_customer = graphene.Int()
    metadata = graphene.List(graphene.NonNull(MetadataInput))
    private_metadata = graphene.List(graphene.NonNull(MetadataInput))
    external_reference = graphene.String()
    stocks = graphene.List(graphene.NonNull(StockInput))
    channel_listings = graphene.List(graphene.NonNull(ProductVariantChannelListingAddInput))
    hs_code = customs_fields()["hs_code"]
    dimensions = customs_fields()["dimensions"]


class ProductBulkCreateInput(graphene.InputObjectType):
    attributes = graphene.List(graphene.NonNull(BulkAttributeValueInput))
    category = graphene.ID()
    collections = graphene.List(graphene.NonNull(graphene.ID))
    description = graphene.JSONString()
    name = graphene.String()
    slug = graphene.String()
    seo = graphene.Field(SeoInput)
    weight = WeightScalar()
    rating = graphene.Float()
    metadata = graphene.List(graphene.NonNull(MetadataInput))
    private_metadata = graphene.List(graphene.NonNull(MetadataInput))
    external_reference = graphene.String()
    product_type = graphene.ID(required=True)
    channel_listings = graphene.List(graphene.NonNull(ProductChannelListingCreateInput))
    variants = graphene.List(graphene.NonNull(ProductVariantBulkCreateInput))
    artisan = graphene.ID(description="Marketplace extension, as in ProductCreateInput.")


# Rows repeat the same few channel, type, category and warehouse IDs thousands of times per call.
_pk = lru_cache(maxsize=1024)(pk_from_global_id)


def _row(data: dict) -> dict:
    """Global IDs → pks (a malformed ID is a GraphQL error, as everywhere)."""
    row = dict(data)
    row["product_type"] = _pk(data["product_type"], "ProductType")
    if data.get("category"):
        row["category"] = _pk(data["category"], "Category")
    if data.get("artisan"):
        row["artisan"] = _pk(data["artisan"], "Artisan")
    row["collections"] = [_pk(c, "Collection") for c in data.get("collections") or []]
    row["channel_listings"] = [{**c, "channel_id": _pk(c["channel_id"], "Channel")}
                               for c in data.get("channel_listings") or []]
    row["variants"] = [{
        **v,
        "channel_listings": [{**c, "channel_id": _pk(c["channel_id"], "Channel")}
                             for c in v.get("channel_listings") or []],
        "stocks": [{"warehouse": _pk(s["warehouse"], "Warehouse"), "quantity": s["quantity"]}
                   for s in v.get("stocks") or []],
    } for v in data.get("variants") or []]
    return row


class ProductBulkCreate(graphene.Mutation):
    class Arguments:
        error_policy = ErrorPolicyEnum(description="REJECT_EVERYTHING by default, as Saleor.")
        products = graphene.NonNull(graphene.List(graphene.NonNull(ProductBulkCreateInput)))

    count = graphene.Int(required=True)
    results = graphene.NonNull(graphene.List(graphene.NonNull(ProductBulkResult)))
    errors = graphene.NonNull(graphene.List(graphene.NonNull(ProductBulkCreateError)))

    @classmethod
    def mutate(cls, root, info, products, error_policy=None):
        policy = getattr(error_policy, "value", error_policy) or "REJECT_EVERYTHING"
        rows_in = [_row(p) for p in products]
        try:
            with transaction.atomic():
                rows = bulk_create_products(user_of(info), rows_in, policy)
        except PermissionDenied as error:
            raise GraphQLError(error.message, extensions={"code": "PERMISSION_DENIED"}) from None
        except MutationError as error:
            return cls(count=0, results=[], errors=[
                {"path": e.field, "message": e.message, "code": e.code} for e in error.errors])
        created = [row.product for row in rows if row.product is not None]
        # The results' nested fields (variants, attributes…) load once for every created product.
        registry = loaders_for(info.context)
        for kind, attribute in (("product", "pk"), ("product_type", "product_type_id"), ("category", "category_id"),
                                ("artisan", "artisan_id")):
            registry.hint(kind, [getattr(product, attribute) for product in created])
        results = [{"product": in_channel(row.product, None),
                    "errors": [{"path": e.path, "message": e.message, "code": e.code} for e in row.errors]}
                   for row in rows]
        return cls(count=sum(1 for r in rows if r.product is not None), results=results, errors=[])


class BulkMutations(graphene.ObjectType):
    product_bulk_create = ProductBulkCreate.Field()
