"""Back-office tabs (or a double click) mark the same payout batch paid at once, against the API under
gunicorn (two processes): one succeeds, the others are told it is already paid, and the batch keeps the
first payment's reference: a payout is recorded once."""

from __future__ import annotations

import threading

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
MARK_PAID = """mutation($id: ID!, $reference: String) {
  payoutBatchMarkPaid(id: $id, reference: $reference) { batch { status reference } errors { code message } } }"""
TABS = 8
ROUNDS = 5


def test_marking_a_batch_paid_several_times_at_once_records_one_payment(fault_cluster, stack, in_cluster, tmp_path):
    batches = in_cluster("from marketplace.payouts.models import PayoutBatch\n"
                         "from marketplace.core.graphql.ids import to_global_id\n"
                         f"print(json.dumps([to_global_id('PayoutBatch', PayoutBatch.objects.create(currency='MAD').pk)"
                         f" for _ in range({ROUNDS})]))")
    with stack.ApiServer(stack.production_env(fault_cluster.url), tmp_path / "api.log", workers=2, threads=4) as api:
        token = stack.sign_in(api.url, *stack.DEMO_LOGINS["admin"])
        for gid in batches:
            results: list[dict] = []
            barrier = threading.Barrier(TABS)

            def tab(n: int, gid: str = gid, results: list = results, barrier: threading.Barrier = barrier) -> None:
                barrier.wait()
                status, body = stack.post_graphql(api.url, MARK_PAID, {"id": gid, "reference": f"VIR-{n}"}, token)
                assert status == 200 and not body.get("errors"), body
                results.append(body["data"]["payoutBatchMarkPaid"])

            threads = [threading.Thread(target=tab, args=(n,)) for n in range(TABS)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            succeeded = [r for r in results if not r["errors"]]
            assert len(results) == TABS and len(succeeded) == 1, results
            assert all(r["errors"][0]["message"] == "This batch is already paid." for r in results if r["errors"])
    stored = in_cluster("from marketplace.payouts.models import PayoutBatch\n"
                        "from marketplace.core.graphql.ids import from_global_id\n"
                        f"print(json.dumps([PayoutBatch.objects.get(pk=from_global_id(g)[1]).status "
                        f"for g in {batches!r}]))")
    assert stored == ["PAID"] * ROUNDS
