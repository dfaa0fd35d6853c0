"""The catalogue, read-only: products, variants, prices and collections change through the API's services
(catalog/product_services.py, listing_services.py, review.py), which keep derived prices, the search index,
reviews and the catalog version right."""

from django.contrib import admin

from marketplace.catalog.models import Category, Collection, Product, ProductType, ProductVariant
from marketplace.core.admin import ReadOnlyAdmin


@admin.register(Product)
class ProductAdmin(ReadOnlyAdmin):
    list_display = ["name", "artisan", "product_type", "category", "review_status", "updated_at"]
    list_filter = ["review_status", "product_type", "category"]
    search_fields = ["name", "slug", "variants__sku"]
    exclude = ["search_document", "search_vector"]


@admin.register(ProductVariant)
class ProductVariantAdmin(ReadOnlyAdmin):
    list_display = ["sku", "name", "product"]
    search_fields = ["sku", "name", "product__name"]


@admin.register(Category)
class CategoryAdmin(ReadOnlyAdmin):
    list_display = ["name", "slug", "parent"]
    search_fields = ["name", "slug"]


@admin.register(ProductType)
class ProductTypeAdmin(ReadOnlyAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


@admin.register(Collection)
class CollectionAdmin(ReadOnlyAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
