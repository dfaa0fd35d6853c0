"""Checkout benchmark: a guest checkout in six calls (create with lines, shipping address, billing
address, delivery method, payment, complete) over HTTP on loopback against gunicorn, repeated; prints
the median time per step and the whole, and the SQL queries per step (counted in-process, at 1 and
5 lines, to show the count does not grow with the lines).

    make bench            (a throwaway database)   or   .venv/bin/python bench/checkout_bench.py

With `--side-by-side`: issue 18's set-up (bench/side_by_side.py: 1 worker, 4 threads, CPU from /proc): the
server's CPU per step and for the whole checkout, min and median over the rounds.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")
PORT = int(os.environ.get("BENCH_PORT", "8766"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))
DOCS = {name: (ROOT / f"storefront/graphql/saleor/{name}.graphql").read_text() for name in (
    "CheckoutCreate", "CheckoutShippingAddressUpdate", "CheckoutBillingAddressUpdate",
    "CheckoutDeliveryMethodUpdate", "TransactionInitialize", "CheckoutComplete")}
ADDRESS = {"firstName": "Salma", "lastName": "Bennani", "streetAddress1": "12 rue Ibn Sina", "city": "Casablanca",
           "postalCode": "20000", "country": "MA", "phone": "+212612345678"}
STEPS = ["create", "shipping address", "billing address", "delivery method", "payment", "complete"]


def setup() -> list[str]:
    """Demo catalog if missing, plus five bench variants with plenty of stock in the domestic market."""
    import django

    django.setup()
    from django.core.management import call_command

    from demo.services import demo_loaded, load_demo
    from marketplace.artisans.models import Artisan
    from marketplace.catalog import models as cm
    from marketplace.channels.models import Channel
    from marketplace.core.graphql.ids import to_global_id
    from marketplace.inventory.models import Stock

    call_command("migrate", "--no-input", verbosity=0)
    if not demo_loaded():
        print("loading the demo catalog (photos at 256 px) ...", flush=True)
        load_demo(photo_size=256, max_products=40, log=lambda *_: None)
    channel = Channel.objects.get(slug="maroc")
    artisans = list(Artisan.objects.filter(warehouse__isnull=False).order_by("pk")[:5])
    ids = []
    for n in range(5):
        artisan = artisans[n % len(artisans)]
        product, _ = cm.Product.objects.get_or_create(slug=f"bench-checkout-{n}", defaults={
            "name": f"Coussin banc d'essai {n}", "artisan": artisan,
            "product_type": cm.ProductType.objects.order_by("pk").first()})
        variant, _ = cm.ProductVariant.objects.get_or_create(product=product, sku=f"BENCH-CHECKOUT-{n}",
                                                             defaults={"weight_kg": Decimal("0.8")})
        cm.ProductChannelListing.objects.get_or_create(product=product, channel=channel, defaults={
            "is_published": True, "currency": "MAD"})
        cm.ProductVariantChannelListing.objects.get_or_create(variant=variant, channel=channel, defaults={
            "currency": "MAD", "price_amount": Decimal("450")})
        Stock.objects.update_or_create(warehouse=artisan.warehouse, product_variant=variant,
                                       defaults={"quantity": 1_000_000})
        ids.append(to_global_id("ProductVariant", variant.pk))
    return ids


def calls(variant_ids: list[str]):
    """The six calls as (step, document, variables-from-previous-results)."""
    lines = [{"variantId": vid, "quantity": 1} for vid in variant_ids]
    yield "create", "CheckoutCreate", lambda s: {"input": {"channel": "maroc", "email": "bench@example.ma",
                                                           "lines": lines}}
    yield "shipping address", "CheckoutShippingAddressUpdate", lambda s: {"id": s["id"], "shippingAddress": ADDRESS}
    yield "billing address", "CheckoutBillingAddressUpdate", lambda s: {"id": s["id"], "billingAddress": ADDRESS}
    yield "delivery method", "CheckoutDeliveryMethodUpdate", lambda s: {"id": s["id"], "deliveryMethodId": s["method"]}
    yield "payment", "TransactionInitialize", lambda s: {"id": s["id"], "paymentGateway": {
        "id": "maalem.payments.cash-on-delivery"}}
    yield "complete", "CheckoutComplete", lambda s: {"id": s["id"]}


def remember(state: dict, step: str, data: dict) -> None:
    payload = next(iter(data.values()))
    if payload.get("errors"):
        raise RuntimeError(f"{step}: {payload['errors']}")
    if step == "create":
        state["id"] = payload["checkout"]["id"]
    if step == "billing address":
        state["method"] = payload["checkout"]["shippingMethods"][0]["id"]


def run_http(variant_ids: list[str], clock=None, port: int = PORT) -> dict[str, float]:
    """Milliseconds per step: wall time, or what `clock` reads (the server's CPU time, side by side)."""
    state: dict = {}
    times = {}
    clock = clock or (lambda: time.perf_counter() * 1000)
    for step, name, variables in calls(variant_ids):
        body = json.dumps({"query": DOCS[name], "variables": variables(state)}).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql/", data=body,
                                         headers={"Content-Type": "application/json"})
        started = clock()
        with urllib.request.urlopen(request, timeout=30) as response:
            payload = json.loads(response.read())
        times[step] = clock() - started
        if payload.get("errors"):
            raise RuntimeError(payload["errors"])
        remember(state, step, payload["data"])
    return times


