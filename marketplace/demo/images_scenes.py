"""Backgrounds, artisan portraits and workshop scenes for the demo images."""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from .images_base import RGB, mix, noise, np_rng, octagram, scale

_WALLS: list[RGB] = [(226, 204, 176), (231, 206, 192), (234, 229, 219), (214, 196, 170), (200, 214, 226)]
_WOODS: list[RGB] = [(176, 128, 86), (150, 104, 70), (196, 160, 118)]


def _smoothstep(a: float, b: float, x: np.ndarray) -> np.ndarray:
    t = np.clip((x - a) / (b - a), 0.0, 1.0)
    return t * t * (3 - 2 * t)


def _to_img(arr: np.ndarray) -> Image.Image:
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")


def _stretched_noise(gen: np.random.Generator, h: int, w: int, cell_y: float, cell_x: float) -> np.ndarray:
    gh, gw = max(2, int(h / cell_y) + 2), max(2, int(w / cell_x) + 2)
    small = Image.fromarray(gen.random((gh, gw), dtype=np.float32), "F")
    return np.asarray(small.resize((w, h), Image.BICUBIC), dtype=np.float32)


def studio_background(w: int, h: int, rng: random.Random) -> Image.Image:
    """Light paper sweep: brighter behind the object, a little darker towards floor and corners."""
    tone = np.array(rng.choice([(243, 239, 232), (240, 237, 231), (244, 238, 228), (237, 235, 230)]), np.float32)
    y = np.linspace(0, 1, 48, dtype=np.float32)[:, None]
    x = np.linspace(-1, 1, 48, dtype=np.float32)[None, :]
    grad = 1.0 - 0.08 * _smoothstep(0.3, 1.0, y) - 0.05 * x * x + 0.035 * np.exp(-(x * x + ((y - 0.4) * 2.2) ** 2))
    return _to_img(tone * grad[..., None]).resize((w, h), Image.BICUBIC)


