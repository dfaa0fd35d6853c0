"""Cases with ground truth for bench/photo_quality.py: renders of every demo craft kind composited
onto real photographic backgrounds, and real photos with hand-traced masks.

Every demo craft kind (``render_cutout`` gives its exact silhouette) goes onto a real photographic
background (scikit-image's photos and textures: brick, grass, gravel, coffee, astronaut, rocket,
chelsea), the demo's cluttered table, or a plain wall or sheet, with a soft shadow, under varied
light, white balance, noise, JPEG quality, rotation and phone-like vignetting. Deterministic by
seed: the same index and seed give the same bytes. Renders are cached under var/cache.
"""

from __future__ import annotations

import io
import json
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
TRUTH_DIR = Path(__file__).resolve().parent / "photo_truth"
BACKDROPS = ("plain", "sheet", "brick", "grass", "gravel", "coffee", "astronaut", "rocket", "chelsea", "clutter")
# The craft kinds in a fixed order, so that case N stays the same case when the demo gains a kind
# (figures before and after a change are measured on the same photos).
KINDS = ("rug", "kilim", "cushion", "pottery", "tagine", "plate", "zellige", "leather-pouf", "leather-bag",
         "babouche", "necklace", "bracelet", "wood-box", "wood-bowl", "lantern", "brass-tray", "basket")
CASTS = {"tungsten": (1.18, 1.0, 0.7), "fluorescent": (0.9, 1.07, 0.86), "shade": (0.88, 0.96, 1.12)}


@dataclass
class Case:
    name: str
    kind: str  # craft kind, or "real"
    backdrop: str
    neutral: bool  # neutral light: no cast, no exposure change, no vignette (ΔE is judged there)
    data: bytes  # the JPEG the pipeline receives
    truth: np.ndarray  # bool, upright frame
    truth_rgb: tuple[float, float, float] | None  # median colour of the clean subject (neutral cases)
    params: dict = field(default_factory=dict)
    # The clean scene as composited (neutral cases): before noise, blur and JPEG, pixel-aligned with
    # ``truth``, so colours are compared pixel for pixel (photo_quality.subject_colour_shift).
    truth_image: Image.Image | None = None


# ---------------------------------------------------------------- backgrounds
@lru_cache(maxsize=16)
def _skimage_photo(name: str) -> np.ndarray:
    from skimage import data

    arr = getattr(data, name)()
    if arr.ndim == 2:
        arr = np.stack([arr] * 3, axis=-1)
    return np.ascontiguousarray(arr[..., :3])


