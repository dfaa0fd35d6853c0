"""Woodwork: Essaouira thuya boxes and turned cedar bowls."""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw

from .images_base import (
    RGB,
    Frame,
    Palette,
    Pt,
    blur,
    disc_overlay,
    mix,
    noise,
    np_rng,
    octagram,
    profile,
    revolve,
    sample,
)

LEMONWOOD = (232, 206, 150)
EBONY = (42, 28, 20)


def _burl(fr: Frame, gen: np.random.Generator, rng: random.Random) -> np.ndarray:
    """Thuya burl: swirling figure around dark 'eyes', as a (h, w) darkness map in [0, 1]."""
    h, w = fr.h, fr.w
    n1 = noise(gen, h, w, fr.s * 0.25)
    n2 = noise(gen, h, w, fr.s * 0.08)
    swirl = 0.5 + 0.5 * np.sin((n1 * 2.0 + n2 * 0.8) * 26.0)
    eyes = Image.new("F", (w, h), 0.0)
    d = ImageDraw.Draw(eyes)
    for _ in range(rng.randint(5, 9)):  # eyes come in clusters
        cx, cy = rng.uniform(-1, 1), rng.uniform(-0.8, 0.8)
        for _ in range(rng.randint(6, 18)):
            x, y = cx + rng.gauss(0, 0.12), cy + rng.gauss(0, 0.08)
            r = rng.uniform(0.005, 0.014)
            d.ellipse(fr.ell(x, y, r * 2.5, r * 2.5), fill=0.35)
            d.ellipse(fr.ell(x, y, r, r), fill=1.0)
    e = blur(np.asarray(eyes, np.float32), fr.s * 0.006)
    return np.clip(0.45 * swirl + 0.35 * n2 + 0.9 * e, 0, 1)


