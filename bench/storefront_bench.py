"""Storefront benchmark: time to first byte (p50/p95) of the home, a listing and a product page, cold
(storefront and API caches off: every page runs its GraphQL query) and warm (both caches on), and the
page weight without images (HTML + CSS + JS, raw and gzipped). API and storefront run under gunicorn on
loopback, as `make run` serves them.

    make bench            (a throwaway database)   or   .venv/bin/python bench/storefront_bench.py
Targets (issue 5): warm TTFB p50 < 50 ms; < 60 KB of HTML+CSS+JS per page; JS < 30 KB.
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


API_PORT = int(os.environ.get("BENCH_API_PORT", "0")) or _free_port()
SHOP_PORT = int(os.environ.get("BENCH_SHOP_PORT", "0")) or _free_port()
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "60"))


def setup_catalog() -> dict[str, str]:
    import django

    django.setup()
    from django.core.management import call_command

    from demo.services import demo_loaded, load_demo
    from marketplace.catalog.models import Category, Product

    call_command("migrate", "--no-input", verbosity=0)
    if not demo_loaded():
        print("loading the demo catalog (photos at 256 px) ...", flush=True)
        load_demo(photo_size=256, log=lambda *_: None)
    product = Product.objects.filter(variants__isnull=False, media__isnull=False).order_by("slug").first()
    craft = Category.objects.filter(parent__isnull=True).order_by("slug").first()
    return {"home": "/fr/maroc/", "listing": f"/fr/maroc/craft/{craft.slug}/", "search": "/fr/maroc/search/?q=tapis",
            "product": f"/fr/maroc/p/{product.slug}/"}


def start(app: str, port: int, env: dict[str, str]) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}", "--workers", "2",
                                "--threads", "4", "--log-level", "warning"], cwd=ROOT, env={**os.environ, **env},
                               stdout=subprocess.DEVNULL)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/{'robots.txt' if 'storefront' in app else 'health/live'}",
                                   timeout=2)
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{app} did not start")


def servers(cache: bool) -> list[subprocess.Popen]:
    api = start("marketplace.wsgi:application", API_PORT, {
        "CATALOG_CACHE_SECONDS": "30" if cache else "0", "DJANGO_DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0", "LOG_LEVEL": "WARNING",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789abcdef", "PUBLIC_API_URL": f"http://127.0.0.1:{API_PORT}"})
    shop = start("storefront.wsgi:application", SHOP_PORT, {
        "API_URL": f"http://127.0.0.1:{API_PORT}/graphql/", "STOREFRONT_DEBUG": "0",
        "STOREFRONT_SECRET_KEY": "bench-only-storefront-key", "STOREFRONT_CACHE_SECONDS": "30" if cache else "0",
        "STOREFRONT_HTTPS": "0"})  # plain HTTP on loopback
    return [api, shop]


def ttfb(path: str) -> float:
    connection = http.client.HTTPConnection("127.0.0.1", SHOP_PORT, timeout=30)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Accept-Encoding": "identity"})
    response = connection.getresponse()  # returns once the status line and headers have arrived
    first_byte = time.perf_counter() - started
    response.read()
    connection.close()
    assert response.status == 200, (path, response.status)
    return first_byte * 1000


def weight(path: str) -> dict[str, int]:
    html = urllib.request.urlopen(f"http://127.0.0.1:{SHOP_PORT}{path}").read()
    sizes = {"html": len(html), "html_gz": len(gzip.compress(html)), "css": 0, "css_gz": 0, "js": 0, "js_gz": 0}
    for kind, pattern in (("css", rb'<link rel="stylesheet" href="([^"]+)"'), ("js", rb'<script src="([^"]+)"')):
        for url in re.findall(pattern, html):
            body = urllib.request.urlopen(f"http://127.0.0.1:{SHOP_PORT}{url.decode()}").read()
            sizes[kind] += len(body)
            sizes[f"{kind}_gz"] += len(gzip.compress(body))
    return sizes


def measure(pages: dict[str, str], cache: bool) -> dict[str, tuple[float, float]]:
    processes = servers(cache)
    try:
        results = {}
        for name, path in pages.items():
            ttfb(path)  # warm-up: connections, templates, and (warm runs) the caches
            samples = sorted(ttfb(path) for _ in range(REQUESTS))
            results[name] = (statistics.median(samples), samples[int(len(samples) * 0.95) - 1])
        if cache:
            results["_weights"] = {name: weight(path) for name, path in pages.items()}  # type: ignore[assignment]
        return results
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


def main() -> None:
    pages = setup_catalog()
    cold = measure(pages, cache=False)
    warm = measure(pages, cache=True)
    print(f"Storefront TTFB over {REQUESTS} sequential requests per page (ms)")
    print(f"{'page':10} {'cold p50':>9} {'cold p95':>9} {'warm p50':>9} {'warm p95':>9}")
    for name in pages:
        print(f"{name:10} {cold[name][0]:9.1f} {cold[name][1]:9.1f} {warm[name][0]:9.1f} {warm[name][1]:9.1f}")
    print("\nPage weight without images (bytes; gzip in brackets)")
    for name, w in warm["_weights"].items():  # type: ignore[union-attr]
        total = w["html"] + w["css"] + w["js"]
        print(f"{name:10} html {w['html']:6} ({w['html_gz']:5})  css {w['css']:6} ({w['css_gz']:5})  "
              f"js {w['js']:5} ({w['js_gz']:4})  total {total:6} ({w['html_gz'] + w['css_gz'] + w['js_gz']:5})")


if __name__ == "__main__":
    main()
