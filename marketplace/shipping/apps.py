from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ShippingConfig(AppConfig):
    name = "marketplace.shipping"
    label = "shipping"

    def ready(self) -> None:
        post_migrate.connect(create_default_shipping, sender=self, dispatch_uid="shipping:defaults")


def create_default_shipping(using: str = "default", **_kwargs: Any) -> None:
    """A new database gets the default markets, zones, methods, rates and Expo-artisan stands once; an
    installation that has its own shipping set-up (any zone) is never changed by a later migrate."""
    from marketplace.shipping.models import ShippingZone
    from marketplace.shipping.services import ensure_default_shipping

    if not ShippingZone.objects.using(using).exists():
        ensure_default_shipping()
