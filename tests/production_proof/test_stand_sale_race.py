"""A unique piece sold on a fair's stand while 20 online buyers complete their checkouts for it, all at
once: real HTTP clients behind a barrier, against the API under gunicorn (2 processes) with production
settings. Exactly one sale, whoever wins; the others get a clear INSUFFICIENT_STOCK error. And a stand sale
submitted several times at once with the same idempotency key (a phone retrying on poor data) is one sale."""

from __future__ import annotations

import json
import threading
import uuid

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
BUYERS = 20
ROUNDS = 3
RETRIES = 6

SETUP = """
import sys, datetime as dt, uuid
sys.path.insert(0, {support!r})
from django.utils import timezone
from marketplace.artisans.models import Artisan
from marketplace.core.graphql.ids import to_global_id
from fair_helpers import make_fair, make_piece, MEMBER_PASSWORD
artisan = Artisan.objects.filter(verification_status="VERIFIED", warehouse__isnull=False,
                                 memberships__isnull=False).distinct().order_by("pk").first()
member = artisan.memberships.select_related("user").first().user
member.set_password(MEMBER_PASSWORD); member.save()
today = timezone.localdate()
fair = make_fair(slug="race-" + uuid.uuid4().hex[:6], channels=["maroc", "touristes"],
                 starts=today - dt.timedelta(days=1), ends=today + dt.timedelta(days=1), artisans=[artisan])
pieces = [to_global_id("ProductVariant", make_piece(artisan).pk) for _ in range({count})]
print(json.dumps({{"fair": to_global_id("Fair", fair.pk), "member": member.email, "pieces": pieces}}))
"""
STATE = """
from marketplace.core.graphql.ids import from_global_id
from marketplace.inventory.models import Stock
from marketplace.orders.models import Order
out = []
for gid in {pieces!r}:
    pk = int(from_global_id(gid)[1])
    stock = Stock.objects.get(product_variant_id=pk)
    out.append([Order.objects.filter(lines__variant_id=pk).count(), stock.quantity, stock.quantity_allocated])
print(json.dumps(out))
"""


def _stand_sale(stack, url, token, fair, piece, key):
    return stack.post_graphql(url, stack.document("FairStandSaleCreate"), {"input": {
        "fair": fair, "variant": piece, "idempotencyKey": key, "payment": "CASH"}}, token, timeout=120)


def _at_once(jobs):
    """Run the callables on threads released together by a barrier; their results in order."""
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def run(index, job):
        barrier.wait()
        results[index] = job()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return results


def test_one_stand_sale_and_twenty_online_buyers_at_once_sell_the_piece_once(fault_cluster, stack, in_cluster,
                                                                            tmp_path):
    support = str(stack.ROOT / "tests" / "support")
    world = in_cluster(SETUP.format(support=support, count=ROUNDS + 1))
    env = stack.production_env(fault_cluster.url, CHECKOUT_RESERVATION_SECONDS="0")
    with stack.ApiServer(env, tmp_path / "api.log", workers=2, threads=12) as api:
        token = stack.sign_in(api.url, world["member"], "demo-artisan-2026")
        winners = []
        complete = stack.document("CheckoutComplete")
        for piece in world["pieces"][:ROUNDS]:
            # Every buyer's checkout is ready to complete (cash on delivery); no hold on the piece.
            checkouts = [stack.checkout_ready_to_complete(api.url, piece) for _ in range(BUYERS)]
            jobs = [lambda piece=piece: _stand_sale(stack, api.url, token, world["fair"], piece, str(uuid.uuid4()))]
            jobs += [lambda c=c: stack.post_graphql(api.url, complete, {"id": c}, timeout=120) for c in checkouts]
            results = _at_once(jobs)
            assert all(status == 200 and not body.get("errors") for status, body in results), results
            payloads = [next(iter(body["data"].values())) for _, body in results]
            sold = [i for i, p in enumerate(payloads) if not p["errors"]]
            assert len(sold) == 1, payloads
            refused = [p["errors"][0]["code"] for i, p in enumerate(payloads) if i not in sold]
            assert refused == ["INSUFFICIENT_STOCK"] * BUYERS
            winners.append("stand" if sold == [0] else "online")
        # Retries of one stand sale, all at once with the same key: one sale, the same order for all.
        key, piece = str(uuid.uuid4()), world["pieces"][ROUNDS]
        results = _at_once([lambda: _stand_sale(stack, api.url, token, world["fair"], piece, key)] * RETRIES)
        payloads = [body["data"]["fairStandSaleCreate"] for _, body in results]
        assert all(not p["errors"] for p in payloads), payloads
        assert len({p["order"]["number"] for p in payloads}) == 1
        assert sorted(p["replayed"] for p in payloads) == [False] + [True] * (RETRIES - 1)
        assert not stack.log_errors(api.log_text())
    state = in_cluster(STATE.format(pieces=world["pieces"]))
    assert state == [[1, 1, 1]] * (ROUNDS + 1)  # one order per piece; its one unit allocated once
    print("winners:", json.dumps(winners))
