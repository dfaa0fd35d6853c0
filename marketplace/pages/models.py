"""Saleor's pages: the shop's own texts (returns and refunds, delivery terms per market, contact, the
seller's legal identity, the import duties note), written and translated in the admin.

A page's `content` is EditorJS JSON, as Saleor's; its base language is French, translations hold Arabic and
English. A page of a market (delivery terms) carries the market's slug in its metadata ("market")."""

from __future__ import annotations

from django.db import models

from marketplace.core.models import ModelWithMetadata, Translation


class PageType(ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class Page(ModelWithMetadata):
    page_type = models.ForeignKey(PageType, on_delete=models.PROTECT, related_name="pages")
    slug = models.SlugField(max_length=255, unique=True)
    title = models.CharField(max_length=250)
    content = models.JSONField(null=True, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)
    is_published = models.BooleanField(default=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    # Order of the footer's links.
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "slug"]

    def __str__(self) -> str:
        return self.title


class PageTranslation(Translation):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(max_length=250, blank=True)
    content = models.JSONField(null=True, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)

    class Meta:
        unique_together = [("page", "language_code")]
