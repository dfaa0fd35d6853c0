"""The development secret: generated once per installation and kept in `var/` (mode 0600), so the key that
signs sessions and JWTs under DEBUG is not a constant anyone can read in the code. Production sets
DJANGO_SECRET_KEY (required without DEBUG). No Django import: settings.py calls this."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def development_secret(path: Path) -> str:
    """The key stored at `path`, created atomically on first use (concurrent workers agree on one)."""
    try:
        existing = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        existing = ""
    if existing:
        return existing
    path.parent.mkdir(parents=True, exist_ok=True)
    candidate = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_urlsafe(50))
    try:
        os.link(candidate, path)  # fails if another process created it first: theirs wins
    except FileExistsError:
        pass
    finally:
        candidate.unlink()
    return path.read_text(encoding="utf-8").strip()