def _wood(gen: np.random.Generator, h: int, w: int, base: RGB, plank: int) -> np.ndarray:
    """Planks with grain; computed at half resolution (it is soft anyway) and upsampled."""
    h2, w2, p2 = max(2, h // 2), max(2, w // 2), max(4, plank // 2)
    grain = _stretched_noise(gen, h2, w2, 1.5, w2 / 6) * 0.6 + _stretched_noise(gen, h2, w2, 7.0, w2 / 3) * 0.4
    rings = 0.5 + 0.5 * np.sin(grain * 38.0)
    k = 0.82 + 0.12 * rings + 0.08 * grain
    rows = np.arange(h2)[:, None]
    k = k * np.where(rows % p2 < max(1, p2 // 60), 0.55, 1.0)
    plank_tone = 1.0 + 0.06 * np.sin((rows // p2) * 2.3)
    small = _to_img(np.array(base, np.float32) * (k * plank_tone)[..., None])
    return np.asarray(small.resize((w, h), Image.BILINEAR), np.float32)


def context_background(w: int, h: int, rng: random.Random, mode: str) -> Image.Image:
    """A setting for the in-context shot: ``table`` (wall + table), ``floor`` or ``top`` (flat lay)."""
    gen = np_rng(rng)
    if mode == "top":
        if rng.random() < 0.5:
            base = np.array(rng.choice([(226, 214, 196), (214, 204, 188), (232, 224, 210)]), np.float32)
            weave = _stretched_noise(gen, h, w, 1.5, 40) * 0.5 + _stretched_noise(gen, h, w, 40, 1.5) * 0.5
            k = 0.9 + 0.12 * weave + 0.05 * noise(gen, h, w, w / 5)
            arr = base * k[..., None]
        else:
            arr = _wood(gen, h, w, rng.choice(_WOODS), max(8, h // 4))
        y = np.linspace(0, 1, h, dtype=np.float32)[:, None]
        x = np.linspace(-1, 1, w, dtype=np.float32)[None, :]
        return _to_img(arr * (1.02 - 0.1 * (x * x * 0.5 + (y - 0.3) ** 2))[..., None])
    wall = np.array(rng.choice(_WALLS), np.float32)
    hy = int(h * (0.47 if mode == "floor" else rng.uniform(0.6, 0.66)))
    y = np.linspace(0, 1, hy, dtype=np.float32)[:, None]
    x = np.linspace(0, 1, w, dtype=np.float32)[None, :]
    mottle = noise(gen, hy, w, w / 7) * 0.6 + noise(gen, hy, w, w / 30) * 0.4
    light = 1.04 - 0.12 * x - 0.06 * y + 0.06 * (mottle - 0.5) - 0.1 * _smoothstep(0.85, 1.0, y)
    top = wall * light[..., None]
    fh = h - hy
    if mode == "floor":
        floor = _tiles(w, fh, rng, gen)
    else:
        floor = _wood(gen, fh, w, rng.choice(_WOODS), max(8, fh // 3))
        fy = np.linspace(0, 1, fh, dtype=np.float32)[:, None]
        floor = floor * (0.86 + 0.16 * fy)[..., None]
    return _to_img(np.concatenate([top, floor], axis=0))


def _tiles(w: int, h: int, rng: random.Random, gen: np.random.Generator) -> np.ndarray:
    """Terracotta floor tiles (bejmat) in perspective."""
    base = rng.choice([(196, 116, 78), (184, 104, 70), (206, 140, 100)])
    img = Image.new("RGB", (w, h), scale(base, 0.75))
    d = ImageDraw.Draw(img)
    vx, vy = w * 0.5, -h * 1.2
    rows = [h * (1 - (1 - t) ** 1.8) for t in np.linspace(0, 1, 9)]
    g = max(1, w // 500)
    for i in range(len(rows) - 1):
        y0, y1 = rows[i], rows[i + 1]
        for j in range(-14, 15):
            xb0, xb1 = w * 0.5 + j * w * 0.16, w * 0.5 + (j + 1) * w * 0.16
            off = 0.5 if i % 2 else 0.0

            def at(xb: float, y: float) -> float:
                return vx + (xb - vx) * (y - vy) / (h - vy)

            xa0, xa1 = xb0 + off * w * 0.16, xb1 + off * w * 0.16
            quad = [(at(xa0, y0) + g, y0 + g), (at(xa1, y0) - g, y0 + g), (at(xa1, y1) - g, y1 - g), (at(xa0, y1) + g, y1 - g)]
            d.polygon(quad, fill=scale(base, rng.uniform(0.9, 1.08)))
    arr = np.asarray(img, np.float32)
    fy = np.linspace(0, 1, h, dtype=np.float32)[:, None]
    k = (0.84 + 0.18 * fy) * (0.94 + 0.1 * noise(gen, h, w, w / 40))
    return arr * k[..., None]


# ---------------------------------------------------------------------------
# Portraits: faceless, backlit silhouettes (no real person is depicted).

_ROBES: list[RGB] = [(122, 38, 38), (40, 56, 104), (86, 60, 40), (30, 96, 80), (160, 110, 60), (90, 70, 110)]


def render_portrait(seed: int, size: int = 800) -> Image.Image:
    """A stylised, faceless silhouette of an artisan in a doorway arch, on a warm background."""
    rng = random.Random(f"maalem-portrait|{seed}")
    gen = np_rng(rng)
    W = max(int(round(size * 1.5)), min(2 * size, 1600))
    warm = rng.choice([(214, 140, 82), (196, 110, 70), (224, 170, 96), (186, 96, 72), (208, 150, 110)])
    y = np.linspace(0, 1, 64, dtype=np.float32)[:, None]
    x = np.linspace(-1, 1, 64, dtype=np.float32)[None, :]
    grad = 1.08 - 0.25 * y - 0.12 * x * x
    img = _to_img(np.array(warm, np.float32) * grad[..., None]).resize((W, W), Image.BICUBIC)
    d = ImageDraw.Draw(img)
    # A horseshoe arch glowing behind the figure (backlight) framed by a zellige band.
    glow = mix(warm, (255, 236, 200), 0.6)
    aw, top = W * rng.uniform(0.29, 0.34), W * rng.uniform(0.12, 0.2)
    cx = W * 0.5
    band = mix(warm, (60, 40, 30), 0.35)
    d.rectangle([cx - aw * 1.18, top - aw * 0.05, cx + aw * 1.18, W], fill=band)
    _horseshoe(d, cx, top + aw * 0.05, aw * 1.08, W, scale(warm, 0.82))
    _horseshoe(d, cx, top + aw * 0.18, aw * 0.95, W, glow)
    z = rng.choice([(20, 110, 90), (30, 70, 150), (150, 40, 40)])
    for i in range(12):
        yy = top + aw * 0.9 + i * W * 0.065
        for sx in (-1, 1):
            d.polygon(octagram(cx + sx * aw * 1.1, yy, W * 0.02), fill=z if i % 2 else (236, 226, 206))
    # The figure: robe (djellaba), hood or headscarf, as a dark backlit silhouette.
    robe = rng.choice(_ROBES)
    sil = mix(robe, (30, 20, 16), 0.55)
    head_y, head_r = W * rng.uniform(0.4, 0.44), W * rng.uniform(0.085, 0.1)
    sh_w = W * rng.uniform(0.26, 0.3)
    body = [
        (cx - sh_w * 1.15, W * 1.01),
        (cx - sh_w, head_y + head_r * 2.2),
        (cx - sh_w * 0.62, head_y + head_r * 1.35),
        (cx - head_r * 0.7, head_y + head_r * 1.05),
        (cx + head_r * 0.7, head_y + head_r * 1.05),
        (cx + sh_w * 0.62, head_y + head_r * 1.35),
        (cx + sh_w, head_y + head_r * 2.2),
        (cx + sh_w * 1.15, W * 1.01),
    ]
    d.polygon(body, fill=sil)
    d.ellipse([cx - head_r * 0.85, head_y - head_r, cx + head_r * 0.85, head_y + head_r * 1.05], fill=sil)
    style = rng.choice(["hood", "scarf", "cap"])
    if style == "hood":
        d.polygon(
            [(cx - head_r * 1.15, head_y + head_r * 1.3), (cx - head_r * 1.05, head_y - head_r * 0.4),
             (cx - head_r * 0.2, head_y - head_r * 1.35), (cx + head_r * 0.05, head_y - head_r * 1.9),
             (cx + head_r * 0.45, head_y - head_r * 1.2), (cx + head_r * 1.1, head_y - head_r * 0.3),
             (cx + head_r * 1.15, head_y + head_r * 1.3)],
            fill=sil,
        )
    elif style == "scarf":
        d.ellipse([cx - head_r * 1.12, head_y - head_r * 1.18, cx + head_r * 1.12, head_y + head_r * 1.25], fill=sil)
        d.polygon([(cx - head_r * 1.1, head_y), (cx - sh_w * 0.75, head_y + head_r * 2.6),
                   (cx + sh_w * 0.75, head_y + head_r * 2.6), (cx + head_r * 1.1, head_y)], fill=sil)
    else:
        d.chord([cx - head_r * 0.9, head_y - head_r * 1.35, cx + head_r * 0.9, head_y - head_r * 0.1], 180, 360,
                fill=mix(robe, (240, 230, 210), 0.5))
    # Embroidered trim down the front of the robe (sfifa), catching the light.
    trim = mix(robe, (236, 196, 110), 0.65)
    x0 = cx + rng.uniform(-0.02, 0.02) * W
    for i in range(16):
        yy = head_y + head_r * 1.4 + i * W * 0.03
        d.ellipse([x0 - W * 0.008, yy - W * 0.008, x0 + W * 0.008, yy + W * 0.008], fill=trim)
    # Rim light on the shoulder facing the arch, then a soft overall blur for a painterly look.
    rim = Image.new("L", (W, W), 0)
    ImageDraw.Draw(rim).polygon(body[:4], fill=0)
    arr = np.asarray(img, np.float32)
    xx = np.linspace(0, 1, W, dtype=np.float32)[None, :]
    yy2 = np.linspace(0, 1, W, dtype=np.float32)[:, None]
    vignette = 1.0 - 0.35 * ((xx - 0.5) ** 2 + (yy2 - 0.45) ** 2)
    grain = 1.0 + 0.04 * (noise(gen, W, W, W / 200) - 0.5)
    arr *= (vignette * grain)[..., None]
    out = _to_img(arr).filter(ImageFilter.GaussianBlur(W / 900))
    return out.resize((size, size), Image.LANCZOS)


def _horseshoe(d: ImageDraw.ImageDraw, cx: float, top: float, half: float, bottom: float, fill: RGB) -> None:
    """A Moorish horseshoe arch: a circle wider than its opening, on straight jambs."""
    r = half * 1.12
    cy = top + r
    d.ellipse([cx - r, top, cx + r, top + 2 * r], fill=fill)
    d.rectangle([cx - half, cy + r * 0.45, cx + half, bottom], fill=fill)
    d.polygon([(cx - half, cy + r * 0.45), (cx - r * 0.9, cy), (cx + r * 0.9, cy), (cx + half, cy + r * 0.45)], fill=fill)


# ---------------------------------------------------------------------------
# Workshop scenes.


def render_workshop(seed: int, size: int = 1200) -> Image.Image:
    """A stylised workshop: arches, shelves of pots, a loom with a rug in progress, lanterns.

    Landscape 3:2, ``size`` pixels wide.
    """
    rng = random.Random(f"maalem-workshop|{seed}")
    gen = np_rng(rng)
    W = max(int(round(size * 1.5)), min(2 * size, 1800))
    H = W * 2 // 3
    wall = rng.choice(_WALLS)
    hy = int(H * 0.74)
    y = np.linspace(0, 1, hy, dtype=np.float32)[:, None]
    x = np.linspace(0, 1, W, dtype=np.float32)[None, :]
    mottle = noise(gen, hy, W, W / 8)
    top = np.array(wall, np.float32) * (1.02 - 0.1 * y - 0.08 * (x - 0.4) ** 2 + 0.06 * (mottle - 0.5))[..., None]
    floor = _tiles(W, H - hy, rng, gen)
    img = _to_img(np.concatenate([top, floor], axis=0))
    d = ImageDraw.Draw(img)
    # Arcade of horseshoe arches opening on a sunny courtyard.
    n = rng.choice([2, 3])
    sky = rng.choice([(250, 232, 196), (246, 224, 186), (240, 236, 220)])
    for i in range(n):
        cx = W * (0.58 + i * 0.42 / n + 0.21 / n)
        half = W * 0.16 / n * 1.6
        _horseshoe(d, cx, H * 0.1, half * 1.1, hy, scale(wall, 0.8))
        _horseshoe(d, cx, H * 0.14, half, hy, sky)
        d.rectangle([cx - half, hy - H * 0.12, cx + half, hy], fill=mix(sky, (120, 150, 90), 0.5))
    # Shelves with pots on the left.
    sx0, sx1 = W * 0.03, W * 0.3
    palette = [(29, 79, 163), (184, 92, 56), (15, 122, 90), (217, 154, 30), (139, 30, 30), (236, 228, 210)]
    for k in range(3):
        sy = H * (0.28 + k * 0.18)
        d.rectangle([sx0, sy, sx1, sy + H * 0.018], fill=(120, 80, 50))
        xx = sx0 + W * 0.01
        while xx < sx1 - W * 0.03:
            pw = W * rng.uniform(0.025, 0.045)
            ph = H * rng.uniform(0.07, 0.13)
            col = rng.choice(palette)
            _pot(d, xx + pw / 2, sy, pw, ph, col, rng)
            xx += pw + W * rng.uniform(0.006, 0.02)
    # A vertical loom with a Beni Ouarain rug being woven.
    lx0, lx1 = W * 0.34, W * 0.52
    ly0, ly1 = H * 0.12, hy + H * 0.05
    wood = (112, 74, 44)
    d.rectangle([lx0, ly0, lx0 + W * 0.012, ly1], fill=wood)
    d.rectangle([lx1 - W * 0.012, ly0, lx1, ly1], fill=wood)
    d.rectangle([lx0 - W * 0.01, ly0, lx1 + W * 0.01, ly0 + H * 0.02], fill=wood)
    for i in range(40):
        xw = lx0 + W * 0.02 + i * (lx1 - lx0 - W * 0.04) / 39
        d.line([(xw, ly0 + H * 0.02), (xw, ly1 - H * 0.1)], fill=(236, 228, 212), width=max(1, W // 900))
    woven_top = ly0 + (ly1 - ly0) * rng.uniform(0.45, 0.6)
    rx0, rx1, ry1 = lx0 + W * 0.02, lx1 - W * 0.02, ly1 - H * 0.1
    d.rectangle([rx0, woven_top, rx1, ry1], fill=(236, 226, 206))
    cw = (rx1 - rx0) / 3
    for j in range(-2, 6):
        x0 = rx0 + j * cw
        d.line([(x0, ry1), (x0 + cw * 2, woven_top)], fill=(46, 36, 30), width=max(2, W // 300))
        d.line([(x0 + cw * 2, ry1), (x0, woven_top)], fill=(46, 36, 30), width=max(2, W // 300))
    d.rectangle([lx0 - W * 0.01, ry1, lx1 + W * 0.01, ry1 + H * 0.02], fill=wood)
    # Mask the lattice lines that spill past the rug.
    d.rectangle([lx0 + W * 0.012, ly0 + H * 0.02, rx0, woven_top - 1], fill=None)
    # Hanging lanterns.
    for _ in range(rng.choice([1, 2])):
        lx = W * rng.uniform(0.56, 0.95)
        lh = H * rng.uniform(0.1, 0.2)
        d.line([(lx, 0), (lx, lh)], fill=(60, 50, 40), width=max(1, W // 800))
        _lantern_icon(d, lx, lh, W * 0.03)
    out = _to_img(np.asarray(img, np.float32) * (1.0 - 0.25 * ((x - 0.5) ** 2)[..., None].mean()))
    return out.filter(ImageFilter.GaussianBlur(W / 1400)).resize((size, size * 2 // 3), Image.LANCZOS)


def _pot(d: ImageDraw.ImageDraw, cx: float, base: float, w: float, h: float, col: RGB, rng: random.Random) -> None:
    neck = w * rng.uniform(0.25, 0.4)
    pts = []
    for i in range(21):
        t = i / 20
        r = neck + (w / 2 - neck) * math.sin(math.pi * min(1.0, t * 1.15)) if t > 0.15 else neck
        pts.append((cx + r, base - h + t * h))
    outline = pts + [(2 * cx - px, py) for px, py in reversed(pts)]
    d.polygon(outline, fill=col)
    band = mix(col, (240, 236, 225), 0.7) if sum(col) < 500 else (29, 79, 163)
    d.line([(cx - w * 0.45, base - h * 0.45), (cx + w * 0.45, base - h * 0.45)], fill=band, width=max(1, int(h * 0.06)))
    d.polygon([(cx + w * 0.15, base - h * 0.8), (cx + w * 0.3, base - h * 0.35), (cx + w * 0.2, base - h * 0.3)],
              fill=mix(col, (255, 255, 255), 0.3))


def _lantern_icon(d: ImageDraw.ImageDraw, cx: float, top: float, r: float) -> None:
    brass = (150, 104, 40)
    d.polygon([(cx, top), (cx + r, top + r * 1.3), (cx - r, top + r * 1.3)], fill=brass)
    d.rectangle([cx - r, top + r * 1.3, cx + r, top + r * 3.2], fill=brass)
    for i in range(4):
        for j in range(3):
            x = cx - r * 0.6 + j * r * 0.6
            y = top + r * 1.6 + i * r * 0.4
            d.ellipse([x - r * 0.1, y - r * 0.1, x + r * 0.1, y + r * 0.1], fill=(255, 222, 150))
    d.polygon([(cx - r, top + r * 3.2), (cx + r, top + r * 3.2), (cx, top + r * 3.8)], fill=brass)
