from django.apps import AppConfig


class ArtisansConfig(AppConfig):
    name = "marketplace.artisans"
    label = "artisans"

    def ready(self) -> None:
        from marketplace.artisans.models import Artisan
        from marketplace.core.reference_memo import retire_on_write

        retire_on_write(Artisan)
