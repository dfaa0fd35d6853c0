from django.apps import AppConfig


class CurationConfig(AppConfig):
    name = "storefront.curation"
    label = "curation"
    verbose_name = "Curation (ministry)"
