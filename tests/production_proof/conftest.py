"""Fixtures of the production proof: the bench/ helpers (a gunicorn API, Redis, GraphQL over HTTP) and
committed database access for tests whose servers run in other processes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="session")
def stack() -> Any:
    """bench/proof_stack.py: ApiServer, RedisServer, post_graphql, sign_in, production_env..."""
    sys.path.insert(0, str(BENCH))
    import proof_stack

    return proof_stack


@pytest.fixture(scope="session")
def fuzzer(stack) -> Any:
    """bench/fuzz_graphql.py: fuzz(url, tokens, examples=, real_ids=...) → FuzzReport."""
    import fuzz_graphql

    return fuzz_graphql


# --- A cluster of its own for the fault tests: they restart PostgreSQL and kill processes, which the
# session's database (shared by every other test) must not suffer. It starts as a copy of the session's
# database (the demo catalog) plus the pieces the faults need, made before the copy.

FAULT_PIECES = 8  # unique pieces (stock 1) the checkouts under a database restart buy


@pytest.fixture(scope="session")
def fault_cluster(django_db_setup, django_db_blocker, tmp_path_factory) -> Any:
    import os
    import shutil
    import subprocess
    import tempfile
    from types import SimpleNamespace

    from django.db import connection

    from marketplace.core.embedded_db import ensure_embedded_database, pg_tool, stop_embedded_database

    root = Path(tempfile.mkdtemp(prefix="maalem-faults-"))
    os.chmod(root, 0o755)
    pgdata = root / "data"
    url = ensure_embedded_database(pgdata, fast_unsafe=True)
    with django_db_blocker.unblock():
        skus = _make_fault_pieces()
        connection.ensure_connection()
        source = connection.connection.info  # the session's test database, wherever DATABASE_URL put it
        try:
            dump = subprocess.run([str(pg_tool("pg_dump")), "-Fc", "-h", source.host, "-U", source.user,
                                   "-p", str(source.port), source.dbname], capture_output=True, check=True).stdout
        finally:
            _delete_fault_pieces()
            connection.close()
    subprocess.run([str(pg_tool("pg_restore")), "-h", str(pgdata), "-U", "postgres", "-d", "maalem", "--no-owner"],
                   input=dump, capture_output=True, check=True)
    # The session hashes passwords with MD5 for speed; the servers here run the production hashers.
    reset = ("import django; django.setup()\nfrom marketplace.accounts.models import User\n"
             "from demo.data import USERS\nfor spec in USERS:\n"
             "    user = User.objects.get(email=spec['email']); user.set_password(spec['password']); user.save()\n")
    subprocess.run([sys.executable, "-c", reset], cwd=BENCH.parent, check=True, capture_output=True,
                   env={**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "marketplace.settings"})
    try:
        yield SimpleNamespace(url=url, pgdata=pgdata, root=root, skus=skus)
    finally:
        stop_embedded_database(pgdata)
        shutil.rmtree(root, ignore_errors=True)


def _make_fault_pieces() -> list[str]:
    from decimal import Decimal

    from django.utils import timezone

    from marketplace.artisans.models import Artisan
    from marketplace.catalog import models as cm
    from marketplace.channels.models import Channel
    from marketplace.inventory.models import Stock

    channel = Channel.objects.get(slug="maroc")
    artisan = Artisan.objects.filter(warehouse__isnull=False, verification_status="VERIFIED").order_by("pk").first()
    product_type = cm.ProductType.objects.order_by("pk").first()
    now = timezone.now() - timezone.timedelta(minutes=1)
    skus = []
    for n in range(FAULT_PIECES):
        product = cm.Product.objects.create(name=f"Pièce faute {n}", slug=f"fault-piece-{n}", artisan=artisan,
                                            product_type=product_type)
        variant = cm.ProductVariant.objects.create(product=product, sku=f"FAULT-{n}", is_one_of_a_kind=True,
                                                   weight_kg=Decimal("1.0"))
        cm.ProductChannelListing.objects.create(product=product, channel=channel, is_published=True, currency="MAD",
                                                published_at=now, available_for_purchase_at=now)
        cm.ProductVariantChannelListing.objects.create(variant=variant, channel=channel, currency="MAD",
                                                       price_amount=Decimal("900"))
        Stock.objects.create(warehouse=artisan.warehouse, product_variant=variant, quantity=1)
        skus.append(variant.sku)
    return skus


def _delete_fault_pieces() -> None:
    from marketplace.catalog.models import Product

    Product.objects.filter(slug__startswith="fault-piece-").delete()


@pytest.fixture
def in_cluster(fault_cluster, stack) -> Any:
    """Run Python against the fault cluster in a subprocess (Django set up there): in_cluster(code) → the
    JSON the code prints last."""
    import json
    import os
    import subprocess

    def run(code: str) -> Any:
        env = {**os.environ, "DATABASE_URL": fault_cluster.url, "DJANGO_SETTINGS_MODULE": "marketplace.settings"}
        prelude = (f"import sys, json; sys.path.insert(0, {str(BENCH)!r}); "
                   f"import proof_stack; proof_stack.django_setup()\n")
        result = subprocess.run([stack.PYTHON, "-c", prelude + code], cwd=stack.ROOT, env=env, capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 0, result.stderr[-3000:]
        return json.loads(result.stdout.strip().splitlines()[-1])

    return run
