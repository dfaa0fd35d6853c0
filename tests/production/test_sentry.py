"""Errors reach Sentry when SENTRY_DSN is set: a loopback HTTP server plays Sentry's ingest endpoint (its
transport is plain HTTP) and receives the envelopes of a resolver's unhandled exception and of a failed
background task. Without SENTRY_DSN, the SDK is not even initialised."""

from __future__ import annotations

import gzip
import json
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

# A production API whose database is down: every resolver that reads fails (an outage the operators must hear of).
SCRIPT = """
import json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "marketplace.settings"
import django
django.setup()
import sentry_sdk
from django.test import Client
r = Client().post("/graphql/", data=json.dumps({"query": "{ markets { slug } }"}), content_type="application/json",
                  HTTP_X_FORWARDED_PROTO="https")
print(json.dumps({"status": r.status_code, "body": r.json(), "sentry": sentry_sdk.get_client().is_active()}))
from marketplace.celery import app
app.loader.import_default_modules()
try:
    app.tasks["orders.send_order_confirmation"].delay(1)
except Exception as error:
    print(json.dumps({"task_error": error.__class__.__name__}))
sentry_sdk.flush(10)
"""


class Ingest(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            raw = gzip.decompress(raw)
        elif encoding == "deflate":
            raw = zlib.decompress(raw)
        elif encoding == "br":
            import brotli

            raw = brotli.decompress(raw)
        self.received.append({"path": self.path, "auth": self.headers.get("X-Sentry-Auth", ""), "body": raw})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def ingest():
    Ingest.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Ingest)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    yield server
    server.shutdown()


def events(received: list[dict]) -> list[dict]:
    """The event items of the envelopes: header line, then (item header, payload) pairs."""
    found = []
    for envelope in received:
        lines = envelope["body"].split(b"\n")
        for header, payload in zip(lines[1::2], lines[2::2], strict=False):
            if header.strip() and json.loads(header).get("type") == "event":
                found.append(json.loads(payload))
    return found


@pytest.mark.slow  # API processes and an ingest server
def test_unhandled_errors_are_delivered_to_sentry(py, production_env, ingest, loopback_port):
    dsn = f"http://publickey@127.0.0.1:{ingest.server_port}/42"
    closed = loopback_port()
    result = py(SCRIPT, SENTRY_DSN=dsn, SENTRY_ENVIRONMENT="test-production", ALLOWED_HOSTS="testserver",
                DATABASE_URL=f"postgres://maalem:x@127.0.0.1:{closed}/maalem", **production_env)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    api = lines[0]
    # The buyer sees "try again shortly" (503), never a 500 or a stack trace.
    assert api["status"] == 503 and api["sentry"] is True
    assert api["body"]["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert lines[1] == {"task_error": "OperationalError"}

    assert all(r["path"] == "/api/42/envelope/" for r in Ingest.received), Ingest.received
    assert all("sentry_key=publickey" in r["auth"] or r["auth"] == "" for r in Ingest.received)
    delivered = events(Ingest.received)
    assert delivered, "no event reached the loopback Sentry"
    exceptions = [value for event in delivered for value in (event.get("exception") or {}).get("values", [])]
    assert any(value["type"] == "OperationalError" for value in exceptions), exceptions
    assert {event["environment"] for event in delivered} == {"test-production"}
    # The task's failure comes through the Celery integration, the outage through Django's logging.
    mechanisms = {value.get("mechanism", {}).get("type") for value in exceptions}
    assert "celery" in mechanisms, mechanisms
    assert any("Database unavailable" in json.dumps(event.get("logentry", {})) for event in delivered)
    # No personal data: the request's cookies and the user's address are not sent.
    assert all("user" not in event or "ip_address" not in event["user"] for event in delivered)


@pytest.mark.slow  # an API process
def test_without_a_dsn_sentry_stays_off(py, production_env):
    result = py("import os; os.environ['DJANGO_SETTINGS_MODULE']='marketplace.settings'; import django; django.setup();"
                "import sentry_sdk; print(sentry_sdk.get_client().is_active())", **production_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"
