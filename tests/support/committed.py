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
