"""The storefront without its API: a clear 503 page, never a 500."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

pytestmark = pytest.mark.slow  # a gunicorn process: `make test`, not `make test-fast`

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_api_gives_a_503_page():
    port, closed = free_port(), free_port()
    env = {**os.environ, "API_URL": f"http://127.0.0.1:{closed}/graphql/", "STOREFRONT_DEBUG": "0",
           "STOREFRONT_SECRET_KEY": "storefront-tests", "API_TIMEOUT": "2",
           "STOREFRONT_HTTPS": "0"}  # plain HTTP on loopback (production redirects to HTTPS)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "storefront.wsgi:application", "--bind",
                                f"127.0.0.1:{port}", "--workers", "1"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90  # a loaded machine boots gunicorn slowly; its first answer is slow too
        while True:
            try:
                assert requests.get(f"http://127.0.0.1:{port}/robots.txt", timeout=10).status_code == 200
                break
            except requests.RequestException:
                assert time.monotonic() < deadline and process.poll() is None, "the storefront did not start"
                time.sleep(0.2)
        for path in ("/fr/maroc/", "/ar/maroc/p/tapis/", "/"):
            response = requests.get(f"http://127.0.0.1:{port}{path}", timeout=10, allow_redirects=True)
            assert response.status_code == 503, (path, response.status_code)
        assert "La boutique est momentanément indisponible" in requests.get(
            f"http://127.0.0.1:{port}/fr/maroc/", timeout=10).text
    finally:
        process.terminate()
        process.wait(timeout=10)
