"""Turn a clean rendering into the bad phone photo an artisan would upload.

The photography pipeline is demoed on these: it must find the subject in clutter, fix the
colour cast and exposure, honour the EXIF rotation and strip the GPS position.
"""

from __future__ import annotations

import io
import math
import random
from datetime import datetime, timedelta

import numpy as np
from PIL import ExifTags, Image, ImageDraw, ImageFilter
from PIL.TiffImagePlugin import IFDRational

from .images_base import np_rng
from .images_scenes import _wood

PHONE_SIZE = (2000, 1500)

# Where artisans work: (name, latitude N, longitude W).
CITIES: list[tuple[str, float, float]] = [
    ("Fès", 34.0331, 5.0003),
    ("Marrakech", 31.6295, 7.9811),
    ("Essaouira", 31.5085, 9.7595),
    ("Safi", 32.2994, 9.2372),
    ("Chefchaouen", 35.1688, 5.2636),
    ("Tiznit", 29.6974, 9.7316),
    ("Rabat", 34.0209, 6.8416),
    ("Meknès", 33.8935, 5.5473),
    ("Ouarzazate", 30.9189, 6.8934),
    ("Tétouan", 35.5785, 5.3684),
    ("Taroudant", 30.4703, 8.8770),
]

# Stored pixels are the upright photo turned so that applying the tag restores it.
_STORE = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}
_CASTS = {"tungsten": (1.2, 1.0, 0.66), "fluorescent": (0.88, 1.08, 0.84)}


def _dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    deg = int(value)
    minutes_f = (value - deg) * 60
    minutes = int(minutes_f)
    seconds = round((minutes_f - minutes) * 60, 2)
    return (IFDRational(deg), IFDRational(minutes), IFDRational(int(round(seconds * 100)), 100))


