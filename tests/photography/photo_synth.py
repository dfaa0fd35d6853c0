"""Synthetic test photos with known ground truth (imported by the photography tests)."""

from __future__ import annotations

import colorsys
import io

import numpy as np
from PIL import Image, ImageDraw

SECRET = b"MAALEM-SECRET-LOCATION"
XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="31,37.7N"/></rdf:RDF>'
    b'</x:xmpmeta><?xpacket end="w"?>'
)
BROWN = (140, 82, 45)


def texture(w: int, h: int, seed: int = 0, amp: float = 14.0) -> np.ndarray:
    """Smooth random texture (cheap: drawn small and upsampled)."""
    rng = np.random.default_rng(seed)
    small = rng.normal(0, 1, (max(2, h // 6), max(2, w // 6))).astype(np.float32)
    return np.asarray(Image.fromarray(small).resize((w, h), Image.Resampling.BICUBIC)) * amp


def product(
    w: int = 480,
    h: int = 360,
    *,
    bg: tuple[int, int, int] = (205, 203, 200),
    colour: tuple[int, int, int] = BROWN,
    box: tuple[float, float, float, float] = (0.3, 0.25, 0.7, 0.8),
    shape: str = "ellipse",
    cast: tuple[float, float, float] = (1.0, 1.0, 1.0),
    exposure: float = 1.0,
    clutter: bool = False,
    seed: int = 0,
) -> Image.Image:
    """A textured object (ellipse or rectangle in normalised ``box``) on a plain or
    cluttered backdrop, optionally with a colour cast and an exposure factor."""
    rng = np.random.default_rng(seed)
    img = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(img)
    if clutter:
        for _ in range(70):
            x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
            x1, y1 = x0 + int(rng.integers(w // 20, w // 4)), y0 + int(rng.integers(h // 20, h // 4))
            fill = tuple(int(c) for c in rng.integers(0, 255, 3))
            (d.rectangle if rng.random() < 0.5 else d.ellipse)((x0, y0, x1, y1), fill=fill)
        for _ in range(40):
            p0 = (int(rng.integers(0, w)), int(rng.integers(0, h)))
            p1 = (int(rng.integers(0, w)), int(rng.integers(0, h)))
            d.line([p0, p1], fill=tuple(int(c) for c in rng.integers(0, 255, 3)), width=max(1, w // 150))
    mask = Image.new("L", (w, h), 0)
    rect = (box[0] * w, box[1] * h, box[2] * w - 1, box[3] * h - 1)
    (ImageDraw.Draw(mask).ellipse if shape == "ellipse" else ImageDraw.Draw(mask).rectangle)(rect, fill=255)
    arr = np.asarray(img, np.float32).copy()
    body = np.asarray(mask) > 0
    stripes = 0.85 + 0.15 * np.sin(np.arange(h, dtype=np.float32) / 4.0)[:, None]
    obj = np.asarray(colour, np.float32)[None, None] * stripes[..., None] + texture(w, h, seed)[..., None]
    arr[body] = obj[body]
    arr += rng.normal(0, 1.5, arr.shape)
    arr = arr * np.asarray(cast, np.float32) * exposure
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def exif_bytes(orientation: int = 1, *, gps: bool = True, big_comment: int = 0) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F], exif[0x0110] = "PhoneMaker", "Phone X"
    if big_comment:
        exif[0x9286] = b"ASCII\0\0\0" + b"x" * big_comment  # UserComment
    if gps:
        ifd = exif.get_ifd(0x8825)
        ifd.update({1: "N", 2: (31.0, 37.0, 42.1), 3: "W", 4: (8.0, 0.0, 9.5), 27: b"ASCII\0\0\0" + SECRET})
    return exif.tobytes()


def jpeg(im: Image.Image, *, quality: int = 92, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality, **kw)
    return buf.getvalue()


def encode(im: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def with_xmp_and_comment(jpeg_bytes: bytes) -> bytes:
    """Insert an XMP APP1 segment and a COM segment right after SOI."""
    xmp = b"http://ns.adobe.com/xap/1.0/\0" + XMP
    app1 = b"\xff\xe1" + (len(xmp) + 2).to_bytes(2, "big") + xmp
    comment = b"shot at " + SECRET
    com = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    return jpeg_bytes[:2] + app1 + com + jpeg_bytes[2:]


def hue_deg(rgb) -> float:
    h, _, _ = colorsys.rgb_to_hsv(*(float(c) / 255 for c in rgb))
    return h * 360


def saturation(rgb) -> float:
    return colorsys.rgb_to_hsv(*(float(c) / 255 for c in rgb))[1]


def open_image(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im


METADATA_KEYS = {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "gps", "Comment"}
FORBIDDEN_BYTES = (b"GPS", b"Exif", b"xmp", b"XMP", b"ICC_PROFILE", b"iCCP", b"eXIf", SECRET, b"PhoneMaker")


def assert_clean(data: bytes, what: str = "") -> None:
    """No EXIF/GPS/XMP/ICC/comment, neither as decoded metadata nor as raw marker bytes."""
    im = open_image(data)
    leaked = METADATA_KEYS & set(im.info)
    assert not leaked, f"{what}: metadata {leaked} in {im.format}"
    assert len(im.getexif()) == 0, f"{what}: EXIF tags {dict(im.getexif())}"
    for marker in FORBIDDEN_BYTES:
        assert marker not in data, f"{what}: {marker!r} found in {im.format} bytes"
