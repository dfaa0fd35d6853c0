"""Saleor's `page(id, slug)` and `pages(filter: {slugs, pageTypes})` for the shop's own texts."""

from __future__ import annotations

import graphene

from marketplace.core.graphql.ids import pk_from_global_id
from marketplace.core.graphql.pagination import paginate
from marketplace.core.graphql.types import connection_args, countable_connection
from marketplace.pages.graphql.types import Page
from marketplace.pages.selectors import visible_pages

PageCountableConnection = countable_connection(Page)


class PageFilterInput(graphene.InputObjectType):
    search = graphene.String()
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))
    page_types = graphene.List(graphene.NonNull(graphene.ID))


class PageQueries(graphene.ObjectType):
    page = graphene.Field(Page, id=graphene.ID(), slug=graphene.String(), channel=graphene.String(),
                          description="Look up a page by ID or slug.")
    pages = graphene.Field(PageCountableConnection, filter=PageFilterInput(), channel=graphene.String(),
                           description="List of the shop's pages.", **connection_args())

    @staticmethod
    def resolve_page(root, info, id=None, slug=None, channel=None):
        pages = visible_pages(info.context.user).prefetch_related("translations")
        if id is not None:
            return pages.filter(pk=pk_from_global_id(id, "Page")).first()
        return pages.filter(slug=slug).first() if slug else None

    @staticmethod
    def resolve_pages(root, info, filter=None, channel=None, **page_args):
        pages = visible_pages(info.context.user).prefetch_related("translations")
        filter = filter or {}
        if filter.get("slugs"):
            pages = pages.filter(slug__in=filter["slugs"])
        if filter.get("ids"):
            pages = pages.filter(pk__in=[pk_from_global_id(i, "Page") for i in filter["ids"]])
        if filter.get("page_types"):
            pages = pages.filter(page_type_id__in=[pk_from_global_id(i, "PageType") for i in filter["page_types"]])
        if filter.get("search"):
            pages = pages.filter(title__icontains=filter["search"])
        return paginate(pages, sort=[("sort_order", False), ("slug", False)], connection_name="pages", **page_args)
