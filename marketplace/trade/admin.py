from django.contrib import admin

from marketplace.trade.models import (
    ArtisanTradeTerms,
    ProductionOrder,
    TradeAccount,
    TradeCart,
    TradeCartLine,
    TradeOrder,
    TradeQuote,
    VariantTradeTerms,
)


@admin.register(TradeAccount)
class TradeAccountAdmin(admin.ModelAdmin):
    list_display = ["company_name", "country", "shop_kind", "status", "is_trusted", "channel", "applied_at"]
    list_filter = ["status", "is_trusted", "country", "shop_kind"]
    search_fields = ["company_name", "user__email", "tax_id"]
    raw_id_fields = ["user", "shop_address", "reviewed_by"]


@admin.register(ArtisanTradeTerms)
class ArtisanTradeTermsAdmin(admin.ModelAdmin):
    list_display = ["artisan", "first_order_minimum", "reorder_minimum", "updated_at"]
    search_fields = ["artisan__name"]


@admin.register(VariantTradeTerms)
class VariantTradeTermsAdmin(admin.ModelAdmin):
    list_display = ["variant", "pack_size", "made_to_order_capacity", "lead_time_weeks"]
    search_fields = ["variant__sku", "variant__product__name"]
    raw_id_fields = ["variant"]


class TradeCartLineInline(admin.TabularInline):
    model = TradeCartLine
    raw_id_fields = ["variant"]
    extra = 0


@admin.register(TradeCart)
class TradeCartAdmin(admin.ModelAdmin):
    list_display = ["account", "updated_at"]
    inlines = [TradeCartLineInline]


@admin.register(TradeQuote)
class TradeQuoteAdmin(admin.ModelAdmin):
    list_display = ["product_name", "account", "artisan", "kind", "quantity", "status", "unit_price", "currency",
                    "created"]
    list_filter = ["status", "kind"]
    raw_id_fields = ["variant", "answered_by"]


@admin.register(TradeOrder)
class TradeOrderAdmin(admin.ModelAdmin):
    list_display = ["order", "account", "payment_terms", "deposit_amount", "balance_amount", "deposit_received_at",
                    "balance_received_at"]
    list_filter = ["payment_terms"]
    raw_id_fields = ["order", "quote"]


@admin.register(ProductionOrder)
class ProductionOrderAdmin(admin.ModelAdmin):
    list_display = ["order_line", "artisan", "quantity", "lead_time_weeks", "status", "started", "due"]
    list_filter = ["status"]
    raw_id_fields = ["order_line", "variant"]
