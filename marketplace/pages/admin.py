from django.contrib import admin

from marketplace.pages.models import Page, PageTranslation, PageType


class PageTranslationInline(admin.StackedInline):
    model = PageTranslation
    extra = 0


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "page_type", "is_published", "sort_order")
    list_filter = ("page_type", "is_published")
    search_fields = ("title", "slug")
    inlines = [PageTranslationInline]


admin.site.register(PageType)
