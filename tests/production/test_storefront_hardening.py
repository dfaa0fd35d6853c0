"""The storefront in production: `check --deploy` is silent, pages carry a strict Content-Security-Policy
(Stripe admitted only on the card payment page), HTTPS settings apply, and /health/live and /health/ready
answer probes (ready: the cache and the API)."""

from __future__ import annotations

import json
import urllib.request

import pytest

pytestmark = pytest.mark.slow  # the storefront in gunicorn processes: `make test`, not `make test-fast`

# Runs in a subprocess with the storefront's settings: the Django test client against its WSGI stack.
CLIENT = """
import json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "storefront.settings"
import django
django.setup()
from django.test import Client
out = {}
client = Client()
for name, path, extra in [
    ("live_http", "/health/live", {"HTTP_HOST": "10.1.2.3"}),
    ("ready_http", "/health/ready", {"HTTP_HOST": "10.1.2.3"}),
    ("page_http", "/robots.txt", {}),
    ("page_https", "/robots.txt", {"HTTP_X_FORWARDED_PROTO": "https"}),
]:
    r = client.get(path, **extra)
    out[name] = {"status": r.status_code, "headers": dict(r.headers), "body": r.content.decode()[:2000]}
from storefront.core.security import policy
out["stripe_policy"] = policy(True)
print(json.dumps(out))
"""


def test_storefront_check_deploy_is_silent(py, production_env):
    result = py("import sys; from django.core.management import execute_from_command_line; "
                "execute_from_command_line(['manage', 'check', '--deploy', '--fail-level', 'WARNING'])",
                DJANGO_SETTINGS_MODULE="storefront.settings", **production_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_storefront_refuses_to_start_without_a_secret(py):
    result = py("import os; os.environ['DJANGO_SETTINGS_MODULE']='storefront.settings'; import django; django.setup()",
                DJANGO_DEBUG="0")
    assert result.returncode != 0 and "STOREFRONT_SECRET_KEY must be set" in result.stderr


def test_production_headers_redirect_and_probes(py, production_env, loopback_port):
    closed = loopback_port()  # nothing listens there: the API is "down"
    result = py(CLIENT, API_URL=f"http://127.0.0.1:{closed}/graphql/", STOREFRONT_ALLOWED_HOSTS="testserver",
                STOREFRONT_CSP_IMG_SRC="https://media.maalem.ma", **production_env)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    # Probes: over plain HTTP, any Host, no redirect; ready reports the unreachable API with 503.
    assert out["live_http"]["status"] == 200 and json.loads(out["live_http"]["body"]) == {"status": "ok"}
    ready = json.loads(out["ready_http"]["body"])
    assert out["ready_http"]["status"] == 503
    assert ready["checks"]["cache"] == "ok" and ready["checks"]["api"].startswith("error")
    # Pages: plain HTTP is redirected to HTTPS; over HTTPS, HSTS and the CSP.
    assert out["page_http"]["status"] == 301 and out["page_http"]["headers"]["Location"].startswith("https://")
    https = out["page_https"]["headers"]
    assert out["page_https"]["status"] == 200
    assert https["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    csp = https["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self';" in csp and "frame-ancestors 'none'" in csp
    assert "img-src 'self' data: https://media.maalem.ma" in csp
    assert "stripe" not in csp
    assert https["X-Content-Type-Options"] == "nosniff" and https["X-Frame-Options"] == "DENY"
    assert "script-src 'self' https://js.stripe.com" in out["stripe_policy"]
    assert "frame-src https://js.stripe.com" in out["stripe_policy"] and "'none' https" not in out["stripe_policy"]


def get(url: str, headers: dict | None = None) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read().decode()


@pytest.mark.django_db  # the API in a thread serves the session's demo catalog from the test database
def test_running_storefront_pages_have_the_csp_and_ready_sees_the_api(storefront_url, api_server):
    status, headers, body = get(f"{storefront_url}/fr/maroc/")
    assert status == 200 and "<html" in body
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp and f"img-src 'self' data: {api_server.url}" in csp
    assert "<script>" not in body and " style=" not in body and " onclick=" not in body, "inline code needs the CSP"
    status, _, body = get(f"{storefront_url}/health/ready")
    assert status == 200 and json.loads(body) == {"status": "ok", "checks": {"cache": "ok", "api": "ok"}}


def test_the_storefront_forwards_its_request_id_and_the_buyers_address(py, production_env):
    """What the storefront sends to the API, recorded by a loopback HTTP server in its place."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    seen: list[dict] = []

    class Recorder(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            seen.append(dict(self.headers))
            body = b'{"data": {"channels": [], "markets": []}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        code = (CLIENT.split("out = {}")[0] + "r = Client().get('/fr/maroc/', "
                                              "HTTP_X_REQUEST_ID='trace-storefront-0001',"
                " HTTP_X_FORWARDED_PROTO='https', HTTP_X_FORWARDED_FOR='203.0.113.7', REMOTE_ADDR='10.0.0.2')\n"
                "print(r.headers['X-Request-ID'])")
        result = py(code, API_URL=f"http://127.0.0.1:{server.server_port}/graphql/",
                    STOREFRONT_ALLOWED_HOSTS="testserver", **production_env)
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "trace-storefront-0001"
    assert seen, "the storefront made no API call"
    assert all(h["X-Request-ID"] == "trace-storefront-0001" for h in seen)
    # Proxy chaining: what the TLS proxy said, then the proxy itself; the API believes it only from
    # TRUSTED_PROXIES.
    assert all(h["X-Forwarded-For"] == "203.0.113.7, 10.0.0.2" for h in seen)
