"""Metalwork and jewellery: Berber necklaces and cuffs, pierced lanterns, engraved brass trays."""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw

from .images_base import (
    AMBER,
    BRASS,
    CORAL,
    HALF,
    LIGHT,
    RGB,
    SILVER,
    Frame,
    Palette,
    blur,
    mix,
    noise,
    normal_light,
    np_rng,
    octagram,
    polyline,
    profile,
    revolve,
    scale,
    shade,
    smooth_curve,
)


def _env(ny: np.ndarray, nx: np.ndarray) -> np.ndarray:
    """Studio reflection for polished metal: bright softbox above, dark floor below."""
    return 0.35 + 0.75 / (1.0 + np.exp(8.0 * (ny + 0.1 * nx + 0.05)))


def _bead(r: int, kind: str, col: RGB) -> Image.Image:
    """A shaded bead sprite (RGBA) of radius r pixels."""
    n = 2 * r + 2
    y, x = np.mgrid[0:n, 0:n].astype(np.float32)
    x = (x - r - 0.5) / r
    y = (y - r - 0.5) / r
    d2 = x * x + y * y
    a = np.clip((1.0 - d2) * r * 0.5, 0, 1)
    nz = np.sqrt(np.clip(1 - d2, 0, 1))
    diff = np.clip(x * LIGHT[0] + y * LIGHT[1] + nz * LIGHT[2], 0, 1)
    spec = np.clip(x * HALF[0] + y * HALF[1] + nz * HALF[2], 0, 1) ** 60
    c = np.array(col, np.float32)
    if kind == "silver":
        rgb = c * _env(y, x)[..., None] * (0.6 + 0.5 * diff)[..., None] + spec[..., None] * 255
    elif kind == "amber":
        # Translucent: light enters top-left and glows out of the lower right.
        glow = np.clip(0.55 + 0.6 * (x * 0.5 + y * 0.6) + 0.3 * (1 - nz), 0.3, 1.3)
        rgb = c * glow[..., None] + spec[..., None] * 255
    else:
        rgb = c * (0.35 + 0.75 * diff)[..., None] + (spec * 0.6)[..., None] * 255
    out = np.dstack([np.clip(rgb, 0, 255), a * 255]).astype(np.uint8)
    return Image.fromarray(out, "RGBA")


def _stamp(fr: Frame, sprite: Image.Image, x: float, y: float) -> None:
    px, py = fr.p(x, y)
    w, h = sprite.size
    x0, y0 = int(round(px - w / 2)), int(round(py - h / 2))
    cx0, cy0 = max(0, -x0), max(0, -y0)
    cx1, cy1 = min(w, fr.w - x0), min(h, fr.h - y0)
    if cx1 <= cx0 or cy1 <= cy0:
        return
    fr.img.alpha_composite(sprite.crop((cx0, cy0, cx1, cy1)), dest=(x0 + cx0, y0 + cy0))


def _metal_finish(fr: Frame, layer: Frame, base: RGB, gen: np.random.Generator, relief: float = 0.05) -> None:
    """Polished metal look on a flat-drawn layer: rounded edges reflecting the studio."""
    bb = layer.img.getbbox()
    if bb is None:
        return
    pad = fr.px(relief * 2)
    x0, y0 = max(0, bb[0] - pad), max(0, bb[1] - pad)
    x1, y1 = min(fr.w, bb[2] + pad), min(fr.h, bb[3] + pad)
    sub = layer.img.crop((x0, y0, x1, y1))
    arr = np.asarray(sub).astype(np.float32)
    a = arr[..., 3] / 255.0
    hgt = blur(a, fr.s * relief) * fr.s * relief
    gy, gx = np.gradient(hgt)
    inv = 1 / np.sqrt(gx * gx + gy * gy + 1)
    env = _env(-gy * inv, -gx * inv)
    _, spec = normal_light(hgt, 1.0, 40)
    tint = arr[..., :3] / np.maximum(np.array(base, np.float32), 1.0)
    arr[..., :3] = np.array(base, np.float32) * tint * env[..., None] + spec[..., None] * 255 * 0.8
    arr[..., :3] *= (0.92 + 0.12 * noise(gen, y1 - y0, x1 - x0, fr.s * 0.05))[..., None]
    done = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGBA")
    fr.img.alpha_composite(done, dest=(x0, y0))


