from django.contrib import admin

from marketplace.payments.models import StripeWebhookEvent, TransactionEvent, TransactionItem


class TransactionEventInline(admin.TabularInline):
    model = TransactionEvent
    extra = 0
    readonly_fields = ["created_at", "type", "amount", "currency", "psp_reference", "message", "idempotency_key"]


@admin.register(TransactionItem)
class TransactionItemAdmin(admin.ModelAdmin):
    list_display = ["token", "gateway", "psp_reference", "amount", "charged_value", "refunded_value", "currency"]
    list_filter = ["gateway"]
    search_fields = ["psp_reference"]
    inlines = [TransactionEventInline]


admin.site.register(StripeWebhookEvent)
