"""Load run on loopback, compose-shaped without Docker: PostgreSQL (the embedded server, durable settings),
Redis (Debian's redis-server: cache, rate-limit counters, Celery broker), the API under gunicorn with the
production settings (DEBUG off) and a Celery worker. Virtual buyers (threads) browse, search, open
products, add to cart and check out with cash on delivery, at rising concurrency until the knee.

Prints req/s, p50/p95/p99 and errors per step, then the unique-piece storm (issue 12: 50 buyers after 20
unique pieces for 60 s, each a new buyer with a new cart, from checkoutCreate to checkoutComplete: orders,
refusals, units left held by carts, p50/p95 of each step), then checks that nothing was oversold and that
every order agrees with its allocations, stock, transactions and the payout ledger; exits 1 when a check fails.

    .venv/bin/python bench/load_run.py                      (own database and Redis in a temporary folder)
    LOAD_STEPS=1,2,4,8,16,32 LOAD_SECONDS=20 LOAD_WORKERS=2 LOAD_THREADS=4 .venv/bin/python bench/load_run.py
    STORM_BUYERS=50 STORM_PIECES=20 STORM_SECONDS=60 (0: no storm) .venv/bin/python bench/load_run.py
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load_checks  # noqa: E402
import piece_race  # noqa: E402
import proof_stack as stack  # noqa: E402

ROOT = stack.ROOT
DOCS = {name: (ROOT / f"storefront/graphql/{folder}/{name}.graphql").read_text() for folder, name in [
    ("saleor", "ProductList"), ("saleor", "ProductDetails"), ("marketplace", "SearchPage"),
    ("saleor", "CheckoutCreate"), ("saleor", "CheckoutShippingAddressUpdate"),
    ("saleor", "CheckoutBillingAddressUpdate"), ("saleor", "CheckoutDeliveryMethodUpdate"),
    ("saleor", "TransactionInitialize"), ("saleor", "CheckoutComplete")]}
ADDRESS = {"firstName": "Salma", "lastName": "Bennani", "streetAddress1": "12 rue Ibn Sina", "city": "Casablanca",
           "postalCode": "20000", "country": "MA", "phone": "+212612345678"}
SEARCHES = ["tapis", "zelij", "poterie", "cuir", "babouches", "argent", "cèdre", "tajine", "زربية", "lanterne"]
# Stock of the pieces the buyers fight over: unique pieces, small runs, and plenty.
PIECES = {"unique": (24, 1), "small": (12, 4), "plenty": (6, 1_000_000)}
MIX = [("browse", 35), ("search", 25), ("product", 20), ("purchase", 20)]


@dataclass
class Step:
    concurrency: int
    seconds: float = 0
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    sold_out: int = 0
    orders: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, latency: float, error: str | None = None) -> None:
        with self.lock:
            self.latencies.append(latency)
            if error:
                self.errors[error] = self.errors.get(error, 0) + 1

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else 0

    def row(self) -> str:
        errors = sum(self.errors.values())
        return (f"{self.concurrency:>5} {len(self.latencies):>8} {self.rps:>8.1f} {self.percentile(0.5):>8.0f} "
                f"{self.percentile(0.95):>8.0f} {self.percentile(0.99):>8.0f} {errors:>7} {self.orders:>7} "
                f"{self.sold_out:>8}")


class Buyer:
    """One virtual buyer: a requests session and the catalog it knows."""

    def __init__(self, url: str, step: Step, catalog: dict, rng: random.Random):
        import requests

        self.url, self.step, self.catalog, self.rng = url, step, catalog, rng
        self.session = requests.Session()

    def call(self, name: str, variables: dict) -> dict | None:
        started = time.perf_counter()
        try:
            response = self.session.post(f"{self.url}/graphql/", json={"query": DOCS[name], "variables": variables},
                                         timeout=60)
            latency = time.perf_counter() - started
            if response.status_code != 200:
                self.step.record(latency, f"{name}: HTTP {response.status_code}")
                return None
            body = response.json()
        except Exception as error:  # a refused connection or a timeout is the load run's finding, not a crash
            self.step.record(time.perf_counter() - started, f"{name}: {error.__class__.__name__}")
            return None
        if body.get("errors"):
            self.step.record(latency, f"{name}: {body['errors'][0].get('message', '')[:80]}")
            return None
        self.step.record(latency)
        return body["data"]

    def payload(self, name: str, variables: dict) -> dict | None:
        """A mutation's payload; its errors are business answers (sold out), counted apart."""
        data = self.call(name, variables)
        if data is None:
            return None
        payload = next(iter(data.values()))
        if payload.get("errors"):
            codes = {e.get("code") for e in payload["errors"]}
            if codes & {"INSUFFICIENT_STOCK"}:
                with self.step.lock:
                    self.step.sold_out += 1
            else:
                with self.step.lock:
                    key = f"{name}: {sorted(c or '' for c in codes)}"
                    self.step.errors[key] = self.step.errors.get(key, 0) + 1
            return None
        return payload

    def act(self) -> None:
        action = self.rng.choices([a for a, _ in MIX], [w for _, w in MIX])[0]
        if action == "browse":
            self.call("ProductList", {"channel": "maroc", "first": 24, "languageCode": "FR",
                                      "after": None})
        elif action == "search":
            self.call("SearchPage", {"channel": self.rng.choice(["maroc", "export"]), "first": 24,
                                     "search": self.rng.choice(SEARCHES), "languageCode": "FR"})
        elif action == "product":
            self.call("ProductDetails", {"slug": self.rng.choice(self.catalog["slugs"]), "channel": "maroc",
                                         "languageCode": "FR"})
        else:
            self.purchase()

    def purchase(self) -> None:
        kind = self.rng.choices(["unique", "small", "plenty"], [3, 3, 4])[0]
        variant = self.rng.choice(self.catalog[kind])
        created = self.payload("CheckoutCreate", {"input": {"channel": "maroc", "email": "load@example.ma",
                                                            "lines": [{"variantId": variant, "quantity": 1}]}})
        if created is None:
            return
        checkout = created["checkout"]["id"]
        if self.payload("CheckoutShippingAddressUpdate", {"id": checkout, "shippingAddress": ADDRESS}) is None:
            return
        billed = self.payload("CheckoutBillingAddressUpdate", {"id": checkout, "billingAddress": ADDRESS})
        if billed is None or not billed["checkout"]["shippingMethods"]:
            return
        method = billed["checkout"]["shippingMethods"][0]["id"]
        if self.payload("CheckoutDeliveryMethodUpdate", {"id": checkout, "deliveryMethodId": method}) is None:
            return
        if self.payload("TransactionInitialize", {"id": checkout, "paymentGateway": {
                "id": "maalem.payments.cash-on-delivery"}}) is None:
            return
        if self.payload("CheckoutComplete", {"id": checkout}) is not None:
            with self.step.lock:
                self.step.orders += 1


