"""Workshops and stock, read-only: inventory/services.py is the only writer of stock (its lock order and the
allocated + held <= quantity invariant cannot be kept by a form)."""

from django.contrib import admin

from marketplace.core.admin import ReadOnlyAdmin
from marketplace.inventory.models import Stock, Warehouse


@admin.register(Warehouse)
class WarehouseAdmin(ReadOnlyAdmin):
    list_display = ["name", "artisan", "is_private", "click_and_collect_option"]
    search_fields = ["name", "slug"]


@admin.register(Stock)
class StockAdmin(ReadOnlyAdmin):
    list_display = ["product_variant", "warehouse", "quantity", "quantity_allocated"]
    search_fields = ["product_variant__sku", "product_variant__product__name"]
