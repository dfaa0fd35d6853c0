"""Production-shaped tests: helpers to run the API or the storefront in a subprocess with a given environment."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "x" * 20 + "-production-like-secret-key-for-the-tests-only-0123456789"


def clean_env(**extra: str) -> dict[str, str]:
    """The test process's environment without Django/Maalem settings, plus `extra`."""
    prefixes = ("DJANGO_", "STOREFRONT_", "REDIS_URL", "CACHE_URL", "SENTRY_", "AWS_", "S3_", "CORS_", "RATELIMIT_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(prefixes)}
    env.update(extra)
    return env


def run_python(code: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean_env(**env), capture_output=True,
                          text=True, timeout=timeout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def py():
    return run_python


@pytest.fixture
def limits(settings):
    """Turn the rate limits on with small numbers; returns a setter for one scope."""
    settings.RATELIMIT_ENABLED = True
    settings.TRUSTED_PROXIES = []
    settings.RATE_LIMITS = {scope: {"ip": "", "account": ""} for scope in
                            ("token_create", "account_register", "password_reset", "checkout_create")}

    def set_limit(scope: str, ip: str = "", account: str = "") -> None:
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, scope: {"ip": ip, "account": account}}

    return set_limit


class ManualClock:
    """A clock that moves only when told (`advance`)."""

    def __init__(self, start: float):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def rate_clock(monkeypatch) -> ManualClock:
    """The rate limiter's clock, stopped at the start of tomorrow (UTC), where every s/m/h/d window starts."""
    from marketplace.core import ratelimit

    clock = ManualClock((int(time.time()) // 86400 + 1) * 86400.0)
    monkeypatch.setattr(ratelimit, "clock", clock)
    return clock


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A real Redis server on loopback (Debian's redis-server), for the shared-cache tests."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
                                "no", "--dir", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def unique_piece(db):
    """A published one-of-a-kind rug (stock 1) listed in every channel; returns its variant."""
    import uuid
    from decimal import Decimal

    from marketplace.artisans.models import Artisan
    from marketplace.catalog import models as cm
    from marketplace.channels.models import Channel
    from marketplace.channels.services import derive_price
    from marketplace.inventory.models import Stock

    artisan = Artisan.objects.filter(warehouse__isnull=False).order_by("pk").first()
    product = cm.Product.objects.create(product_type=cm.ProductType.objects.order_by("pk").first(), artisan=artisan,
                                        name="Tapis unique", slug=f"tapis-unique-{uuid.uuid4().hex[:10]}")
    variant = cm.ProductVariant.objects.create(product=product, sku=f"PROD-{uuid.uuid4().hex[:10]}",
                                               is_one_of_a_kind=True, weight_kg=Decimal("4"), length_cm=Decimal("60"),
                                               width_cm=Decimal("30"), height_cm=Decimal("20"), hs_code="570110")
    for channel in Channel.objects.all():
        cm.ProductChannelListing.objects.create(product=product, channel=channel, is_published=True,
                                                currency=channel.currency_code)
        cm.ProductVariantChannelListing.objects.create(variant=variant, channel=channel, currency=channel.currency_code,
                                                       price_amount=derive_price(Decimal("2400"), channel))
    Stock.objects.create(warehouse=artisan.warehouse, product_variant=variant, quantity=1)
    return variant


@pytest.fixture
def production_env():
    """Environment of a production storefront/API (secrets set, debug off), as compose gives it."""
    return {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": SECRET, "STOREFRONT_SECRET_KEY": SECRET + "-storefront"}


@pytest.fixture
def loopback_port():
    return free_port