def run_step(url: str, concurrency: int, seconds: float, catalog: dict) -> Step:
    step = Step(concurrency)
    stop = time.monotonic() + seconds

    def loop(n: int) -> None:
        buyer = Buyer(url, step, catalog, random.Random(concurrency * 1000 + n))
        while time.monotonic() < stop:
            buyer.act()

    threads = [threading.Thread(target=loop, args=(n,)) for n in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    step.seconds = time.monotonic() - started
    return step


def prepare_pieces() -> dict:
    """The load's own products (listed in maroc, stock as PIECES says) and the demo products' slugs."""
    from django.utils import timezone

    from marketplace.artisans.models import Artisan
    from marketplace.catalog import models as cm
    from marketplace.catalog.services import after_catalog_change
    from marketplace.channels.models import Channel
    from marketplace.core.graphql.ids import to_global_id
    from marketplace.inventory.models import Stock

    channel = Channel.objects.get(slug="maroc")
    artisans = list(Artisan.objects.filter(warehouse__isnull=False, verification_status="VERIFIED").order_by("pk"))
    product_type = cm.ProductType.objects.order_by("pk").first()
    now = timezone.now() - timezone.timedelta(minutes=1)
    catalog: dict = {kind: [] for kind in PIECES}
    for kind, (count, quantity) in PIECES.items():
        for n in range(count):
            artisan = artisans[n % len(artisans)]
            product, _ = cm.Product.objects.get_or_create(slug=f"load-{kind}-{n}", defaults={
                "name": f"Pièce de charge {kind} {n}", "artisan": artisan, "product_type": product_type})
            variant, _ = cm.ProductVariant.objects.get_or_create(product=product, sku=f"LOAD-{kind}-{n}", defaults={
                "weight_kg": Decimal("1.2"), "is_one_of_a_kind": quantity == 1})
            cm.Product.objects.filter(pk=product.pk).update(default_variant=variant)
            cm.ProductChannelListing.objects.update_or_create(product=product, channel=channel, defaults={
                "is_published": True, "currency": "MAD", "published_at": now, "available_for_purchase_at": now,
                "visible_in_listings": True})
            cm.ProductVariantChannelListing.objects.update_or_create(variant=variant, channel=channel, defaults={
                "currency": "MAD", "price_amount": Decimal("650")})
            Stock.objects.update_or_create(warehouse=artisan.warehouse, product_variant=variant,
                                           defaults={"quantity": quantity})
            catalog[kind].append(to_global_id("ProductVariant", variant.pk))
    after_catalog_change(list(cm.Product.objects.filter(slug__startswith="load-").values_list("pk", flat=True)))
    catalog["slugs"] = list(cm.Product.objects.exclude(slug__startswith="load-").values_list("slug", flat=True)[:40])
    catalog["initial"] = {sku: qty for sku, qty in Stock.objects.filter(product_variant__sku__startswith="LOAD-")
                          .values_list("product_variant__sku", "quantity")}
    return catalog


def run_storm(url: str) -> tuple[piece_race.Storm, int]:
    """Issue 12's storm: STORM_BUYERS buyers (50) after STORM_PIECES unique pieces (20) for STORM_SECONDS
    (60). Prints orders, refusals, unexpected answers, units still held by carts afterwards (must be 0) and
    p50/p95 of each step; returns the storm and those held units."""
    buyers, pieces = int(os.environ.get("STORM_BUYERS", "50")), int(os.environ.get("STORM_PIECES", "20"))
    seconds = float(os.environ.get("STORM_SECONDS", "60"))
    made = [piece_race.make_piece(1, prefix="storm") for _ in range(pieces)]
    result = piece_race.storm(url, [gid for gid, _ in made], buyers, seconds)
    held = sum(piece_race.piece_state(pk)["held"] for _, pk in made)
    sold = sum(piece_race.piece_state(pk)["orders"] for _, pk in made)
    refusals = ", ".join(f"{step} {n}" for step, n in sorted(result.refused.items())) or "none"
    print(f"\nunique-piece storm: {buyers} buyers, {pieces} unique pieces, {result.seconds:.0f} s, "
          f"{result.attempts} purchase attempts")
    print(f"  orders {result.orders} (in the database: {sold} of {pieces} pieces sold"
          + (f", the last after {result.sold_out_after:.1f} s" if result.sold_out_after is not None else "") + ")")
    print(f"  refusals (INSUFFICIENT_STOCK) by step: {refusals}")
    print(f"  unexpected answers: {len(result.unexpected)}" + (f", e.g. {result.unexpected[0][:200]}"
                                                              if result.unexpected else ""))
    print(f"  units still held by carts afterwards: {held} (must be 0)")
    for name in piece_race.DOCUMENTS:
        if result.latencies.get(name):
            print(f"  {name:<30} n={len(result.latencies[name]):>6}  p50 {result.percentile(name, 0.5):>6.0f} ms"
                  f"  p95 {result.percentile(name, 0.95):>6.0f} ms")
    return result, held


def start_worker(env: dict, log: Path) -> subprocess.Popen:
    handle = log.open("a")
    process = subprocess.Popen([sys.executable, "-m", "celery", "-A", "marketplace", "worker", "--concurrency", "1",
                                "--loglevel", "WARNING"], cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT,
                               start_new_session=True)
    handle.close()
    return process


def main() -> int:
    steps = [int(n) for n in os.environ.get("LOAD_STEPS", "1,2,4,8,16,32").split(",")]
    seconds = float(os.environ.get("LOAD_SECONDS", "20"))
    folder = Path(tempfile.mkdtemp(prefix="maalem-load-"))
    database_url = os.environ.get("DATABASE_URL")
    pgdata = None
    if not database_url:
        from marketplace.core.embedded_db import ensure_embedded_database

        pgdata = folder / "postgres"
        database_url = ensure_embedded_database(pgdata)  # durable settings (fsync on), as in production
        os.environ["MAALEM_VAR_DIR"] = str(folder / "var")
    stack.django_setup(database_url)
    stack.prepare_catalog()
    catalog = prepare_pieces()
    redis = stack.RedisServer().start() if stack.RedisServer.available() else None
    env = stack.production_env(database_url, REDIS_URL=redis.url if redis else "",
                               EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
                               CHECKOUT_RESERVATION_SECONDS="1200")
    server = stack.ApiServer(env, folder / "api.log", workers=int(os.environ.get("LOAD_WORKERS", "2")),
                             threads=int(os.environ.get("LOAD_THREADS", "4")))
    worker = start_worker(env, folder / "worker.log") if redis else None
    results: list[Step] = []
    try:
        server.start()
        print(f"API {server.url} (gunicorn {server.workers}×{server.threads} threads), "
              f"Redis {'on ' + redis.url if redis else 'absent: in-process cache'}, logs in {folder}")
        print(f"{'users':>5} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
              f"{'errors':>7} {'orders':>7} {'sold out':>8}", flush=True)
        run_step(server.url, 2, min(10.0, seconds), catalog)  # warm-up (imports, caches, connections): not reported
        best, flat = None, 0
        for concurrency in steps:
            step = run_step(server.url, concurrency, seconds, catalog)
            results.append(step)
            print(step.row(), flush=True)
            for message, count in sorted(step.errors.items(), key=lambda kv: -kv[1])[:5]:
                print(f"      error ×{count}: {message}")
            # The knee: two steps in a row that add less than 5 % throughput (only latency grows).
            if best is not None and step.rps < best.rps * 1.05:
                flat += 1
                if flat == 2:
                    print(f"knee: throughput stops growing at {best.concurrency} users ({best.rps:.1f} req/s, "
                          f"p95 {best.percentile(0.95):.0f} ms); at {concurrency} users p95 is "
                          f"{step.percentile(0.95):.0f} ms")
                    break
            else:
                flat = 0
            if best is None or step.rps > best.rps:
                best = step
        storm, stuck = run_storm(server.url) if os.environ.get("STORM_SECONDS", "60") != "0" else (None, 0)
    finally:
        server.stop()
        if worker:
            os.killpg(worker.pid, 15)
            worker.wait(timeout=30)
        if redis:
            redis.stop()
    problems = load_checks.consistency(catalog["initial"])
    unhandled = stack.log_errors(server.log_text())
    print(f"\norders placed: {sum(s.orders for s in results)}, sold-out answers: {sum(s.sold_out for s in results)}")
    print(f"unhandled errors in the API log: {len(unhandled)}")
    for line in unhandled[:5]:
        print("   ", line[:300])
    print("consistency: " + ("OK (nothing oversold; orders, allocations, stock, transactions, ledger agree)"
                             if not problems else f"{len(problems)} problems"))
    for problem in problems[:20]:
        print("   ", problem)
    if pgdata is not None:
        from django.db import connections

        connections.close_all()
        from marketplace.core.embedded_db import stop_embedded_database

        stop_embedded_database(pgdata)
        shutil.rmtree(folder / "postgres", ignore_errors=True)
    storm_failed = storm is not None and (stuck or storm.unexpected or storm.orders > storm.pieces)
    return 1 if problems or storm_failed else 0


if __name__ == "__main__":
    sys.exit(main())
