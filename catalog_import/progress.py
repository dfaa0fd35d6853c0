"""Progress on stderr, per product and per photo, with the rate and the time left.

On a terminal: rich's live bars (products and photos, each with its count, rate and time left). On a pipe
or a log file: one plain line at most every `interval` seconds (and at the end), which a CI log can read.
Thread-safe: the writer's pool advances it from several threads.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

from catalog_import.messages import message


def _duration(seconds: float) -> str:
    return time.strftime("%M:%S", time.gmtime(seconds)) if seconds < 3600 else f"{seconds / 3600:.1f}h"


class Counter:
    def __init__(self, total: int, started: float):
        self.total, self.done, self.started = total, 0, started
        self.counts: dict[str, int] = {}

    def rate(self, now: float) -> float:
        return self.done / max(now - self.started, 1e-6)

    def line(self, label: str, now: float) -> str:
        rate = self.rate(now)
        remaining = (self.total - self.done) / rate if rate > 0 else 0
        share = self.done / self.total if self.total else 1.0
        counts = " ".join(f"{k} {v}" for k, v in sorted(self.counts.items()))
        return (f"{self.done}/{self.total} {label} {share:4.0%} {rate:6.1f}/s ETA {_duration(remaining)}"
                f"{'  ' + counts if counts else ''}")


class Progress:
    def __init__(self, total: int, *, photos: int = 0, stream: TextIO | None = None, enabled: bool = True,
                 interval: float = 1.0, lang: str = "en"):
        self.enabled, self.interval, self.lang = enabled, interval, lang
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        started = time.monotonic()
        self.products, self.photos = Counter(total, started), Counter(photos, started)
        self._lock = threading.Lock()
        self._last = 0.0
        self._live = None
        if self.enabled and self.tty:
            self._start_rich(total, photos)

    @property
    def done(self) -> int:
        return self.products.done

    def _start_rich(self, total: int, photos: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        self._live = RichProgress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                  TextColumn("{task.fields[rate]}/s"), TimeRemainingColumn(),
                                  console=Console(file=self.stream), transient=False)
        self._tasks = {"products": self._live.add_task(message("PRODUCTS", self.lang), total=total, rate="0.0")}
        if photos:
            self._tasks["photos"] = self._live.add_task(message("PHOTOS", self.lang), total=photos, rate="0.0")
        self._live.start()

    def add_photos(self, n: int) -> None:
        with self._lock:
            self.photos.total += n
            if self._live is not None and "photos" not in self._tasks:
                self._tasks["photos"] = self._live.add_task(message("PHOTOS", self.lang), total=self.photos.total,
                                                            rate="0.0")
            elif self._live is not None:
                self._live.update(self._tasks["photos"], total=self.photos.total)

    def advance(self, status: str, n: int = 1) -> None:
        self._advance(self.products, "products", status, n)

    def photo(self, status: str = "uploaded", n: int = 1) -> None:
        self._advance(self.photos, "photos", status, n)

    def _advance(self, counter: Counter, name: str, status: str, n: int) -> None:
        with self._lock:
            counter.done += n
            counter.counts[status] = counter.counts.get(status, 0) + n
            now = time.monotonic()
            if self._live is not None and name in self._tasks:
                self._live.update(self._tasks[name], completed=counter.done, rate=f"{counter.rate(now):.1f}")
            elif now - self._last >= self.interval or (self.products.done >= self.products.total
                                                         and self.photos.done >= self.photos.total):
                self._last = now
                self.draw()

    def line(self) -> str:
        now = time.monotonic()
        text = self.products.line(message("PRODUCTS", self.lang), now)
        if self.photos.total:
            text += " | " + self.photos.line(message("PHOTOS", self.lang), now)
        return text

    def draw(self) -> None:
        if self.enabled and self._live is None:
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def close(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None
