from django.apps import AppConfig


class ArtisansConfig(AppConfig):
    name = "marketplace.artisans"
    label = "artisans"
