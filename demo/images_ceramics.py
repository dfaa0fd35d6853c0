"""Pottery (Fès blue, Safi polychrome, Tamegroute green), tagines, plates and zellige panels."""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw

from .images_base import (
    RGB,
    Frame,
    Palette,
    alpha,
    blur,
    disc_overlay,
    fine_noise,
    lum,
    mix,
    noise,
    normal_light,
    np_rng,
    octagram,
    profile,
    revolve,
    sample,
    scale,
    shade,
)

CREAM_GLAZE = (240, 234, 220)
TERRACOTTA = (184, 98, 60)


def _ink(pal: Palette) -> RGB:
    # Painted lines need contrast with a light ground.
    return pal.main if lum(pal.main) < 150 else pal.dark


def _motif_band(d: ImageDraw.ImageDraw, rng: random.Random, tw: int, y0: float, y1: float,
                ink: RGB, accent: RGB, n: int) -> None:
    """One painted band on an unwrapped surface: n repeats around the full circumference."""
    h = y1 - y0
    step = tw / n
    lw = max(2, int(h * 0.08))
    d.line([(0, y0), (tw, y0)], fill=ink, width=lw)
    d.line([(0, y1), (tw, y1)], fill=ink, width=lw)
    a, b = y0 + h * 0.18, y1 - h * 0.18
    kind = rng.choice(["zigzag", "triangles", "dots", "scallops", "rosettes", "wave", "diamonds"])
    if kind == "zigzag":
        pts = [(i * step / 2, a if i % 2 else b) for i in range(2 * n + 1)]
        d.line(pts, fill=ink, width=lw * 2, joint="curve")
    elif kind == "triangles":
        for i in range(n):
            x = i * step
            d.polygon([(x, b), (x + step / 2, a), (x + step, b)], fill=ink)
            d.polygon([(x + step * 0.3, b), (x + step / 2, a + h * 0.35), (x + step * 0.7, b)], fill=accent)
    elif kind == "dots":
        r = h * 0.16
        for i in range(2 * n):
            x = (i + 0.5) * step / 2
            d.ellipse([x - r, (a + b) / 2 - r, x + r, (a + b) / 2 + r], fill=ink if i % 2 else accent)
    elif kind == "scallops":
        for i in range(n + 1):
            x = i * step
            d.arc([x - step / 2, a - h * 0.35, x + step / 2, b], 0, 180, fill=ink, width=lw * 2)
            d.ellipse([x - lw * 2, b - h * 0.45 - lw * 2, x + lw * 2, b - h * 0.45 + lw * 2], fill=accent)
    elif kind == "rosettes":
        for i in range(n):
            x = (i + 0.5) * step
            d.polygon(octagram(x, (a + b) / 2, h * 0.36), fill=ink)
            d.ellipse([x - h * 0.1, (a + b) / 2 - h * 0.1, x + h * 0.1, (a + b) / 2 + h * 0.1], fill=accent)
    elif kind == "wave":
        for ph in (0.0, math.pi):
            pts = [(x, (a + b) / 2 + (b - a) / 2 * math.sin(2 * math.pi * x / step + ph)) for x in range(0, tw + 8, 8)]
            d.line(pts, fill=ink if ph == 0 else accent, width=lw * 2, joint="curve")
    else:
        for i in range(n):
            x = (i + 0.5) * step
            cy = (a + b) / 2
            d.polygon([(x - step * 0.45, cy), (x, a), (x + step * 0.45, cy), (x, b)], fill=ink)
            d.polygon([(x - step * 0.2, cy), (x, cy - h * 0.2), (x + step * 0.2, cy), (x, cy + h * 0.2)],
                      fill=accent)


