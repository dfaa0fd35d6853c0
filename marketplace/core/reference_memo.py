"""Catalog rows that every anonymous page reads (channels, categories, artisans, the pages of product
lists, and per product its channel listing, prices, photos and names) kept in the process between
requests, so a product listing does not read them again for every visitor.

An entry is valid while the catalog version it was read under is current, and at most
REFERENCE_CACHE_SECONDS (the bound on staleness when processes do not share a cache, as for the
anonymous response cache). The version is read *before* the rows, so a write committed meanwhile retires
the entry. Signed-in users (artisans editing, curators, buyers) always read the database, and so does any
read inside a transaction (a mutation, a test): it may see uncommitted rows that must never be shared.

Memoized values are shared by every thread of the process: nobody may change them (a node's channel travels
beside it in `core/graphql/channel_context.py`'s `ChannelContext`, never on the row)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any

from django.conf import settings
from django.db import connection, transaction

from marketplace.core.cache import bump_catalog_version, catalog_version

MAX_ENTRIES = 20_000
_ABSENT = object()
_lock = threading.Lock()
_stores: dict[str, tuple[int, float, dict[Hashable, Any]]] = {}


def _enabled(request: Any) -> bool:
    # Asked once per batch (not per resolver call): a connection attribute goes through asgiref's Local.
    if connection.in_atomic_block or settings.REFERENCE_CACHE_SECONDS <= 0:
        return False
    anonymous = getattr(request, "_maalem_memo_anonymous", None)
    if anonymous is None:
        user = getattr(request, "user", None)
        anonymous = not (user is not None and user.is_authenticated)
        if request is not None:
            request._maalem_memo_anonymous = anonymous
    return anonymous


def _store(name: str, request: Any, max_entries: int = MAX_ENTRIES) -> dict[Hashable, Any]:
    # One version per request, read before its first memoized rows.
    version = getattr(request, "_maalem_memo_version", None)
    if version is None:
        version = catalog_version()
        if request is not None:
            request._maalem_memo_version = version
    now = time.monotonic()
    with _lock:
        entry = _stores.get(name)
        if entry is None or entry[0] != version or entry[1] < now or len(entry[2]) > max_entries:
            entry = _stores[name] = (version, now + settings.REFERENCE_CACHE_SECONDS, {})
    return entry[2]


def memoized_batch(name: str, batch_fn: Callable[[list[Hashable]], dict[Hashable, Any]], request: Any,
                   max_entries: int = MAX_ENTRIES):
    """Wrap a loader's batch function: keys already read under the current version are not queried. The
    store starts again empty past `max_entries` keys (a crawler cannot make it grow without bound)."""

    def batch(keys: list[Hashable]) -> dict[Hashable, Any]:
        if not _enabled(request):
            return batch_fn(keys)
        rows = _store(name, request, max_entries)
        missing = [key for key in keys if key not in rows]
        if missing:
            found = batch_fn(missing)
            for key in missing:
                rows[key] = found.get(key, _ABSENT)
        return {key: rows[key] for key in keys if rows.get(key, _ABSENT) is not _ABSENT}

    return batch


def memoized(name: str, key: Hashable, read: Callable[[], Any], request: Any, max_entries: int = MAX_ENTRIES) -> Any:
    """One memoized value (e.g. a channel by slug); `None` results are memoized too."""
    return memoized_batch(name, lambda keys: {key: read()}, request, max_entries)([key])[key]


def retire_on_write(*models: type) -> None:
    """Any committed save or delete of these models retires every memoized row (and cached response)."""
    from django.db.models.signals import post_delete, post_save

    for model in models:
        post_save.connect(_changed, sender=model, weak=False, dispatch_uid=f"memo:{model._meta.label}:save")
        post_delete.connect(_changed, sender=model, weak=False, dispatch_uid=f"memo:{model._meta.label}:delete")


def _changed(**_kwargs: Any) -> None:
    # One version bump per transaction, however many rows it saves (an import saves thousands).
    conn = transaction.get_connection()
    pending = getattr(conn, "_maalem_memo_bump", None)
    if pending is not None and any(entry[1] is pending for entry in conn.run_on_commit):
        return

    def bump() -> None:
        bump_catalog_version()

    conn._maalem_memo_bump = bump
    transaction.on_commit(bump)
