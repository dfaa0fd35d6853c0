from django.apps import AppConfig


class TradeSpaceConfig(AppConfig):
    name = "storefront.trade"
    label = "trade_space"
