"""Real photo files for the upload paths' tests: what a phone sends, and what breaks.

- `phone_jpeg()`: a 12 MP (4032x3024) JPEG with EXIF orientation 6 and GPS, as a phone writes it;
- `truncated_jpeg()`: a real JPEG cut short (a transfer that stopped): its header is valid, its body is not;
- `png_bomb()`: a small PNG whose header announces 100 million pixels (a decompression bomb);
- `EMPTY`: an empty file."""

from __future__ import annotations

import functools
import io
import struct
import zlib

import numpy as np
from PIL import Image

EMPTY = b""


def scene(width: int, height: int, seed: int = 5) -> Image.Image:
    """A glazed dish on a light, slightly uneven backdrop, with sensor noise."""
    small_w, small_h = max(8, width // 8), max(8, height // 8)
    y, x = np.mgrid[0:small_h, 0:small_w]
    backdrop = np.stack([226 - y / small_h * 30, 216 - y / small_h * 28, 202 - y / small_h * 25], -1)
    cx, cy, r = small_w * 0.5, small_h * 0.52, min(small_w, small_h) * 0.33
    dish = ((x - cx) ** 2 + (y - cy) ** 2) < r ** 2
    backdrop[dish] = np.stack([40 + x / small_w * 60, 90 + y / small_h * 40, 150 + 0 * x], -1)[dish]
    base = Image.fromarray(backdrop.astype("uint8")).resize((width, height), Image.Resampling.BILINEAR)
    # Per-pixel sensor noise: what makes a real phone JPEG weigh megabytes rather than kilobytes.
    noise = np.random.default_rng(seed).integers(-16, 17, (height, width, 3), dtype=np.int16)
    return Image.fromarray(np.clip(np.asarray(base, np.int16) + noise, 0, 255).astype("uint8"))


def _exif(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    gps = {1: "N", 2: (31.0, 37.0, 42.0), 3: "W", 4: (8.0, 0.0, 30.0)}
    exif[0x8825] = gps
    return exif.tobytes()


@functools.cache
def phone_jpeg(width: int = 4032, height: int = 3024) -> bytes:
    """12 MP (about 3 MB), stored landscape with orientation 6 (the phone was held upright), GPS in EXIF."""
    out = io.BytesIO()
    scene(width, height).save(out, "JPEG", quality=88, exif=_exif(6))
    return out.getvalue()


@functools.cache
def small_jpeg(width: int = 1200, height: int = 900, seed: int = 5) -> bytes:
    out = io.BytesIO()
    scene(width, height, seed).save(out, "JPEG", quality=90)
    return out.getvalue()


@functools.cache
def truncated_jpeg() -> bytes:
    """A real JPEG cut at 55 %: the header (size, format) reads fine, the pixels do not decode."""
    whole = small_jpeg(1600, 1200, seed=9)
    return whole[: int(len(whole) * 0.55)]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


@functools.cache
def png_bomb(side: int = 10_000) -> bytes:
    """A grayscale PNG of side x side zero pixels (100 MP by default): about 100 KB on disk, 100 MB decoded."""
    packer = zlib.compressobj(9)
    row = b"\x00" * (side + 1)  # filter byte + pixels
    body = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", body) + _chunk(b"IEND", b"")
