"""catalog-import benchmark: 10,000 products without photos (target: at most 60 s on the 2-core machine), the
same file again (everything unchanged), then products with photos. Prints products/s, photos/s and where the
time goes (client phases, HTTP time, the API workers' CPU). The API runs under gunicorn on loopback.

    make bench   (a throwaway database)   or   .venv/bin/python bench/import_bench.py [--products N]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")
PORT = int(os.environ.get("BENCH_PORT", "8766"))
CURATOR = ("curateur@demo.maalem.ma", "demo-curator-2026")
PREFIXES = ("BENCH", "BENCHPH")


def setup_catalog() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from demo.services import demo_loaded, load_demo

    call_command("migrate", "--no-input", verbosity=0)
    if not demo_loaded():
        print("loading a small demo catalog (taxonomy, artisans, 40 products) ...", flush=True)
        load_demo(max_products=40, photo_size=256, log=lambda *_: None)
    cleanup()


def cleanup() -> None:
    from django.db.models import Q

    from marketplace.catalog.models import Product
    from marketplace.catalog.services import after_catalog_change

    query = Q()
    for prefix in PREFIXES:
        query |= Q(external_reference__startswith=f"{prefix}-")
    Product.objects.filter(query).delete()
    after_catalog_change([])


def start_server() -> subprocess.Popen:
    env = {**os.environ, "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789abcdef",
           "ALLOWED_HOSTS": "127.0.0.1", "LOG_LEVEL": "WARNING", "SECURE_SSL_REDIRECT": "0"}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "marketplace.wsgi:application", "--bind",
                               f"127.0.0.1:{PORT}", "--workers", "2", "--timeout", "300", "--log-level", "warning"],
                              cwd=ROOT, env=env)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health/live", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the API did not start")


def server_cpu(server: subprocess.Popen) -> float:
    process = psutil.Process(server.pid)
    return sum(sum(p.cpu_times()[:2]) for p in [process, *process.children(recursive=True)])


def database_cpu() -> float | None:
    """CPU seconds of the embedded PostgreSQL (the postmaster, its live backends and the reaped ones), or
    None when the database is elsewhere."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    socket_dir = database.get("HOST") or database.get("OPTIONS", {}).get("host") or "/nonexistent"
    pid_file = Path(socket_dir) / "postmaster.pid"  # the embedded server's socket folder is its data folder
    try:
        postmaster = psutil.Process(int(pid_file.read_text().split()[0]))
        own = postmaster.cpu_times()
        total = own.user + own.system + own.children_user + own.children_system
        for child in postmaster.children():
            with contextlib.suppress(psutil.NoSuchProcess):
                total += sum(child.cpu_times()[:2])
        return total
    except (OSError, ValueError, psutil.Error):
        return None


def run(path: Path, server: subprocess.Popen, label: str, count: int, photos: int = 0) -> None:
    from catalog_import import Options, run_import

    load = os.getloadavg()[0]
    cpu_before, client_before, db_before = server_cpu(server), time.process_time(), database_cpu()
    started = time.perf_counter()
    result = run_import(Options(input=path, url=f"http://127.0.0.1:{PORT}/graphql/", email=CURATOR[0],
                                password=CURATOR[1], progress=False, chunk_size=1000))
    elapsed = time.perf_counter() - started
    if result.exit_code == 130:
        raise KeyboardInterrupt
    server_seconds, client_seconds = server_cpu(server) - cpu_before, time.process_time() - client_before
    db_after = database_cpu()
    db = f"; database CPU {db_after - db_before:.1f} s" if db_before is not None and db_after is not None else ""
    counts = result.counts()
    print(f"\n{label}: {count} products in {elapsed:.1f} s = {count / elapsed:.0f} products/s "
          f"(exit {result.exit_code}; {', '.join(f'{k} {v}' for k, v in counts.items())})")
    if result.exit_code != 0:
        print(result.summary()[:2000])
    if photos:
        uploads = result.timings.get("photos", 0.0)
        print(f"  photos: {result.photos_uploaded} uploaded, {result.photos_uploaded / elapsed:.2f} photos/s overall, "
              f"{result.photos_uploaded / uploads if uploads else 0:.2f} photos/s of upload time")
    phases = {k: v for k, v in result.timings.items() if k not in ("http", "requests")}
    print("  client phases (s): " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(phases.items(), key=lambda kv: -kv[1])))
    print(f"  HTTP: {int(result.timings.get('requests', 0))} requests, {result.timings.get('http', 0):.1f} s waiting; "
          f"importer CPU {client_seconds:.1f} s; API workers CPU {server_seconds:.1f} s{db}")
    print(f"  machine load (1 min average) {load:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--photo-products", type=int, default=40)
    args = parser.parse_args()
    from catalog_import.examples.synthetic import write_catalog

    setup_catalog()
    server = start_server()
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = write_catalog(Path(folder) / "bench.csv", args.products, prefix="BENCH")
            run(path, server, "first import (no photos)", args.products)
            run(path, server, "second run, same file (all unchanged)", args.products)
            started = time.perf_counter()
            photos = write_catalog(Path(folder) / "photos.csv", args.photo_products, prefix="BENCHPH", photos=2)
            print(f"\n(generated {args.photo_products * 2} photos in {time.perf_counter() - started:.1f} s)")
            run(photos, server, "import with 2 photos per product", args.photo_products, photos=2)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        cleanup()
    print("\ntarget (issue 7): 10,000 products without photos in at most 60 s")


if __name__ == "__main__":
    main()
