"""kill -9 of the Celery worker in the middle of the periodic payout batches: the batch being written is
rolled back whole, the one already committed stays, and re-running the task (beat's next period) batches
what is left once: no ledger entry lands in two batches, nothing is paid twice."""

from __future__ import annotations

import time

import psycopg
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

OWED = """
from decimal import Decimal
from django.db import connection
from marketplace.artisans.models import Artisan
from marketplace.channels.models import Channel
from marketplace.orders.models import Fulfillment, Order, OrderLine
from marketplace.payouts.services import record_sales
from marketplace.payouts.models import LedgerEntry
artisans = list(Artisan.objects.filter(warehouse__isnull=False).order_by('pk')[:3])
for currency, slug in (('EUR', 'export'), ('MAD', 'maroc')):
    for n, artisan in enumerate(artisans):
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval('orders_order_number_seq')")
            number = cursor.fetchone()[0]
        price = Decimal('300.00') + n
        order = Order.objects.create(number=number, channel=Channel.objects.get(slug=slug), currency=currency,
            user_email='payout@example.ma', payment_method='COD', subtotal_gross=price, subtotal_net=price,
            total_gross=price, total_net=price, total_charged=price)
        f = Fulfillment.objects.create(order=order, artisan=artisan, fulfillment_order=1, stage='SHIPPED')
        OrderLine.objects.create(order=order, fulfillment=f, artisan=artisan, product_name='Plat', quantity=1,
            currency=currency, unit_price_gross=price, unit_price_net=price, total_price_gross=price,
            total_price_net=price)
        record_sales(order)
print(json.dumps(list(LedgerEntry.objects.filter(batch__isnull=True, order_line__order__user_email='payout@example.ma')
                      .values_list('pk', 'currency'))))
"""
STATE = """
from django.db.models import Count, Sum
from marketplace.payouts.models import LedgerEntry, PayoutBatch
entries = LedgerEntry.objects.filter(order_line__order__user_email='payout@example.ma')
print(json.dumps({
    'batches': list(PayoutBatch.objects.filter(entries__in=entries).distinct().values_list('currency', flat=True)
                    .order_by('currency')),
    'unbatched': list(entries.filter(batch__isnull=True).values_list('currency', flat=True).order_by('currency')),
    'per_batch': {c: str(n) for c, n in PayoutBatch.objects.filter(entries__in=entries).values_list('currency')
                  .annotate(n=Sum('entries__net'))},
    'owed': {c: str(n) for c, n in entries.values_list('currency').annotate(n=Sum('net'))},
}))
"""


def test_killing_the_worker_mid_batch_then_rerunning_pays_each_entry_once(fault_cluster, stack, in_cluster, tmp_path):
    if not stack.RedisServer.available():
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    entries = in_cluster(OWED)
    mad = [pk for pk, currency in entries if currency == "MAD"]
    redis = stack.RedisServer().start()
    env = stack.production_env(fault_cluster.url, REDIS_URL=redis.url)
    send = ("from marketplace.payouts.tasks import create_scheduled_batches_task\n"
            "create_scheduled_batches_task.delay()\nprint('null')")
    try:
        worker = stack.CeleryWorker(env, tmp_path / "worker.log").start()
        # Another transaction holds one MAD entry: the worker commits the EUR batch, then waits inside the
        # MAD one, where it is killed.
        with psycopg.connect(fault_cluster.url, autocommit=False) as holder:
            holder.execute("SELECT id FROM payouts_ledgerentry WHERE id = %s FOR UPDATE", [mad[0]])
            in_cluster_env(stack, fault_cluster, env, send)
            assert wait_for_lock_wait(fault_cluster.url), worker.log_text()[-2000:]
            worker.kill()
            holder.rollback()
        killed = in_cluster(STATE)
        assert killed["batches"] == ["EUR"] and killed["unbatched"] == ["MAD"] * len(mad), killed

        worker = stack.CeleryWorker(env, tmp_path / "worker2.log").start()
        in_cluster_env(stack, fault_cluster, env, send)  # beat's next period
        assert worker.wait_for("succeeded", 60), worker.log_text()[-2000:]
        in_cluster_env(stack, fault_cluster, env, send)  # and the one after: nothing is left to batch
        time.sleep(1)
        assert worker.log_text().count("succeeded") == 2, worker.log_text()[-2000:]
        worker.kill()
    finally:
        redis.stop()
    final = in_cluster(STATE)
    assert final["batches"] == ["EUR", "MAD"] and final["unbatched"] == [], final
    assert final["per_batch"] == final["owed"]  # each entry once, in one batch of its currency


def in_cluster_env(stack, fault_cluster, env: dict, code: str) -> None:
    import subprocess

    prelude = "import os, django; django.setup()\n"
    result = subprocess.run([stack.PYTHON, "-c", prelude + code], cwd=stack.ROOT, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]


def wait_for_lock_wait(url: str, timeout: float = 30) -> bool:
    """Whether a session of the database comes to wait on a row lock (the worker, inside its batch)."""
    deadline = time.monotonic() + timeout
    with psycopg.connect(url, autocommit=True) as watcher:
        while time.monotonic() < deadline:
            waiting = watcher.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                      "AND datname = current_database()").fetchone()[0]
            if waiting:
                return True
            time.sleep(0.1)
    return False
