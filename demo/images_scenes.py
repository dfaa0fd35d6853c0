"""Backgrounds, artisan portraits and workshop scenes for the demo images."""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from .images_base import RGB, mix, noise, np_rng, octagram, scale, smooth_curve

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
            quad = [(at(xa0, y0) + g, y0 + g), (at(xa1, y0) - g, y0 + g), (at(xa1, y1) - g, y1 - g),
                    (at(xa0, y1) + g, y1 - g)]
            d.polygon(quad, fill=scale(base, rng.uniform(0.9, 1.08)))
    arr = np.asarray(img, np.float32)
    fy = np.linspace(0, 1, h, dtype=np.float32)[:, None]
    k = (0.84 + 0.18 * fy) * (0.94 + 0.1 * noise(gen, h, w, w / 40))
    return arr * k[..., None]


# ---------------------------------------------------------------------------
# Portraits: faceless, backlit silhouettes (no real person is depicted).

_ROBES: list[RGB] = [(122, 38, 38), (40, 56, 104), (86, 60, 40), (30, 96, 80), (160, 110, 60), (90, 70, 110)]
_GLAZES: list[RGB] = [(29, 79, 163), (15, 122, 90), (184, 92, 56), (217, 154, 30), (139, 30, 30)]


def _work(size: int, cap: int) -> int:
    return max(int(round(size * 1.5)), min(2 * size, cap))


