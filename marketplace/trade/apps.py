from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TradeConfig(AppConfig):
    name = "marketplace.trade"
    label = "trade"

    def ready(self) -> None:
        from marketplace.channels.models import Channel
        from marketplace.channels.selectors import register_channel_access
        from marketplace.orders.documents import register_proforma
        from marketplace.trade.access import is_verified_buyer
        from marketplace.trade.documents import trade_proforma_pdf

        register_channel_access(Channel.Kind.TRADE, is_verified_buyer)
        register_proforma(Channel.Kind.TRADE, trade_proforma_pdf)
        post_migrate.connect(create_trade_channels, sender=self, dispatch_uid="trade:channels")


def create_trade_channels(using: str = "default", **_kwargs: Any) -> None:
    """A database gets the trade channels, their shipping rates and warehouses once (as the shipping
    defaults: after every migration, only when no trade channel exists yet)."""
    from marketplace.channels.models import Channel
    from marketplace.trade.setup import ensure_trade_setup

    if not Channel.objects.using(using).filter(kind=Channel.Kind.TRADE).exists():
        ensure_trade_setup()
