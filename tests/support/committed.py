"""Test helpers importable from every test folder (pytest's `pythonpath` includes this one)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


def in_thread(work: Callable[[], Any]) -> Any:
    """Run `work` on a thread of its own: its database connection autocommits, so what it writes (and
    reads) is committed data, which the API's server thread sees at once."""
    from django.db import connection

    out: dict = {}

    def run() -> None:
        try:
            out["value"] = work()
        except BaseException as exc:  # re-raised in the test's thread
            out["error"] = exc
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in out:
        raise out["error"]
    return out.get("value")


def server_data(server: Any, query: str, variables: dict | None = None, token: str | None = None) -> dict:
    """POST a GraphQL document to a test server (the `api_server` fixture); its `data`, asserting no errors."""
    import requests

    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = requests.post(f"{server.url}/graphql/", json={"query": query, "variables": variables or {}},
                             headers=headers, timeout=60)
    payload = response.json()
    assert response.status_code == 200 and not payload.get("errors"), payload
    return payload["data"]


class RowsRestorer:
    """Committed rows a test changes through a server (the API's thread, the storefront): `keep(queryset,
    *fields)` remembers those fields of those rows now; `restore()` writes them back, whatever the test did."""

    def __init__(self) -> None:
        self.saved: list[tuple[Any, list[str], list[dict]]] = []

    def keep(self, queryset: Any, *fields: str) -> None:
        model, names = queryset.model, ["pk", *fields]
        self.saved.append((model, list(fields), in_thread(lambda: list(queryset.values(*names)))))

    def restore(self) -> None:
        def work() -> None:
            from django.db import transaction

            from marketplace.catalog.services import after_catalog_change

            with transaction.atomic():
                for model, fields, rows in reversed(self.saved):
                    for row in rows:
                        model.objects.filter(pk=row["pk"]).update(**{name: row[name] for name in fields})
            after_catalog_change([])  # the caches and memos forget what the test wrote

        in_thread(work)
