from django.apps import AppConfig


class FairsConfig(AppConfig):
    name = "marketplace.fairs"
    label = "fairs"
    default_auto_field = "django.db.models.BigAutoField"
