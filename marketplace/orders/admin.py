from django.contrib import admin

from marketplace.orders.models import Fulfillment, Order, OrderEvent, OrderLine


class OrderLineInline(admin.TabularInline):
    model = OrderLine
    extra = 0
    fields = ["product_name", "product_sku", "artisan", "quantity", "total_price_gross", "hs_code", "material"]
    readonly_fields = fields


class FulfillmentInline(admin.TabularInline):
    model = Fulfillment
    extra = 0
    fields = ["artisan", "stage", "tracking_number"]
    readonly_fields = ["artisan"]


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["number", "created", "channel", "user_email", "status", "payment_method", "total_gross",
                    "total_charged", "currency"]
    list_filter = ["status", "payment_method", "channel"]
    search_fields = ["number", "user_email"]
    readonly_fields = ["token", "checkout_token", "total_gross", "total_net", "total_charged", "total_refunded"]
    inlines = [FulfillmentInline, OrderLineInline]


admin.site.register(OrderEvent)