def _background_model(a: np.ndarray) -> np.ndarray:
    """Fit a quadratic surface per channel to the image's border: the studio sweep."""
    h, w = a.shape[:2]
    small = np.asarray(Image.fromarray(a.astype(np.uint8)).resize((64, 64), Image.BOX), np.float32)
    yy, xx = np.mgrid[0:64, 0:64].astype(np.float32) / 63.0 * 2 - 1
    ring = (np.abs(xx) > 0.85) | (np.abs(yy) > 0.85)

    def basis(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return np.stack([np.ones_like(x), x, y, x * x, y * y, x * y], axis=-1)

    coef, *_ = np.linalg.lstsq(basis(xx[ring], yy[ring]), small[ring], rcond=None)
    fy = np.linspace(-1, 1, h, dtype=np.float32)[:, None]
    fx = np.linspace(-1, 1, w, dtype=np.float32)[None, :]
    b = basis(np.broadcast_to(fx, (h, w)), np.broadcast_to(fy, (h, w)))
    return (b @ coef.astype(np.float32)).astype(np.float32)


def _cut_out(img: Image.Image) -> tuple[Image.Image, np.ndarray, np.ndarray]:
    """Subject of a studio rendering: (RGB, subject mask, shadow factor) at the image's size.

    The background is smooth and near the border's colour; the subject differs in hue, is
    much darker or brighter, or is textured. Holes are filled so a pale object stays whole,
    and darker pixels of the background's hue are kept as a shadow to transfer.
    """
    src = img.convert("RGB")
    a = np.asarray(src, np.float32)
    h, w = a.shape[:2]
    bg = _background_model(a)
    ratio = np.clip(a.mean(axis=2) / np.maximum(bg.mean(axis=2), 1.0), 0.0, 2.0)
    chroma = np.abs(a - bg * ratio[..., None]).max(axis=2)
    lum = Image.fromarray(a.mean(axis=2).astype(np.uint8))
    texture = np.abs(np.asarray(lum, np.float32) - np.asarray(lum.filter(ImageFilter.BoxBlur(2)), np.float32))
    obj = (chroma > 12) | (ratio < 0.62) | (ratio > 1.1) | (texture > 5)
    # Clean up at low resolution: close small gaps, then fill everything the border can't reach.
    n = 256
    sw, sh = (n, max(1, h * n // w)) if w >= h else (max(1, w * n // h), n)
    m = Image.fromarray(obj.astype(np.uint8) * 255).resize((sw, sh), Image.BOX).point(lambda v: 255 if v > 60 else 0)
    m = m.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.MinFilter(5))
    outside = Image.new("L", (sw + 2, sh + 2), 255)
    outside.paste(Image.eval(m, lambda v: 255 - v), (1, 1))
    ImageDraw.floodfill(outside, (0, 0), 128)
    # Small enclosed holes are a pale part of the subject; big ones (inside a handle or a
    # necklace) are background seen through it.
    for _ in range(64):
        arr = np.asarray(outside)
        left = np.argwhere(arr == 255)
        if not len(left):
            break
        y, x = left[0]
        ImageDraw.floodfill(outside, (int(x), int(y)), 1)
        arr = np.asarray(outside)
        if (arr == 1).sum() > 0.02 * sw * sh:
            outside = Image.fromarray(np.where(arr == 1, 128, arr).astype(np.uint8))
        else:
            outside = Image.fromarray(np.where(arr == 1, 0, arr).astype(np.uint8))
    filled = np.asarray(outside, np.uint8)[1:-1, 1:-1] != 128
    small = Image.fromarray(filled.astype(np.uint8) * 255).filter(ImageFilter.MinFilter(3))
    mask = small.resize((w, h), Image.BILINEAR)
    mask = mask.filter(ImageFilter.GaussianBlur(max(1.0, w / 600)))
    shadow = np.clip(ratio, 0.3, 1.0)
    return src, np.asarray(mask, np.float32) / 255.0, shadow


def _clutter(w: int, h: int, rng: random.Random, gen: np.random.Generator) -> tuple[Image.Image, float]:
    """A table top seen by a hand-held phone: slanted edge, dim room beyond, stuff lying around."""
    y0, y1 = h * rng.uniform(0.1, 0.3), h * rng.uniform(0.1, 0.3)
    if rng.random() < 0.5:
        surface = _wood(gen, h, w, rng.choice([(150, 104, 70), (176, 128, 86), (120, 84, 60)]), h // 5)
    else:  # oilcloth with a small printed check
        base = np.array(rng.choice([(200, 70, 60), (70, 110, 170), (220, 200, 160), (90, 150, 110)]), np.float32)
        yy, xx = np.mgrid[0:h, 0:w]
        check = (((xx // 60) + (yy // 60)) % 2).astype(np.float32)
        surface = base * (0.8 + 0.25 * check)[..., None]
        surface *= (0.92 + 0.16 * gen.random((h // 8 + 1, w // 8 + 1), dtype=np.float32)
                    .repeat(8, 0).repeat(8, 1)[:h, :w])[..., None]
    img = Image.fromarray(np.clip(surface, 0, 255).astype(np.uint8), "RGB")
    d = ImageDraw.Draw(img)
    room = rng.choice([(62, 58, 54), (84, 76, 66), (50, 54, 60)])
    d.polygon([(0, 0), (w, 0), (w, y1), (0, y0)], fill=room)
    d.line([(0, y0), (w, y1)], fill=(30, 26, 22), width=10)
    if rng.random() < 0.6:  # a chair back or door frame in the room
        x = rng.uniform(0.05, 0.9) * w
        d.rectangle([x, 0, x + w * 0.04, min(y0, y1) - 10], fill=(40, 32, 26))
    shadows = Image.new("L", (w, h), 0)
    sd = ImageDraw.Draw(shadows)
    items = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    idr = ImageDraw.Draw(items)
    top = max(y0, y1) + 40
    for _ in range(rng.randint(5, 9)):
        x, y = rng.uniform(0, w), rng.uniform(top, h)
        kind = rng.choice(["mug", "paper", "cable", "keys", "tape", "glass", "bag", "spool"])
        s = rng.uniform(0.7, 1.3)
        if kind == "mug":
            r = 90 * s
            col = rng.choice([(230, 230, 225), (180, 40, 40), (40, 80, 140)])
            sd.ellipse([x - r + 20, y - r * 0.5 + 30, x + r + 40, y + r * 1.6 + 30], fill=160)
            idr.rectangle([x - r, y, x + r, y + r * 1.4], fill=col)
            idr.ellipse([x - r, y - r * 0.4, x + r, y + r * 0.4], fill=col)
            idr.ellipse([x - r * 0.85, y - r * 0.3, x + r * 0.85, y + r * 0.3], fill=(60, 36, 24))
            idr.arc([x + r * 0.7, y + r * 0.2, x + r * 1.5, y + r * 1.1], -90, 90, fill=col, width=int(18 * s))
        elif kind == "paper":
            pw, ph, ang = 340 * s, 440 * s, rng.uniform(0, math.pi)
            pts = [(x + c * pw / 2 * math.cos(ang) - e * ph / 2 * math.sin(ang),
                    y + c * pw / 2 * math.sin(ang) + e * ph / 2 * math.cos(ang))
                   for c, e in ((-1, -1), (1, -1), (1, 1), (-1, 1))]
            sd.polygon([(px + 12, py + 16) for px, py in pts], fill=110)
            idr.polygon(pts, fill=(236, 234, 226))
            for i in range(8):
                f = -0.7 + i * 0.18
                a0 = (x - pw * 0.35 * math.cos(ang) - f * ph / 2 * math.sin(ang),
                      y - pw * 0.35 * math.sin(ang) + f * ph / 2 * math.cos(ang))
                a1 = (x + pw * 0.35 * math.cos(ang) - f * ph / 2 * math.sin(ang),
                      y + pw * 0.35 * math.sin(ang) + f * ph / 2 * math.cos(ang))
                idr.line([a0, a1], fill=(120, 120, 140), width=4)
        elif kind == "cable":
            pts = []
            px, py, ang = x, y, rng.uniform(0, 2 * math.pi)
            for _ in range(40):
                ang += rng.uniform(-0.5, 0.5)
                px, py = px + 30 * math.cos(ang), py + 30 * math.sin(ang)
                pts.append((px, py))
            col = rng.choice([(240, 240, 236), (20, 20, 22)])
            sd.line([(a + 8, b + 10) for a, b in pts], fill=140, width=16, joint="curve")
            idr.line(pts, fill=col, width=12, joint="curve")
        elif kind == "keys":
            idr.ellipse([x - 40 * s, y - 40 * s, x + 40 * s, y + 40 * s], outline=(170, 170, 176), width=10)
            for _ in range(3):
                a = rng.uniform(0, 2 * math.pi)
                idr.line([(x, y), (x + 150 * s * math.cos(a), y + 150 * s * math.sin(a))], fill=(190, 160, 90),
                         width=22)
        elif kind == "tape":
            r = 80 * s
            sd.ellipse([x - r + 14, y - r + 18, x + r + 14, y + r + 18], fill=120)
            idr.ellipse([x - r, y - r, x + r, y + r], fill=(200, 180, 140))
            idr.ellipse([x - r * 0.6, y - r * 0.6, x + r * 0.6, y + r * 0.6], fill=(120, 100, 80))
        elif kind == "glass":  # a mint tea glass
            r = 55 * s
            idr.polygon([(x - r, y - r * 1.6), (x + r, y - r * 1.6), (x + r * 0.8, y + r), (x - r * 0.8, y + r)],
                        fill=(150, 120, 60, 160))
            idr.line([(x - r, y - r * 1.1), (x + r, y - r * 1.1)], fill=(220, 180, 60), width=10)
        elif kind == "bag":
            pts = [(x + 160 * s * math.cos(a) * rng.uniform(0.6, 1.2),
                    y + 120 * s * math.sin(a) * rng.uniform(0.6, 1.2))
                   for a in np.linspace(0, 2 * math.pi, 11)[:-1]]
            idr.polygon(pts, fill=rng.choice([(230, 230, 230, 210), (40, 40, 44, 230), (70, 140, 200, 200)]))
        else:
            r = 45 * s
            idr.rectangle([x - r, y - r * 1.4, x + r, y + r * 1.4],
                          fill=rng.choice([(170, 30, 40), (30, 90, 150), (220, 180, 40)]))
            idr.rectangle([x - r * 1.3, y - r * 1.6, x + r * 1.3, y - r * 1.3], fill=(140, 100, 60))
            idr.rectangle([x - r * 1.3, y + r * 1.3, x + r * 1.3, y + r * 1.6], fill=(140, 100, 60))
    dark = img.point(lambda v: v * 0.55)
    img = Image.composite(dark, img, shadows.filter(ImageFilter.GaussianBlur(14)))
    img.paste(items, (0, 0), items)
    return img, max(y0, y1)


def phone_shot(img: Image.Image, seed: int) -> bytes:
    """A realistic bad phone photo of a rendering, as JPEG bytes (about 2000x1500).

    Cluttered table, subject small and off-centre, tungsten or fluorescent cast, under-exposed,
    a little soft and noisy; rotation stored as EXIF Orientation (3, 6 or 8) and the GPS
    position of a Moroccan city, Make/Model "Phone".
    """
    rng = random.Random(f"maalem-phone|{seed}")
    gen = np_rng(rng)
    w, h = PHONE_SIZE
    scene, table_y = _clutter(w, h, rng, gen)
    src, obj, shadow = _cut_out(img)
    ys, xs = np.nonzero(obj > 0.5)
    sw, sh = src.size
    if len(xs):
        bx0, bx1, by0, by1 = xs.min(), xs.max(), ys.min(), ys.max()
    else:
        bx0, bx1, by0, by1 = 0, sw - 1, 0, sh - 1
    # Scale so the subject fills about half the frame height, but stays inside it.
    target = rng.uniform(0.42, 0.55) * h
    k = min(target / max(1, by1 - by0), 0.5 * w / max(1, bx1 - bx0))
    side = (max(1, int(sw * k)), max(1, int(sh * k)))
    src_s = np.asarray(src.resize(side, Image.BILINEAR), np.float32)
    obj_s = np.asarray(Image.fromarray((obj * 255).astype(np.uint8)).resize(side, Image.BILINEAR), np.float32) / 255
    shd_s = np.asarray(Image.fromarray((shadow * 255).astype(np.uint8)).resize(side, Image.BILINEAR), np.float32) / 255
    cx = w * rng.choice([rng.uniform(0.3, 0.42), rng.uniform(0.58, 0.7)])
    cy = max(table_y + (by1 - by0) * k * 0.55, h * rng.uniform(0.52, 0.6))
    ox = int(cx - (bx0 + bx1) / 2 * k)
    oy = int(min(cy, h - (by1 - by0) * k * 0.5 - 20) - (by0 + by1) / 2 * k)
    out = np.asarray(scene, np.float32).copy()
    # Clip the pasted square to the frame.
    x0, y0 = max(0, ox), max(0, oy)
    x1, y1 = min(w, ox + side[0]), min(h, oy + side[1])
    if x1 > x0 and y1 > y0:
        sub = out[y0:y1, x0:x1]
        s_rgb = src_s[y0 - oy : y1 - oy, x0 - ox : x1 - ox]
        s_obj = obj_s[y0 - oy : y1 - oy, x0 - ox : x1 - ox, None]
        s_shd = shd_s[y0 - oy : y1 - oy, x0 - ox : x1 - ox, None]
        sub *= s_shd  # the studio shadow, transferred onto the table
        out[y0:y1, x0:x1] = sub * (1 - s_obj) + s_rgb * s_obj
    # Light: colour cast, under-exposure and vignetting.
    cast = np.array(_CASTS[rng.choice(sorted(_CASTS))], np.float32)
    exposure = rng.uniform(0.55, 0.68)
    yy = np.linspace(-1, 1, h, dtype=np.float32)[:, None]
    xx = np.linspace(-1, 1, w, dtype=np.float32)[None, :]
    vignette = 1.0 - 0.3 * (xx * xx * 0.6 + yy * yy * 0.8)
    out = 255.0 * (np.clip(out / 255.0, 0, 1) ** 1.15) * exposure
    out = out * cast * vignette[..., None]
    photo = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGB")
    # Hand-held: a slight tilt (cropped to hide the corners) and softness.
    tilt = rng.uniform(-3.0, 3.0)
    photo = photo.rotate(tilt, Image.BILINEAR).crop((40, 30, w - 40, h - 30)).resize((w, h), Image.BILINEAR)
    photo = photo.filter(ImageFilter.GaussianBlur(rng.uniform(0.9, 1.6)))
    # Sensor noise: luminance grain plus blotchy chroma noise.
    arr = np.asarray(photo, np.float32)
    arr += gen.normal(0, 5.0, (h, w, 1)).astype(np.float32)
    chroma = gen.normal(0, 3.0, (h // 4, w // 4, 3)).astype(np.float32)
    blotches = Image.fromarray(np.clip(chroma * 16 + 128, 0, 255).astype(np.uint8), "RGB").resize((w, h),
                                                                                                 Image.BILINEAR)
    arr += (np.asarray(blotches, np.float32) - 128) / 16
    photo = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    orientation = rng.choice(sorted(_STORE))
    stored = photo.transpose(_STORE[orientation])
    _name, lat, lon = rng.choice(CITIES)
    lat += rng.uniform(-0.01, 0.01)
    lon += rng.uniform(-0.01, 0.01)
    taken = datetime(2025, 3, 1, 9, 0) + timedelta(minutes=rng.randint(0, 60 * 24 * 200))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phone"
    exif[ExifTags.Base.Model] = "Phone"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.DateTime] = taken.strftime("%Y:%m:%d %H:%M:%S")
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps.update(
        {
            ExifTags.GPS.GPSVersionID: b"\x02\x02\x00\x00",
            ExifTags.GPS.GPSLatitudeRef: "N",
            ExifTags.GPS.GPSLatitude: _dms(lat),
            ExifTags.GPS.GPSLongitudeRef: "W",
            ExifTags.GPS.GPSLongitude: _dms(lon),
        }
    )
    buf = io.BytesIO()
    stored.save(buf, "JPEG", quality=rng.randint(78, 88), exif=exif.tobytes())
    return buf.getvalue()
