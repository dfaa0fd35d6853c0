from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "marketplace.catalog"
    label = "catalog"

    def ready(self) -> None:
        from marketplace.catalog import models
        from marketplace.core.reference_memo import retire_on_write

        retire_on_write(models.Category, models.CategoryTranslation, models.ProductType, models.ProductTranslation,
                        models.ProductChannelListing, models.ProductVariantChannelListing)
