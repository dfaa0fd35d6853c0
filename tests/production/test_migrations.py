"""Upgrades: a database migrated by an earlier release takes the new migrations (no migration depends on
another app's "__latest__", which a later migration would contradict), and `migrate` never re-creates the
shipping defaults an installation has changed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_no_migration_depends_on_the_latest_migration_of_an_app():
    offenders = []
    for path in sorted((ROOT / "marketplace").glob("*/migrations/0*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value == "__latest__":
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.django_db
def test_migrate_keeps_an_installations_own_shipping_set_up():
    from django.core.management import call_command

    from marketplace.shipping.models import ShippingZone

    assert ShippingZone.objects.exists()  # a new database got the defaults after its migrations
    removed = ShippingZone.objects.order_by("slug").first()
    removed.delete()
    before = set(ShippingZone.objects.values_list("slug", flat=True))
    call_command("migrate", "--no-input", verbosity=0)
    assert set(ShippingZone.objects.values_list("slug", flat=True)) == before
