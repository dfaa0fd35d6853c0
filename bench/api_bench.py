"""API benchmark: the 24-product listing and a product detail, one client and four, served by gunicorn
on loopback. Prints requests/s, server CPU per request (the workers' CPU time) and SQL queries per request
in three set-ups: the anonymous response cache off (every request executes GraphQL) with the per-process
row memo on (the default) and off (REFERENCE_CACHE_SECONDS=0, every row read from PostgreSQL), then the
response cache on. SQL/req is the steady-state count (first request in brackets).

    make bench            (a throwaway database)   or   .venv/bin/python bench/api_bench.py

With `--side-by-side`: issue 18's set-up (bench/side_by_side.py: 1 worker, 4 threads, memo on, response
cache off, CPU from /proc), one client, several rounds; prints min and median CPU ms per request.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")
LISTING = (ROOT / "storefront/graphql/marketplace/ProductListing.graphql").read_text()
DETAIL = (ROOT / "storefront/graphql/saleor/ProductDetails.graphql").read_text()
PORT = int(os.environ.get("BENCH_PORT", "8765"))
DURATION = float(os.environ.get("BENCH_SECONDS", "8"))


def setup_catalog() -> str:
    import django

    django.setup()
    from django.core.management import call_command

    from demo.services import demo_loaded, load_demo
    from marketplace.catalog.models import Product

    call_command("migrate", "--no-input", verbosity=0)
    if not demo_loaded():
        print("loading the demo catalog (photos at 256 px) ...", flush=True)
        load_demo(photo_size=256, log=lambda *_: None)
    return Product.objects.filter(variants__isnull=False).order_by("slug").first().slug


def queries_per_request(body: dict, memo_seconds: int) -> str:
    """SQL queries of the second request (steady state) and, in brackets, of the first."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    counts = []
    cache.clear()
    with override_settings(CATALOG_CACHE_SECONDS=0, REFERENCE_CACHE_SECONDS=memo_seconds):
        for _ in range(2):
            with CaptureQueriesContext(connection) as captured:
                response = Client().post("/graphql/", data=json.dumps(body), content_type="application/json")
            assert response.status_code == 200 and "errors" not in response.json(), response.content[:300]
            counts.append(len(captured))
    return f"{counts[1]} ({counts[0]})"


def start_server(cache_seconds: int, memo_seconds: int = 30) -> subprocess.Popen:
    env = {**os.environ, "CATALOG_CACHE_SECONDS": str(cache_seconds), "REFERENCE_CACHE_SECONDS": str(memo_seconds),
           "DJANGO_DEBUG": "0",
           "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789abcdef", "ALLOWED_HOSTS": "127.0.0.1",
           "SECURE_SSL_REDIRECT": "0",
           "LOG_LEVEL": "WARNING"}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "marketplace.wsgi:application", "--bind",
                               f"127.0.0.1:{PORT}", "--workers", "2", "--log-level", "warning"], cwd=ROOT, env=env)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health/live", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the API did not start")


def server_cpu(server: subprocess.Popen) -> float:
    process = psutil.Process(server.pid)
    total = 0.0
    for p in [process, *process.children(recursive=True)]:
        times = p.cpu_times()
        total += times.user + times.system
    return total


def post(body: bytes, port: int = PORT) -> None:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql/", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        payload = response.read()
    if b'"errors"' in payload[:200]:
        raise RuntimeError(payload[:300])


def load(server: subprocess.Popen, body: bytes, clients: int) -> tuple[float, float, float]:
    for _ in range(5):
        post(body)  # warm the worker's caches (parsed documents, connections)
    counts = [0] * clients
    latencies: list[float] = []
    stop = time.perf_counter() + DURATION
    cpu_before = server_cpu(server)

    def run(index: int) -> None:
        while time.perf_counter() < stop:
            started = time.perf_counter()
            post(body)
            latencies.append(time.perf_counter() - started)
            counts[index] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    total = sum(counts)
    cpu = server_cpu(server) - cpu_before
    latencies.sort()
    return total / elapsed, cpu / total * 1000, latencies[len(latencies) // 2] * 1000


def side_by_side(bodies: dict[str, dict]) -> None:
    import side_by_side as sbs

    seconds = float(os.environ.get("BENCH_SECONDS", "5"))
    base = sbs.baseline()
    servers = {"this": (sbs.start(PORT), PORT)}
    try:
        if base:
            servers["baseline"] = (sbs.start(PORT + 1, root=base), PORT + 1)
        for name, body in bodies.items():
            encoded = json.dumps(body).encode()
            for _, port in servers.values():
                for _ in range(10):
                    post(encoded, port)  # warm the worker (parsed documents, connections, the row memo)
            per_request: dict[str, list[float]] = {label: [] for label in servers}
            for _ in range(sbs.ROUNDS):
                for label, (server, port) in servers.items():
                    before, count, stop = sbs.server_cpu_ms(server), 0, time.perf_counter() + seconds
                    while time.perf_counter() < stop:
                        post(encoded, port)
                        count += 1
                    per_request[label].append((sbs.server_cpu_ms(server) - before) / count)
            for label, values in per_request.items():
                print(f"{name:<24} {label + ':':<10} 1 worker x 4 threads, 1 client, {sbs.ROUNDS} rounds of "
                      f"{seconds:g} s: CPU ms/req {sbs.summary(values)}", flush=True)
            if base:
                print(f"{name:<24} {sbs.paired(per_request['this'], per_request['baseline'])}", flush=True)
    finally:
        sbs.stop(*(server for server, _ in servers.values()))


def main() -> None:
    slug = setup_catalog()
    bodies = {
        "listing (24 products)": {"query": LISTING,
                                  "variables": {"channel": "maroc", "languageCode": "FR", "first": 24}},
        "product detail": {"query": DETAIL, "variables": {"slug": slug, "channel": "maroc", "languageCode": "FR"}},
    }
    if "--side-by-side" in sys.argv:
        side_by_side(bodies)
        return
    print(f"{'case':<24}{'resp.cache':>11}{'row memo':>9}{'clients':>9}{'req/s':>9}{'CPU ms/req':>12}{'p50 ms':>9}"
          f"{'SQL/req':>10}")
    for cache_seconds, memo_seconds in ((0, 30), (0, 0), (30, 30)):
        queries = {name: queries_per_request(body, memo_seconds) for name, body in bodies.items()}
        server = start_server(cache_seconds, memo_seconds)
        try:
            for name, body in bodies.items():
                encoded = json.dumps(body).encode()
                for clients in (1, 4):
                    rps, cpu_ms, p50 = load(server, encoded, clients)
                    print(f"{name:<24}{'on' if cache_seconds else 'off':>11}{'on' if memo_seconds else 'off':>9}"
                          f"{clients:>9}{rps:>9.1f}{cpu_ms:>12.2f}{p50:>9.1f}"
                          f"{queries[name] if not cache_seconds else '0':>10}", flush=True)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=20)
    print("Saleor 3.23 on this kind of machine (issue 2): listing 7.6 "
          "req/s, ~100 ms CPU, 14 queries; detail 5.9 req/s, 34 queries.")


if __name__ == "__main__":
    main()
