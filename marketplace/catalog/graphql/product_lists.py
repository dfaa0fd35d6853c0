"""Product connections in a channel: `products`, `Category.products`, `Collection.products`, `Artisan.products`
and the trade catalogue share one way to filter, search, sort, count and page products (`product_connection`)
and the same arguments (`product_list_args`)."""

from __future__ import annotations

import json
from typing import Any

import graphene
from django.db.models import QuerySet
from graphql import GraphQLError

from marketplace.catalog import selectors
from marketplace.catalog.graphql import dataloaders as dl
from marketplace.catalog.graphql.filters import (
    ProductFilterInput,
    ProductOrder,
    ProductWhereInput,
    apply_filter,
    apply_where,
)
from marketplace.channels.selectors import channel_for_request
from marketplace.core.graphql.channel_context import all_in_channel
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.loaders import loaders_for, selected_node_fields
from marketplace.core.graphql.pagination import Page, paginate
from marketplace.core.graphql.types import connection_args
from marketplace.core.reference_memo import memoized


def announce_products(info, page: Page, channel: Any) -> Page:
    """Wrap the page's products in their channel (ChannelContext) and let the loaders batch over the whole page."""
    registry = loaders_for(info.context)
    registry.hint("product", [p.pk for p in page.nodes])
    registry.hint("category", [p.category_id for p in page.nodes])
    registry.hint("artisan", [p.artisan_id for p in page.nodes])
    registry.hint("product_type", [p.product_type_id for p in page.nodes])
    page.nodes = all_in_channel(page.nodes, channel)
    return page


def product_connection(info, products: QuerySet, channel: Any, *, filter=None, where=None, search=None,
                       sort_by=None, collection=None, count_scope: str | None = None, **page_args) -> Page:
    """One page of `products` in `channel`; `count_scope` names what the caller narrowed `products` to
    (e.g. "category:12"), so its totalCount can be memoized per catalog version."""
    node_fields = selected_node_fields(info)
    if "__fragments__" not in node_fields and not node_fields & {"description", "descriptionJson"}:
        products = products.defer("description", "description_plaintext")  # cards never show it
    if "__fragments__" not in node_fields and not node_fields & dl.METADATA_FIELDS:
        products = products.defer("metadata", "private_metadata")
    products = apply_filter(products, filter, channel)
    products = apply_where(products, where, channel)
    searching = bool(search and search.strip()) or bool(filter and filter.get("search"))
    products = selectors.apply_search(products, search)
    field = getattr(sort_by.get("field"), "value", sort_by.get("field")) if sort_by else None
    descending = bool(sort_by) and getattr(sort_by["direction"], "value", sort_by["direction"]) == "DESC"
    if sort_by and sort_by.get("attribute_id"):
        raise GraphQLError("Sorting by attribute is not supported; sort by a field.")
    products, sort = selectors.sort_products(products, channel, field, descending, searching=searching,
                                             collection=collection)
    # The same filters give the same count, and the same page, until the catalog changes: both are read once
    # per catalog version (reference_memo: anonymous requests outside transactions only).
    count_key = count_scope and json.dumps([count_scope, channel.pk, filter, where, search], sort_keys=True,
                                           default=str)
    count_memo = (count_key, info.context) if count_key else None
    if count_key:
        page_key = (count_key, repr(sort_by), tuple(sorted(page_args.items())), products.query.deferred_loading)
        rows = memoized("product_page", page_key, lambda: _page_rows(paginate(
            products, sort=sort, connection_name="products", **page_args)), info.context, max_entries=MEMOIZED_PAGES)
        page = Page(*rows, queryset=products, count_memo=count_memo)
    else:
        page = paginate(products, sort=sort, connection_name="products", **page_args)
    return announce_products(info, page, channel)


MEMOIZED_PAGES = 1000  # of 24 to 100 rows each: tens of megabytes at most, however many filters are crawled


def _page_rows(page: Page) -> tuple:
    # Shared by the process's threads: a tuple, and nobody writes on the rows (see reference_memo).
    return tuple(page.nodes), tuple(page.cursors), page.has_next_page, page.has_previous_page


def product_list_args() -> dict:
    return {
        "filter": ProductFilterInput(),
        "where": ProductWhereInput(),
        "sort_by": ProductOrder(),
        "search": graphene.String(),
        "channel": graphene.String(),
        **connection_args(),
    }


def resolve_category_products(root, info, channel=None, **kwargs):
    ch = channel_for_request(info.context, channel)
    ids = selectors.category_with_descendants([root.pk])
    products = selectors.visible_products(ch, user_of(info), for_listing=True).filter(category_id__in=ids)
    return product_connection(info, products, ch, count_scope=f"category:{root.pk}", **kwargs)


def resolve_collection_products(root, info, **kwargs):
    """Collection.products (`root` is the collection's ChannelContext): in the collection's channel, else the
    request's."""
    ch = root.channel or channel_for_request(info.context, kwargs.pop("channel", None))
    kwargs.pop("channel", None)
    collection = root.node
    products = selectors.visible_products(ch, user_of(info), for_listing=True).filter(
        collection_products__collection=collection)
    return product_connection(info, products, ch, collection=collection, count_scope=f"collection:{collection.pk}",
                              **kwargs)
