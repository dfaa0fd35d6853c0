"""Progress on stderr: a bar with counts and ETA, redrawn in place on a terminal; on a pipe or a log file,
one plain line at most every `interval` seconds (and at the end)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int, *, stream: TextIO | None = None, enabled: bool = True, interval: float = 1.0,
                 label: str = "products"):
        self.total, self.label, self.enabled, self.interval = total, label, enabled, interval
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.done = 0
        self.counts: dict[str, int] = {}
        self.started = time.monotonic()
        self._last = 0.0

    def advance(self, status: str, n: int = 1) -> None:
        self.done += n
        self.counts[status] = self.counts.get(status, 0) + n
        now = time.monotonic()
        if now - self._last >= (0.1 if self.tty else self.interval) or self.done >= self.total:
            self._last = now
            self.draw()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.done / elapsed
        remaining = (self.total - self.done) / rate if rate > 0 else 0
        share = self.done / self.total if self.total else 1.0
        bar = "#" * int(share * 30)
        counts = " ".join(f"{k} {v}" for k, v in sorted(self.counts.items()))
        eta = time.strftime("%M:%S", time.gmtime(remaining)) if remaining < 3600 else f"{remaining / 3600:.1f}h"
        return (f"[{bar:<30}] {self.done}/{self.total} {self.label} {share:4.0%} {rate:6.1f}/s ETA {eta}"
                f"{'  ' + counts if counts else ''}")

    def draw(self) -> None:
        if not self.enabled:
            return
        if self.tty:
            self.stream.write("\r" + self.line() + "\033[K")
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\n")
            self.stream.flush()
