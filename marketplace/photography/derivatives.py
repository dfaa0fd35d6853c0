"""Encoders for the master and the derivative set (AVIF, WebP, JPEG).

Images reaching these encoders carry an empty ``info`` and we never pass exif/xmp/icc, so
outputs are metadata-free. Sizes cascade from the largest (each width is resized from the
previous one) to keep resampling cheap.

AVIF and WebP are made up to ``MODERN_MAX_WIDTH`` only: the buyer pages never ask for more (the
storefront's widest request is 1024 px, the product page's main photo; see README, Photography),
and those two encodes at 2048 px cost about 0.3 s of CPU per 12 MP photo. Wider sizes exist as JPEG; at
the master's own width that JPEG is the master itself (the same pixels: encoding them again would
only lose quality). A request for a wider AVIF or WebP gets the widest one there is
(``media.selectors.derivative_path``).
"""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from PIL import Image

DERIVATIVE_WIDTHS: tuple[int, ...] = (2048, 1024, 512, 256)
DERIVATIVE_FORMATS: tuple[str, ...] = ("AVIF", "WEBP", "JPEG")
MASTER_QUALITY = 90

# Encoder settings, tuned for speed on small servers at near-identical visual quality.
ENCODER_OPTIONS: dict[str, dict] = {
    "AVIF": {"quality": 55, "speed": 8},
    # method 2, not 4: 60 % less CPU for 4-6 % more bytes (12 MP photo, 2048 px: 109 ms against 271 ms).
    "WEBP": {"quality": 80, "method": 2},
    "JPEG": {"quality": 85, "optimize": True, "progressive": True},
}
MODERN_MAX_WIDTH = 1024  # widest AVIF and WebP (the storefront's srcsets stop at 1024)
MODERN_FORMATS = frozenset({"AVIF", "WEBP"})
# Encoders that release the GIL (see build_derivatives).
PARALLEL_FORMATS = frozenset({"WEBP"})
MIME_TYPES = {"AVIF": "image/avif", "WEBP": "image/webp", "JPEG": "image/jpeg", "PNG": "image/png"}
EXTENSIONS = {"AVIF": "avif", "WEBP": "webp", "JPEG": "jpg", "PNG": "png"}


@dataclass(frozen=True)
class Derivative:
    width: int
    height: int
    format: str  # "AVIF" | "WEBP" | "JPEG"
    data: bytes

    @property
    def content_type(self) -> str:
        return MIME_TYPES[self.format]

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format]


def _clean(im: Image.Image) -> Image.Image:
    if im.mode != "RGB":
        im = im.convert("RGB")
    if im.info:
        im = im.copy()
        im.info = {}
    return im


def encode(im: Image.Image, fmt: str, **options) -> bytes:
    """Encode without any metadata (no EXIF, XMP, ICC, comments)."""
    buf = io.BytesIO()
    _clean(im).save(buf, fmt, **(ENCODER_OPTIONS.get(fmt, {}) | options))
    return buf.getvalue()


def encode_master(im: Image.Image) -> bytes:
    # The master is stored, not served: baseline Huffman-optimised JPEG (progressive costs 2x).
    return encode(im, "JPEG", quality=MASTER_QUALITY, optimize=True)


def plan_widths(master_width: int, widths: tuple[int, ...] = DERIVATIVE_WIDTHS) -> list[int]:
    """Widths never exceed the master: larger ones are capped to the master width once."""
    out: list[int] = []
    for w in sorted(widths, reverse=True):
        w = min(w, master_width)
        if w >= 1 and w not in out:
            out.append(w)
    return out


def cascade(master: Image.Image, widths: list[int]) -> list[Image.Image]:
    """Resized copies, each made from the previous (larger) one."""
    images, prev = [], master
    for w in widths:
        if w != prev.width:
            h = max(1, round(prev.height * w / prev.width))
            prev = prev.resize((w, h), Image.Resampling.LANCZOS, reducing_gap=2.0)
        images.append(prev)
    return images


def formats_at(width: int, formats: tuple[str, ...] = DERIVATIVE_FORMATS) -> tuple[str, ...]:
    """The formats made at ``width``: AVIF and WebP only up to ``MODERN_MAX_WIDTH``."""
    return tuple(f for f in formats if width <= MODERN_MAX_WIDTH or f not in MODERN_FORMATS)


def build_derivatives(
    master: Image.Image,
    *,
    widths: tuple[int, ...] = DERIVATIVE_WIDTHS,
    formats: tuple[str, ...] = DERIVATIVE_FORMATS,
    master_jpeg: bytes | None = None,
) -> list[Derivative]:
    """All derivatives, largest first, in ``formats`` order within a width (see ``formats_at``).
    ``master_jpeg`` (the master's own encoding) stands for the JPEG at the master's width.

    libwebp releases the GIL while it encodes (Pillow's JPEG encoder does not, and libaom has threads of
    its own), so the WebP set is encoded on a second thread while this one encodes AVIF and JPEG: on two
    cores the set costs about the AVIF+JPEG time instead of the sum of all three."""
    images = cascade(_clean(master), plan_widths(master.width, widths))
    encoded: dict[tuple[int, str], bytes] = {}
    if master_jpeg is not None and "JPEG" in formats:
        encoded[(master.width, "JPEG")] = master_jpeg
    jobs = [(im, fmt) for im in images for fmt in formats_at(im.width, formats) if (im.width, fmt) not in encoded]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="webp") as side:
        # Each thread saves its own Image object: save() keeps the encoder options on the instance.
        side_jobs = {(im.width, fmt): side.submit(encode, im.copy(), fmt)
                     for im, fmt in jobs if fmt in PARALLEL_FORMATS}
        for im, fmt in jobs:
            if fmt not in PARALLEL_FORMATS:
                encoded[(im.width, fmt)] = encode(im, fmt)
        for key, job in side_jobs.items():
            encoded[key] = job.result()
    return [Derivative(im.width, im.height, fmt, encoded[(im.width, fmt)])
            for im in images for fmt in formats_at(im.width, formats)]
