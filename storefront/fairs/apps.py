from django.apps import AppConfig


class FairsConfig(AppConfig):
    name = "storefront.fairs"
    label = "storefront_fairs"
