"""`make run`: start the embedded PostgreSQL, migrate, load the demo once, serve the API and the
storefront until Ctrl-C, then stop everything cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
API_ADDRESS = os.environ.get("API_BIND", "127.0.0.1:8000")
STOREFRONT_ADDRESS = os.environ.get("STOREFRONT_BIND", "127.0.0.1:8001")


def _manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def main() -> int:
    from marketplace.core.embedded_db import ensure_embedded_database, stop_embedded_database

    env = dict(os.environ)
    pgdata = None
    if not env.get("DATABASE_URL"):
        var = Path(env.get("MAALEM_VAR_DIR", ROOT / "var"))
        pgdata = var / "postgres"
        print(f"Starting the embedded PostgreSQL ({pgdata}) ...", flush=True)
        env["DATABASE_URL"] = ensure_embedded_database(pgdata)
    processes: list[subprocess.Popen] = []
    try:
        _manage("migrate", "--no-input", env=env)
        _manage("collectstatic", "--no-input", "-v", "0", env=env)
        subprocess.run([sys.executable, "-m", "demo"], cwd=ROOT, env=env, check=True)
        servers = [("API", "marketplace.wsgi:application", API_ADDRESS, "/graphql/"),
                   ("Storefront", "storefront.wsgi:application", STOREFRONT_ADDRESS, "/")]
        for name, app, address, path in servers:
            processes.append(subprocess.Popen(
                [sys.executable, "-m", "gunicorn", app, "--bind", address, "--workers", "2", "--threads", "4",
                 "--access-logfile", "-", "--graceful-timeout", "5"], cwd=ROOT, env=env))
            print(f"{name}: http://{address}{path}", flush=True)
        print("Press Ctrl-C to stop.", flush=True)
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
        print("A server stopped unexpectedly; stopping the others.", flush=True)
        return 1
    except KeyboardInterrupt:
        print("\nStopping ...", flush=True)
        return 0
    finally:
        # A second Ctrl-C (a terminal sends it to the whole group) must not cut the clean shutdown short.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        if pgdata is not None:
            stop_embedded_database(pgdata)


if __name__ == "__main__":
    sys.exit(main())