def render_portrait(seed: int, size: int = 800) -> Image.Image:
    """A stylised, faceless artisan silhouette in a glowing doorway arch, on a warm background.

    Square, ``size`` pixels. The figure is backlit (no face is drawn) and holds a piece of
    their craft: a pot, a skein of wool or a brass lantern.
    """
    rng = random.Random(f"maalem-portrait|{seed}")
    gen = np_rng(rng)
    W = _work(size, 1600)
    warm = rng.choice([(214, 140, 82), (196, 110, 70), (224, 170, 96), (186, 96, 72), (208, 150, 110)])
    y = np.linspace(0, 1, 64, dtype=np.float32)[:, None]
    x = np.linspace(-1, 1, 64, dtype=np.float32)[None, :]
    img = _to_img(np.array(warm, np.float32) * (1.08 - 0.25 * y - 0.12 * x * x)[..., None]).resize((W, W),
                                                                                                  Image.BICUBIC)
    d = ImageDraw.Draw(img)
    cx = W * 0.5
    aw, top = W * rng.uniform(0.29, 0.33), W * rng.uniform(0.12, 0.18)
    glow = mix(warm, (255, 238, 204), 0.65)
    # Doorway: a dark frame, a zellige border of little stars, the glowing horseshoe arch.
    d.rectangle([cx - aw * 1.2, top - aw * 0.06, cx + aw * 1.2, W], fill=mix(warm, (60, 40, 30), 0.35))
    _horseshoe(d, cx, top + aw * 0.04, aw * 1.08, W, scale(warm, 0.85))
    zc = rng.choice([(20, 110, 90), (30, 70, 150), (150, 40, 40)])
    for i in range(14):
        yy = top + aw * 0.9 + i * W * 0.062
        for sx in (-1, 1):
            d.polygon(octagram(cx + sx * aw * 1.1, yy, W * 0.019), fill=zc if i % 2 else (236, 226, 206))
    _horseshoe(d, cx, top + aw * 0.16, aw * 0.95, W, glow)
    robe = rng.choice(_ROBES)
    sil = mix(robe, (28, 20, 16), 0.55)
    head_y, head_r = W * rng.uniform(0.42, 0.45), W * rng.uniform(0.08, 0.092)
    sh = W * rng.uniform(0.25, 0.29)
    neck = head_y + head_r * 1.05
    body = smooth_curve(
        [(cx - sh * 1.12, W * 1.02), (cx - sh * 1.02, neck + head_r * 1.6), (cx - sh * 0.8, neck + head_r * 0.55),
         (cx - head_r * 0.55, neck), (cx + head_r * 0.55, neck), (cx + sh * 0.8, neck + head_r * 0.55),
         (cx + sh * 1.02, neck + head_r * 1.6), (cx + sh * 1.12, W * 1.02)],
        10,
    )
    d.polygon(body, fill=sil)
    d.ellipse([cx - head_r * 0.84, head_y - head_r, cx + head_r * 0.84, head_y + head_r * 1.08], fill=sil)
    style = rng.choice(["hood", "scarf", "cap", "turban"])
    if style == "hood":  # the pointed hood of a djellaba
        d.polygon(smooth_curve([(cx - head_r * 1.2, neck + head_r * 0.4), (cx - head_r * 1.1, head_y - head_r * 0.3),
                                (cx - head_r * 0.35, head_y - head_r * 1.3),
                                (cx + head_r * 0.1, head_y - head_r * 1.95),
                                (cx + head_r * 0.5, head_y - head_r * 1.2), (cx + head_r * 1.12, head_y - head_r * 0.2),
                                (cx + head_r * 1.2, neck + head_r * 0.4)], 8), fill=sil)
    elif style == "scarf":
        d.ellipse([cx - head_r * 1.12, head_y - head_r * 1.2, cx + head_r * 1.12, head_y + head_r * 1.25], fill=sil)
        d.polygon([(cx - head_r * 1.1, head_y), (cx - sh * 0.7, neck + head_r * 1.4),
                   (cx + sh * 0.7, neck + head_r * 1.4), (cx + head_r * 1.1, head_y)], fill=sil)
    elif style == "turban":
        d.ellipse([cx - head_r * 1.08, head_y - head_r * 1.35, cx + head_r * 1.08, head_y - head_r * 0.05],
                  fill=mix(robe, (240, 232, 214), 0.75))
    else:  # a knitted taqiyah cap
        d.chord([cx - head_r * 0.86, head_y - head_r * 1.2, cx + head_r * 0.86, head_y - head_r * 0.25 + head_r * 0.6],
                180, 360, fill=mix(robe, (240, 230, 210), 0.55))
    # Embroidered trim (sfifa) and buttons down the front, catching the light.
    trim = mix(robe, (236, 196, 110), 0.65)
    for i in range(14):
        yy = neck + head_r * 0.3 + i * W * 0.03
        d.ellipse([cx - W * 0.007, yy - W * 0.007, cx + W * 0.007, yy + W * 0.007], fill=trim)
    _portrait_prop(d, rng, cx, W)
    arr = np.asarray(img, np.float32)
    xx = np.linspace(0, 1, W, dtype=np.float32)[None, :]
    yy2 = np.linspace(0, 1, W, dtype=np.float32)[:, None]
    vignette = 1.0 - 0.4 * ((xx - 0.5) ** 2 + (yy2 - 0.45) ** 2)
    grain = 1.0 + 0.05 * (noise(gen, W, W, W / 300) - 0.5)
    out = _to_img(arr * (vignette * grain)[..., None]).filter(ImageFilter.GaussianBlur(W / 1000))
    return out.resize((size, size), Image.LANCZOS)


