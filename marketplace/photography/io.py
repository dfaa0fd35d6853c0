"""Untrusted bytes in, clean sRGB pixels out: sniffing, limits, decoding, orientation, colour.

This is the only module that parses uploaded bytes. Everything it returns is a fresh
RGB image with an empty ``info`` dict, so no metadata (EXIF, GPS, XMP, ICC, comments)
can leak into an encoder downstream.
"""

from __future__ import annotations

import io
import math
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pillow_heif
from PIL import Image, ImageCms

pillow_heif.register_heif_opener()

DEFAULT_MAX_BYTES = 40 * 1024 * 1024
DEFAULT_MAX_PIXELS = 50_000_000
# Pillow's own bomb guard, as a backstop under our explicit check (see _check_pixels).
Image.MAX_IMAGE_PIXELS = DEFAULT_MAX_PIXELS

# Pillow plugin names of the accepted formats, in sniffing order.
SUPPORTED_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"}
_AVIF_BRANDS = {b"avif", b"avis"}
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# Light background used when flattening transparency, same family as the studio background.
FLATTEN_RGB = (255, 255, 255)

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Limits:
    """Caps applied before any pixel is decoded."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_pixels: int = DEFAULT_MAX_PIXELS


class PhotoRejected(Exception):
    """The upload cannot be processed; ``code`` is stable, ``message`` is for humans."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


def _identify(data: bytes) -> str | None:
    """Name the container from its magic bytes (supported or not), or None."""
    head = data[:64]
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":
        size = int.from_bytes(head[:4], "big")
        major = head[8:12]
        brands = {major} | {head[i : i + 4] for i in range(16, min(size, len(head)) - 3, 4)}
        if major in _AVIF_BRANDS or (brands & _AVIF_BRANDS and not brands & _HEIF_BRANDS):
            return "AVIF"
        if brands & _HEIF_BRANDS:
            return "HEIF"
        return None
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:2] == b"BM":
        return "BMP"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if head.startswith(b"%PDF"):
        return "PDF"
    return None


def check_size(n_bytes: int, limits: Limits) -> None:
    """Size gate, usable before reading a whole file (the CLI checks ``stat`` first)."""
    if n_bytes == 0:
        raise PhotoRejected("EMPTY_FILE", "The file is empty.")
    if n_bytes > limits.max_bytes:
        raise PhotoRejected(
            "FILE_TOO_LARGE",
            f"The file is {_human_bytes(n_bytes)} ({n_bytes:,} bytes); the limit is {_human_bytes(limits.max_bytes)}.",
        )


def _human_bytes(n: int) -> str:
    for unit, size in (("MiB", 2**20), ("KiB", 2**10)):
        if n >= size:
            return f"{n / size:.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"


def sniff_format(data: bytes) -> str | None:
    """Return the Pillow format name ("JPEG", "PNG", "WEBP", "HEIF") if the *content* is an
    accepted image type, else None. The file name is never consulted."""
    kind = _identify(data)
    return kind if kind in SUPPORTED_FORMATS else None


def is_srgb_profile(icc: bytes) -> bool:
    try:
        desc = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc)))
    except (OSError, ImageCms.PyCMSError, ValueError, TypeError):
        return True  # unreadable profile: treat as sRGB rather than fail the photo
    return "srgb" in desc.lower().replace(" ", "")


