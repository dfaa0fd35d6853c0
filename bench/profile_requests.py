"""Where a request's CPU goes: runs the side-by-side cases in-process (row memo on, response cache off) under
cProfile after a warm-up, and prints the functions by own time and by cumulative time per request.
PROFILE_CLOCK=cpu times with the process's CPU clock instead of the wall clock, so the time PostgreSQL spends
answering (another process) is left out, as in the side-by-side figures.

    .venv/bin/python -m marketplace.core.embedded_db run-throwaway -- \\
        .venv/bin/python bench/profile_requests.py [detail] [listing] [checkout]
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")
os.environ.update({"DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789abcdef", "CATALOG_CACHE_SECONDS": "0",
                   "REFERENCE_CACHE_SECONDS": "30", "DJANGO_DEBUG": "0", "SECURE_SSL_REDIRECT": "0",
                   "ALLOWED_HOSTS": "testserver", "RATELIMIT_ENABLED": "0",
                   "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"})
REPEAT = int(os.environ.get("PROFILE_REPEAT", "200"))
CPU_CLOCK = os.environ.get("PROFILE_CLOCK", "wall") == "cpu"


def main() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from demo.services import demo_loaded, load_demo

    call_command("migrate", "--no-input", verbosity=0)
    if not demo_loaded():  # the benchmarks' small catalogue (the checkout bench's), photos at 256 px
        print("loading 40 demo products ...", flush=True)
        load_demo(photo_size=256, max_products=40, workers=2, log=lambda *_: None)
    for case in sys.argv[1:] or ["detail"]:
        profile(case)


def profile(case: str) -> None:
    if case == "checkout":
        import checkout_bench

        variant_ids = checkout_bench.setup()
        from django.test import Client

        def once() -> None:
            client, state = Client(), {}
            for step, name, variables in checkout_bench.calls(variant_ids[:1]):
                body = client.post("/graphql/", data=json.dumps({"query": checkout_bench.DOCS[name],
                                                                 "variables": variables(state)}),
                                   content_type="application/json").json()
                checkout_bench.remember(state, step, body["data"])
        repeat = max(REPEAT // 10, 5)
    else:
        import api_bench

        slug = api_bench.setup_catalog()
        from django.test import Client

        query = api_bench.LISTING if case == "listing" else api_bench.DETAIL
        variables = ({"channel": "maroc", "languageCode": "FR", "first": 24} if case == "listing"
                     else {"slug": slug, "channel": "maroc", "languageCode": "FR"})
        body = json.dumps({"query": query, "variables": variables})
        client = Client()

        def once() -> None:
            response = client.post("/graphql/", data=body, content_type="application/json")
            assert response.status_code == 200 and b'"errors"' not in response.content[:200], response.content[:300]
        repeat = REPEAT
    for _ in range(10):
        once()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        once()
    print(f"--- {case}: {len(captured)} SQL queries warm ---")
    for query in captured:
        print("  ", query["sql"][:160])
    profiler = cProfile.Profile(time.process_time) if CPU_CLOCK else cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        once()
    profiler.disable()
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats(order).print_stats(35)
        print(f"--- {case}, {repeat} requests, by {order} ---")
        print(out.getvalue()[-9000:])


if __name__ == "__main__":
    main()