def count_queries(variant_ids: list[str]) -> dict[str, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, state, counts = Client(), {}, {}
    for step, name, variables in calls(variant_ids):
        with CaptureQueriesContext(connection) as captured:
            response = client.post("/graphql/", data=json.dumps({"query": DOCS[name], "variables": variables(state)}),
                                   content_type="application/json")
        body = response.json()
        if body.get("errors"):
            raise RuntimeError(body["errors"])
        remember(state, step, body["data"])
        counts[step] = len(captured)
    return counts


def start_server() -> subprocess.Popen:
    env = {**os.environ, "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789abcdef",
           "ALLOWED_HOSTS": "127.0.0.1", "LOG_LEVEL": "WARNING", "SECURE_SSL_REDIRECT": "0",
           "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "marketplace.wsgi:application", "--bind",
                               f"127.0.0.1:{PORT}", "--workers", "2", "--log-level", "warning"], cwd=ROOT, env=env)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health/live", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the API did not start")


def side_by_side(variant_ids: list[str]) -> None:
    import side_by_side as sbs

    base = sbs.baseline()
    servers = {"this": (sbs.start(PORT), PORT)}
    try:
        if base:
            servers["baseline"] = (sbs.start(PORT + 1, root=base), PORT + 1)
        for _, port in servers.values():
            for _ in range(5):
                run_http(variant_ids[:1], port=port)
        rounds: dict[str, list[dict[str, float]]] = {label: [] for label in servers}
        for _ in range(ROUNDS):
            for label, (server, port) in servers.items():
                rounds[label].append(run_http(variant_ids[:1], clock=lambda s=server: sbs.server_cpu_ms(s), port=port))
    finally:
        sbs.stop(*(server for server, _ in servers.values()))
    for label, runs in rounds.items():
        print(f"{label}: guest checkout, 1 line, {ROUNDS} rounds, 1 worker x 4 threads: server CPU ms")
        for step in STEPS:
            print(f"  {step:<20}{sbs.summary([r[step] for r in runs])}")
        print(f"  {'whole':<20}{sbs.summary([sum(r.values()) for r in runs])}")
    if base:
        for step in [*STEPS, "whole"]:
            this, baseline = ([sum(r.values()) if step == "whole" else r[step] for r in rounds[label]]
                              for label in ("this", "baseline"))
            print(f"{step:<22}{sbs.paired(this, baseline)}")


def main() -> None:
    variant_ids = setup()
    if "--side-by-side" in sys.argv:
        side_by_side(variant_ids)
        return
    from django.test.utils import override_settings

    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        queries_1 = count_queries(variant_ids[:1])
        queries_5 = count_queries(variant_ids)
    server = start_server()
    try:
        for _ in range(3):
            run_http(variant_ids[:1])  # warm the workers (parsed documents, connections)
        rounds = [run_http(variant_ids[:1]) for _ in range(ROUNDS)]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    print(f"guest checkout, 1 line, {ROUNDS} rounds over HTTP (gunicorn, 2 workers), median per step:")
    print(f"{'step':<20}{'p50 ms':>9}{'max ms':>9}{'SQL (1 line)':>14}{'SQL (5 lines)':>15}")
    for step in STEPS:
        values = [r[step] for r in rounds]
        print(f"{step:<20}{statistics.median(values):>9.1f}{max(values):>9.1f}{queries_1[step]:>14}{queries_5[step]:>15}")
    wholes = [sum(r.values()) for r in rounds]
    print(f"{'whole':<20}{statistics.median(wholes):>9.1f}{max(wholes):>9.1f}{sum(queries_1.values()):>14}"
          f"{sum(queries_5.values()):>15}")
    print("targets: whole < 400 ms, checkoutComplete < 150 ms "
          "(Saleor 3.23 here: ~1.9 s whole, checkoutComplete ~0.7 s and 166 queries)")


if __name__ == "__main__":
    main()
