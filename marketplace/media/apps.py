from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "marketplace.media"
    label = "media"

    def ready(self) -> None:
        from marketplace.core.reference_memo import retire_on_write
        from marketplace.media.models import ProductMedia

        retire_on_write(ProductMedia)
