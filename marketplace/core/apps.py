from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "marketplace.core"
    label = "core"

    def ready(self) -> None:
        from django.core import checks

        from marketplace.core.ratelimit import check_rate_settings

        checks.register(check_rate_settings)
