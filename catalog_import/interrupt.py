"""Stopping a run cleanly: Ctrl-C (SIGINT) and SIGTERM ask the run to stop; no new request is sent, the
requests in flight finish (so the summary knows what the server holds), progress is recorded, and the
command exits with 130 within the time of one request. A second signal stops at once (the state file is
fsync'ed after every record, and the next run matches by SKU on the server anyway).

The handler is installed explicitly for both signals: a process started in the background by a
non-interactive shell inherits SIGINT as *ignored*, and Python then never raises KeyboardInterrupt, so
relying on the default handler would let a Ctrl-C pass unseen (the CI flake of issue 16).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

EXIT_INTERRUPTED = 130


class Interrupted(Exception):
    """The run was asked to stop: raised instead of sending a new request."""


class StopSignal:
    def __init__(self) -> None:
        self.event = threading.Event()
        self.signum: int | None = None
        self.on_stop: Callable[[], None] | None = None  # e.g. close the progress bar before the summary

    def is_set(self) -> bool:
        return self.event.is_set()

    def request(self, signum: int | None = None) -> None:
        self.signum = signum
        self.event.set()

    def check(self) -> None:
        if self.event.is_set():
            raise Interrupted

    def wait(self, seconds: float) -> None:
        """Sleep (a retry's back-off) unless a stop is asked meanwhile."""
        if self.event.wait(seconds):
            raise Interrupted

    def _handle(self, signum: int, frame: Any) -> None:
        if self.event.is_set():  # the second signal: stop now
            sys.stderr.write("\n")
            sys.stderr.flush()
            os._exit(EXIT_INTERRUPTED)
        self.request(signum)

    @contextmanager
    def installed(self) -> Iterator[StopSignal]:
        """Handle SIGINT and SIGTERM while the block runs (main thread only; elsewhere, nothing to install)."""
        if threading.current_thread() is not threading.main_thread():
            yield self
            return
        previous = {sig: signal.signal(sig, self._handle) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield self
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
