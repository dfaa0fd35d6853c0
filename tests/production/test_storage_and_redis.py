"""Media on S3-compatible storage when a bucket is configured (local files otherwise), and Redis shared by
several processes: the catalog version the API bumps is the one the storefront reads, and rate-limit
counters add up across API processes."""

from __future__ import annotations

import json
import time

import pytest

pytestmark = pytest.mark.slow  # real Redis and API processes: `make test`, not `make test-fast`

STORAGE = """
import json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "marketplace.settings"
import django
django.setup()
from django.core.files.storage import default_storage, storages
from marketplace.media.selectors import absolute_url
private = storages["private"]
print(json.dumps({
    "default": type(storages["default"]).__module__ + "." + type(storages["default"]).__name__,
    "public_url": absolute_url("products/12/rug-640.webp"),
    "endpoint": getattr(default_storage, "endpoint_url", None),
    "bucket": getattr(default_storage, "bucket_name", None),
    "private_bucket": getattr(private, "bucket_name", None),
    "private_location": getattr(private, "location", None),
    "private_url": private.url("originals/12/rug.jpg") if hasattr(private, "bucket_name") else None,
}))
"""


def test_media_go_to_the_s3_bucket_when_configured(py, production_env):
    result = py(STORAGE, AWS_STORAGE_BUCKET_NAME="maalem-media", AWS_PRIVATE_BUCKET_NAME="maalem-private",
                S3_ENDPOINT_URL="http://127.0.0.1:9000", S3_CUSTOM_DOMAIN="localhost:9000/maalem-media",
                S3_URL_PROTOCOL="http:", AWS_ACCESS_KEY_ID="maalem", AWS_SECRET_ACCESS_KEY="secret-for-signing",
                AWS_S3_REGION_NAME="us-east-1", **production_env)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["default"] == "storages.backends.s3.S3Storage"
    assert out["endpoint"] == "http://127.0.0.1:9000" and out["bucket"] == "maalem-media"
    # Public derivatives: a plain URL on the bucket's public host; originals: private bucket, signed URLs.
    assert out["public_url"] == "http://localhost:9000/maalem-media/products/12/rug-640.webp"
    assert out["private_bucket"] == "maalem-private" and out["private_location"] == "private"
    assert out["private_url"].startswith("http://127.0.0.1:9000/maalem-private/private/originals/12/rug.jpg?")
    assert "Signature=" in out["private_url"] or "X-Amz-Signature=" in out["private_url"]


def test_media_stay_local_files_by_default(py, production_env):
    result = py(STORAGE, PUBLIC_API_URL="https://api.maalem.ma", **production_env)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["default"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert out["public_url"] == "https://api.maalem.ma/media/products/12/rug-640.webp"


API_BUMP = """
import os
os.environ["DJANGO_SETTINGS_MODULE"] = "marketplace.settings"
import django
django.setup()
from marketplace.core.cache import bump_catalog_version, catalog_version
before = catalog_version()
bump_catalog_version()
print(before, catalog_version())
"""
STOREFRONT_READ = """
import os
os.environ["DJANGO_SETTINGS_MODULE"] = "storefront.settings"
import django
django.setup()
from storefront.core.client import _cache_key, catalog_version
print(catalog_version(), _cache_key("saleor/ProductList", {"channel": "maroc"}).split(":")[1])
"""
LIMITED_LOGIN = """
import json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "marketplace.settings"
import django
django.setup()
from django.test import Client
from marketplace.core import ratelimit
ratelimit.clock = lambda: float(os.environ["LIMITER_NOW"])  # the three processes count in one window
body = json.dumps({"query": 'mutation { tokenCreate(email: "shared@example.ma", password: "x") { errors { code } } }'})
r = Client().post("/graphql/", body, content_type="application/json", HTTP_X_FORWARDED_PROTO="https")
print(r.json()["data"]["tokenCreate"]["errors"][0]["code"])
"""


def test_the_storefront_sees_the_catalog_version_the_api_bumps(py, production_env, redis_url):
    first = py(API_BUMP, REDIS_URL=redis_url, **production_env)
    assert first.returncode == 0, first.stderr
    before, after = map(int, first.stdout.split())
    assert after != before  # a new version (a timestamp: never reused after a cache flush)
    seen = py(STOREFRONT_READ, REDIS_URL=redis_url, **production_env)
    assert seen.returncode == 0, seen.stderr
    version, in_key = seen.stdout.split()
    assert int(version) == after and int(in_key) == after  # the storefront's cache keys move with it
    second = py(API_BUMP, CACHE_URL=redis_url, **production_env)  # another API process agrees
    assert second.stdout.split()[0] == str(after)


@pytest.mark.django_db
def test_rate_limit_counters_are_shared_by_api_processes(py, production_env, redis_url):
    import os
    from urllib.parse import urlsplit, urlunsplit

    from django.db import connection

    # The migrated test database (its tables; no user called shared@), on the server this run uses.
    server = urlsplit(os.environ["DATABASE_URL"])
    database_url = urlunsplit(server._replace(path="/" + connection.settings_dict["NAME"]))
    env = {"REDIS_URL": redis_url, "RATELIMIT_TOKEN_CREATE_ACCOUNT": "2/h", "ALLOWED_HOSTS": "testserver",
           "DATABASE_URL": database_url, "LIMITER_NOW": str(time.time() // 3600 * 3600 + 60), **production_env}
    codes = []
    for _ in range(3):  # three separate processes, one attempt each
        result = py(LIMITED_LOGIN, **env)
        assert result.returncode == 0, result.stderr[-2000:]
        codes.append(result.stdout.strip().splitlines()[-1])
    assert codes == ["INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "LOGIN_ATTEMPT_DELAYED"]


READY = """
import json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "marketplace.settings"
import django
django.setup()
from django.test import Client
r = Client().get("/health/ready", HTTP_HOST="10.9.8.7")  # a probe: plain HTTP, any Host
print(json.dumps({"status": r.status_code, "body": r.json()}))
"""


def test_api_readiness_checks_database_cache_and_broker(py, production_env, redis_url, loopback_port):
    up = py(READY, REDIS_URL=redis_url, **production_env)
    assert up.returncode == 0, up.stderr[-2000:]
    answer = json.loads(up.stdout.strip().splitlines()[-1])
    assert answer == {"status": 200, "body": {"status": "ok", "checks": {
        "database": "ok", "cache": "ok", "broker": "ok"}}}
    down = py(READY, REDIS_URL=f"redis://127.0.0.1:{loopback_port()}/0", **production_env)
    assert down.returncode == 0, down.stderr[-2000:]
    answer = json.loads(down.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503 and answer["body"]["checks"]["database"] == "ok"
    assert answer["body"]["checks"]["cache"].startswith("error")
    assert answer["body"]["checks"]["broker"].startswith("error")


def test_rate_limits_fail_open_when_redis_is_down(py, production_env, loopback_port):
    code = ("import os; os.environ['DJANGO_SETTINGS_MODULE']='marketplace.settings'; import django; django.setup();"
            "from django.test import RequestFactory; from marketplace.core import ratelimit;"
            "request = RequestFactory().post('/graphql/');"
            "[ratelimit.check('token_create', request, 'a@example.ma') for _ in range(5)]; print('served')")
    result = py(code, REDIS_URL=f"redis://127.0.0.1:{loopback_port()}/0", RATELIMIT_TOKEN_CREATE_ACCOUNT="1/m",
                **production_env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("served")
    # Logged by the resilient cache backend or, with a plain backend, by the limiter itself.
    assert "Redis is unreachable" in result.stderr or "not counted: cache unavailable" in result.stderr
