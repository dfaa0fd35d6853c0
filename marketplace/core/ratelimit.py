"""Fixed-window rate limits kept in Django's cache (Redis in production, so every API process agrees).

A limit is "N/period" (`10/m`, `5/h`, `30/90s`): at most N hits per window of that many seconds, per key
(an IP address or an account's e-mail). Services call `check()` before doing the work; a hit over the
limit raises RateLimited with the seconds left in the window, which the mutation turns into its
payload error (Saleor's code where it has one)."""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# The limiter's clock (seconds since the epoch), injectable: tests move a clock of their own across a
# window's edge instead of sleeping to it.
clock: Callable[[], float] = time.time


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def parse_rate(value: str) -> Rate | None:
    """`"10/m"` → Rate(10, 60); `"30/90s"` → Rate(30, 90); `""` or `"0"` → None (no limit)."""
    value = (value or "").strip().lower()
    if not value or value in {"0", "off", "none"}:
        return None
    try:
        count_text, period = value.split("/", 1)
        unit = period[-1] if period[-1] in UNITS else "s"
        number = period[:-1] if period[-1] in UNITS else period
        rate = Rate(int(count_text), int(number or 1) * UNITS[unit])
    except (ValueError, IndexError, KeyError):
        raise ValueError(f"Invalid rate {value!r}: expected N/s, N/m, N/h, N/d or N/<seconds>s") from None
    if rate.count <= 0 or rate.seconds <= 0:
        raise ValueError(f"Invalid rate {value!r}: count and period must be positive")
    return rate


class RateLimited(Exception):
    def __init__(self, scope: str, kind: str, retry_after: int):
        super().__init__(f"Too many requests ({scope} per {kind}); try again in {retry_after} s.")
        self.scope, self.kind, self.retry_after = scope, kind, retry_after


def hit(scope: str, kind: str, key: str, rate: Rate | None, now: float | None = None) -> None:
    """Count one hit of `key` in the current window; raise RateLimited when it goes over the rate."""
    if rate is None or not key:
        return
    now = clock() if now is None else now
    window = int(now // rate.seconds)
    digest = hashlib.sha256(key.strip().lower().encode()).hexdigest()[:32]
    cache_key = f"rl:{scope}:{kind}:{digest}:{rate.seconds}:{window}"
    try:
        # add() creates the counter with the window's lifetime; incr() is atomic on Redis.
        cache.add(cache_key, 0, rate.seconds + 1)
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr: this hit opens the window
        cache.set(cache_key, 1, rate.seconds + 1)
        count = 1
    except Exception:  # the cache (Redis) is down: fail open, a login must not depend on the counters
        logger.warning("Rate limit %s per %s not counted: cache unavailable", scope, kind, exc_info=True)
        return
    if count > rate.count:
        retry_after = max(1, int((window + 1) * rate.seconds - now + 0.999))
        logger.warning("Rate limit %s per %s exceeded (%s hits)", scope, kind, count)
        raise RateLimited(scope, kind, retry_after)


def check(scope: str, request: Any, account: str | None = None) -> None:
    """Apply settings.RATE_LIMITS[scope] = {"ip": "N/m", "account": "N/h"} to this request."""
    if not getattr(settings, "RATELIMIT_ENABLED", True):
        return
    limits = settings.RATE_LIMITS.get(scope, {})
    hit(scope, "ip", client_ip(request), parse_rate(limits.get("ip", "")))
    if account:
        hit(scope, "account", account, parse_rate(limits.get("account", "")))


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net, strict=False) for net in settings.TRUSTED_PROXIES)


def client_ip(request: Any) -> str:
    """REMOTE_ADDR, unless it is a trusted proxy (the storefront, the TLS proxy): then the right-most
    X-Forwarded-For address that is not itself a trusted proxy. Untrusted callers cannot pick their IP."""
    remote = (getattr(request, "META", {}) or {}).get("REMOTE_ADDR", "") or ""
    if not remote or not _trusted(remote):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for address in reversed(forwarded):
        if not _trusted(address):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return remote
    return remote


def enforce(scope: str, request: Any, account: str | None = None, *, field: str | None = None,
            ip_code: str = "TOO_MANY_REQUESTS", account_code: str = "TOO_MANY_REQUESTS") -> None:
    """check() for services: going over a limit becomes a payload error (MutationError) with the given code."""
    from marketplace.core.errors import FieldError, MutationError

    try:
        check(scope, request, account)
    except RateLimited as error:
        code = account_code if error.kind == "account" else ip_code
        raise MutationError([FieldError(field, f"Too many attempts; try again in {error.retry_after} seconds.",
                                        code)]) from None


def check_rate_settings(app_configs: Any = None, **kwargs: Any) -> list:
    """System check (`manage.py check`, every start): a mistyped rate stops the deploy, not a login."""
    from django.core.checks import Error

    errors = []
    for scope, limits in getattr(settings, "RATE_LIMITS", {}).items():
        for kind, value in limits.items():
            try:
                parse_rate(value)
            except ValueError as error:
                errors.append(Error(f"RATE_LIMITS[{scope!r}][{kind!r}]: {error}", id="maalem.E001"))
    return errors
