"""Markets, read-only: a channel's price rule changes through `channelPriceRuleUpdate` (channels/services.py),
which derives the export prices again."""

from django.contrib import admin

from marketplace.channels.models import Channel
from marketplace.core.admin import ReadOnlyAdmin


@admin.register(Channel)
class ChannelAdmin(ReadOnlyAdmin):
    list_display = ["name", "slug", "kind", "currency_code", "vat_rate", "price_rate", "price_margin", "is_active"]
