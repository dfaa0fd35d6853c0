"""Marketplace extensions for the listing review: the queue (filters, search), the preset rejection reasons
(translated), decisions (approve, reject with reasons and a note, bulk approve of a batch), the artisan's
"send again for review", and `Product.reviewRejection` for the product's managers."""

from __future__ import annotations

from typing import Any

import graphene

from marketplace.catalog.graphql.inputs import ProductError, errors_of
from marketplace.catalog.graphql.management_queries import query_permission
from marketplace.catalog.graphql.management_types import ProductReviewStatusEnum
from marketplace.catalog.graphql.product_types import Product
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.graphql.channel_context import all_in_channel, in_channel
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import pk_from_global_id, pks_from_global_ids
from marketplace.core.graphql.loaders import loaders_for
from marketplace.core.graphql.mutations import MaalemMutation
from marketplace.core.graphql.pagination import paginate
from marketplace.core.graphql.types import LanguageCodeEnum, connection_args, countable_connection
from marketplace.core.permissions import require_curator
from marketplace.curation import review
from marketplace.curation.rejection_reasons import REJECTION_REASONS, text
from marketplace.curation.review_queue import QueueFilter, review_queue

ProductRejectionReasonEnum = graphene.Enum("ProductRejectionReasonEnum", [(code, code) for code in REJECTION_REASONS])


def _language(value: Any) -> str:
    return str(getattr(value, "value", value) or "en").lower()


class ProductRejectionReason(graphene.ObjectType):
    """Marketplace extension: a preset reason a curator picks, with what the artisan can do about it."""

    code = graphene.Field(ProductRejectionReasonEnum, required=True)
    label = graphene.String(required=True, language_code=LanguageCodeEnum(default_value="en"))
    advice = graphene.String(required=True, language_code=LanguageCodeEnum(default_value="en"))

    @staticmethod
    def resolve_code(root: str, info) -> str:
        return root

    @staticmethod
    def resolve_label(root: str, info, language_code: Any = "en") -> str:
        return text(root, _language(language_code))

    @staticmethod
    def resolve_advice(root: str, info, language_code: Any = "en") -> str:
        return text(root, _language(language_code), advice=True)


class ProductReviewRejection(graphene.ObjectType):
    """Marketplace extension: why the ministry rejected the listing (its latest rejection)."""

    reasons = graphene.NonNull(graphene.List(graphene.NonNull(ProductRejectionReason)))
    note = graphene.String(required=True, description="The curator's own words (may be empty).")
    rejected_at = graphene.DateTime(required=True)

    @staticmethod
    def resolve_reasons(root, info):
        return [code for code in root.reasons if code in REJECTION_REASONS]

    @staticmethod
    def resolve_rejected_at(root, info):
        return root.decided_at


class ReviewQueueFilterInput(graphene.InputObjectType):
    artisan = graphene.ID()
    category = graphene.ID(description="A craft: its listings and its sub-crafts'.")
    channel = graphene.String(description="A market's slug: listings offered there.")
    status = ProductReviewStatusEnum(description="PENDING (the default), REJECTED or APPROVED.")
    requested_since = graphene.DateTime()
    requested_until = graphene.DateTime()
    search = graphene.String(description="Words of the name (any language) or an exact SKU.")


def queue_filter(data: dict | None) -> QueueFilter:
    data = data or {}
    status = data.get("status")
    return QueueFilter(
        artisan=pk_from_global_id(data["artisan"], "Artisan") if data.get("artisan") else None,
        craft=pk_from_global_id(data["category"], "Category") if data.get("category") else None,
        channel=data.get("channel") or None, status=str(getattr(status, "value", status) or "PENDING"),
        requested_since=data.get("requested_since"), requested_until=data.get("requested_until"),
        search=(data.get("search") or "")[:100])


