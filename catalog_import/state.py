"""The state file: an append-only JSON-lines log of what a run has done, written (and fsync'ed) after each
chunk, so that a run stopped at any point (Ctrl-C, lost connection, SIGKILL) continues where it stopped.
Correctness never depends on it alone: products are matched on the server by SKU before anything is
written, so a chunk written just before a kill is found there, not duplicated."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any


def state_path(input_path: Path, url: str, state_dir: Path | None = None) -> Path:
    tag = hashlib.sha256(f"{input_path.resolve()}|{url}".encode()).hexdigest()[:10]
    folder = state_dir or input_path.resolve().parent
    return folder / f".{input_path.name}.{tag}.import-state.jsonl"


class StateFile:
    def __init__(self, path: Path):
        self.path = path
        self.done: dict[str, dict[str, Any]] = {}  # product key -> last record (status, fingerprint, id)
        self.photos: dict[str, set[str]] = {}  # product id -> photo hashes uploaded
        if path.exists():
            self._load()
        self._handle: Any = None

    def _load(self) -> None:
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a line cut by a kill: ignore it, the server lookup covers that product
            if "photo" in record:
                self.photos.setdefault(record["product_id"], set()).add(record["photo"])
            elif record.get("status") in ("created", "updated", "unchanged"):
                self.done[record["key"]] = record
            else:
                self.done.pop(record.get("key"), None)

    def finished(self, key: str, fingerprint: str) -> bool:
        record = self.done.get(key)
        return record is not None and record.get("fingerprint") == fingerprint

    def _append(self, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("a", encoding="utf-8")
        self._handle.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def record(self, records: list[dict[str, Any]]) -> None:
        """`records`: {key, fingerprint, status, product_id} for each product finished."""
        self._append(records)
        for record in records:
            if record["status"] in ("created", "updated", "unchanged"):
                self.done[record["key"]] = record

    def record_photo(self, product_id: str, photo: str) -> None:
        self._append([{"product_id": product_id, "photo": photo}])
        self.photos.setdefault(product_id, set()).add(photo)

    def close(self, *, complete: bool) -> None:
        """A complete run leaves no state behind: the next run checks everything against the server."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if complete and self.path.exists():
            self.path.unlink()
