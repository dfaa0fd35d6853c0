from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "marketplace.pages"
    label = "pages"
    verbose_name = "Pages"