class ReviewQueries(graphene.ObjectType):
    review_queue = graphene.Field(countable_connection(Product), filter=ReviewQueueFilterInput(), **connection_args(),
                                  description="Marketplace extension (curators): listings waiting for review "
                                              "(or decided, by `filter.status`), oldest request first.")
    product_rejection_reasons = graphene.NonNull(
        graphene.List(graphene.NonNull(ProductRejectionReason)),
        description="Marketplace extension: the preset reasons a curator picks to reject a listing.")

    @staticmethod
    def resolve_review_queue(root, info, filter=None, **page_args):
        query_permission(require_curator, user_of(info))
        page = paginate(review_queue(queue_filter(filter)), sort=[("review_requested_at", False)],
                        connection_name="reviewQueue", **page_args)
        loaders_for(info.context).hint("product", [p.pk for p in page.nodes])
        page.nodes = all_in_channel(page.nodes, None)  # the curators' queue: in no channel
        return page

    @staticmethod
    def resolve_product_rejection_reasons(root, info):
        return list(REJECTION_REASONS)


class ProductReviewApprove(MaalemMutation):
    """Marketplace extension (curators): publish a listing that waits for review."""

    class Arguments:
        id = graphene.ID(required=True)

    product = graphene.Field(Product)
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, id):
        product = review.approve_listing(user_of(info), pk_from_global_id(id, "Product"))
        return {"product": in_channel(product, None)}


class ProductReviewReject(MaalemMutation):
    """Marketplace extension (curators): refuse a listing with preset reasons (the artisan reads them in its
    language, with what to do) and an optional note."""

    class Arguments:
        id = graphene.ID(required=True)
        reasons = graphene.List(graphene.NonNull(ProductRejectionReasonEnum))
        note = graphene.String()
        reason = graphene.String(deprecation_reason="Pick `reasons`; free text goes in `note`.")

    product = graphene.Field(Product)
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, id, reasons=None, note=None, reason=None):
        codes = [str(getattr(code, "value", code)) for code in reasons or []]
        product = review.reject_listing(user_of(info), pk_from_global_id(id, "Product"), codes,
                                        note if note is not None else (reason or ""))
        return {"product": in_channel(product, None)}


class ProductReviewBulkApprove(MaalemMutation):
    """Marketplace extension (curators): approve a trusted importer's batch at once, by `ids` (at most 100)
    or by a queue `filter` that names the artisan; only listings waiting for review are approved."""

    class Arguments:
        ids = graphene.List(graphene.NonNull(graphene.ID))
        filter = ReviewQueueFilterInput()

    count = graphene.Int(required=True)
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, ids=None, filter=None):
        from marketplace.catalog.models import Product as ProductModel

        user = user_of(info)
        require_curator(user)
        if (ids is None) == (filter is None):
            raise MutationError([FieldError("ids", "Give either ids or a filter.", "INVALID")])
        if ids is not None:
            if len(ids) > review.MAX_BULK_IDS:
                raise MutationError([FieldError("ids", f"At most {review.MAX_BULK_IDS} ids.", "INVALID")])
            products = ProductModel.objects.filter(pk__in=pks_from_global_ids(ids, "Product"))
        else:
            queue = queue_filter(filter)
            if not queue.names_a_batch:
                raise MutationError([FieldError("filter", "Name the artisan whose batch you approve.", "REQUIRED")])
            products = review_queue(QueueFilter(**{**queue.__dict__, "status": "PENDING"}))
        return {"count": review.bulk_approve(user, products)}

    @classmethod
    def mutate(cls, root, info, **data):
        payload = super().mutate(root, info, **data)
        if payload.errors:
            payload.count = 0
        return payload


class ProductReviewRequest(MaalemMutation):
    """Marketplace extension (the artisan's members): send a rejected piece again for review."""

    class Arguments:
        id = graphene.ID(required=True)

    product = graphene.Field(Product)
    errors = errors_of(ProductError)

    @classmethod
    def perform(cls, root, info, id):
        product = review.request_again(user_of(info), pk_from_global_id(id, "Product"))
        return {"product": in_channel(product, None)}


class ReviewMutations(graphene.ObjectType):
    product_review_approve = ProductReviewApprove.Field()
    product_review_reject = ProductReviewReject.Field()
    product_review_bulk_approve = ProductReviewBulkApprove.Field()
    product_review_request = ProductReviewRequest.Field()