def _cover(img: Image.Image, size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Scale to cover ``size`` and crop a random window (textures are tiled when small)."""
    w, h = size
    k = max(w / img.width, h / img.height) * rng.uniform(1.0, 1.3)
    big = img.resize((max(w, round(img.width * k)), max(h, round(img.height * k))), Image.Resampling.BICUBIC)
    x, y = rng.randint(0, big.width - w), rng.randint(0, big.height - h)
    return big.crop((x, y, x + w, y + h))


def backdrop(name: str, size: tuple[int, int], rng: random.Random) -> Image.Image:
    w, h = size
    gen = np.random.default_rng(rng.getrandbits(32))
    if name in ("plain", "sheet"):
        tone = np.array(rng.choice([(236, 232, 224), (214, 208, 198), (200, 204, 206), (226, 214, 190)]), np.float32)
        yy = np.linspace(0, 1, 48, dtype=np.float32)[:, None]
        xx = np.linspace(-1, 1, 64, dtype=np.float32)[None, :]
        grad = 1.0 - 0.1 * yy - 0.06 * xx * xx + 0.03 * rng.uniform(-1, 1) * xx
        if name == "sheet":  # soft folds of a cloth
            folds = np.asarray(Image.fromarray(gen.normal(0, 1, (6, 8)).astype(np.float32))
                               .resize((64, 48), Image.Resampling.BICUBIC))
            grad = grad + 0.035 * folds
        small = Image.fromarray(np.clip(tone * grad[..., None], 0, 255).astype(np.uint8))
        return small.resize(size, Image.Resampling.BICUBIC)
    if name == "clutter":
        from demo.images_phone import _clutter

        scene, _ = _clutter(w, h, rng, gen)
        return scene
    photo = Image.fromarray(_skimage_photo(name))
    if name in ("brick", "grass", "gravel"):  # grey textures: tint them like a floor or a wall
        tint = np.array(rng.choice([(1.0, 0.86, 0.7), (0.95, 0.95, 0.9), (0.8, 0.9, 0.75), (1.0, 0.8, 0.66)]),
                        np.float32)
        photo = Image.fromarray(np.clip(np.asarray(photo, np.float32) * tint, 0, 255).astype(np.uint8))
    return _cover(photo, size, rng)


# ---------------------------------------------------------------- synthetic cases
CACHE_DIR = ROOT / "var" / "cache" / "photo_quality"  # renders are deterministic: kept between runs


@lru_cache(maxsize=64)
def _cutout(kind: str, seed: int, view: int) -> tuple[Image.Image, str]:
    from demo.images import render_cutout

    path = CACHE_DIR / f"{kind}-{seed}-{view}.png"
    if path.exists():
        layer = Image.open(path)
        layer.load()
        return layer, layer.info.get("stance", "stand")
    layer, stance = render_cutout(kind, seed, view=view, size=900)
    layer = layer.crop(layer.getbbox())
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("stance", stance)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    layer.save(path, pnginfo=info)
    return layer, stance


def _drop_shadow(bg: Image.Image, alpha: Image.Image, stance: str, rng: random.Random) -> Image.Image:
    """A soft shadow on the backdrop: it belongs to the background, not to the subject."""
    w, h = bg.size
    dx, dy = rng.uniform(0.005, 0.02) * w, (0.004 if stance == "stand" else 0.015) * h
    shadow = Image.new("L", (w, h), 0)
    shadow.paste(alpha, (round(dx), round(dy)))
    shadow = shadow.filter(ImageFilter.GaussianBlur(w * 0.008)).point(lambda v: v * rng.uniform(0.35, 0.6))
    return Image.composite(bg.point(lambda v: v * 0.45), bg, shadow)


def synthetic_case(index: int, seed: int = 0) -> Case:
    rng = random.Random(f"maalem-photo-quality|{seed}|{index}")
    kind = KINDS[index % len(KINDS)]
    name = BACKDROPS[(index // len(KINDS) + index) % len(BACKDROPS)]
    view = rng.choice([0, 0, 2])
    layer, stance = _cutout(kind, rng.randint(1, 3), view)
    size = (1600, 1200) if rng.random() < 0.6 else (1200, 1600)
    w, h = size
    fill = rng.uniform(0.4, 0.72)
    k = fill * min(w, h) / max(layer.size)
    obj = layer.resize((max(8, round(layer.width * k)), max(8, round(layer.height * k))), Image.Resampling.LANCZOS)
    margin = 0.04 * min(w, h)
    x = rng.uniform(margin, max(margin, w - obj.width - margin))
    y = rng.uniform(margin, max(margin, h - obj.height - margin))
    pos = (round(x), round(y))
    scene = backdrop(name, size, rng).convert("RGB")
    a_full = Image.new("L", size, 0)
    a_full.paste(obj.getchannel("A"), pos)
    scene = _drop_shadow(scene, a_full, stance, rng)
    scene.paste(obj.convert("RGB"), pos, obj.getchannel("A"))
    angle = rng.uniform(-6, 6) if rng.random() < 0.5 else 0.0
    if angle:
        scene = scene.rotate(angle, Image.Resampling.BICUBIC, expand=False, fillcolor=(128, 128, 128))
        a_full = a_full.rotate(angle, Image.Resampling.BICUBIC, expand=False)
        crop = (round(w * 0.06), round(h * 0.06), w - round(w * 0.06), h - round(h * 0.06))
        scene, a_full = scene.crop(crop), a_full.crop(crop)
    neutral = index % 3 == 0
    clean_scene = scene if neutral else None
    arr = np.asarray(scene, np.float32)
    params: dict = {"view": view, "fill": round(fill, 2), "angle": round(angle, 1)}
    if not neutral:
        cast_name = rng.choice([*sorted(CASTS), "none"])
        gains = np.array(CASTS.get(cast_name, (1.0, 1.0, 1.0)), np.float32)
        exposure = rng.uniform(0.6, 1.12)
        vig = rng.uniform(0.0, 0.35)
        hh, ww = arr.shape[:2]
        yy = np.linspace(-1, 1, hh, dtype=np.float32)[:, None]
        xx = np.linspace(-1, 1, ww, dtype=np.float32)[None, :]
        light = (1.0 - vig * (xx * xx * 0.6 + yy * yy * 0.8)) * (1 + rng.uniform(-0.1, 0.1) * xx)
        arr = arr * gains * exposure * light[..., None]
        params.update(cast=cast_name, exposure=round(exposure, 2), vignette=round(vig, 2))
    gen = np.random.default_rng(rng.getrandbits(32))
    noise = rng.uniform(1.0, 5.0)
    arr = arr + gen.normal(0, noise, arr.shape[:2])[..., None].astype(np.float32)
    photo = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if rng.random() < 0.4:
        photo = photo.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.0)))
    quality = rng.randint(60, 95)
    buf = io.BytesIO()
    photo.save(buf, "JPEG", quality=quality)
    params.update(noise=round(noise, 1), jpeg=quality)
    truth = np.asarray(a_full) > 127
    truth_rgb = None
    if neutral:
        rgba = np.asarray(obj, np.float32)
        inner = np.asarray(obj.getchannel("A").filter(ImageFilter.MinFilter(5))) == 255
        truth_rgb = tuple(float(v) for v in np.median(rgba[..., :3][inner], axis=0))
    return Case(f"{kind}-{name}-{index:03d}", kind, name, neutral, buf.getvalue(), truth, truth_rgb, params,
                clean_scene)


def real_cases() -> list[Case]:
    """Real photos with a hand-traced polygon: ``{"image": "skimage:coffee", "polygons": [[[x, y], ...]]}``."""
    out = []
    for path in sorted(TRUTH_DIR.glob("*.json")):
        spec = json.loads(path.read_text())
        source, name = spec["image"].split(":", 1)
        assert source == "skimage", spec["image"]
        photo = Image.fromarray(_skimage_photo(name))
        mask = Image.new("L", photo.size, 0)
        for poly in spec["polygons"]:
            ImageDraw.Draw(mask).polygon([tuple(p) for p in poly], fill=255)
        buf = io.BytesIO()
        photo.save(buf, "JPEG", quality=95)
        out.append(Case(f"real-{path.stem}", "real", spec.get("backdrop", "real"), False, buf.getvalue(),
                        np.asarray(mask) > 127, None, {"source": spec["image"]}))
    return out


def cases(count: int, seed: int = 0, *, real: bool = True):
    for i in range(count):
        yield synthetic_case(i, seed)
    if real:
        yield from real_cases()