def draw_necklace(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """A Berber necklace: amber, coral and silver beads on a cord with an engraved silver pendant."""
    gen = np_rng(rng)
    drop = rng.uniform(0.12, 0.3)
    style = rng.choice(["triangle", "disc", "amber"])
    cord = smooth_curve([(-0.6, -0.78), (-0.62, -0.4), (-0.48, drop - 0.22), (0.0, drop), (0.48, drop - 0.22),
                         (0.62, -0.4), (0.6, -0.78)], 16)
    # The cord's ends, tied behind the neck, close the loop across the top.
    tie = smooth_curve([(0.6, -0.78), (0.45, -0.93), (0.0, -0.98), (-0.45, -0.93), (-0.6, -0.78)], 12)
    polyline(fr.draw, fr.pts(cord), (40, 30, 24), fr.px(0.012))
    polyline(fr.draw, fr.pts(tie), (40, 30, 24), fr.px(0.01))
    # Arc-length positions along the cord.
    seg = [math.dist(cord[i], cord[i + 1]) for i in range(len(cord) - 1)]
    total = sum(seg)

    def at(s: float) -> tuple[float, float]:
        for i, L in enumerate(seg):
            if s <= L:
                t = s / L if L else 0
                return (cord[i][0] + (cord[i + 1][0] - cord[i][0]) * t, cord[i][1] + (cord[i + 1][1] - cord[i][1]) * t)
            s -= L
        return cord[-1]

    amber = mix(AMBER, pal.accent2, 0.25)
    coral = mix(CORAL, pal.main, 0.3)
    types = {"silver": (0.038, SILVER), "amber": (0.085, amber), "coral": (0.05, coral), "ebony": (0.036, (40, 32, 30))}
    motif = rng.choice([["silver", "coral", "silver", "amber"], ["coral", "coral", "silver", "amber", "silver"],
                        ["silver", "amber", "silver", "ebony", "coral", "ebony"]])
    sprites: dict[tuple[str, int], Image.Image] = {}
    # Beads from the centre outwards, mirrored, leaving the ends as bare cord.
    s, k = 0.1, 0
    beads = []
    while s < total / 2 - 0.12:
        kind = motif[k % len(motif)]
        r = types[kind][0]
        s += r
        beads.append((s, kind, r))
        s += r + 0.004
        k += 1
    for s_off, kind, r in reversed(beads):
        for sign in (-1, 1):
            x, y = at(total / 2 + sign * s_off)
            rp = fr.px(r)
            key = (kind, rp)
            if key not in sprites:
                sprites[key] = _bead(rp, "silver" if kind == "silver" else ("amber" if kind == "amber" else "matte"),
                                     types[kind][1])
            _stamp(fr, sprites[key], x, y)
    _pendant(fr, rng, gen, pal, style, drop + 0.05, amber)


def _pendant(fr: Frame, rng: random.Random, gen: np.random.Generator, pal: Palette, style: str, top: float,
             amber: RGB) -> None:
    """Berber pendants: a Tiznit triangle, an enamelled disc, or a cluster of big amber beads."""
    cx = 0.0
    eng = scale(SILVER, 0.45)
    gem = pal.accent if rng.random() < 0.5 else (30, 120, 80)
    if style == "amber":
        for dx, dy, r in ((-0.13, 0.07, 0.07), (0.13, 0.07, 0.07), (0.0, 0.16, 0.1)):
            _stamp(fr, _bead(fr.px(r), "amber", amber), cx + dx, top + dy)
        pl = fr.layer()
        pl.draw.polygon(pl.pts([(cx - 0.05, top + 0.25), (cx + 0.05, top + 0.25), (cx, top + 0.42)]), fill=SILVER)
        pl.draw.ellipse(pl.ell(cx, top + 0.45, 0.035, 0.035), fill=SILVER)
        _metal_finish(fr, pl, SILVER, gen, 0.02)
        return
    pl = fr.layer()
    pl.draw.ellipse(pl.ell(cx, top, 0.05, 0.05), outline=SILVER, width=pl.px(0.02))
    if style == "triangle":
        body = [(cx - 0.24, top + 0.05), (cx + 0.24, top + 0.05), (cx, top + 0.5)]
        pl.draw.polygon(pl.pts(body), fill=SILVER)
        drops = [(cx - 0.2 + i * 0.4 / 6, top + 0.06 + abs(-0.2 + i * 0.4 / 6) * 0.1) for i in range(7)]
        ends = [(x * 1.05, top + 0.6 - abs(x) * 1.1) for x, _ in drops]
    else:
        pl.draw.ellipse(pl.ell(cx, top + 0.24, 0.2, 0.2), fill=SILVER)
        drops = [(cx + 0.19 * math.sin(a), top + 0.24 + 0.19 * math.cos(a)) for a in np.linspace(-1.2, 1.2, 7)]
        ends = [(x * 1.1, y + 0.1) for x, y in drops]
    for (x0, y0), (x1, y1) in zip(drops, ends, strict=True):
        pl.draw.line(pl.pts([(x0, y0), (x1, y1)]), fill=SILVER, width=pl.px(0.008))
        pl.draw.ellipse(pl.ell(x1, y1 + 0.02, 0.022, 0.03), fill=SILVER)
    _metal_finish(fr, pl, SILVER, gen, 0.03)
    # Engraving and inset stones on top of the polished silver.
    if style == "triangle":
        inner = [(cx - 0.17, top + 0.09), (cx + 0.17, top + 0.09), (cx, top + 0.41)]
        fr.draw.polygon(fr.pts(inner), outline=eng, width=fr.px(0.007))
        for i in range(6):
            fr.draw.ellipse(fr.ell(cx - 0.17 + 0.34 * (i + 0.5) / 6, top + 0.07, 0.008, 0.008), fill=eng)
        stones = ((cx, top + 0.2, 0.05), (cx - 0.08, top + 0.13, 0.025), (cx + 0.08, top + 0.13, 0.025))
    else:
        fr.draw.ellipse(fr.ell(cx, top + 0.24, 0.16, 0.16), outline=eng, width=fr.px(0.007))
        fr.draw.polygon(fr.pts(octagram(cx, top + 0.24, 0.13)), outline=eng, width=fr.px(0.006))
        stones = tuple((cx + 0.1 * math.cos(a), top + 0.24 + 0.1 * math.sin(a), 0.022)
                       for a in np.linspace(0, 2 * math.pi, 7)[:-1]) + ((cx, top + 0.24, 0.045),)
    for gx, gy, gr in stones:
        _stamp(fr, _bead(fr.px(gr), "matte", gem), gx, gy)
    _stamp(fr, _bead(fr.px(0.06), "amber", amber), cx, top - 0.06)


def draw_bracelet(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """A Berber silver cuff standing on its edge: engraved bands and inset stones."""
    gen = np_rng(rng)
    tilt = 0.5 if view != 2 else 0.72
    half = rng.uniform(0.2, 0.3)
    ys, rs = profile([(-half, 0.74), (-half + 0.03, 0.78), (0.0, 0.8), (half - 0.03, 0.78), (half, 0.74)], 96)
    n = rng.choice([6, 8, 10])
    motif = rng.choice(["lozenge", "teeth"])
    gilt = rng.random() < 0.25
    stones = [pal.accent, mix(CORAL, pal.main, 0.3), (30, 120, 80), AMBER]
    stone = rng.choice(stones)
    phase = 0.0 if view != 2 else 0.5 / n
    base = np.array(mix(SILVER, (214, 176, 100), 0.6 if gilt else 0.15), np.float32)

    def tex(theta: np.ndarray, yp: np.ndarray, u: np.ndarray) -> np.ndarray:
        a = theta / (2 * math.pi) * n + phase * n
        fa = a - np.floor(a) - 0.5
        env = 0.55 + 0.5 * np.cos(theta * 2.2 + 0.6) ** 2
        col = np.broadcast_to(base, (*yp.shape, 3)) * env[..., None]
        dark = np.zeros(yp.shape, bool)
        # Engraved border lines and beaded rows.
        for yb in (-half + 0.07, half - 0.07):
            dark |= np.abs(yp - yb) < 0.008
        dots = (np.abs(np.abs(yp) - (half - 0.035)) < 0.02) & (np.abs((a * 6) % 1 - 0.5) < 0.18)
        dark |= dots
        inner_h = half - 0.1
        if motif == "lozenge":  # lozenges around each stone
            loz = np.abs(fa) * 3.2 + np.abs(yp) / inner_h
            dark |= np.abs(loz - 1.0) < 0.06
            dark |= (np.abs(loz - 0.72) < 0.04) & (loz > 0.5)
        else:  # engraved sawtooth rows between the stones
            saw = np.abs((a * 3) % 1 - 0.5) * 2
            dark |= (np.abs(np.abs(yp) - saw * inner_h) < 0.012) & (np.abs(fa) > 0.12)
        col = np.where(dark[..., None], col * 0.35, col)
        d = np.sqrt((fa * 2 * math.pi * 0.8 / n) ** 2 + yp**2)
        gr = min(0.075, inner_h * 0.6)
        gem = d < gr
        g = np.clip(1.15 - d / gr * 0.6, 0.4, 1.2)
        col = np.where(gem[..., None], np.array(stone, np.float32) * g[..., None], col)
        return col

    revolve(fr, ys, rs, tilt, tex, ambient=0.45, spec_k=0.9, spec_pow=50)
    # Hand-hammered silver: a faint irregular sheen.
    shade(fr, 0.94 + 0.1 * noise(gen, fr.h, fr.w, fr.s * 0.03))
    # Looking into the cuff: inner back wall, and the table seen through it.
    y0, y1, ri = float(ys[0]), float(ys[-1]), float(rs[0]) * 0.93
    x, y = fr.grid()
    in_top = (x / ri) ** 2 + ((y - y0) / (ri * tilt)) ** 2 < 1
    in_bot = (x / ri) ** 2 + ((y - y1) / (ri * tilt)) ** 2 < 1
    arr = fr.rgba()
    wall = in_top & ~in_bot
    shade_wall = (0.5 + 0.4 * np.clip(-(x / ri), -1, 1)) * (0.75 + 0.25 * np.cos(x / ri * 2.4))
    arr[..., :3] = np.where(wall[..., None], base * shade_wall[..., None], arr[..., :3])
    arr[..., 3] = np.where(in_top & in_bot, 0, arr[..., 3])
    fr.put(arr)
    fr.draw.ellipse(fr.ell(0, y0, float(rs[0]), float(rs[0]) * tilt), outline=(236, 236, 240), width=fr.px(0.02))


def _lantern_profile(rng: random.Random) -> list[tuple[float, float]]:
    R = rng.uniform(0.34, 0.46)
    bulge = rng.uniform(-0.05, 0.09)
    return [(-1.0, 0.02), (-0.97, 0.045), (-0.93, 0.025), (-0.89, 0.06), (-0.84, 0.025), (-0.78, 0.035),
            (-0.7, 0.09), (-0.6, R * 0.58), (-0.5, R * 0.88), (-0.42, R * 0.97), (-0.36, R * 0.88), (-0.32, R * 1.04),
            (-0.27, R * 0.92), (0.1, R + bulge), (0.42, R * 0.95 + bulge * 0.3), (0.48, R * 1.08), (0.54, R * 0.86),
            (0.64, R * 0.66), (0.72, R * 0.8)]


def draw_lantern(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """A pierced brass lantern with an onion dome: light shines through rows of holes."""
    tilt = 0.12 if view != 2 else 0.26
    phase = 0.0 if view != 2 else 0.04
    ys, rs = profile(_lantern_profile(rng))
    cols, dy = 64, 0.04
    motif = rng.choice(["lozenge", "rings", "chevron", "arches"])
    brass = np.array(scale(BRASS, 0.78), np.float32)
    glow = np.array(mix((255, 214, 140), pal.accent2, 0.15), np.float32)

    def holes(theta: np.ndarray, yp: np.ndarray) -> np.ndarray:
        a = (theta / (2 * math.pi) + phase) * cols
        b = (yp + 0.26) / dy
        i, j = np.floor(a), np.floor(b)
        fx, fy = a - i - 0.5, b - j - 0.5
        body = (yp > -0.24) & (yp < 0.4)
        dome = (yp > -0.62) & (yp < -0.44)
        ii, jj = i.astype(np.int32), j.astype(np.int32)
        if motif == "lozenge":
            on = ((ii + jj) % 8 == 0) | ((ii - jj) % 8 == 0)
        elif motif == "rings":
            ci, cj = (ii % 8) - 3.5, (jj % 6) - 2.5
            on = np.abs(np.sqrt(ci * ci + cj * cj) - 2.6) < 0.7
        elif motif == "chevron":
            on = (jj % 4) == np.abs((ii % 8) - 4) % 4
        else:
            ci, cj = (ii % 8) - 3.5, jj % 9
            on = (((np.abs(ci) > 2.5) & (cj > 3))
                  | ((cj <= 3) & (np.abs(np.sqrt(ci * ci + (cj - 4.0) ** 2) - 3.2) < 0.6)))
        on = (on & body) | (dome & ((ii + jj) % 2 == 0))
        return on & (fx * fx + fy * fy < 0.09)

    def tex(theta: np.ndarray, yp: np.ndarray, u: np.ndarray) -> np.ndarray:
        ridge = 0.85 + 0.15 * np.cos(yp * 90.0) ** 8
        return np.broadcast_to(brass, (*yp.shape, 3)) * ridge[..., None]

    rev = revolve(fr, ys, rs, tilt, tex, ambient=0.3, spec_k=0.8, spec_pow=25)
    h = holes(rev.theta, rev.yp) & (rev.mask > 0.5)
    x0, y0, x1, y1 = rev.box
    arr = fr.rgba()
    sub = arr[y0:y1, x0:x1]
    sub[..., :3] = np.where(h[..., None], glow * (0.8 + 0.2 * np.cos(rev.theta))[..., None], sub[..., :3])
    # Bloom: the light spills warmly around the holes and a little around the lantern.
    full = np.zeros((fr.h, fr.w), np.float32)
    full[y0:y1, x0:x1] = h
    bloom = blur(full, fr.s * 0.025) * 2.2
    arr[..., :3] += bloom[..., None] * glow * 0.6
    arr[..., 3] = np.maximum(arr[..., 3], np.clip(bloom, 0, 1) * 120)
    fr.put(arr)
    fr.draw.ellipse(fr.ell(0, -1.07, 0.06, 0.07), outline=tuple(int(c) for c in brass), width=fr.px(0.018))


def draw_tray(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """A round brass tray seen from above, chased with stars, arches and interlace."""
    gen = np_rng(rng)
    base = BRASS if rng.random() < 0.75 else (190, 104, 64)  # brass, sometimes copper
    eng = Image.new("L", (fr.w, fr.h), 0)
    d = ImageDraw.Draw(eng)
    w1 = fr.px(0.007)
    for r in (0.91, 0.87, 0.62, 0.58, 0.27):
        d.ellipse(fr.ell(0, 0, r, r), outline=255, width=w1)
    n = rng.choice([8, 12, 16])
    rot = rng.uniform(0, math.pi / n)
    d.polygon(fr.pts(octagram(0, 0, 0.25, rot)), outline=255, width=w1)
    d.polygon(fr.pts(octagram(0, 0, 0.14, rot + math.pi / 8)), outline=255, width=w1)
    for i in range(n):  # pointed arches between the star and the middle ring
        a = rot + 2 * math.pi * i / n
        half = math.pi / n * 0.8
        pts = []
        for k in range(17):
            t = k / 16
            ang = a - half + 2 * half * t
            rr = 0.3 + 0.24 * math.sin(math.pi * t) ** 0.6
            pts.append((rr * math.cos(ang), rr * math.sin(ang)))
        d.line(fr.pts(pts), fill=255, width=w1)
        d.ellipse(fr.ell(0.42 * math.cos(a), 0.42 * math.sin(a), 0.025, 0.025), outline=255, width=w1)
    for ph in (0.0, math.pi):  # interlaced waves in the outer band
        pts = [((0.725 + 0.1 * math.sin(n * 2 * t + ph)) * math.cos(t),
                (0.725 + 0.1 * math.sin(n * 2 * t + ph)) * math.sin(t))
               for t in np.linspace(0, 2 * math.pi, 720)]
        d.line(fr.pts(pts), fill=255, width=w1)
    for i in range(n * 8):  # chased hatching between the rim lines
        a = 2 * math.pi * i / (n * 8)
        d.line(fr.pts([(0.875 * math.cos(a), 0.875 * math.sin(a)), (0.905 * math.cos(a), 0.905 * math.sin(a))]),
               fill=255, width=w1)
    fr.draw.ellipse(fr.ell(0, 0, 1.0, 1.0), fill=base)
    x, y = fr.grid()
    r2 = x * x + y * y
    rho = np.sqrt(r2)
    e = np.asarray(eng, np.float32) / 255.0
    rim = np.clip((rho - 0.93) / 0.07, 0, 1)
    hgt = 0.05 * np.sin(rim * math.pi) + 0.02 * rim - 0.004 * blur(e, fr.s * 0.004)
    diff, spec = normal_light(hgt * fr.s, 1.0, 40)
    # Spun metal: the reflection fans out radially, cos(2 * (phi + 0.8)) without an arctan.
    inv = 1.0 / np.maximum(r2, 1e-6)
    cos2 = ((x * x - y * y) * math.cos(1.6) - 2 * x * y * math.sin(1.6)) * inv
    aniso = 0.72 + 0.28 * cos2 * np.clip(rho * 1.5, 0, 1)
    brush = 0.95 + 0.08 * noise(gen, fr.h, fr.w, fr.s * 0.02)
    shade(fr, aniso * brush * (0.4 + 0.65 * diff) * (1 - 0.55 * e), spec * 0.7 * (1 - e))
