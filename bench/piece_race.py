"""Buyers racing for the same piece over HTTP, as new users would (issue 12).

Each buyer has its own HTTP session and its own cart; a barrier releases all of them together at every
step: checkoutCreate (with the piece, or empty and then checkoutLinesAdd), the delivery step, payment
(cash on delivery) and checkoutComplete, against the API under gunicorn. A buyer refused with
INSUFFICIENT_STOCK stops acting but keeps meeting the barriers, so the others stay in step.

Used by tests/marketplace/selling/test_unique_piece_race.py (a few rounds), bench/unique_piece_race.py
(10 rounds of each (stock, buyers) pair, the issue's table) and bench/load_run.py (the storm step).
Not a benchmark itself (run_all.py runs only *_bench.py)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = {name: (ROOT / f"storefront/graphql/saleor/{name}.graphql").read_text(encoding="utf-8") for name in (
    "CheckoutCreate", "CheckoutLinesAdd", "CheckoutDeliveryMethodUpdate", "TransactionInitialize",
    "CheckoutComplete")}
ADDRESS = {"firstName": "Salma", "lastName": "Bennani", "streetAddress1": "12 rue Ibn Sina", "city": "Casablanca",
           "postalCode": "20000", "country": "MA", "phone": "+212612345678"}
COD = "maalem.payments.cash-on-delivery"
SOLD_OUT = "INSUFFICIENT_STOCK"
RACE_AT = ("create", "add")  # where the piece enters the cart: in checkoutCreate, or by checkoutLinesAdd


@dataclass
class Outcome:
    """One buyer's round: an order, a refusal (at which step, with which message), or something unexpected."""

    order: int | None = None
    refused_at: str | None = None
    message: str = ""
    unexpected: str | None = None
    latencies: dict[str, float] = field(default_factory=dict)


class Buyer:
    """One buyer's HTTP session against `url` (the API's origin)."""

    def __init__(self, url: str, *, token: str | None = None, timeout: float = 120):
        import requests

        self.url, self.timeout = url, timeout
        self.session = requests.Session()
        # A new connection per step: between two steps a buyer waits at the barrier, longer than the server's
        # keep-alive under load, and a POST sent on a connection the server is closing is reset (not retried).
        self.session.headers["Connection"] = "close"
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def call(self, name: str, variables: dict, outcome: Outcome) -> dict | None:
        """The mutation's payload when it succeeds; None after recording a refusal or an unexpected answer."""
        started = time.perf_counter()
        try:
            response = self.session.post(f"{self.url}/graphql/", json={"query": DOCUMENTS[name],
                                                                       "variables": variables}, timeout=self.timeout)
            body = response.json() if response.status_code == 200 else {}
        except Exception as error:  # a refused connection or a timeout is a finding, not a crash
            outcome.unexpected = f"{name}: {error.__class__.__name__}: {error}"
            return None
        finally:
            outcome.latencies[name] = time.perf_counter() - started
        if response.status_code != 200 or body.get("errors"):
            outcome.unexpected = f"{name}: HTTP {response.status_code} {body.get('errors') or response.text[:200]}"
            return None
        payload = next(iter(body["data"].values()))
        errors = payload.get("errors") or []
        if errors and {e.get("code") for e in errors} == {SOLD_OUT}:
            outcome.refused_at, outcome.message = name, errors[0].get("message", "")
            return None
        if errors:
            outcome.unexpected = f"{name}: {errors}"
            return None
        return payload


def buy(buyer: Buyer, variant_id: str, *, channel: str = "maroc", email: str = "racer@example.ma",
        race_at: str = "create", sync: Any = lambda: None) -> Outcome:
    """One buyer's way from an empty cart to an order; `sync()` is called before each step (the barrier)."""
    outcome = Outcome()
    line = [{"variantId": variant_id, "quantity": 1}]
    active = True

    def step(name: str, variables: dict) -> dict | None:
        nonlocal active
        sync()
        if not active:
            return None
        payload = buyer.call(name, variables, outcome)
        active = payload is not None
        return payload

    created = step("CheckoutCreate", {"input": {
        "channel": channel, "email": email, "lines": line if race_at == "create" else [],
        "shippingAddress": ADDRESS, "billingAddress": ADDRESS}})
    checkout = created and created["checkout"]
    if race_at == "add":
        added = step("CheckoutLinesAdd", {"id": checkout and checkout["id"], "lines": line})
        checkout = added and added["checkout"]
    methods = (checkout or {}).get("shippingMethods") or [{}]
    if active and not methods[0]:
        outcome.unexpected, active = "no shipping method for the address", False
    step("CheckoutDeliveryMethodUpdate", {"id": checkout and checkout["id"], "deliveryMethodId": methods[0].get("id")})
    step("TransactionInitialize", {"id": checkout and checkout["id"], "paymentGateway": {"id": COD}})
    completed = step("CheckoutComplete", {"id": checkout and checkout["id"]})
    if completed is not None:
        if completed.get("order"):
            outcome.order = completed["order"]["number"]
        else:
            outcome.unexpected = f"CheckoutComplete without an order: {completed}"
    return outcome


