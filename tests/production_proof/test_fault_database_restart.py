"""PostgreSQL restarts while buyers complete their checkouts (the API under gunicorn, production settings,
on a cluster of its own): each checkout ends with exactly one order, whether its completion went through
before the restart or was retried after it; nothing is charged or allocated twice, and the API serves again
without being restarted."""

from __future__ import annotations

import threading
import time

import pytest

from marketplace.core.embedded_db import ensure_embedded_database, stop_embedded_database

pytestmark = [pytest.mark.slow, pytest.mark.django_db]  # the session's database (copied) must exist
COMPLETE = "mutation($id: ID!) { checkoutComplete(id: $id) { order { id number token } errors { code message } } }"


def complete_until_done(stack, url: str, checkout: str, deadline: float, attempts: list) -> dict | None:
    """What a storefront does when a request fails: try again (same checkout) until an order comes back."""
    while time.monotonic() < deadline:
        try:
            status, body = stack.post_graphql(url, COMPLETE, {"id": checkout}, timeout=20)
        except OSError as error:  # the API itself may drop the connection while the database is away
            status, body = 0, {"errors": [{"message": str(error)}]}
        attempts.append((checkout, status, bool(body.get("errors"))))
        result = ((body.get("data") or {}).get("checkoutComplete") or {})
        if status == 200 and result.get("order"):
            return result["order"]
        if result.get("errors") and {e["code"] for e in result["errors"]} - {"GRAPHQL_ERROR", None}:
            return {"errors": result["errors"]}  # a business answer: final
        time.sleep(0.3)
    return None


def test_checkouts_completed_across_a_database_restart_give_one_order_each(fault_cluster, stack, in_cluster,
                                                                            tmp_path):
    gids = in_cluster(
        "from marketplace.catalog.models import ProductVariant\n"
        "from marketplace.core.graphql.ids import to_global_id\n"
        f"print(json.dumps([to_global_id('ProductVariant', v.pk) for v in "
        f"ProductVariant.objects.filter(sku__in={fault_cluster.skus!r}).order_by('sku')]))")
    env = stack.production_env(fault_cluster.url, EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
    with stack.ApiServer(env, tmp_path / "api.log", workers=2, threads=4) as api:
        checkouts = [stack.checkout_ready_to_complete(api.url, gid) for gid in gids]
        before = complete_until_done(stack, api.url, checkouts[0], time.monotonic() + 30, [])
        assert before and before.get("number"), before

        results: dict[str, dict | None] = {}
        attempts: list = []
        deadline = time.monotonic() + 90
        start = threading.Barrier(len(checkouts))

        def buyer(checkout: str) -> None:
            start.wait()
            results[checkout] = complete_until_done(stack, api.url, checkout, deadline, attempts)

        threads = [threading.Thread(target=buyer, args=(c,)) for c in checkouts[1:]]
        for thread in threads:
            thread.start()
        start.wait()
        time.sleep(0.05)  # completions are in flight: the database goes away under them
        stop_embedded_database(fault_cluster.pgdata)
        time.sleep(2)
        ensure_embedded_database(fault_cluster.pgdata, fast_unsafe=True)
        for thread in threads:
            thread.join()

        # A buyer's retry of a completion that went through returns the same order (Saleor does).
        again = complete_until_done(stack, api.url, checkouts[0], time.monotonic() + 30, [])
        assert again["number"] == before["number"]
        # Serving again, on the same gunicorn processes: consecutive requests all succeed.
        for _ in range(10):
            status, body = stack.post_graphql(api.url, '{ shop { name } channel(slug: "maroc") { slug } }')
            assert status == 200 and not body.get("errors"), body

    assert all(results[c] and results[c].get("number") for c in checkouts[1:]), results
    numbers = [results[c]["number"] for c in checkouts[1:]] + [before["number"]]
    assert len(set(numbers)) == len(checkouts)

    orders = in_cluster(
        "from django.db.models import Count\n"
        "from marketplace.orders.models import Order\n"
        "from marketplace.payments.models import TransactionItem\n"
        "from marketplace.checkout.models import Checkout\n"
        "rows = list(Order.objects.filter(lines__product_sku__startswith='FAULT-').values('number', 'checkout_token')"
        ".annotate(lines=Count('lines'), transactions=Count('transactions', distinct=True)))\n"
        "left = Checkout.objects.filter(lines__variant__sku__startswith='FAULT-').count()\n"
        "print(json.dumps({'orders': rows, 'checkouts_left': left}, default=str))")
    assert len(orders["orders"]) == len(checkouts)  # one order per checkout, none twice
    assert len({o["checkout_token"] for o in orders["orders"]}) == len(checkouts)
    assert all(o["lines"] == 1 and o["transactions"] == 1 for o in orders["orders"]), orders
    assert orders["checkouts_left"] == 0
    problems = in_cluster("import load_checks\nprint(json.dumps(load_checks.consistency("
                          f"{ {sku: 1 for sku in fault_cluster.skus}!r})))")
    assert problems == []


def test_after_a_database_restart_the_first_requests_already_succeed(fault_cluster, stack, tmp_path):
    """Persistent connections (DB_CONN_MAX_AGE) die with the server: each is checked before reuse, so the
    first request of every gunicorn thread after the restart is served, not answered INTERNAL_ERROR."""
    import psycopg

    query = '# request %d: a fresh body each time, never a cached answer\n{ channel(slug: "maroc") { slug } }'

    def burst(url: str, start: int) -> list[tuple[int, dict]]:
        out: list = []
        threads = [threading.Thread(target=lambda n=n: out.append(stack.post_graphql(url, query % (start + n))))
                   for n in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return out

    with stack.ApiServer(stack.production_env(fault_cluster.url), tmp_path / "api.log", workers=2, threads=4) as api:
        assert all(status == 200 and not body.get("errors") for status, body in burst(api.url, 0))
        stop_embedded_database(fault_cluster.pgdata)
        ensure_embedded_database(fault_cluster.pgdata, fast_unsafe=True)
        psycopg.connect(fault_cluster.url).close()  # the server accepts connections again
        for round_ in range(2):
            answers = burst(api.url, 100 * (round_ + 1))
            failed = [body for status, body in answers if status != 200 or body.get("errors")]
            assert failed == [], failed[:2]


def test_while_the_database_is_down_the_api_answers_503_and_recovers(fault_cluster, stack, tmp_path):
    """An outage is not a bug: 503 with SERVICE_UNAVAILABLE (clients retry), never a 500 or INTERNAL_ERROR."""
    import psycopg

    query = '# down %d\n{ channel(slug: "maroc") { slug } products(channel: "maroc", first: 2) { totalCount } }'
    with stack.ApiServer(stack.production_env(fault_cluster.url), tmp_path / "api.log", workers=1, threads=2) as api:
        assert stack.post_graphql(api.url, query % 0)[0] == 200
        stop_embedded_database(fault_cluster.pgdata)
        try:
            for n in range(1, 4):
                status, body = stack.post_graphql(api.url, query % n)
                assert status == 503, (status, body)
                assert body["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
        finally:
            ensure_embedded_database(fault_cluster.pgdata, fast_unsafe=True)
        psycopg.connect(fault_cluster.url).close()
        status, body = stack.post_graphql(api.url, query % 9)
        assert status == 200 and not body.get("errors"), body
