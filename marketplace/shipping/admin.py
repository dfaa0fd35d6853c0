from django.contrib import admin

from marketplace.shipping.models import ShippingMethod, ShippingMethodChannelListing, ShippingZone


class ListingInline(admin.TabularInline):
    model = ShippingMethodChannelListing
    extra = 0


@admin.register(ShippingMethod)
class ShippingMethodAdmin(admin.ModelAdmin):
    list_display = ["name", "zone", "kind", "minimum_delivery_days", "maximum_delivery_days"]
    inlines = [ListingInline]


@admin.register(ShippingZone)
class ShippingZoneAdmin(admin.ModelAdmin):
    list_display = ["name", "default"]
