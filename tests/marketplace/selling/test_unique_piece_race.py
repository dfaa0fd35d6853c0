"""Unique pieces under real concurrent demand (issue 12), through the API under gunicorn (two processes,
production settings) on the session's PostgreSQL database.

N buyers, each with its own HTTP session and its own cart, are released together by a barrier at every
step: checkoutCreate (with the piece, or empty and then checkoutLinesAdd), the delivery step, payment and
checkoutComplete (bench/piece_race.py). A piece of stock k must give exactly min(k, N) orders, every other
buyer a clear INSUFFICIENT_STOCK, and no unit may stay held by a cart afterwards. The same checkout
completed by ten callers at once gives one order, which every caller gets.

bench/unique_piece_race.py runs the same race 10 rounds per case and prints the issue's table;
RACE_ROUNDS here repeats each case (1 by default, to keep the suite's time)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from committed import in_thread

BENCH = Path(__file__).resolve().parents[3] / "bench"
sys.path.insert(0, str(BENCH))
import piece_race  # noqa: E402
import proof_stack  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.django_db]  # the mark makes pytest-django create the test database
ROUNDS = int(os.environ.get("RACE_ROUNDS", "1"))
PREFIX = "race-test"
# (units of the piece, buyers, where the piece enters the cart)
CASES = [(1, 50, "create"), (1, 50, "add"), (5, 20, "create"), (5, 20, "add"), (3, 3, "add")]


@pytest.fixture(scope="module")
def api(django_db_setup, django_db_blocker, tmp_path_factory):
    """gunicorn on the session's test database (committed data, like a real deployment)."""
    from django.db import connection

    with django_db_blocker.unblock():
        connection.ensure_connection()
        db = connection.connection.info  # the session's test database, wherever DATABASE_URL put it
        url = f"postgresql://{db.user}@/{db.dbname}?host={db.host}&port={db.port}"
        env = proof_stack.production_env(url, EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
                                         CHECKOUT_RESERVATION_SECONDS="1200", REDIS_URL="")
        log = tmp_path_factory.mktemp("race") / "api.log"
        try:
            with proof_stack.ApiServer(env, log, workers=2, threads=8) as server:
                yield server
        finally:
            in_thread(lambda: piece_race.delete_pieces(PREFIX))
            connection.close()


@pytest.mark.parametrize(("stock", "buyers", "race_at"), CASES, ids=[f"k{k}-n{n}-{at}" for k, n, at in CASES])
def test_a_piece_of_stock_k_sells_exactly_k_times_to_n_buyers_racing_from_an_empty_cart(api, stock, buyers, race_at):
    for _ in range(ROUNDS):
        variant_id, variant_pk = in_thread(lambda: piece_race.make_piece(stock, prefix=PREFIX))
        outcomes = piece_race.race(api.url, variant_id, buyers, race_at=race_at)
        state = in_thread(lambda pk=variant_pk: piece_race.piece_state(pk))
        problems = piece_race.verdict(outcomes, stock, state)
        assert problems == [], (problems, [o for o in outcomes if o.unexpected][:3])
        refusals = [o for o in outcomes if o.refused_at]
        # Refused where the piece enters the cart: the carts that got a unit are exactly those that buy it.
        assert {o.refused_at for o in refusals} <= {"CheckoutCreate" if race_at == "create" else "CheckoutLinesAdd"}
        assert all("remaining in stock" in o.message for o in refusals)
    assert not proof_stack.log_errors(api.log_text())


def test_the_same_checkout_completed_by_ten_callers_at_once_gives_one_order_to_each(api):
    variant_id, variant_pk = in_thread(lambda: piece_race.make_piece(1, prefix=PREFIX))
    checkout = proof_stack.checkout_ready_to_complete(api.url, variant_id)
    outcomes = piece_race.complete_together(api.url, checkout, 10)
    unexpected = [o.unexpected for o in outcomes if o.unexpected]
    assert unexpected == [], f"{len(unexpected)} of 10 callers: {unexpected[0]}"
    numbers = {o.order for o in outcomes}
    assert len(numbers) == 1 and None not in numbers, outcomes
    assert in_thread(lambda: piece_race.piece_state(variant_pk)) == {"quantity": 1, "allocated": 1, "held": 0,
                                                                       "orders": 1}