def draw_box(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """A thuya box in three-quarter view with lemonwood and ebony inlay on the lid."""
    gen = np_rng(rng)
    yaw = math.radians(32 if view != 2 else -38)
    pitch = math.radians(30 if view != 2 else 42)
    hx, hz, hy = rng.uniform(0.62, 0.75), rng.uniform(0.42, 0.52), rng.uniform(0.38, 0.52)

    def proj(x: float, y: float, z: float) -> Pt:
        xr = x * math.cos(yaw) + z * math.sin(yaw)
        zr = -x * math.sin(yaw) + z * math.cos(yaw)
        return (xr, -y * math.cos(pitch) + zr * math.sin(pitch) + 0.25)

    faces = {
        "top": [(-hx, hy, -hz), (hx, hy, -hz), (hx, hy, hz), (-hx, hy, hz)],
        "front": [(-hx, 0, hz), (hx, 0, hz), (hx, hy, hz), (-hx, hy, hz)],
        "side": [(hx, 0, -hz), (hx, 0, hz), (hx, hy, hz), (hx, hy, -hz)]
        if yaw < 0
        else [(-hx, 0, -hz), (-hx, 0, hz), (-hx, hy, hz), (-hx, hy, -hz)],
    }
    light = {"top": 1.08, "front": 0.82, "side": 0.62 if yaw > 0 else 0.7}
    base = np.array((156, 84, 44), np.float32)
    dark = np.array((70, 32, 16), np.float32)
    fid = Image.new("L", (fr.w, fr.h), 0)
    fd = ImageDraw.Draw(fid)
    for k, pts in enumerate(faces.values(), start=1):
        fd.polygon(fr.pts([proj(*p) for p in pts]), fill=k)
        fr.draw.polygon(fr.pts([proj(*p) for p in pts]), fill=(255, 255, 255))
    ids = np.asarray(fid)
    lk = np.zeros(ids.shape, np.float32)
    for k, name in enumerate(faces, start=1):
        lk[ids == k] = light[name]
    burl = _burl(fr, gen, rng)
    x, y = fr.grid()
    gloss = np.where(ids == 1, 0.25 * np.exp(-(((x - y * 0.8 + 0.2) / 0.3) ** 2)), 0.0)
    col = base + (dark - base) * burl[..., None]
    arr = fr.rgba()
    arr[..., :3] = col * lk[..., None] + (gloss * 255)[..., None]
    fr.put(arr)

    # Inlay lines, drawn in each face's own coordinates.
    def top_uv(u: float, v: float) -> Pt:
        return proj(u * hx, hy, v * hz)

    def line(f, pts: list[tuple[float, float]], col: RGB, w: float) -> None:  # type: ignore[no-untyped-def]
        fr.draw.line(fr.pts([f(u, v) for u, v in pts]), fill=col, width=fr.px(w), joint="curve")

    for inset, col in ((0.88, LEMONWOOD), (0.82, EBONY), (0.78, LEMONWOOD)):
        line(top_uv, [(-inset, -inset * 0.85), (inset, -inset * 0.85), (inset, inset * 0.85), (-inset, inset * 0.85),
                      (-inset, -inset * 0.85)], col, 0.012)
    motif = rng.choice(["star", "lozenge", "rosette"])
    ax, az = 0.38 / hx, 0.38 / hz
    if motif == "star":
        pts = [(px * ax, pz * az) for px, pz in octagram(0, 0, 1.0)]
        fr.draw.polygon(fr.pts([top_uv(u, v) for u, v in pts]), fill=LEMONWOOD, outline=EBONY, width=fr.px(0.008))
        pts = [(px * ax, pz * az) for px, pz in octagram(0, 0, 0.45, math.pi / 8)]
        fr.draw.polygon(fr.pts([top_uv(u, v) for u, v in pts]), fill=mix(pal.main, EBONY, 0.3))
    elif motif == "lozenge":
        for k, s in enumerate((1.0, 0.7, 0.4)):
            pts = [(0, -s * az), (s * ax * 1.3, 0), (0, s * az), (-s * ax * 1.3, 0)]
            fr.draw.polygon(fr.pts([top_uv(u, v) for u, v in pts]), fill=LEMONWOOD if k % 2 == 0 else EBONY)
    else:
        for i in range(8):
            a = i * math.pi / 4
            u, v = math.cos(a) * ax * 0.7, math.sin(a) * az * 0.7
            pts = [(u + math.cos(t) * ax * 0.25, v + math.sin(t) * az * 0.25) for t in np.linspace(0, 2 * math.pi, 16)]
            fr.draw.polygon(fr.pts([top_uv(a2, b2) for a2, b2 in pts]), outline=LEMONWOOD, width=fr.px(0.01))
        pts = [(math.cos(t) * ax * 0.3, math.sin(t) * az * 0.3) for t in np.linspace(0, 2 * math.pi, 24)]
        fr.draw.polygon(fr.pts([top_uv(u, v) for u, v in pts]), fill=(236, 230, 220))  # mother of pearl
    # The lid seam and an inlaid band on the front and side.
    for yy, col, w in ((hy * 0.72, EBONY, 0.012), (hy * 0.86, LEMONWOOD, 0.01), (hy * 0.3, LEMONWOOD, 0.008)):
        for pts in (faces["front"], faces["side"]):
            xs = sorted({(p[0], p[2]) for p in pts}, key=lambda q: (q[0], q[1]))
            (x0, z0), (x1, z1) = xs[0], xs[-1]
            fr.draw.line(fr.pts([proj(x0, yy, z0), proj(x1, yy, z1)]), fill=col, width=fr.px(w))
    # Varnished edges catch the light.
    for a3, b3 in (((-hx, hy, hz), (hx, hy, hz)),):
        fr.draw.line(fr.pts([proj(*a3), proj(*b3)]), fill=(236, 180, 130), width=fr.px(0.008))


CEDAR = (190, 128, 80)


def draw_bowl(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """A turned cedar bowl seen from slightly above, with wavy grain outside and rings inside."""
    gen = np_rng(rng)
    tilt = 0.42 if view != 2 else 0.62
    deep = rng.uniform(0.0, 0.2)
    foot = rng.uniform(0.3, 0.42)
    rim = rng.uniform(0.88, 0.98)
    ys, rs = profile([(-0.38, rim), (-0.3, rim), (-0.1, rim - 0.07 - deep), (0.1, rim * 0.76 - deep),
                      (0.25, foot + 0.14), (0.32, foot + 0.02), (0.34, foot), (0.42, foot)])
    # Cedar, olive wood (pale with dark streaks) or walnut.
    species = rng.choice(["cedar", "cedar", "olive", "walnut"])
    tone = {"cedar": CEDAR, "olive": (206, 172, 122), "walnut": (128, 86, 56)}[species]
    wood = np.array(mix(tone, pal.accent2, 0.1), np.float32)
    dark = wood * (0.45 if species == "olive" else 0.62)
    warp = noise(gen, 256, 256, 24)
    freq = rng.uniform(9, 14)
    phase = 0.0 if view != 2 else 0.3

    def tex(theta: np.ndarray, yp: np.ndarray, u: np.ndarray) -> np.ndarray:
        tx = theta / (2 * math.pi) + phase
        w = sample(warp, tx, (yp + 0.4) / 0.9)
        g = 0.5 + 0.5 * np.sin((tx * 2 * math.pi * 1.5 + (yp * 1.6) ** 2 + w * 0.45) * freq)
        g = g**3
        return wood + (dark - wood) * g[..., None]

    revolve(fr, ys, rs, tilt, tex, ambient=0.35, spec_k=0.25, spec_pow=18)
    y0, r0 = float(ys[0]), float(rs[0])
    ring = noise(gen, 256, 256, 40)

    def inside(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        w = sample(ring, (x + 1) / 2, (y + 1) / 2)
        # The bottom of the bowl sits lower on screen than the rim's centre.
        rr = np.sqrt(x * x * 0.8 + (y - 0.3) ** 2)
        g = (0.5 + 0.5 * np.sin((rr * 3.2 + w * 0.35) * freq)) ** 3
        col = wood + (dark - wood) * g[..., None]
        # Far wall lit and facing us; the near wall falls into the rim's shadow.
        light = 1.05 - 0.5 * np.clip((y + 0.3) / 1.3, 0, 1) ** 1.5 - 0.12 * x
        light = light * (0.6 + 0.4 * np.clip(1.0 - (x * x + y * y) ** 2, 0, 1))
        return col * light[..., None]

    disc_overlay(fr, 0.0, y0, r0 * 0.94, r0 * 0.94 * tilt, inside)
    fr.draw.ellipse(fr.ell(0, y0, r0 * 0.97, r0 * 0.97 * tilt), outline=tuple(int(c * 1.12) for c in wood),
                    width=fr.px(0.03))