def in_threads(target: Any, count: int) -> None:
    """target(0) … target(count - 1), each on a thread of its own; returns when all have finished."""
    threads = [threading.Thread(target=target, args=(n,), name=f"buyer-{n}") for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def race(url: str, variant_id: str, buyers: int, *, race_at: str = "create", channel: str = "maroc",
         timeout: float = 300) -> list[Outcome]:
    """`buyers` threads, each a new buyer with its own session and cart, released together at every step."""
    barrier = threading.Barrier(buyers)
    outcomes: list[Outcome | None] = [None] * buyers
    sessions = [Buyer(url) for _ in range(buyers)]

    def run(n: int) -> None:
        def sync() -> None:
            barrier.wait(timeout=timeout)

        try:
            outcomes[n] = buy(sessions[n], variant_id, channel=channel, email=f"racer{n}@example.ma",
                              race_at=race_at, sync=sync)
        except threading.BrokenBarrierError:
            outcomes[n] = Outcome(unexpected="the barrier broke (another buyer failed or timed out)")
        except Exception as error:
            outcomes[n] = Outcome(unexpected=f"{error.__class__.__name__}: {error}")
            barrier.abort()

    in_threads(run, buyers)
    return [o or Outcome(unexpected="no outcome") for o in outcomes]


def complete_together(url: str, checkout_id: str, callers: int, *, token: str | None = None,
                      timeout: float = 120) -> list[Outcome]:
    """The same checkout completed by `callers` at once (a double click, a retrying client)."""
    barrier = threading.Barrier(callers)
    outcomes = [Outcome() for _ in range(callers)]
    sessions = [Buyer(url, token=token) for _ in range(callers)]

    def run(n: int) -> None:
        barrier.wait(timeout=timeout)
        payload = sessions[n].call("CheckoutComplete", {"id": checkout_id}, outcomes[n])
        if payload is not None:
            outcomes[n].order = (payload.get("order") or {}).get("number")

    in_threads(run, callers)
    return outcomes


# --- pieces and their state (Django set up on the same database as the API) ----------------------------

def make_piece(quantity: int, *, prefix: str = "race", price_mad: str = "900",
               channel: str = "maroc") -> tuple[str, int]:
    """A published piece with `quantity` units in one artisan's workshop, listed in `channel`: (the
    variant's global ID, its pk). Written with autocommit, so the API's processes see it at once."""
    import uuid

    from django.utils import timezone

    from marketplace.artisans.models import Artisan
    from marketplace.catalog import models as cm
    from marketplace.catalog.services import after_catalog_change
    from marketplace.channels.models import Channel
    from marketplace.core.graphql.ids import to_global_id
    from marketplace.inventory import services as inventory

    listed_in = Channel.objects.get(slug=channel)
    artisan = Artisan.objects.filter(warehouse__isnull=False, verification_status="VERIFIED").order_by("pk").first()
    product_type = cm.ProductType.objects.order_by("pk").first()
    now = timezone.now() - timezone.timedelta(minutes=1)
    tag = uuid.uuid4().hex[:10]
    product = cm.Product.objects.create(name=f"Pièce disputée {tag}", slug=f"{prefix}-{tag}", artisan=artisan,
                                        product_type=product_type)
    variant = cm.ProductVariant.objects.create(product=product, sku=f"{prefix.upper()}-{tag}",
                                               is_one_of_a_kind=quantity == 1, weight_kg=Decimal("1.5"))
    cm.Product.objects.filter(pk=product.pk).update(default_variant=variant)
    cm.ProductChannelListing.objects.create(product=product, channel=listed_in, is_published=True,
                                            currency=listed_in.currency_code, published_at=now,
                                            available_for_purchase_at=now, visible_in_listings=True)
    cm.ProductVariantChannelListing.objects.create(variant=variant, channel=listed_in, currency=listed_in.currency_code,
                                                   price_amount=Decimal(price_mad))
    inventory.create_stocks([(artisan.warehouse.pk, variant.pk, quantity)])
    after_catalog_change([product.pk])
    return to_global_id("ProductVariant", variant.pk), variant.pk


def piece_state(variant_pk: int) -> dict[str, int]:
    """Units, sold, orders, and units still held by carts (unexpired holds), read from the database."""
    from django.db.models import Sum
    from django.utils import timezone

    from marketplace.inventory.models import Reservation, Stock
    from marketplace.orders.models import OrderLine

    stock = Stock.objects.filter(product_variant_id=variant_pk).aggregate(q=Sum("quantity"),
                                                                          a=Sum("quantity_allocated"))
    held = Reservation.objects.filter(stock__product_variant_id=variant_pk, reserved_until__gt=timezone.now()
                                      ).aggregate(n=Sum("quantity_reserved"))["n"] or 0
    orders = OrderLine.objects.filter(variant_id=variant_pk).values("order_id").distinct().count()
    return {"quantity": stock["q"] or 0, "allocated": stock["a"] or 0, "held": held, "orders": orders}


def delete_pieces(prefix: str) -> None:
    """The pieces made with `prefix`, their orders and ledger entries (test money, not an artisan's)."""
    from marketplace.catalog.models import Product
    from marketplace.checkout.models import Checkout
    from marketplace.orders.models import Order
    from marketplace.payouts.models import LedgerEntry

    products = Product.objects.filter(slug__startswith=f"{prefix}-")
    orders = Order.objects.filter(lines__variant__product__in=products).distinct()
    LedgerEntry.objects.filter(order_line__order__in=orders).delete()
    Order.objects.filter(pk__in=list(orders.values_list("pk", flat=True))).delete()
    Checkout.objects.filter(lines__variant__product__in=products).delete()
    products.delete()


def verdict(outcomes: list[Outcome], stock: int, state: dict[str, int]) -> list[str]:
    """What is wrong with a round (empty: it passed): exactly min(stock, buyers) orders, every other buyer
    refused with INSUFFICIENT_STOCK, nothing unexpected, no unit left held, allocations = orders."""
    problems = []
    expected = min(stock, len(outcomes))
    orders = [o for o in outcomes if o.order]
    refused = [o for o in outcomes if o.refused_at]
    unexpected = [o.unexpected for o in outcomes if o.unexpected]
    if len(orders) != expected:
        problems.append(f"{len(orders)} orders, expected {expected}")
    if len(refused) != len(outcomes) - expected:
        problems.append(f"{len(refused)} buyers refused, expected {len(outcomes) - expected}")
    if unexpected:
        problems.append(f"{len(unexpected)} unexpected answers, e.g. {unexpected[0][:300]}")
    if state["held"]:
        problems.append(f"{state['held']} units still held by carts")
    if state["allocated"] != len(orders) or state["orders"] != len(orders):
        problems.append(f"{state['allocated']} units allocated and {state['orders']} orders in the database for "
                        f"{len(orders)} orders answered")
    return problems


# --- the storm: many buyers, a handful of unique pieces, for a while (bench/load_run.py) -----------------

@dataclass
class Storm:
    buyers: int
    pieces: int
    seconds: float = 0
    attempts: int = 0
    orders: int = 0
    refused: dict[str, int] = field(default_factory=dict)  # step → INSUFFICIENT_STOCK answers
    unexpected: list[str] = field(default_factory=list)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    sold_out_after: float | None = None  # seconds until the last piece was sold
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, outcome: Outcome, elapsed: float) -> None:
        with self.lock:
            self.attempts += 1
            if outcome.order:
                self.orders += 1
                if self.orders == self.pieces:
                    self.sold_out_after = elapsed
            if outcome.refused_at:
                self.refused[outcome.refused_at] = self.refused.get(outcome.refused_at, 0) + 1
            if outcome.unexpected:
                self.unexpected.append(outcome.unexpected)
            for name, seconds in outcome.latencies.items():
                self.latencies.setdefault(name, []).append(seconds)

    def percentile(self, name: str, share: float) -> float:
        ordered = sorted(self.latencies.get(name) or [])
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else 0


def storm(url: str, variant_ids: list[str], buyers: int, seconds: float, *, seed: int = 12) -> Storm:
    """`buyers` threads, each a stream of new buyers (a new session and cart each time), going for a random
    piece among `variant_ids` from checkoutCreate to checkoutComplete, for `seconds`: no barrier, a storm."""
    import random

    result = Storm(buyers, len(variant_ids))
    started = time.monotonic()
    stop = started + seconds

    def loop(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        while time.monotonic() < stop:
            outcome = buy(Buyer(url), rng.choice(variant_ids), email=f"storm{n}@example.ma",
                          race_at=rng.choice(RACE_AT))
            result.record(outcome, time.monotonic() - started)

    in_threads(loop, buyers)
    result.seconds = time.monotonic() - started
    return result
