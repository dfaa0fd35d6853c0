"""Saleor's Page, PageType and PageTranslation (title, EditorJS content, SEO fields)."""

from __future__ import annotations

import graphene

from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.types import LanguageCodeEnum, LanguageDisplay, Node, ObjectWithMetadata


class PageType(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    name = graphene.String(required=True)
    slug = graphene.String(required=True)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("PageType", root.pk)


class PageTranslation(graphene.ObjectType):
    class Meta:
        interfaces = (Node,)

    language = graphene.Field(LanguageDisplay, required=True)
    seo_title = graphene.String()
    seo_description = graphene.String()
    title = graphene.String()
    content = graphene.JSONString()

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("PageTranslation", root.pk)

    @staticmethod
    def resolve_language(root, info):
        return LanguageDisplay.of(root.language_code)


class Page(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    seo_title = graphene.String()
    seo_description = graphene.String()
    title = graphene.String(required=True)
    content = graphene.JSONString()
    published_at = graphene.DateTime()
    is_published = graphene.Boolean(required=True)
    slug = graphene.String(required=True)
    page_type = graphene.Field(PageType, required=True)
    created = graphene.DateTime(required=True)
    translation = graphene.Field(PageTranslation,
                                 language_code=graphene.Argument(LanguageCodeEnum, required=True))

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Page", root.pk)

    @staticmethod
    def resolve_translation(root, info, language_code):
        code = getattr(language_code, "value", language_code)
        return next((t for t in root.translations.all() if t.language_code == code), None)
