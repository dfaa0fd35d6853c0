"""Management reads: `managedProducts` (a member: its own artisan's products, any status; curators: all)
and `priceSuggestions` (what each market's rule makes of a MAD price)."""

from __future__ import annotations

from decimal import Decimal

import graphene
from django.db.models import Exists, OuterRef, Q
from graphql import GraphQLError

from marketplace.catalog.access import manageable_products
from marketplace.catalog.graphql.inputs import PositiveDecimal
from marketplace.catalog.graphql.management_types import ProductReviewStatusEnum
from marketplace.catalog.graphql.product_types import Product
from marketplace.catalog.graphql.review_types import ListingReviewPolicy, resolve_listing_review_policy
from marketplace.catalog.models import ProductChannelListing
from marketplace.channels.graphql.types import Channel
from marketplace.channels.selectors import active_channels
from marketplace.channels.services import derive_price
from marketplace.core.errors import PermissionDenied
from marketplace.core.graphql.channel_context import all_in_channel
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import pk_from_global_id, pks_from_global_ids
from marketplace.core.graphql.loaders import loaders_for
from marketplace.core.graphql.pagination import paginate
from marketplace.core.graphql.types import Money, connection_args, countable_connection
from marketplace.core.permissions import require_authenticated

MAX_PRICE = Decimal("10000000000")  # the listings' DecimalField(max_digits=12, decimal_places=2)

ManagedProductConnection = countable_connection(Product)  # the same ProductCountableConnection


def query_permission(check, user) -> None:
    """Run a permission check in a query resolver: a denial is a GraphQL error with code PERMISSION_DENIED."""
    try:
        check(user)
    except PermissionDenied as error:
        raise GraphQLError(error.message, extensions={"code": "PERMISSION_DENIED"}) from None


class ChannelPriceSuggestion(graphene.ObjectType):
    """Marketplace extension: a market's price derived from the artisan's MAD price by the ministry's rule."""

    channel = graphene.Field(Channel, required=True)
    price = graphene.Field(Money, required=True)


class ManagementQueries(graphene.ObjectType):
    managed_products = graphene.Field(
        ManagedProductConnection, artisan=graphene.ID(), review_status=ProductReviewStatusEnum(),
        search=graphene.String(), ids=graphene.List(graphene.NonNull(graphene.ID)),
        draft=graphene.Boolean(description="True: drafts only (products in no market yet); false: the others."),
        **connection_args(),
        description="Marketplace extension: products the signed-in member (its artisan's) or curator manages, "
                    "whatever their status, newest first.")
    listing_review_policy = graphene.Field(
        ListingReviewPolicy, required=True, resolver=resolve_listing_review_policy,
        description="Marketplace extension: which changes of a published piece wait for the curators.")
    price_suggestions = graphene.NonNull(
        graphene.List(graphene.NonNull(ChannelPriceSuggestion)), amount=PositiveDecimal(required=True),
        description="Marketplace extension: the price each active market would show for this MAD price.")

    @staticmethod
    def resolve_managed_products(root, info, artisan=None, review_status=None, search=None, ids=None,
                                 draft=None, **page_args):
        user = user_of(info)
        query_permission(require_authenticated, user)
        products = manageable_products(user).defer("search_document", "search_vector")
        if artisan:
            products = products.filter(artisan_id=pk_from_global_id(artisan, "Artisan"))
        if ids is not None:  # one product's management page (e.g. a draft, invisible in every channel)
            products = products.filter(pk__in=pks_from_global_ids(ids, "Product"))
        if review_status:
            products = products.filter(review_status=getattr(review_status, "value", review_status))
        if draft is not None:
            listed = ProductChannelListing.objects.filter(product=OuterRef("pk"))
            products = products.exclude(Exists(listed)) if draft else products.filter(Exists(listed))
        if search:
            # Artisans search in their language: the Arabic or English name matches too.
            products = products.filter(Q(name__unaccent__icontains=search) | Q(variants__sku=search)
                                       | Q(translations__name__icontains=search)).distinct()
        page = paginate(products, sort=[("created_at", True)], connection_name="managedProducts", **page_args)
        registry = loaders_for(info.context)
        registry.hint("product", [p.pk for p in page.nodes])
        registry.hint("artisan", [p.artisan_id for p in page.nodes])
        page.nodes = all_in_channel(page.nodes, None)  # management reads: in no channel
        return page

    @staticmethod
    def resolve_price_suggestions(root, info, amount):
        # Prices are stored with 12 digits (2 decimals): beyond that no price exists to suggest, and
        # the rounding step would overflow Decimal's context.
        if not amount.is_finite() or amount >= MAX_PRICE:
            raise GraphQLError(f"The amount must be a finite price below {MAX_PRICE}.",
                               extensions={"code": "INVALID"})
        return [{"channel": channel, "price": Money.of(derive_price(amount, channel), channel.currency_code)}
                for channel in active_channels(user_of(info))]
