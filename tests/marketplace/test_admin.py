"""Every app has its admin.py (DESIGN's app shape), and the Django admin serves each registered model to staff.
Models whose writes belong to services (stock, the catalogue, photos, reviews) are read-only there."""

from __future__ import annotations

from pathlib import Path

import pytest

MARKETPLACE = Path(__file__).resolve().parents[2] / "marketplace"


def test_every_app_has_an_admin_module() -> None:
    apps = sorted(folder.name for folder in MARKETPLACE.iterdir() if (folder / "apps.py").exists())
    assert len(apps) > 10
    assert [app for app in apps if not (MARKETPLACE / app / "admin.py").exists()] == []


@pytest.mark.slow  # opens every registered model's admin pages: about 3 s
@pytest.mark.django_db
def test_staff_open_every_registered_model_and_cannot_write_what_services_own(client) -> None:
    from django.contrib import admin

    from marketplace.accounts.models import User
    from marketplace.core.admin import ReadOnlyAdmin

    client.force_login(User.objects.get(email="admin@demo.maalem.ma"))
    read_only = []
    for model, model_admin in admin.site._registry.items():
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        query = "?q=a" if model_admin.search_fields else ""
        assert client.get(base + query).status_code == 200, base
        first = model.objects.order_by("pk").first()
        if first is not None:
            assert client.get(f"{base}{first.pk}/change/").status_code == 200, base
        if isinstance(model_admin, ReadOnlyAdmin):
            read_only.append(model._meta.label)
            assert client.get(base + "add/").status_code == 403, base
            if first is not None:
                assert client.post(f"{base}{first.pk}/delete/", {"post": "yes"}).status_code == 403, base
                assert model.objects.filter(pk=first.pk).exists()
    assert {"inventory.Stock", "catalog.Product", "media.ProductMedia", "curation.ReviewDecision"} <= set(read_only)
