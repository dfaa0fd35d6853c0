"""Shared pieces of the production proof (bench/fuzz_graphql.py, bench/load_run.py, bench/faults/ and
tests/production_proof/): the API under gunicorn with production-shaped settings, a private Redis,
GraphQL over HTTP, and the server log's unhandled errors.

Not a benchmark itself (run_all.py runs only *_bench.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEMO_LOGINS = {
    "buyer": ("client@demo.maalem.ma", "demo-buyer-2026"),
    "curator": ("curateur@demo.maalem.ma", "demo-curator-2026"),
    "admin": ("admin@demo.maalem.ma", "demo-admin-2026"),
}
TOKEN_CREATE = "mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) { token errors { code } } }"
# What an unhandled error leaves in the API's log (text or JSON formatter) and in a GraphQL answer.
LOG_ERROR = re.compile(r'Traceback \(most recent call last\)|"level": "(ERROR|CRITICAL)"|\b(ERROR|CRITICAL)\b')
INTERNAL_CODES = {"INTERNAL_ERROR"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url: str, *, rate_limit: str | None = "1000000/m", **extra: str) -> dict[str, str]:
    """The compose stack's settings on loopback: DEBUG off, secrets from the environment, no TLS redirect
    (no proxy in front). `rate_limit` replaces every per-IP and per-account limit (the load run plays many
    buyers from one address); None keeps the production limits."""
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "0",
           "DJANGO_SECRET_KEY": "proof-" + "k" * 50, "SECURE_SSL_REDIRECT": "0", "ALLOWED_HOSTS": "127.0.0.1,localhost",
           "LOG_LEVEL": "WARNING", "DJANGO_SETTINGS_MODULE": "marketplace.settings"}
    for name in rate_limit_settings() if rate_limit else []:
        env.setdefault(name, rate_limit)
    env.update(extra)
    return env


def rate_limit_settings() -> list[str]:
    """Environment names of the API's rate limits (per IP, per account), read from settings.py so the
    proof keeps working as limits are added: the load run plays many buyers from one address."""
    text = (ROOT / "marketplace/settings.py").read_text(encoding="utf-8")
    names = re.findall(r'os\.environ\.get\("(RATE_?LIMIT_[A-Z_]+)"', text)
    return sorted(set(names) - {"RATELIMIT_ENABLED", "RATE_LIMIT_ENABLED"})


class ApiServer:
    """The API under gunicorn (threads, like the compose file), its log in a file."""

    def __init__(self, env: dict[str, str], log_path: Path, *, workers: int = 2, threads: int = 4,
                 port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**env, "PUBLIC_API_URL": f"http://127.0.0.1:{self.port}"}
        self.log_path = log_path
        self.workers, self.threads = workers, threads
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> ApiServer:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("a")
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "marketplace.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(self.workers), "--threads", str(self.threads), "--timeout", "120",
             "--graceful-timeout", "5"],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the API exited: see {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.url}/health/live", timeout=2):
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"the API did not start: see {self.log_path}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def __enter__(self) -> ApiServer:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()


class RedisServer:
    """A private redis-server (Debian's package) on a free port, no persistence."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    @staticmethod
    def available() -> bool:
        return shutil.which("redis-server") is not None

    def start(self) -> RedisServer:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def post_graphql(url: str, query: str, variables: dict | None = None, token: str | None = None,
                 timeout: float = 30) -> tuple[int, dict]:
    """POST to /graphql/; returns (HTTP status, JSON body or {} when it is not JSON)."""
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(f"{url}/graphql/", data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, {}


def sign_in(url: str, email: str, password: str) -> str:
    status, body = post_graphql(url, TOKEN_CREATE, {"e": email, "p": password})
    result = (body.get("data") or {}).get("tokenCreate") or {}
    if status != 200 or not result.get("token"):
        raise RuntimeError(f"tokenCreate failed for {email}: {status} {body}")
    return result["token"]


def internal_errors(body: dict) -> list[dict]:
    """GraphQL errors that stand for an unhandled exception on the server."""
    return [e for e in body.get("errors") or [] if (e.get("extensions") or {}).get("code") in INTERNAL_CODES
            or str(e.get("message", "")).startswith("Internal error")]


def log_errors(text: str) -> list[str]:
    return [line for line in text.splitlines() if LOG_ERROR.search(line)]


def django_setup(database_url: str | None = None) -> None:
    """Django in this process (for setup and for checks that read the database directly)."""
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare_catalog(max_products: int = 40) -> None:
    """Migrations and the demo catalog (photos at 256 px) when missing; Django must be set up."""
    from django.core.management import call_command

    from demo.services import demo_loaded, load_demo

    call_command("migrate", "--no-input", verbosity=0)
    if not demo_loaded():
        print("loading the demo catalog (photos at 256 px) ...", flush=True)
        load_demo(max_products=max_products, photo_size=256, workers=2, log=lambda *_: None)


ADDRESS_MA = {"firstName": "Salma", "lastName": "Bennani", "streetAddress1": "12 rue Ibn Sina", "city": "Casablanca",
              "postalCode": "20000", "country": "MA", "phone": "+212612345678"}


def document(name: str) -> str:
    folder = "saleor" if (ROOT / f"storefront/graphql/saleor/{name}.graphql").exists() else "marketplace"
    return (ROOT / f"storefront/graphql/{folder}/{name}.graphql").read_text(encoding="utf-8")


def payload(url: str, name: str, variables: dict, token: str | None = None) -> dict:
    """Run a storefront document; return its mutation payload, requiring no error of any kind."""
    status, body = post_graphql(url, document(name), variables, token)
    if status != 200 or body.get("errors"):
        raise RuntimeError(f"{name}: HTTP {status} {body.get('errors')}")
    result = next(iter(body["data"].values()))
    if isinstance(result, dict) and result.get("errors"):
        raise RuntimeError(f"{name}: {result['errors']}")
    return result


def checkout_ready_to_complete(url: str, variant_id: str, channel: str = "maroc") -> str:
    """A guest checkout of one unit, addressed, with a delivery method and cash on delivery: its ID."""
    created = payload(url, "CheckoutCreate", {"input": {"channel": channel, "email": "proof@example.ma",
                                                        "lines": [{"variantId": variant_id, "quantity": 1}]}})
    checkout = created["checkout"]["id"]
    payload(url, "CheckoutShippingAddressUpdate", {"id": checkout, "shippingAddress": ADDRESS_MA})
    billed = payload(url, "CheckoutBillingAddressUpdate", {"id": checkout, "billingAddress": ADDRESS_MA})
    method = billed["checkout"]["shippingMethods"][0]["id"]
    payload(url, "CheckoutDeliveryMethodUpdate", {"id": checkout, "deliveryMethodId": method})
    payload(url, "TransactionInitialize",
            {"id": checkout, "paymentGateway": {"id": "maalem.payments.cash-on-delivery"}})
    return checkout


class CeleryWorker:
    """A real Celery worker process (its own process group, so kill -9 takes it whole), log in a file."""

    def __init__(self, env: dict[str, str], log_path: Path, *, concurrency: int = 1):
        self.env, self.log_path, self.concurrency = env, log_path, concurrency
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> CeleryWorker:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.log_path.open("a")
        self.process = subprocess.Popen(
            [PYTHON, "-m", "celery", "-A", "marketplace", "worker", "--concurrency", str(self.concurrency),
             "--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env=self.env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
        handle.close()
        if not self.wait_for("ready", timeout):
            raise RuntimeError(f"the Celery worker did not start: see {self.log_path}")
        return self

    def wait_for(self, text: str, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.log_text():
                return True
            if self.process and self.process.poll() is not None:
                return False
            time.sleep(0.05)
        return False

    def kill(self) -> None:
        """kill -9 of the worker and its pool processes, mid-task."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""
