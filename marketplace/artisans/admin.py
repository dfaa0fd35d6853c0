"""Artisans, their members and labels, read-only: profiles, verification and labels change through the API
(artisans/services.py), which checks who may act and keeps the catalog's cached answers fresh."""

from django.contrib import admin

from marketplace.artisans.models import Artisan, ArtisanMember, Label
from marketplace.core.admin import ReadOnlyAdmin


class ArtisanMemberInline(admin.TabularInline):
    model = ArtisanMember
    extra = 0
    fields = ["user", "is_owner"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Artisan)
class ArtisanAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "region", "city", "verification_status", "commission_rate"]
    list_filter = ["kind", "region", "verification_status"]
    search_fields = ["name", "slug", "city"]
    inlines = [ArtisanMemberInline]


@admin.register(Label)
class LabelAdmin(ReadOnlyAdmin):
    list_display = ["name", "slug"]
