from django.apps import AppConfig


class AtelierConfig(AppConfig):
    name = "storefront.atelier"
    label = "atelier"
