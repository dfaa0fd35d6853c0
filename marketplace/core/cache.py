"""The catalog version, and Django's Redis cache degraded to cache misses while Redis is unreachable.

Every catalog write bumps the catalog version (`bump_catalog_version`, from the services and, through
`reference_memo.retire_on_write`, from committed saves); cached anonymous responses and memoized rows are
keyed on it. It lives here, below every app, so that services never import the GraphQL view.

The cache only speeds things up (catalog answers, the catalog version) and keeps rate-limit counters; losing
Redis must not take the API down with it. Reads miss, writes are dropped, `incr` reports a missing key (the
rate limiter then counts from one: limits fail open until Redis is back), and a warning is logged at most
once a minute. /health/ready still reports the cache as down."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
CATALOG_VERSION_KEY = "catalog-version"
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
_last_warning = 0.0


def catalog_version() -> int:
    return cache.get_or_set(CATALOG_VERSION_KEY, time.time_ns, None)


def bump_catalog_version() -> None:
    """Called by services after any catalog write: cached anonymous responses become stale at once.

    The version is a fresh timestamp, never a counter: after a cache flush (or a Redis restart) a counter
    would start again at a value some process may still hold entries for."""
    cache.set(CATALOG_VERSION_KEY, time.time_ns(), None)


def _unreachable(error: Exception) -> None:
    global _last_warning
    now = time.monotonic()
    if now - _last_warning > 60:
        _last_warning = now
        logger.warning("Redis is unreachable (%s): serving without the cache", error.__class__.__name__)


class ResilientRedisCacheClient(RedisCacheClient):
    def __init__(self, servers: Any, **options: Any):
        # A dead host must not hold a request for long: connect and read timeouts of a few seconds.
        options.setdefault("socket_connect_timeout", 1)
        options.setdefault("socket_timeout", 3)
        super().__init__(servers, **options)

    def _guard(self, default: Any, method: Any, *args: Any) -> Any:
        try:
            return method(*args)
        except UNREACHABLE as error:
            _unreachable(error)
            return default

    def add(self, key, value, timeout):
        return self._guard(False, super().add, key, value, timeout)

    def get(self, key, default):
        return self._guard(default, super().get, key, default)

    def set(self, key, value, timeout):
        return self._guard(None, super().set, key, value, timeout)

    def touch(self, key, timeout):
        return self._guard(False, super().touch, key, timeout)

    def delete(self, key):
        return self._guard(False, super().delete, key)

    def get_many(self, keys):
        return self._guard({}, super().get_many, keys)

    def has_key(self, key):
        return self._guard(False, super().has_key, key)

    def incr(self, key, delta):
        try:
            return super().incr(key, delta)
        except UNREACHABLE as error:
            _unreachable(error)
            raise ValueError(f"Key {key!r} not found (Redis is unreachable).") from None

    def set_many(self, data, timeout):
        return self._guard(None, super().set_many, data, timeout)

    def delete_many(self, keys):
        return self._guard(None, super().delete_many, keys)

    def clear(self):
        return self._guard(False, super().clear)


class ResilientRedisCache(RedisCache):
    def __init__(self, server: Any, params: dict):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
