from django.contrib import admin

from marketplace.payouts.models import LedgerEntry, PayoutBatch


@admin.register(LedgerEntry)
class LedgerEntryAdmin(admin.ModelAdmin):
    list_display = ["created", "artisan", "kind", "gross", "commission", "net", "currency", "batch"]
    list_filter = ["kind", "currency"]


@admin.register(PayoutBatch)
class PayoutBatchAdmin(admin.ModelAdmin):
    list_display = ["pk", "created", "currency", "status", "paid_at", "reference"]
