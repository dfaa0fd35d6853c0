from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "marketplace.catalog"
    label = "catalog"

    def ready(self) -> None:
        from marketplace.catalog import models
        from marketplace.core.reference_memo import retire_on_write

        retire_on_write(models.Category, models.CategoryTranslation, models.ProductType, models.ProductTranslation,
                        models.ProductChannelListing, models.ProductVariantChannelListing)
        # The product page's rows (memoized too). Their services also bump the version after bulk writes,
        # which send no signals (catalog.services.after_catalog_change); the demo writes attributes directly.
        retire_on_write(models.Attribute, models.AttributeTranslation, models.AttributeValue,
                        models.AttributeValueTranslation, models.AttributeProduct, models.ProductVariant,
                        models.ProductVariantTranslation, models.Collection, models.CollectionTranslation)