@lru_cache(maxsize=8)
def _transform_to_srgb(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    """Cached because building a transform costs a few ms and phones reuse one profile."""
    try:
        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        space = src.profile.xcolor_space.strip()
        if {"RGB": "RGB", "CMYK": "CMYK"}.get(space) != mode:
            return None  # profile does not describe these pixels: ignore it
        dst = ImageCms.createProfile("sRGB")
        return ImageCms.buildTransform(src, dst, mode, "RGB", ImageCms.Intent.PERCEPTUAL)
    except (OSError, ImageCms.PyCMSError, ValueError, TypeError):
        return None


def to_srgb(im: Image.Image, icc: bytes | None) -> Image.Image:
    """Convert RGB/CMYK pixels described by ``icc`` to sRGB; pass through when already sRGB."""
    if icc and (im.mode == "CMYK" or not is_srgb_profile(icc)):
        transform = _transform_to_srgb(icc, im.mode)
        if transform is not None:
            return transform.apply(im)
    return im if im.mode == "RGB" else im.convert("RGB")


def display_to_raw_box(box: Box, raw_size: tuple[int, int], orientation: int) -> Box:
    """Map a box in upright (display) coordinates to the stored pixel grid, so we can crop
    and shrink *before* rotating (rotating a 12 MP frame costs more than a 3 MP one)."""
    w, h = raw_size
    inverse = {6: 8, 8: 6}.get(orientation, orientation)
    dw, dh = (h, w) if orientation >= 5 else (w, h)
    pts = [_forward(x, y, dw, dh, inverse) for x, y in ((box[0], box[1]), (box[2], box[3]))]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def _forward(x: float, y: float, w: float, h: float, orientation: int) -> tuple[float, float]:
    """Where raw point (x, y) of a w x h image lands once ``orientation`` is applied."""
    return {
        1: (x, y),
        2: (w - x, y),
        3: (w - x, h - y),
        4: (x, h - y),
        5: (y, x),
        6: (h - y, x),
        7: (h - y, w - x),
        8: (y, w - x),
    }[orientation]


def check_photo(data: bytes, limits: Limits | None = None) -> str:
    """The checks an upload can get at once, from its header alone (size, format, pixel count; no pixel is
    decoded): the format name, or PhotoRejected. A damaged body is only found by the pipeline's decode."""
    source = SourceImage(data, limits)
    return source.format


class SourceImage:
    """A validated upload. Construction only reads the header; pixels are decoded lazily,
    JPEGs through DCT scaling (``draft``) at the smallest size that is still sharp enough."""

    def __init__(self, data: bytes, limits: Limits | None = None) -> None:
        limits = limits or Limits()
        check_size(len(data), limits)
        kind = _identify(data)
        if kind not in SUPPORTED_FORMATS:
            found = f"{kind} images are" if kind else "This file is"
            raise PhotoRejected(
                "UNSUPPORTED_FORMAT", f"{found} not accepted; send a JPEG, PNG, WebP or HEIC photo."
            )
        self.data = data
        self.format: str = kind
        self.limits = limits
        im = self._open()
        self.raw_size: tuple[int, int] = im.size
        self.orientation = self._orientation(im)
        w, h = im.size
        self.size: tuple[int, int] = (h, w) if self.orientation >= 5 else (w, h)
        self.icc: bytes | None = im.info.get("icc_profile") or None
        self.animated = bool(getattr(im, "is_animated", False))
        im.close()
        self._full: Image.Image | None = None  # decoded once for formats without draft

    def _open(self) -> Image.Image:
        max_pixels = self.limits.max_pixels
        # Pillow's global guard is a backstop (only ever raised, so concurrent callers with
        # other limits stay safe); the explicit size check below is the authoritative one,
        # which also covers catch_warnings() not being thread-safe.
        if Image.MAX_IMAGE_PIXELS is not None and max_pixels > Image.MAX_IMAGE_PIXELS:
            Image.MAX_IMAGE_PIXELS = max_pixels
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                im = Image.open(io.BytesIO(self.data), formats=[self.format])
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            found = re.search(r"\((\d+) pixels\)", str(exc))  # Pillow names the size it saw
            raise self._too_many(int(found.group(1)) if found else None) from None
        except Exception as exc:  # Pillow raises many types on malformed headers
            raise PhotoRejected("CORRUPT_IMAGE", f"The {self.format} file is damaged or incomplete.") from exc
        w, h = im.size
        if w * h > max_pixels:
            im.close()
            raise self._too_many(w * h, f"{w}x{h} = ")
        if w < 1 or h < 1:
            raise PhotoRejected("CORRUPT_IMAGE", "The image has no pixels.")
        return im

    def _too_many(self, pixels: int | None, dims: str = "") -> PhotoRejected:
        cap = self.limits.max_pixels
        got = f"{dims}{pixels / 1e6:.1f} million pixels" if pixels else "too many pixels"
        return PhotoRejected(
            "TOO_MANY_PIXELS", f"The image has {got}; the limit is {cap / 1e6:g} million pixels."
        )

    @staticmethod
    def _orientation(im: Image.Image) -> int:
        try:
            value = int(im.getexif().get(0x0112, 1))
        except Exception:  # a broken EXIF block must not sink the photo
            return 1
        return value if value in range(1, 9) else 1

    def _decode(self, min_raw_size: tuple[int, int] | None) -> Image.Image:
        """Decode to an 8-bit RGB (or CMYK) image in the stored orientation."""
        if self._full is not None:
            return self._full
        im = self._open()
        try:
            if self.format == "JPEG" and min_raw_size:
                im.draft(None, (max(1, min_raw_size[0]), max(1, min_raw_size[1])))
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                im.load()
            im = _normalise_mode(im)
        except PhotoRejected:
            raise
        except Exception as exc:
            raise PhotoRejected("CORRUPT_IMAGE", f"The {self.format} file is damaged or truncated.") from exc
        if self.format != "JPEG":
            self._full = im  # PNG/WebP/HEIF have no cheap reduced decode: keep the one decode
        return im

    def render(self, box: Box, out_size: tuple[int, int]) -> Image.Image:
        """Pixels of the upright ``box`` (display coordinates, may be fractional) resampled to
        ``out_size``: decoded at the smallest DCT scale that keeps enough detail, cropped and
        shrunk in the stored orientation, then rotated and converted to sRGB."""
        ow, oh = out_size
        scale = max(ow / max(box[2] - box[0], 1e-6), oh / max(box[3] - box[1], 1e-6))
        rw, rh = self.raw_size
        im = self._decode((math.ceil(rw * scale), math.ceil(rh * scale)))
        fx, fy = im.size[0] / rw, im.size[1] / rh  # draft may have shrunk the decode
        rb = display_to_raw_box(box, self.raw_size, self.orientation)
        rb = (
            max(0.0, rb[0] * fx),
            max(0.0, rb[1] * fy),
            min(im.width, rb[2] * fx),
            min(im.height, rb[3] * fy),
        )
        raw_out = (oh, ow) if self.orientation >= 5 else (ow, oh)
        out = resample(im, raw_out, rb, Image.Resampling.LANCZOS)
        if self.orientation in _TRANSPOSE:
            out = out.transpose(_TRANSPOSE[self.orientation])
        out = to_srgb(out, self.icc)
        out.info = {}
        return out

    def analysis_copy(self, max_side: int) -> Image.Image:
        """Small upright sRGB copy for measurements. For a JPEG the size snaps to a DCT
        scale (1/2..1/8) when that is within 25 % of ``max_side``: the decoder then does
        all the shrinking (a 12 MP photo decodes at 504x378 in a few ms)."""
        w, h = self.size
        long_side = max(w, h)
        k = min(1.0, max_side / long_side)
        if self.format == "JPEG":
            for f in (8, 4, 2):
                if 0.75 * max_side <= math.ceil(long_side / f) <= max_side:
                    k = 1.0 / f
                    break
        out = (max(1, math.ceil(w * k)), max(1, math.ceil(h * k)))
        return self.render((0, 0, w, h), out)

    def close(self) -> None:
        self._full = None


def resample(im: Image.Image, size: tuple[int, int], box: Box, method: Image.Resampling) -> Image.Image:
    """Resize ``box`` of ``im`` to ``size``; at 1:1 scale an integer crop instead, because
    resampling at a fractional offset would blur an image we are not shrinking."""
    bw, bh = box[2] - box[0], box[3] - box[1]
    if abs(bw - size[0]) < 1.0 and abs(bh - size[1]) < 1.0 and size[0] <= im.width and size[1] <= im.height:
        x0 = min(max(0, round(box[0])), im.width - size[0])
        y0 = min(max(0, round(box[1])), im.height - size[1])
        return im.crop((x0, y0, x0 + size[0], y0 + size[1]))
    return im.resize(size, method, box=box, reducing_gap=3.0 if method == Image.Resampling.LANCZOS else None)


def _normalise_mode(im: Image.Image) -> Image.Image:
    """Any decoded mode to 8-bit RGB (CMYK kept for its ICC transform); alpha flattened."""
    if getattr(im, "is_animated", False):
        im.seek(0)  # animated WebP: the first frame stands for the product
    mode = im.mode
    if mode in ("RGB", "CMYK"):
        return im
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        arr = np.asarray(im, dtype=np.float32)
        top = 65535.0 if mode.startswith("I;16") or arr.max() > 255 else 255.0
        grey = Image.fromarray(np.clip(arr * (255.0 / top) + 0.5, 0, 255).astype(np.uint8))
        return grey.convert("RGB")
    if mode in ("RGBA", "LA", "PA", "La", "RGBa") or (mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        flat = Image.new("RGB", rgba.size, FLATTEN_RGB)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return im.convert("RGB")