def _glaze_texture(rng: random.Random, pal: Palette, ys: np.ndarray, rs: np.ndarray,
                   style: str, bands: list[tuple[float, float]]) -> np.ndarray:
    """Unwrapped decoration (full circumference x profile height), nearly isotropic."""
    tw = 1024
    span = float(ys[-1] - ys[0])
    th = max(64, int(tw * span / (2 * math.pi * float(rs.max()))))
    if style == "fes":
        ground, ink, acc = CREAM_GLAZE, _ink(pal), pal.accent
    elif style == "safi":
        ground, ink, acc = pal.main, mix(pal.ground, (255, 255, 255), 0.3), pal.accent2
    elif style == "terracotta":
        ground, ink, acc = TERRACOTTA, (246, 236, 220), (40, 30, 26)
    else:  # tamegroute: a single green glaze, no painting
        ground, ink, acc = pal.main if pal.main[1] > pal.main[0] else (34, 110, 70), (0, 0, 0), (0, 0, 0)
    img = Image.new("RGB", (tw, th), ground)
    d = ImageDraw.Draw(img)
    if style != "tamegroute":
        for y0, y1 in bands:
            _motif_band(d, rng, tw, y0 * th, y1 * th, ink, acc, rng.choice([6, 8, 10, 12, 16]))
    return np.asarray(img)


def _bands(rng: random.Random, count: int) -> list[tuple[float, float]]:
    out, y = [], rng.uniform(0.06, 0.12)
    for _ in range(count):
        hgt = rng.uniform(0.07, 0.16)
        if y + hgt > 0.9:
            break
        out.append((y, y + hgt))
        y += hgt + rng.uniform(0.06, 0.16)
    return out


_POTS = {
    "amphora": [(-0.95, 0.3), (-0.88, 0.23), (-0.62, 0.2), (-0.35, 0.38), (0.05, 0.6), (0.45, 0.52), (0.8, 0.3),
                (0.93, 0.28)],
    "jar": [(-0.72, 0.46), (-0.66, 0.41), (-0.45, 0.52), (0.0, 0.7), (0.45, 0.62), (0.8, 0.38), (0.92, 0.35)],
    "bottle": [(-1.0, 0.15), (-0.92, 0.11), (-0.55, 0.11), (-0.3, 0.3), (0.1, 0.56), (0.5, 0.52), (0.85, 0.33),
               (0.94, 0.31)],
    "vase": [(-1.0, 0.34), (-0.92, 0.26), (-0.5, 0.3), (0.0, 0.46), (0.5, 0.44), (0.85, 0.3), (0.95, 0.3)],
}


def _open_top(fr: Frame, y: float, r: float, tilt: float, rim: RGB) -> None:
    """The dark inside seen through the mouth, and the lit lip."""
    inner = np.array(scale(rim, 0.35), np.float32)

    def inside(x: np.ndarray, yy: np.ndarray) -> np.ndarray:
        g = np.clip(0.35 + 0.7 * (yy + 1) / 2, 0, 1.1)
        return np.broadcast_to(inner, (*x.shape, 3)) * g[..., None]

    disc_overlay(fr, 0.0, y, r * 0.9, r * 0.9 * tilt, inside)
    fr.draw.ellipse(fr.ell(0, y, r * 0.95, r * 0.95 * tilt), outline=scale(rim, 1.08), width=fr.px(0.025))


