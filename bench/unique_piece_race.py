"""The issue-12 table, measured: pieces of stock k bought by N buyers at once, each with its own HTTP
session and cart, released together by a barrier at every step (bench/piece_race.py), through the API
under gunicorn (production settings) on PostgreSQL. 10 rounds of each (k, N); every round must give
exactly min(k, N) orders, N - k clear INSUFFICIENT_STOCK refusals and no unit left held.

    .venv/bin/python bench/unique_piece_race.py          (own database in a temporary folder)
    RACE_CASES=1x50,5x20,3x3 RACE_ROUNDS=10 RACE_AT=create,add DATABASE_URL=... \\
        .venv/bin/python bench/unique_piece_race.py

Prints one row per round and a summary per case; exits 1 when a round fails."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import piece_race  # noqa: E402
import proof_stack as stack  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else 0


def main() -> int:
    cases = [tuple(int(n) for n in case.split("x"))
             for case in os.environ.get("RACE_CASES", "1x50,5x20,3x3").split(",")]
    rounds = int(os.environ.get("RACE_ROUNDS", "10"))
    modes = os.environ.get("RACE_AT", "create,add").split(",")
    folder = Path(tempfile.mkdtemp(prefix="maalem-race-"))
    database_url, pgdata = os.environ.get("DATABASE_URL"), None
    if not database_url:
        from marketplace.core.embedded_db import ensure_embedded_database

        pgdata = folder / "postgres"
        database_url = ensure_embedded_database(pgdata)
        os.environ["MAALEM_VAR_DIR"] = str(folder / "var")
    stack.django_setup(database_url)
    stack.prepare_catalog()
    env = stack.production_env(database_url, EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
                               CHECKOUT_RESERVATION_SECONDS="1200", REDIS_URL="")
    server = stack.ApiServer(env, folder / "api.log", workers=int(os.environ.get("RACE_WORKERS", "2")),
                             threads=int(os.environ.get("RACE_THREADS", "8")))
    failed = 0
    summary = []
    try:
        server.start()
        print(f"API {server.url} (gunicorn {server.workers}×{server.threads} threads), log {server.log_path}")
        print(f"{'piece':>6} {'buyers':>6} {'enters':>7} {'round':>5} {'carts':>5} {'orders':>6} {'refused':>7} "
              f"{'held':>4} {'other':>5}  verdict")
        for stock, buyers in cases:
            for n in range(rounds):
                mode = modes[n % len(modes)]
                variant_id, variant_pk = piece_race.make_piece(stock, prefix="race-bench")
                outcomes = piece_race.race(server.url, variant_id, buyers, race_at=mode)
                state = piece_race.piece_state(variant_pk)
                problems = piece_race.verdict(outcomes, stock, state)
                failed += bool(problems)
                carts = sum(1 for o in outcomes if not o.refused_at or o.refused_at == "CheckoutComplete")
                print(f"{stock:>6} {buyers:>6} {mode:>7} {n + 1:>5} {carts:>5} {state['orders']:>6} "
                      f"{sum(1 for o in outcomes if o.refused_at):>7} {state['held']:>4} "
                      f"{sum(1 for o in outcomes if o.unexpected):>5}  {'ok' if not problems else '; '.join(problems)}",
                      flush=True)
                summary.append((stock, buyers, not problems, outcomes))
        print("\nper case: rounds passed, and p50/p95 ms of each step over every buyer")
        for stock, buyers in cases:
            runs = [s for s in summary if s[:2] == (stock, buyers)]
            latencies: dict[str, list[float]] = {}
            for *_, outcomes in runs:
                for outcome in outcomes:
                    for name, seconds in outcome.latencies.items():
                        latencies.setdefault(name, []).append(seconds)
            steps = ", ".join(f"{name} {percentile(v, 0.5):.0f}/{percentile(v, 0.95):.0f}"
                              for name, v in latencies.items())
            print(f"  k={stock} N={buyers}: {sum(1 for r in runs if r[2])}/{len(runs)} rounds passed; {steps}")
        unhandled = stack.log_errors(server.log_text())
        print(f"unhandled errors in the API log: {len(unhandled)}")
        for line in unhandled[:5]:
            print("   ", line[:300])
        failed += bool(unhandled)
    finally:
        server.stop()
        piece_race.delete_pieces("race-bench")
        if pgdata is not None:
            from django.db import connections

            from marketplace.core.embedded_db import stop_embedded_database

            connections.close_all()
            stop_embedded_database(pgdata)
        if not failed:
            shutil.rmtree(folder, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
