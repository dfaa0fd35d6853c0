"""Which derivative answers `url(size, format)`: the smallest at least as wide as asked, else the widest."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.conf import DEFAULT_STORAGE_ALIAS, settings
from django.core.files.storage import FileSystemStorage, default_storage, storages

FORMAT_KEYS = {"ORIGINAL": "JPEG", "JPEG": "JPEG", "WEBP": "WEBP", "AVIF": "AVIF"}


def absolute_url(path: str) -> str:
    storage = storages[DEFAULT_STORAGE_ALIAS]  # default_storage's object itself: no lazy proxy per attribute
    if isinstance(storage, FileSystemStorage):
        # A listing builds a hundred URLs; local ones depend only on these three values (object stores may
        # sign theirs with an expiry, so they are never memoized).
        return _local_url(path, storage.base_url, settings.PUBLIC_API_URL)
    return _absolute(storage.url(path))


@lru_cache(maxsize=16384)
def _local_url(path: str, _base_url: str, _public_url: str) -> str:
    return _absolute(default_storage.url(path))


def _absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else settings.PUBLIC_API_URL.rstrip("/") + url


def derivative_path(files: dict[str, Any], size: int | None, fmt: str = "ORIGINAL") -> str | None:
    """Storage path of the derivative for (size, format) in a media's `files` map, or the master."""
    if not files:
        return None
    variants = files.get(FORMAT_KEYS.get(fmt, "JPEG")) or files.get("JPEG") or {}
    if not size or not variants:
        if fmt == "ORIGINAL" or not variants:
            return files.get("master")
        size = max(int(w) for w in variants)
    widths = sorted(int(w) for w in variants)
    chosen = next((w for w in widths if w >= size), widths[-1])
    return variants[str(chosen)]


def media_url(files: dict[str, Any], size: int | None = None, fmt: str = "ORIGINAL") -> str | None:
    path = derivative_path(files, size, fmt)
    return absolute_url(path) if path else None


def srcset(files: dict[str, Any], fmt: str) -> list[tuple[int, str]]:
    variants = files.get(FORMAT_KEYS.get(fmt, "JPEG")) or {}
    return [(int(w), absolute_url(p)) for w, p in sorted(variants.items(), key=lambda kv: int(kv[0]))]
