"""The side-by-side set-up of issue 18 (Maalem against Saleor 3.23): one gunicorn worker with four threads,
the row memo on, the response cache off, and the server's CPU time read from /proc (the sum of the worker's
threads' on-CPU nanoseconds in /proc/<pid>/task/*/schedstat, with the master), so the figure is CPU, not
wall time, on a shared and loaded machine. Used by api_bench.py and checkout_bench.py with `--side-by-side`.

BENCH_BASELINE=/path/to/another/tree (e.g. `git worktree add /tmp/base main`, same database and migrations)
serves that tree's code too, on BENCH_PORT + 1, and the rounds alternate (this tree, the baseline, ...): each
case prints both and the median of the paired ratios, which a machine whose speed drifts moves least."""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = int(os.environ.get("BENCH_ROUNDS_SIDE_BY_SIDE", "5"))


def baseline() -> Path | None:
    tree = os.environ.get("BENCH_BASELINE")
    if tree and not (Path(tree) / "marketplace" / "wsgi.py").exists():
        raise RuntimeError(f"BENCH_BASELINE={tree} is not a tree of this project")
    return Path(tree).resolve() if tree else None


def start(port: int, extra_env: dict[str, str] | None = None, root: Path = ROOT) -> subprocess.Popen:
    env = {**os.environ, "CATALOG_CACHE_SECONDS": "0", "REFERENCE_CACHE_SECONDS": "30", "DJANGO_DEBUG": "0",
           "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789abcdef", "ALLOWED_HOSTS": "127.0.0.1",
           "SECURE_SSL_REDIRECT": "0", "LOG_LEVEL": "WARNING",
           "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
           # One client makes every checkout of the rounds (both servers share the limiter's store).
           "RATELIMIT_CHECKOUT_CREATE_IP": "100000/m", "RATELIMIT_CHECKOUT_CREATE_ACCOUNT": "100000/m",
           **(extra_env or {})}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "marketplace.wsgi:application", "--bind",
                               f"127.0.0.1:{port}", "--workers", "1", "--threads", "4", "--log-level", "warning"],
                              cwd=root, env=env)
    for _ in range(150):
        if server.poll() is not None:  # e.g. the port is taken: never measure someone else's server
            raise RuntimeError(f"gunicorn exited ({server.returncode}); is port {port} free? set BENCH_PORT")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health/live", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the API did not start")


def _process_cpu_ns(pid: int) -> int:
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue  # a thread that just ended
    return total


def server_cpu_ms(server: subprocess.Popen) -> float:
    """CPU time of the gunicorn master and its worker(s) so far, in milliseconds."""
    pids = [server.pid]
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    return sum(_process_cpu_ns(pid) for pid in pids) / 1e6


def summary(values: list[float]) -> str:
    return f"min {min(values):.2f}  median {statistics.median(values):.2f}"


def paired(this: list[float], base: list[float]) -> str:
    ratio = statistics.median(a / b for a, b in zip(this, base, strict=True))
    return f"this/baseline, median of the paired rounds: {ratio:.3f}"


def stop(*servers: subprocess.Popen | None) -> None:
    for server in servers:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=20)
