"""Redis goes away under the API (gunicorn, production settings, Redis as cache, rate-limit store and
broker): the API keeps serving catalog reads, sign-ins and checkouts (cache misses only), readiness says
the cache is down, and once Redis is back the cache serves again."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
CATALOG = '{ products(channel: "maroc", first: 8) { totalCount edges { node { name } } } }'


def catalog_hit(url: str) -> tuple[int, dict, str | None]:
    request = urllib.request.Request(f"{url}/graphql/", data=json.dumps({"query": CATALOG}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, json.loads(response.read()), response.headers.get("X-Maalem-Cache")


def ready(url: str) -> int:
    try:
        with urllib.request.urlopen(f"{url}/health/ready", timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_api_keeps_serving_when_redis_drops(fault_cluster, stack, in_cluster, tmp_path):
    if not stack.RedisServer.available():
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    gid = in_cluster("from marketplace.catalog.models import ProductVariant\n"
                     "from marketplace.core.graphql.ids import to_global_id\n"
                     "v = ProductVariant.objects.filter(stocks__quantity__gte=2, product__slug__startswith='fault-')"
                     ".first() or ProductVariant.objects.filter(stocks__quantity__gte=2).order_by('pk').first()\n"
                     "print(json.dumps(to_global_id('ProductVariant', v.pk)))")
    redis = stack.RedisServer().start()
    env = stack.production_env(fault_cluster.url, REDIS_URL=redis.url, CATALOG_CACHE_SECONDS="300",
                               EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
    try:
        with stack.ApiServer(env, tmp_path / "api.log", workers=1, threads=4) as api:
            status, body, _ = catalog_hit(api.url)
            assert status == 200 and not body.get("errors")
            assert catalog_hit(api.url)[2] == "hit"  # Redis holds the answer
            assert ready(api.url) == 200

            redis.stop()  # the connection drops; nothing listens on the port any more
            for _ in range(3):
                status, again, cached = catalog_hit(api.url)
                assert status == 200 and not again.get("errors"), again
                assert again["data"] == body["data"] and cached is None  # a miss, answered from the database
            token = stack.sign_in(api.url, *stack.DEMO_LOGINS["buyer"])  # the rate limiter's store is down too
            assert token
            created = stack.payload(api.url, "CheckoutCreate", {"input": {
                "channel": "maroc", "email": "redis-down@example.ma", "lines": [{"variantId": gid, "quantity": 1}]}})
            assert created["checkout"]["id"]
            assert ready(api.url) == 503  # readiness tells the orchestrator the cache is gone

            redis = stack.RedisServer(port=redis.port).start()  # back on the same address
            catalog_hit(api.url)
            assert catalog_hit(api.url)[2] == "hit"
            assert ready(api.url) == 200
    finally:
        redis.stop()
