"""Made-to-order capacity under real concurrent demand (issue 21), through the API under gunicorn (two
processes, production settings): ten verified buyers each hold 5 units of a piece the artisan can make 10
more of; released together by a barrier, they all place their trade order. With 5 in stock, exactly three
orders are placed (5 from stock, then 5 and 5 made to order); for a piece only made to order (no stock row
to lock: the variant's trade terms row is the lock), exactly two. The others are refused with
BEYOND_CAPACITY; stock is never oversold and the production never exceeds the capacity."""

from __future__ import annotations

import sys
import threading
import uuid
from pathlib import Path

import pytest
from committed import in_thread

BENCH = Path(__file__).resolve().parents[3] / "bench"
sys.path.insert(0, str(BENCH))
import proof_stack  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
BUYERS = 10
ORDER = Path(__file__).resolve().parents[3] / "storefront/graphql/marketplace/TradeOrderCreate.graphql"


@pytest.fixture(scope="module")
def api(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.db import connection

    with django_db_blocker.unblock():
        connection.ensure_connection()
        db = connection.connection.info
        url = f"postgresql://{db.user}@/{db.dbname}?host={db.host}&port={db.port}"
        env = proof_stack.production_env(url, EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
                                         REDIS_URL="")
        log = tmp_path_factory.mktemp("trade-race") / "api.log"
        with proof_stack.ApiServer(env, log, workers=2, threads=8) as server:
            yield server
        connection.close()


@pytest.mark.parametrize(("stock", "orders"), [(5, 3), (None, 2)], ids=["with-stock", "made-to-order-only"])
def test_ten_buyers_racing_for_the_last_made_to_order_units(api, stock, orders):
    def setup():
        from django.contrib.auth.hashers import PBKDF2PasswordHasher
        from trade_helpers import BUYER_PASSWORD, make_buyer, make_piece, set_minimums, trade_artisans

        from marketplace.trade import cart_services

        artisan = trade_artisans(3)[2]
        set_minimums(artisan, "10", "10")
        piece = make_piece(artisan, stock=stock, capacity=10, weeks=6)
        buyers = []
        for _ in range(BUYERS):
            user, _account = make_buyer(email=f"race-{uuid.uuid4().hex[:8]}@trade-race.example")
            cart_services.set_lines(user, [{"variant_id": piece.pk, "quantity": 5}])
            # gunicorn runs with the production hashers (the tests' session uses a fast MD5 one); the default
            # iterations, as a lower count would be upgraded at sign-in (which rotates the token key).
            hasher = PBKDF2PasswordHasher()
            user.password = hasher.encode(BUYER_PASSWORD, hasher.salt())
            user.save(update_fields=["password"])
            buyers.append(user.email)
        return piece.pk, buyers, BUYER_PASSWORD

    variant_pk, emails, password = in_thread(setup)
    tokens = [proof_stack.sign_in(api.url, email, password) for email in emails]
    barrier = threading.Barrier(BUYERS)
    results: list[dict] = [{}] * BUYERS
    query = ORDER.read_text(encoding="utf-8")

    def buy(index: int) -> None:
        barrier.wait(timeout=120)
        status, body = proof_stack.post_graphql(api.url, query, {"input": {}}, tokens[index], timeout=120)
        results[index] = {"status": status, "body": body}

    threads = [threading.Thread(target=buy, args=(i,)) for i in range(BUYERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert all(r.get("status") == 200 and not r["body"].get("errors") for r in results), results
    payloads = [r["body"]["data"]["tradeOrderCreate"] for r in results]
    placed = [p for p in payloads if p["tradeOrder"]]
    refused = [p for p in payloads if not p["tradeOrder"]]
    assert len(placed) == orders, payloads
    assert all([e["code"] for e in p["errors"]] == ["BEYOND_CAPACITY"] for p in refused), refused

    def state():
        from django.db.models import Sum

        from marketplace.inventory.models import Stock
        from marketplace.trade.models import ProductionOrder

        row = Stock.objects.filter(product_variant_id=variant_pk).first()
        made = ProductionOrder.objects.filter(variant_id=variant_pk).aggregate(units=Sum("quantity"))["units"]
        return (row.quantity, row.quantity_allocated) if row else None, made

    assert in_thread(state) == ((5, 5) if stock else None, 10)
    assert not proof_stack.log_errors(api.log_text())

    def cleanup():
        from marketplace.accounts.models import User
        from marketplace.catalog.models import Product, ProductVariant
        from marketplace.orders.models import Order

        Order.objects.filter(lines__variant_id=variant_pk).delete()
        Product.objects.filter(pk=ProductVariant.objects.get(pk=variant_pk).product_id).delete()
        User.objects.filter(email__endswith="@trade-race.example").delete()

    in_thread(cleanup)
