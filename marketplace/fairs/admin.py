from django.contrib import admin

from marketplace.fairs.models import Fair, FairStand, FairTranslation, FairVisit, StandSale


class FairTranslationInline(admin.TabularInline):
    model = FairTranslation
    extra = 0


class FairStandInline(admin.TabularInline):
    model = FairStand
    extra = 0
    raw_id_fields = ["artisan"]


@admin.register(Fair)
class FairAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "starts_on", "ends_on", "commission_rate"]
    search_fields = ["name", "slug", "city"]
    filter_horizontal = ["channels"]
    inlines = [FairTranslationInline, FairStandInline]


@admin.register(StandSale)
class StandSaleAdmin(admin.ModelAdmin):
    # Sales are orders: they are recorded by the stand-sale service only, never edited here.
    list_display = ["created_at", "fair", "artisan", "payment", "listed_price", "currency", "order"]
    list_filter = ["fair", "payment"]
    readonly_fields = [f.name for f in StandSale._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(FairVisit)
class FairVisitAdmin(admin.ModelAdmin):
    list_display = ["created_at", "fair", "product", "channel"]
    list_filter = ["fair"]