def draw_pottery(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """A wheel-thrown vase: surface of revolution, glazed and painted in bands."""
    gen = np_rng(rng)
    shape = rng.choice(sorted(_POTS))
    style = rng.choices(["fes", "safi", "tamegroute", "terracotta"], [45, 35, 12, 8])[0]
    ys, rs = profile(_POTS[shape])
    tex = _glaze_texture(rng, pal, ys, rs, style, _bands(rng, rng.choice([2, 3, 4])))
    tilt = 0.16 if view != 2 else 0.34
    phase = 0.0 if view != 2 else 0.31
    y0, span = float(ys[0]), float(ys[-1] - ys[0])
    drip = noise(gen, 64, 256, 3) if style == "tamegroute" else None

    def colour(theta: np.ndarray, yp: np.ndarray, u: np.ndarray) -> np.ndarray:
        tx = theta / (2 * math.pi) + phase
        ty = (yp - y0) / span
        col = sample(tex, tx, ty)
        if drip is not None:  # glaze runs: darker streaks pooling downwards
            run = sample(drip, tx * 4, ty * 0.2)
            col = col * (0.7 + 0.45 * run * (0.4 + ty))[..., None]
        return col

    glossy = style != "terracotta"
    revolve(fr, ys, rs, tilt, colour, spec_k=0.75 if glossy else 0.08, spec_pow=45 if glossy else 8)
    _open_top(fr, float(ys[0]), float(rs[0]), tilt, tuple(int(c) for c in tex[2, 2]))  # type: ignore[arg-type]
    if not glossy:
        shade(fr, 0.93 + 0.12 * fine_noise(gen, fr.h, fr.w))


def draw_tagine(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """A tagine: shallow dish and conical lid with a knob; terracotta or glazed."""
    gen = np_rng(rng)
    style = rng.choices(["terracotta", "glazed", "fes", "safi"], [35, 25, 20, 20])[0]
    tilt = 0.24 if view != 2 else 0.4
    phase = 0.0 if view != 2 else 0.27
    dish_y, dish_r = profile([(0.46, 1.0), (0.52, 0.96), (0.64, 0.82), (0.72, 0.7)], 64)
    lid_y, lid_r = profile(
        [(-0.95, 0.015), (-0.9, 0.085), (-0.82, 0.1), (-0.75, 0.06), (-0.66, 0.075), (-0.4, 0.15),
         (-0.1, 0.3), (0.2, 0.53), (0.38, 0.75), (0.48, 0.88)]
    )
    if style == "glazed":
        ground: RGB = pal.main
        dish_col = pal.main
    elif style == "terracotta":
        ground = TERRACOTTA
        dish_col = TERRACOTTA
    else:
        ground = CREAM_GLAZE if style == "fes" else pal.main
        dish_col = _ink(pal) if style == "fes" else pal.accent
    tstyle = "terracotta" if style in ("terracotta", "glazed") else style
    bands = [(0.62, 0.74), (0.84, 0.93)] if style != "glazed" else []
    tex = _glaze_texture(rng, pal, lid_y, lid_r, tstyle, bands)
    if style == "glazed":
        tex = np.full_like(tex, np.array(ground, np.uint8))
    y0, span = float(lid_y[0]), float(lid_y[-1] - lid_y[0])
    glossy = style != "terracotta"
    sk, sp = (0.7, 40) if glossy else (0.1, 8)

    def dish(theta: np.ndarray, yp: np.ndarray, u: np.ndarray) -> np.ndarray:
        return np.broadcast_to(np.array(dish_col, np.float32), (*yp.shape, 3))

    revolve(fr, dish_y, dish_r, tilt, dish, spec_k=sk, spec_pow=sp)
    _open_top(fr, float(dish_y[0]), float(dish_r[0]), tilt, dish_col)

    def lid(theta: np.ndarray, yp: np.ndarray, u: np.ndarray) -> np.ndarray:
        return sample(tex, theta / (2 * math.pi) + phase, (yp - y0) / span)

    revolve(fr, lid_y, lid_r, tilt, lid, spec_k=sk, spec_pow=sp)
    if not glossy:
        shade(fr, 0.92 + 0.14 * fine_noise(gen, fr.h, fr.w))


def draw_plate(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """A painted plate seen from above: rim band, rosette of petals, central star."""
    gen = np_rng(rng)
    d = fr.draw
    style = rng.choice(["fes", "safi", "fes"])
    if style == "fes":
        ground, ink, acc, acc2 = CREAM_GLAZE, _ink(pal), pal.accent, pal.accent2
    else:
        ground, ink, acc, acc2 = pal.main, mix(pal.ground, (255, 255, 255), 0.3), pal.accent2, pal.dark
    d.ellipse(fr.ell(0, 0, 1.0, 1.0), fill=ground)
    n = rng.choice([8, 12, 16])
    lw = fr.px(0.012)
    for rr in (0.985, 0.86, 0.8, 0.72):
        d.ellipse(fr.ell(0, 0, rr, rr), outline=ink, width=lw)
    rim = rng.choice(["triangles", "scallops", "dots"])
    m = n * 3
    for i in range(m):
        a0, a1 = 2 * math.pi * i / m, 2 * math.pi * (i + 1) / m
        am = (a0 + a1) / 2
        if rim == "triangles":
            pts = [(0.87 * math.cos(a0), 0.87 * math.sin(a0)), (0.97 * math.cos(am), 0.97 * math.sin(am)),
                   (0.87 * math.cos(a1), 0.87 * math.sin(a1))]
            d.polygon(fr.pts(pts), fill=ink if i % 2 else acc)
        elif rim == "scallops":
            cx, cy = 0.9 * math.cos(am), 0.9 * math.sin(am)
            d.ellipse(fr.ell(cx, cy, 0.045, 0.045), outline=ink, width=lw)
            d.ellipse(fr.ell(cx, cy, 0.018, 0.018), fill=acc)
        else:
            d.ellipse(fr.ell(0.925 * math.cos(am), 0.925 * math.sin(am), 0.025, 0.025), fill=ink if i % 2 else acc)
    # Ring of small triangles between the rim lines.
    for i in range(n * 2):
        a = 2 * math.pi * (i + 0.5) / (n * 2)
        d.polygon(fr.pts([(0.73 * math.cos(a - 0.05), 0.73 * math.sin(a - 0.05)),
                          (0.79 * math.cos(a), 0.79 * math.sin(a)),
                          (0.73 * math.cos(a + 0.05), 0.73 * math.sin(a + 0.05))]), fill=ink)
    # Rosette: lens-shaped petals.
    width = math.pi / n * rng.uniform(0.55, 0.9)
    for i in range(n):
        a = 2 * math.pi * i / n
        pts = []
        for k in range(21):
            t = k / 20
            r = 0.16 + 0.52 * t
            pts.append((r * math.cos(a + width * math.sin(math.pi * t)),
                        r * math.sin(a + width * math.sin(math.pi * t))))
        for k in range(20, -1, -1):
            t = k / 20
            r = 0.16 + 0.52 * t
            pts.append((r * math.cos(a - width * math.sin(math.pi * t)),
                        r * math.sin(a - width * math.sin(math.pi * t))))
        d.polygon(fr.pts(pts), fill=acc if i % 2 else acc2, outline=ink, width=lw)
        d.line(fr.pts([(0.2 * math.cos(a), 0.2 * math.sin(a)), (0.62 * math.cos(a), 0.62 * math.sin(a))]), fill=ink,
               width=lw)
        b = a + math.pi / n
        d.ellipse(fr.ell(0.6 * math.cos(b), 0.6 * math.sin(b), 0.035, 0.035), fill=ink)
    d.ellipse(fr.ell(0, 0, 0.19, 0.19), fill=ground, outline=ink, width=lw)
    d.polygon(fr.pts(octagram(0, 0, 0.16, rng.choice([0.0, math.pi / 8]))), fill=ink)
    d.ellipse(fr.ell(0, 0, 0.05, 0.05), fill=acc)
    _glaze(fr, gen, lambda rho: (0.09 * np.clip((rho - 0.62) / 0.24, 0, 1) ** 1.5
                                 - 0.05 * np.clip((rho - 0.95) / 0.05, 0, 1)))


def _glaze(fr: Frame, gen: np.random.Generator, height_fn) -> None:  # type: ignore[no-untyped-def]
    """Glossy glaze: relief from a radial height profile, a window reflection, slight waviness."""
    x, y = fr.grid()
    rho = np.sqrt(x * x + y * y)
    hgt = height_fn(rho) + 0.004 * noise(gen, fr.h, fr.w, fr.s * 0.15)
    diff, spec = normal_light(hgt * fr.s, 1.0, 60)
    window = np.exp(-(((x + 0.4) / 0.25) ** 2 + ((y + 0.45) / 0.16) ** 2)) * 0.22
    shade(fr, 0.3 + 0.7 * diff, spec * 0.8 + window)


def draw_zellige(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """A zellige panel: 8-point stars and crosses in glazed tiles, a border of small tiles, grout."""
    gen = np_rng(rng)
    grout = (206, 200, 188)
    hm = Image.new("L", (fr.w, fr.h), 0)
    hd = ImageDraw.Draw(hm)
    d = fr.draw
    half, border = 0.9, rng.choice([0.1, 0.13])
    g = fr.px(0.012)
    d.rectangle(fr.box(-half, -half, half, half), fill=grout)
    inner = half - border
    light_cross = rng.random() < 0.6
    cross = pal.ground if light_cross else pal.dark
    c1, c2 = pal.main, pal.accent if rng.random() < 0.6 else pal.accent2
    centre = pal.accent2 if c2 != pal.accent2 else pal.dark
    d.rectangle(fr.box(-inner, -inner, inner, inner), fill=cross)
    hd.rectangle(fr.box(-inner, -inner, inner, inner), fill=255)
    n = rng.choice([3, 4, 4, 5])
    L = 2 * inner / n
    clip = fr.layer()
    for i in range(-1, n + 1):
        for j in range(-1, n + 1):
            cx, cy = -inner + L / 2 + i * L, -inner + L / 2 + j * L
            pts = [(x + rng.uniform(-0.003, 0.003), y + rng.uniform(-0.003, 0.003)) for x, y in octagram(cx, cy, L / 2)]
            col = scale(c1 if (i + j) % 2 else c2, rng.uniform(0.9, 1.08))
            clip.draw.polygon(clip.pts(pts), fill=col, outline=grout, width=g)
            if rng.random() < 0.85:
                clip.draw.polygon(clip.pts(octagram(cx, cy, L * 0.17, math.pi / 8)), fill=centre, outline=grout,
                                  width=g)
            hd.polygon(fr.pts(pts), fill=255, outline=0, width=g)
            hd.polygon(fr.pts(octagram(cx, cy, L * 0.17, math.pi / 8)), outline=0, width=g)
    box = Image.new("L", (fr.w, fr.h), 0)
    ImageDraw.Draw(box).rectangle(fr.box(-inner, -inner, inner, inner), fill=255)
    fr.paste(clip, box)
    d = fr.draw
    # Border: a chain of small square tiles in alternating colours.
    k = max(8, int(2 * half / border))
    step = 2 * half / k
    bcols = [pal.dark, pal.ground] if light_cross else [pal.ground, pal.main]
    for side in range(4):
        for i in range(k):
            a0, a1 = -half + i * step, -half + (i + 1) * step
            if side == 0:
                b = (a0, -half, a1, -inner)
            elif side == 1:
                b = (a0, inner, a1, half)
            elif side == 2:
                b = (-half, a0, -inner, a1)
            else:
                b = (inner, a0, half, a1)
            col = scale(bcols[i % 2], rng.uniform(0.92, 1.06))
            d.rectangle(fr.box(*b), fill=col, outline=grout, width=g)
            hd.rectangle(fr.box(*b), fill=255, outline=0, width=g)
    d.rectangle(fr.box(-inner, -inner, inner, inner), outline=grout, width=g)
    hd.rectangle(fr.box(-inner, -inner, inner, inner), outline=0, width=g)
    # Glaze: tiles raised above the grout with rounded edges; hand-made, so a bit wavy.
    hgt = blur(np.asarray(hm, np.float32) / 255.0, fr.s * 0.006) * 0.012
    hgt = hgt + 0.0025 * noise(gen, fr.h, fr.w, fr.s * 0.08)
    diff, spec = normal_light(hgt * fr.s, 1.0, 50)
    x, y = fr.grid()
    window = 0.16 * np.exp(-(((x + y + 0.5) / 0.35) ** 2)) * (np.asarray(hm, np.float32) / 255.0)
    a = alpha(fr)
    shade(fr, (0.35 + 0.65 * diff) * (0.97 + 0.06 * noise(gen, fr.h, fr.w, fr.s * 0.3)), (spec * 0.9 + window) * a)
