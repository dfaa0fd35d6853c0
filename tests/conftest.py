"""Shared fixtures: the demo catalog loaded once per test session, a GraphQL client over HTTP."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

import pytest
from committed import RowsRestorer, in_thread
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
DEMO_PRODUCTS_IN_TESTS = 40
# A test that needs one of these starts a server or another process (the API in a thread, the storefront in
# gunicorn, Redis, a gunicorn stack, a PostgreSQL cluster of its own): it is `slow` whatever its file says,
# so `make test` and CI run it and `make test-fast` does not.
SERVER_FIXTURES = frozenset({"api_server", "storefront_url", "redis_url", "stack", "fault_cluster"})


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SERVER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def document(relative_path: str) -> str:
    """An operation document from the project's .graphql files (storefront/graphql/...)."""
    return (ROOT / relative_path).read_text(encoding="utf-8")


class GraphQLClient:
    def __init__(self, client: Any):
        self.client = client
        self.token: str | None = None

    def post(self, query: str, variables: dict | None = None, **extra: Any) -> Any:
        headers = {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}
        return self.client.post("/graphql/", data=json.dumps({"query": query, "variables": variables or {}}),
                                content_type="application/json", **headers, **extra)

    def __call__(self, query: str, variables: dict | None = None) -> dict:
        response = self.post(query, variables)
        assert response.status_code == 200, response.content[:500]
        return response.json()

    def data(self, query: str, variables: dict | None = None) -> dict:
        """Execute and require a result without errors."""
        result = self(query, variables)
        assert not result.get("errors"), result["errors"]
        return result["data"]


@pytest.fixture(scope="session")
def doc():
    return document


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_modify_db_settings, django_db_blocker):
    """The session's database: migrated, with a small demo catalogue (DEMO_PRODUCTS_IN_TESTS products,
    photos at 256 px); restored from a snapshot in var/ when the code that builds it is unchanged
    (tests/support/demo_snapshot.py). Under pytest-xdist (`make test-fast`) each worker restores its own copy."""
    from demo_snapshot import session_database

    from demo.services import load_demo

    # Tests create users by the hundred; the production hasher's deliberate slowness would dominate.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Every test request comes from 127.0.0.1: rate limits are off except where a test turns them on
    # (tests/production/test_rate_limits.py).
    settings.RATELIMIT_ENABLED = False

    def load() -> None:
        load_demo(max_products=DEMO_PRODUCTS_IN_TESTS, photo_size=256, workers=2, log=print)

    with django_db_blocker.unblock():
        teardown = session_database(load, f"products={DEMO_PRODUCTS_IN_TESTS} photo_size=256 hasher=md5")
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            teardown()


@pytest.fixture
def gql(client, db) -> GraphQLClient:
    from django.core.cache import cache

    cache.clear()
    return GraphQLClient(client)


# --- The storefront over real HTTP (tests/storefront, tests/e2e) ---------------------------------------
# The API runs in a thread of this process (pytest-django's LiveServer, on the session's demo data) and the
# storefront as a gunicorn subprocess pointed at it. The `live_server` fixture itself is not used: it makes
# every test transactional, and the flush after each test would erase the session-wide demo catalog.


@pytest.fixture(scope="session")
def api_server(django_db_setup, django_db_blocker):
    from django.core.cache import cache
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():  # the server thread reads the committed demo data
        server = LiveServer("127.0.0.1")
        previous = settings.PUBLIC_API_URL
        settings.PUBLIC_API_URL = server.url  # media URLs must point at this server
        cache.clear()
        try:
            yield server
        finally:
            settings.PUBLIC_API_URL = previous
            server.stop()


@pytest.fixture(scope="session")
def storefront_url(api_server, tmp_path_factory):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "API_URL": f"{api_server.url}/graphql/", "STOREFRONT_DEBUG": "0",
           "STOREFRONT_SECRET_KEY": "storefront-tests", "STOREFRONT_SECURE_COOKIES": "0",
           "STOREFRONT_CACHE_SECONDS": os.environ.get("STOREFRONT_TEST_CACHE_SECONDS", "0"),
           # The API runs photo uploads' pipeline in its request here (no worker): on a loaded machine that
           # outlasts production's 10 s, and the shop would answer 503. Timeouts have their own test.
           "API_TIMEOUT": "120"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    log = (tmp_path_factory.mktemp("storefront") / "gunicorn.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "storefront.wsgi:application", "--bind",
                                f"127.0.0.1:{port}", "--workers", "1", "--threads", "4", "--timeout", "60"],
                               cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{url}/robots.txt", timeout=2)
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError(f"the storefront exited: see {log.name}") from None
                time.sleep(0.1)
        else:
            raise RuntimeError(f"the storefront did not start: see {log.name}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture
def restore_rows(api_server):
    """For tests that change the session's committed demo rows through a server: `restore_rows.keep(queryset,
    *fields)` before the change; the fields are written back after the test, even when it fails."""
    restorer = RowsRestorer()
    try:
        yield restorer
    finally:
        restorer.restore()


@pytest.fixture
def committed_piece(api_server, settings):
    """Factory of unique pieces (stock 1, listed in every market) committed for the API server's thread,
    deleted with their orders afterwards; the API runs with its development payment gateway."""
    from decimal import Decimal

    settings.DEBUG, settings.STRIPE_SECRET_KEY = True, ""  # the development gateway (DEBUG, no Stripe keys)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    created: list[int] = []


    def make(price_mad: str = "1800") -> Any:
        def work():
            from datetime import timedelta

            from django.utils import timezone

            from marketplace.artisans.models import Artisan
            from marketplace.catalog import models as cm
            from marketplace.channels.models import Channel
            from marketplace.channels.services import derive_price
            from marketplace.inventory.models import Stock

            n, now = len(created) + 1, timezone.now() - timedelta(minutes=1)
            artisan = Artisan.objects.filter(warehouse__isnull=False).order_by("pk").first()
            source = cm.Product.objects.filter(artisan=artisan, media__isnull=False).order_by("pk").first()
            product = cm.Product.objects.create(product_type=source.product_type, category=source.category,
                                                artisan=artisan, name=f"Pièce d'essai {n}",
                                                slug=f"piece-essai-{uuid.uuid4().hex[:12]}")
            variant = cm.ProductVariant.objects.create(
                product=product, sku=f"SF-{n}-{product.pk}", is_one_of_a_kind=True, weight_kg=Decimal("2.5"),
                length_cm=Decimal("40"), width_cm=Decimal("30"), height_cm=Decimal("20"), hs_code="570110")
            for channel in Channel.objects.all():
                cm.ProductChannelListing.objects.create(product=product, channel=channel, is_published=True,
                                                        currency=channel.currency_code, published_at=now,
                                                        available_for_purchase_at=now)
                cm.ProductVariantChannelListing.objects.create(
                    variant=variant, channel=channel, currency=channel.currency_code,
                    price_amount=derive_price(Decimal(price_mad), channel))
            Stock.objects.create(warehouse=artisan.warehouse, product_variant=variant, quantity=1)
            created.append(product.pk)
            return product

        return in_thread(work)

    yield make

    def cleanup():
        from marketplace.catalog.models import Product
        from marketplace.orders.models import Order
        from marketplace.payouts.models import LedgerEntry

        orders = Order.objects.filter(lines__variant__product_id__in=created)
        LedgerEntry.objects.filter(order_line__order__in=orders).delete()  # test money, not an artisan's
        orders.delete()
        Product.objects.filter(pk__in=created).delete()

    in_thread(cleanup)