def _portrait_prop(d: ImageDraw.ImageDraw, rng: random.Random, cx: float, W: int) -> None:
    """The craft held in front of the chest: lit from the doorway, so in colour."""
    kind = rng.choice(["pot", "wool", "lantern", "pot"])
    py = W * 0.86
    if kind == "pot":
        col = rng.choice(_GLAZES)
        _pot(d, cx, W * 1.0, W * 0.2, W * 0.26, col, rng)
    elif kind == "wool":
        col = rng.choice([(236, 226, 206), (139, 30, 30), (217, 154, 30), (40, 56, 104)])
        for i in range(9):
            r = W * (0.1 - i * 0.008)
            d.ellipse([cx - r * 1.3, py - r, cx + r * 1.3, py + r], fill=scale(col, 0.8 + 0.04 * i))
        for i in range(7):
            a = -0.6 + i * 0.2
            d.arc([cx - W * 0.12, py - W * 0.09, cx + W * 0.12, py + W * 0.09], 200 + a * 40, 300 + a * 40,
                  fill=scale(col, 0.7), width=max(1, W // 400))
    else:
        _lantern_icon(d, cx, py - W * 0.12, W * 0.06)


def _horseshoe(d: ImageDraw.ImageDraw, cx: float, top: float, half: float, bottom: float, fill: RGB) -> None:
    """A Moorish horseshoe arch: a circle wider than its opening, on straight jambs."""
    r = half * 1.12
    cy = top + r
    d.ellipse([cx - r, top, cx + r, top + 2 * r], fill=fill)
    d.rectangle([cx - half, cy + r * 0.45, cx + half, bottom], fill=fill)
    d.polygon([(cx - half, cy + r * 0.45), (cx - r * 0.9, cy), (cx + r * 0.9, cy), (cx + half, cy + r * 0.45)],
              fill=fill)


# ---------------------------------------------------------------------------
# Workshop scenes.


def render_workshop(seed: int, size: int = 1200) -> Image.Image:
    """A stylised workshop: arches on a courtyard, shelves of pots, a loom with a rug, lanterns.

    Square, ``size`` pixels, like the other pictures (the demo crops every photo to 1:1).
    """
    rng = random.Random(f"maalem-workshop|{seed}")
    gen = np_rng(rng)
    W = _work(size, 1800)
    H = W
    wall = rng.choice(_WALLS)
    hy = int(H * 0.74)
    y = np.linspace(0, 1, hy, dtype=np.float32)[:, None]
    x = np.linspace(0, 1, W, dtype=np.float32)[None, :]
    mottle = noise(gen, hy, W, W / 8)
    top = np.array(wall, np.float32) * (1.02 - 0.1 * y - 0.08 * (x - 0.4) ** 2 + 0.06 * (mottle - 0.5))[..., None]
    img = _to_img(np.concatenate([top, _tiles(W, H - hy, rng, gen)], axis=0))
    d = ImageDraw.Draw(img)
    # A zellige dado along the wall.
    zc = rng.choice([(20, 110, 90), (30, 70, 150), (150, 40, 40)])
    dado = hy - H * 0.1
    d.rectangle([0, dado, W, hy], fill=(236, 228, 212))
    step = H * 0.05
    for i in range(int(W / step) + 1):
        for j in range(2):
            d.polygon(octagram(i * step + step / 2, dado + step * (j + 0.5), step * 0.42),
                      fill=zc if (i + j) % 2 else (40, 40, 44))
    # Arcade of horseshoe arches opening on a sunny courtyard.
    n = rng.choice([2, 3])
    sky = rng.choice([(250, 232, 196), (246, 224, 186), (240, 236, 220)])
    for i in range(n):
        cx = W * (0.58 + i * 0.42 / n + 0.21 / n)
        half = W * 0.16 / n * 1.6
        _horseshoe(d, cx, H * 0.1, half * 1.1, hy, scale(wall, 0.8))
        _horseshoe(d, cx, H * 0.14, half, hy, sky)
        d.rectangle([cx - half, hy - H * 0.12, cx + half, hy], fill=mix(sky, (120, 150, 90), 0.5))
        # An orange tree in the courtyard.
        tx = cx - half * 0.2
        d.rectangle([tx - W * 0.004, hy - H * 0.1, tx + W * 0.004, hy - H * 0.04], fill=(96, 70, 46))
        d.ellipse([tx - half * 0.32, hy - H * 0.24, tx + half * 0.32, hy - H * 0.09], fill=(84, 124, 66))
        for _ in range(5):
            ox, oy = rng.uniform(-0.2, 0.2) * half, rng.uniform(0.12, 0.2) * H
            d.ellipse([tx + ox - W * 0.004, hy - oy - W * 0.004, tx + ox + W * 0.004, hy - oy + W * 0.004],
                      fill=(236, 150, 40))
    # Shelves with pots on the left.
    sx0, sx1 = W * 0.03, W * 0.3
    for k in range(3):
        sy = H * (0.28 + k * 0.17)
        d.rectangle([sx0, sy, sx1, sy + H * 0.018], fill=(120, 80, 50))
        xx = sx0 + W * 0.01
        while xx < sx1 - W * 0.05:
            pw = W * rng.uniform(0.025, 0.045)
            _pot(d, xx + pw / 2, sy, pw, H * rng.uniform(0.07, 0.12), rng.choice([*_GLAZES, (236, 228, 210)]), rng)
            xx += pw + W * rng.uniform(0.006, 0.02)
    _loom(img, rng, W * 0.34, W * 0.52, H * 0.12, hy + H * 0.05)
    # Hanging lanterns.
    for _ in range(rng.choice([1, 2])):
        lx, lh = W * rng.uniform(0.56, 0.95), H * rng.uniform(0.1, 0.2)
        d.line([(lx, 0), (lx, lh)], fill=(60, 50, 40), width=max(1, W // 800))
        _lantern_icon(d, lx, lh, W * 0.03)
    vignette = 1.0 - 0.3 * ((x - 0.5) ** 2 + (np.linspace(0, 1, H, dtype=np.float32)[:, None] - 0.5) ** 2)
    out = _to_img(np.asarray(img, np.float32) * vignette[..., None]).filter(ImageFilter.GaussianBlur(W / 1400))
    return out.resize((size, size), Image.LANCZOS)


def _loom(img: Image.Image, rng: random.Random, x0: float, x1: float, y0: float, y1: float) -> None:
    """A vertical loom with a Beni Ouarain rug half woven on its warp."""
    W = img.width
    d = ImageDraw.Draw(img)
    wood = (112, 74, 44)
    warp_w = max(1, W // 900)
    for i in range(40):
        xw = x0 + W * 0.02 + i * (x1 - x0 - W * 0.04) / 39
        d.line([(xw, y0), (xw, y1)], fill=(236, 228, 212), width=warp_w)
    rx0, rx1 = x0 + W * 0.02, x1 - W * 0.02
    ry0, ry1 = y0 + (y1 - y0) * rng.uniform(0.4, 0.55), y1 - (y1 - y0) * 0.1
    rug = Image.new("RGB", (int(rx1 - rx0), int(ry1 - ry0)), (236, 226, 206))
    rd = ImageDraw.Draw(rug)
    cw = rug.width / 3
    lw = max(2, W // 300)
    for j in range(-3, 6):
        rd.line([(j * cw, rug.height), (j * cw + cw * 2, 0)], fill=(46, 36, 30), width=lw)
        rd.line([(j * cw + cw * 2, rug.height), (j * cw, 0)], fill=(46, 36, 30), width=lw)
    img.paste(rug, (int(rx0), int(ry0)))
    d.rectangle([x0, y0 - W * 0.005, x0 + W * 0.012, y1 + W * 0.02], fill=wood)
    d.rectangle([x1 - W * 0.012, y0 - W * 0.005, x1, y1 + W * 0.02], fill=wood)
    d.rectangle([x0 - W * 0.01, y0 - W * 0.012, x1 + W * 0.01, y0 + W * 0.004], fill=wood)
    d.rectangle([x0 - W * 0.01, ry1, x1 + W * 0.01, ry1 + W * 0.012], fill=wood)
    d.rectangle([x0 - W * 0.005, ry0 - W * 0.004, x1 + W * 0.005, ry0 + W * 0.002], fill=(150, 110, 70))  # beater


def _pot(d: ImageDraw.ImageDraw, cx: float, base: float, w: float, h: float, col: RGB, rng: random.Random) -> None:
    """A small vase icon: neck, round belly, a painted band and a glaze highlight."""
    neck = w * rng.uniform(0.22, 0.32)
    belly = rng.uniform(0.45, 0.6)

    def radius(t: float) -> float:
        if t < 0.18:
            return neck
        return neck + (w / 2 - neck) * math.sin(math.pi * min(1.0, (t - 0.18) / 0.82) * 0.5 / belly * 0.9) ** 0.8

    ts = [i / 24 for i in range(25)]
    pts = [(cx + max(radius(t), w * 0.28 if t > 0.92 else 0), base - h + t * h) for t in ts]
    d.polygon(pts + [(2 * cx - px, py) for px, py in reversed(pts)], fill=col)
    band = (29, 79, 163) if sum(col) > 600 else mix(col, (240, 236, 225), 0.7)
    rb = radius(0.55) * 0.92
    d.line([(cx - rb, base - h * 0.45), (cx + rb, base - h * 0.45)], fill=band, width=max(1, int(h * 0.05)))
    d.ellipse([cx - w * 0.3, base - h * 0.7, cx - w * 0.2, base - h * 0.35], fill=mix(col, (255, 255, 255), 0.35))


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
