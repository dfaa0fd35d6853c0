"""Leather goods: embroidered poufs, bags and babouche slippers."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw

from .images_base import (
    RGB,
    THREAD,
    Frame,
    Palette,
    Pt,
    alpha,
    blur,
    dashed,
    disc_overlay,
    fine_noise,
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
    smooth_curve,
)


def _leather(pal: Palette, rng: random.Random) -> RGB:
    # Natural vegetable-tanned leather now and then; otherwise dyed in the palette.
    return (168, 104, 58) if rng.random() < 0.2 else pal.main


def _thread(pal: Palette, leather: RGB) -> RGB:
    return THREAD if abs(sum(leather) - sum(THREAD)) > 150 else pal.ground


def _stitch_tex(d: ImageDraw.ImageDraw, pts: list[Pt], col: RGB, w: int, dash: float, closed: bool = False) -> None:
    """Running stitch on a texture (pixel coordinates)."""
    seq = pts + ([pts[0]] if closed else [])
    acc = 0.0
    for (x0, y0), (x1, y1) in zip(seq, seq[1:], strict=False):
        seg = math.hypot(x1 - x0, y1 - y0)
        t = 0.0
        while t < seg:
            if int((acc + t) / dash) % 2 == 0:
                t2 = min(seg, t + dash)
                d.line([(x0 + (x1 - x0) * t / seg, y0 + (y1 - y0) * t / seg),
                        (x0 + (x1 - x0) * t2 / seg, y0 + (y1 - y0) * t2 / seg)], fill=col, width=w)
            t += dash
        acc += seg


def _pouf_side(rng: random.Random, leather: RGB, alt: RGB, thread: RGB, th: int) -> np.ndarray:
    tw = 1024
    img = Image.new("RGB", (tw, th), leather)
    d = ImageDraw.Draw(img)
    n = rng.choice([8, 10, 12])
    pw = tw / n
    for i in range(n):
        x0 = i * pw
        if i % 2 and alt != leather:
            d.rectangle([x0, 0, x0 + pw, th], fill=alt)
        d.line([(x0, 0), (x0, th)], fill=scale(leather, 0.55), width=3)
        # An arch (the mihrab shape of Moroccan leatherwork) stitched on each panel.
        cx, top, bot, half = x0 + pw / 2, th * 0.22, th * 0.86, pw * 0.32
        arch = [(cx - half, bot), (cx - half, top + half)]
        arch += [(cx - half * math.cos(a), top + half - half * 1.25 * math.sin(a)) for a in np.linspace(0, math.pi, 24)]
        arch += [(cx + half, top + half), (cx + half, bot)]
        _stitch_tex(d, arch, thread, 4, 9)
        inner = [(x * 0.6 + cx * 0.4, y * 0.75 + bot * 0.25) for x, y in arch]
        _stitch_tex(d, inner, thread, 4, 9)
        d.polygon(octagram(cx, th * 0.6, pw * 0.09), fill=thread)
    for y in (th * 0.06, th * 0.94):
        _stitch_tex(d, [(0, y), (tw, y)], thread, 4, 10)
    return np.asarray(img)


def _pouf_top(rng: random.Random, leather: RGB, thread: RGB, patch: RGB) -> np.ndarray:
    size = 720
    c = size / 2
    img = Image.new("RGB", (size, size), leather)
    d = ImageDraw.Draw(img)
    n = rng.choice([8, 12, 16])
    d.polygon(octagram(c, c, size * 0.3, rng.choice([0, math.pi / 8])), fill=patch)
    for i in range(n):
        a = 2 * math.pi * i / n
        pts = [(c + r * math.cos(a + 0.16 * math.sin(math.pi * (r - 0.3 * c) / (0.6 * c))),
                c + r * math.sin(a + 0.16 * math.sin(math.pi * (r - 0.3 * c) / (0.6 * c))))
               for r in np.linspace(0.3 * c, 0.9 * c, 14)]
        back = [(c + r * math.cos(a - 0.16 * math.sin(math.pi * (r - 0.3 * c) / (0.6 * c))),
                 c + r * math.sin(a - 0.16 * math.sin(math.pi * (r - 0.3 * c) / (0.6 * c))))
                for r in np.linspace(0.9 * c, 0.3 * c, 14)]
        _stitch_tex(d, pts + back, thread, 5, 10, closed=True)
    for rr in (0.95, 0.88, 0.22):
        pts = [(c + rr * c * math.cos(a), c + rr * c * math.sin(a)) for a in np.linspace(0, 2 * math.pi, 90)]
        _stitch_tex(d, pts, thread, 5, 10)
    d.polygon(octagram(c, c, size * 0.08), fill=thread)
    return np.asarray(img)


def draw_pouf(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """A round leather pouf, embroidered on top and around its panels."""
    gen = np_rng(rng)
    leather = _leather(pal, rng)
    thread = _thread(pal, leather)
    alt = scale(leather, 0.85) if rng.random() < 0.5 else leather
    patch = mix(leather, pal.ground, 0.75) if rng.random() < 0.5 else scale(leather, 0.8)
    tilt = 0.36 if view != 2 else 0.56
    phase = 0.0 if view != 2 else 0.05
    ys, rs = profile([(-0.42, 0.86), (-0.36, 0.94), (-0.1, 0.99), (0.25, 0.98), (0.48, 0.92), (0.56, 0.84)])
    span = float(ys[-1] - ys[0])
    side = _pouf_side(rng, leather, alt, thread, int(1024 * span / (2 * math.pi * 0.97)))
    top = _pouf_top(rng, leather, thread, patch)
    pebble = noise(gen, 128, 512, 1.5)

    def side_col(theta: np.ndarray, yp: np.ndarray, u: np.ndarray) -> np.ndarray:
        tx, ty = theta / (2 * math.pi) + phase, (yp - ys[0]) / span
        grain = sample(pebble, tx * 3, ty)[..., None]
        return sample(side, tx, ty) * (0.9 + 0.2 * grain)

    revolve(fr, ys, rs, tilt, side_col, ambient=0.35, spec_k=0.18, spec_pow=10)
    y0, r0 = float(ys[0]), float(rs[0])
    rot = phase * 2 * math.pi

    def top_col(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        xr = x * math.cos(rot) - y * math.sin(rot)
        yr = x * math.sin(rot) + y * math.cos(rot)
        col = sample(top, (xr + 1) / 2 * 0.999, (yr + 1) / 2)
        # A slightly domed, stuffed top: lighter in the middle, darker at the seam.
        rho2 = x * x + y * y
        light = 1.05 - 0.25 * rho2 - 0.12 * (x + y) * 0.5
        return col * light[..., None]

    disc_overlay(fr, 0.0, y0, r0, r0 * tilt, top_col)
    fr.draw.ellipse(fr.ell(0, y0, r0, r0 * tilt), outline=scale(leather, 0.6), width=fr.px(0.018))
    shade(fr, 0.94 + 0.1 * fine_noise(gen, fr.h, fr.w))


def draw_bag(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """A leather handbag with a rounded handle, an embroidered flap and a brass button."""
    gen = np_rng(rng)
    leather = _leather(pal, rng)
    thread = _thread(pal, leather)
    accent = pal.accent2 if rng.random() < 0.5 else pal.ground
    side = view == 2
    sx = 0.8 if side else 1.0

    def xf(x: float, y: float) -> Pt:
        return (x * sx - (0.08 if side else 0.0), y)

    top_w, bot_w, y_top, y_bot, rc = 0.58, 0.78, -0.22, 0.78, 0.16
    body = [(-top_w, y_top), (top_w, y_top), (bot_w, y_bot - rc), (bot_w - rc * 0.3, y_bot - rc * 0.3),
            (bot_w - rc, y_bot), (-bot_w + rc, y_bot), (-bot_w + rc * 0.3, y_bot - rc * 0.3), (-bot_w, y_bot - rc)]
    body = smooth_curve(body, 6, closed=True)
    # Handle first, so its ends tuck behind the body.
    handle = smooth_curve([(-0.4, y_top + 0.05), (-0.38, -0.7), (0.0, -0.9), (0.38, -0.7), (0.4, y_top + 0.05)], 10)
    fr.draw.line(fr.pts([xf(*p) for p in handle]), fill=scale(leather, 0.9), width=fr.px(0.085), joint="curve")
    fr.draw.line(fr.pts([xf(x - 0.012, y - 0.012) for x, y in handle]), fill=scale(leather, 1.15), width=fr.px(0.025),
                 joint="curve")
    if side:
        gus = [(top_w, y_top), (top_w + 0.25, y_top + 0.04), (bot_w + 0.22, y_bot - 0.02), (bot_w - 0.05, y_bot)]
        fr.draw.polygon(fr.pts([xf(*p) for p in gus]), fill=scale(leather, 0.62))
    fr.draw.polygon(fr.pts([xf(*p) for p in body]), fill=leather)
    body_a = alpha(fr)
    dashed(fr, [xf(x * 0.93, y * 0.95 + 0.02) for x, y in body], thread, 0.009, 0.03, 0.02, closed=True)
    # Flap with a rounded point, embroidered rosette and stitched border.
    flap = smooth_curve([(-top_w - 0.02, y_top - 0.02), (top_w + 0.02, y_top - 0.02), (top_w * 0.96, 0.05),
                         (0.3, 0.26), (0.0, 0.34), (-0.3, 0.26), (-top_w * 0.96, 0.05)], 8, closed=True)
    fl = fr.layer()
    fl.draw.polygon(fl.pts([xf(*p) for p in flap]), fill=scale(leather, 1.04))
    flap_a = alpha(fl)
    # The flap casts a thin shadow onto the body.
    drop = blur(np.roll(flap_a, fr.px(0.02), axis=0), fr.s * 0.015) * body_a
    shade(fr, 1.0 - 0.45 * drop)
    dashed(fl, [xf(x * 0.9, y * 0.88 - 0.02) for x, y in flap], thread, 0.009, 0.03, 0.02, closed=True)
    cy = 0.02
    for i in range(8):
        a = math.pi * i / 4
        pts = [xf(0.0 + 0.2 * t * math.cos(a) * 0.9, cy + 0.2 * t * math.sin(a) * 0.9) for t in np.linspace(0.2, 1, 6)]
        fl.draw.line(fl.pts(pts), fill=accent, width=fl.px(0.02))
    fl.draw.polygon(fl.pts([xf(x, y) for x, y in octagram(0.0, cy, 0.08)]), fill=thread)
    fl.draw.ellipse(fl.ell(*xf(0.0, 0.29), 0.045, 0.045), fill=(196, 150, 64))
    fl.draw.ellipse(fl.ell(*xf(-0.012, 0.278), 0.015, 0.015), fill=(250, 226, 160))
    fr.paste(fl)
    a = alpha(fr)
    puff = blur(body_a, fr.s * 0.12) + 0.6 * blur(flap_a, fr.s * 0.05)
    diff, spec = normal_light(puff * fr.s * 0.12, 1.0, 16)
    grain = 0.92 + 0.14 * noise(gen, fr.h, fr.w, max(1.5, fr.s * 0.006))
    shade(fr, grain * (0.5 + 0.55 * diff), spec * 0.15 * a)


def _slipper_outline() -> list[Pt]:
    right = [(0.0, -0.9), (0.06, -0.74), (0.14, -0.5), (0.2, -0.2), (0.225, 0.1), (0.21, 0.45), (0.17, 0.68),
             (0.09, 0.8), (0.0, 0.83)]
    left = [(-x * 0.92, y) for x, y in reversed(right[1:-1])]
    return smooth_curve(right + left, 6, closed=True)


def draw_babouche(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """A pair of pointed babouches seen from above: vamp, insole, crushed heel, embroidery."""
    gen = np_rng(rng)
    upper = pal.main if rng.random() < 0.8 else (222, 170, 60)
    insole = mix((214, 180, 136), pal.ground, 0.3)
    thread = _thread(pal, upper)
    sole = (120, 80, 48)
    embroider = rng.random() < 0.7
    outline = _slipper_outline()
    hm = Image.new("F", (fr.w, fr.h), 0.0)
    hd = ImageDraw.Draw(hm)
    for mirror, dx, ang in ((-1, -0.4, -0.09), (1, 0.4, 0.09)):
        ca, sa = math.cos(ang), math.sin(ang)

        def tf(x: float, y: float, m: int = mirror, ddx: float = dx, c: float = ca, s: float = sa) -> Pt:
            x = x * m
            return (ddx + x * c - y * s, x * s + y * c)

        def poly(pts: list[Pt], f: Callable[..., Pt] = tf) -> list[Pt]:
            return fr.pts([f(x, y) for x, y in pts])

        fr.draw.polygon(poly([(x * 1.07, y * 1.03) for x, y in outline]), fill=sole)
        fr.draw.polygon(poly(outline), fill=upper)
        hd.polygon(poly(outline), fill=0.3)
        opening = [(x * 0.8, y * 0.95 + 0.02) for x, y in outline if y > -0.02]
        fr.draw.polygon(poly(opening), fill=insole)
        hd.polygon(poly(opening), fill=0.0)
        heel = [(x * 0.8, y * 0.95 + 0.02) for x, y in outline if y > 0.5]
        fr.draw.polygon(poly(heel), fill=scale(upper, 0.9))
        hd.polygon(poly(heel), fill=0.2)
        vamp = [(x, y) for x, y in outline if y <= 0.02]
        # Close the vamp through the throat: insert its curve where the kept points jump sides.
        gap = max(range(len(vamp)), key=lambda i: math.dist(vamp[i], vamp[(i + 1) % len(vamp)]))
        a, b = vamp[gap], vamp[(gap + 1) % len(vamp)]
        throat = smooth_curve([a, (a[0] * 0.5, 0.08), (0.0, 0.11), (b[0] * 0.5, 0.08), b], 6)
        vamp_pts = [*vamp[: gap + 1], *throat[1:-1], *vamp[gap + 1 :]]
        fr.draw.polygon(poly(vamp_pts), fill=upper)
        hd.polygon(poly(vamp_pts), fill=1.0)
        fr.draw.line(poly(throat), fill=scale(upper, 0.75), width=fr.px(0.012), joint="curve")
        if embroider:
            dashed(fr, [tf(0.0, y) for y in np.linspace(-0.78, 0.0, 12)], thread, 0.008, 0.025, 0.015)
            for k, yy in enumerate((-0.5, -0.3, -0.1)):
                r = 0.04 + 0.015 * k
                fr.draw.polygon(poly(octagram(0.0, yy, r)), fill=thread)
                for sxx in (-1, 1):
                    fr.draw.ellipse(fr.ell(*tf(sxx * 0.1, yy + 0.05), 0.018, 0.018), fill=pal.accent2)
        dashed(fr, [tf(x * 0.9, y * 0.96 - 0.01) for x, y in outline if y < 0.0], thread, 0.007, 0.02, 0.015)
    hgt = blur(np.asarray(hm, np.float32), fr.s * 0.05)
    diff, spec = normal_light(hgt * fr.s * 0.1, 1.0, 14)
    a = alpha(fr)
    grain = 0.93 + 0.12 * fine_noise(gen, fr.h, fr.w)
    shade(fr, grain * (0.45 + 0.6 * diff), spec * 0.2 * a)
