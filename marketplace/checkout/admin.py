from django.contrib import admin

from marketplace.checkout.models import Checkout, CheckoutLine


class CheckoutLineInline(admin.TabularInline):
    model = CheckoutLine
    extra = 0
    raw_id_fields = ["variant"]


@admin.register(Checkout)
class CheckoutAdmin(admin.ModelAdmin):
    list_display = ["token", "created", "channel", "email"]
    inlines = [CheckoutLineInline]
