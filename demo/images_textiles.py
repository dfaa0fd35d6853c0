"""Rugs, kilims, cushions and palm baskets."""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import ImageFilter

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
    polyline,
    profile,
    revolve,
    scale,
    shade,
    smooth_curve,
)

WOOL = (236, 228, 210)


def _wobbly_rect(rng: random.Random, hw: float, hh: float, j: float, n: int = 10) -> list[tuple[float, float]]:
    """A hand-woven rectangle: edges that wander a little."""
    pts = []
    corners = [(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh)]
    for k in range(4):
        (x0, y0), (x1, y1) = corners[k], corners[(k + 1) % 4]
        for i in range(n):
            t = i / n
            pts.append((x0 + (x1 - x0) * t + rng.uniform(-j, j), y0 + (y1 - y0) * t + rng.uniform(-j, j)))
    return pts


def _fringes(fr: Frame, rng: random.Random, hw: float, y: float, direction: int, col: RGB) -> None:
    n = 46
    for i in range(n):
        x = -hw + 0.02 + (2 * hw - 0.04) * (i + 0.5) / n
        length = rng.uniform(0.07, 0.1)
        bend = rng.uniform(-0.02, 0.02)
        c = scale(col, rng.uniform(0.85, 1.0))
        for k in (-1, 0, 1):
            xs = x + k * 0.006
            pts = [(xs, y), (xs + bend * 0.5, y + direction * length * 0.5), (xs + bend, y + direction * length)]
            polyline(fr.draw, fr.pts(pts), c, fr.px(0.006))


def _wool_finish(fr: Frame, gen: np.random.Generator, pile: float = 1.0) -> None:
    """Pile texture: tufts, abrash (dye variation) and a soft thick edge."""
    h, w = fr.h, fr.w
    a = alpha(fr)
    tufts = noise(gen, h, w, max(2.0, fr.s * 0.012))
    grain = fine_noise(gen, h, w)
    abrash = noise(gen, h, w, fr.s * 0.5)
    edge = blur(a, fr.s * 0.02)
    diff, _ = normal_light(edge * fr.s * 0.02 + tufts * 1.5 * pile, 1.0)
    mult = (0.8 + 0.14 * tufts + 0.1 * (grain - 0.5) * pile + 0.08 * abrash) * (0.55 + 0.45 * diff)
    shade(fr, mult)


def draw_rug(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """Beni Ouarain: undyed wool with a dark, hand-drawn lozenge lattice and fringed ends."""
    gen = np_rng(rng)
    hw, hh = 0.62, 0.9
    pick = rng.random()
    # With a colourway, undyed wool only for ivory/cream ones; a red rug is red.
    classic = lum(pal.main) > 190 if pal.motif else pick < 0.6
    ground = mix(WOOL, pal.ground, 0.3) if classic else pal.main
    line = pal.dark if classic else mix(pal.ground, WOOL, 0.5)
    accent = pal.main if classic else pal.accent2
    fr.draw.polygon(fr.pts(_wobbly_rect(rng, hw, hh, 0.008)), fill=ground)
    mask = fr.img.getchannel("A")
    pat = fr.layer()
    across = rng.choice([2, 3, 3, 4])
    cw = 2 * hw / across
    ch = cw * rng.uniform(1.3, 1.8)
    lw = fr.px(rng.uniform(0.03, 0.045))
    motif = pal.motif or "losanges"
    if motif not in ("losanges", "treillis"):
        _rug_motif(pat, rng, motif, hw, hh, line, accent, lw)
    for sign in (-1, 1) if motif in ("losanges", "treillis") else ():
        for k in range(-8, 9):
            pts = []
            for i in range(25):
                yy = -hh - 0.1 + (2 * hh + 0.2) * i / 24
                xx = sign * (yy / ch) * cw + k * cw + rng.uniform(-0.012, 0.012)
                pts.append((xx, yy))
            polyline(pat.draw, pat.pts(pts), line, lw)
    # Small motifs in the lozenges: diamonds, crosses, a few coloured knots.
    for i in range(-across, across + 1) if motif in ("losanges", "treillis") else ():
        for j in range(-6, 7):
            cx, cy = i * cw / 2, j * ch / 2
            if (i + j) % 2 or abs(cx) > hw - 0.05 or abs(cy) > hh - 0.05:
                continue
            style = rng.random()
            r = cw * 0.12
            if style < 0.45:
                pat.draw.polygon(pat.pts([(cx, cy - r * 1.4), (cx + r, cy), (cx, cy + r * 1.4), (cx - r, cy)]),
                                 fill=accent if rng.random() < 0.3 else line)
            elif style < 0.7:
                pat.draw.line(pat.pts([(cx - r, cy), (cx + r, cy)]), fill=line, width=lw // 2 + 1)
                pat.draw.line(pat.pts([(cx, cy - r), (cx, cy + r)]), fill=line, width=lw // 2 + 1)
    # Wool is fuzzy: soften the drawn lines before clipping them to the rug.
    pat.img = pat.img.filter(ImageFilter.GaussianBlur(fr.s * 0.004))
    fr.paste(pat, mask)
    if rng.random() < 0.5:
        for y0 in (-hh + 0.05, hh - 0.08):
            fr.draw.rectangle(fr.box(-hw + 0.01, y0, hw - 0.01, y0 + 0.03), fill=line)
    _wool_finish(fr, gen, 1.3)
    _fringes(fr, rng, hw, -hh, -1, WOOL)
    _fringes(fr, rng, hw, hh, 1, WOOL)


def _rug_motif(pat: Frame, rng: random.Random, motif: str, hw: float, hh: float, line: RGB, accent: RGB,
               lw: int) -> None:
    """The rug's field for a named motif (the lattice is drawn by ``draw_rug`` itself)."""
    d = pat.draw
    if motif == "medaillon":  # a large central medallion: nested lozenges, a star at the heart
        for k, col in ((1.0, line), (0.78, accent), (0.56, line), (0.34, accent)):
            rx, ry = hw * 0.8 * k, hh * 0.62 * k
            d.polygon(pat.pts([(0, -ry), (rx, 0), (0, ry), (-rx, 0)]), outline=col, width=lw)
        d.polygon(octagram(*pat.p(0, 0), pat.s * hw * 0.16), fill=line)
        for y in (-hh * 0.8, hh * 0.8):
            d.polygon(pat.pts([(0, y - 0.08), (0.12, y), (0, y + 0.08), (-0.12, y)]), fill=accent)
    elif motif == "chevrons":
        step = hh / rng.choice([4, 5])
        for j in range(-6, 7):
            y = j * step
            pts = [(-hw - 0.1 + i * 0.2, y + (0.09 if i % 2 else -0.09)) for i in range(int((2 * hw + 0.2) / 0.2) + 2)]
            polyline(d, pat.pts(pts), line if j % 2 else accent, lw)
    elif motif == "frises":
        for y in (-hh * 0.62, -hh * 0.3, hh * 0.3, hh * 0.62):
            d.rectangle(pat.box(-hw, y - 0.035, hw, y + 0.035), fill=line)
            for i in range(-8, 9):
                x = i * 0.08
                d.polygon(pat.pts([(x - 0.03, y + 0.06), (x, y + 0.11), (x + 0.03, y + 0.06)]), fill=accent)
    elif motif == "dessin-libre":
        for _ in range(26):
            x, y, r = rng.uniform(-hw + 0.1, hw - 0.1), rng.uniform(-hh + 0.1, hh - 0.1), rng.uniform(0.04, 0.1)
            col = accent if rng.random() < 0.5 else line
            if rng.random() < 0.5:
                d.polygon(pat.pts([(x, y - r), (x + r * 0.7, y), (x, y + r), (x - r * 0.7, y)]), fill=col)
            else:
                polyline(d, pat.pts([(x - r, y - r), (x + r, y + r)]), col, lw)
                polyline(d, pat.pts([(x - r, y + r), (x + r, y - r)]), col, lw)
    # "uni": the plain field shows the wool alone


def _kilim_band(fr: Frame, rng: random.Random, x0: float, x1: float, y0: float, y1: float, cols: list[RGB]) -> None:
    d = fr.draw
    bg, fg, fg2 = cols[0], cols[1], cols[2]
    d.rectangle(fr.box(x0, y0, x1, y1), fill=bg)
    hgt = y1 - y0
    kind = rng.choice(["triangles", "diamonds", "zigzag", "stripes", "hooks", "diamonds"])
    if hgt < 0.06:
        kind = rng.choice(["stripes", "dots", "triangles"])
    n = max(3, int((x1 - x0) / (hgt * 1.1)))
    step = (x1 - x0) / n
    if kind == "triangles":
        for i in range(n):
            xa = x0 + i * step
            d.polygon(fr.pts([(xa, y1), (xa + step / 2, y0), (xa + step, y1)]), fill=fg if i % 2 else fg2)
    elif kind == "diamonds":
        for i in range(n):
            cx, cy = x0 + (i + 0.5) * step, (y0 + y1) / 2
            rx, ry = step * 0.46, hgt * 0.44
            d.polygon(fr.pts([(cx, cy - ry), (cx + rx, cy), (cx, cy + ry), (cx - rx, cy)]), fill=fg)
            d.polygon(fr.pts([(cx, cy - ry * 0.5), (cx + rx * 0.5, cy), (cx, cy + ry * 0.5), (cx - rx * 0.5, cy)]),
                      fill=fg2)
            d.rectangle(fr.box(cx - rx * 0.12, cy - ry * 0.12, cx + rx * 0.12, cy + ry * 0.12), fill=bg)
    elif kind == "zigzag":
        pts = [(x0 + i * step / 2, y0 + hgt * (0.25 if i % 2 else 0.75)) for i in range(2 * n + 1)]
        polyline(d, fr.pts(pts), fg, fr.px(hgt * 0.22))
    elif kind == "stripes":
        k = rng.choice([2, 3])
        for i in range(k):
            if i % 2 == 0:
                d.rectangle(fr.box(x0, y0 + hgt * i / k, x1, y0 + hgt * (i + 1) / k), fill=fg)
    elif kind == "dots":
        for i in range(n * 2):
            cx = x0 + (i + 0.5) * step / 2
            r = hgt * 0.25
            d.rectangle(fr.box(cx - r, (y0 + y1) / 2 - r, cx + r, (y0 + y1) / 2 + r), fill=fg)
    else:  # stepped "hooks": stacked bars forming a lozenge outline
        for i in range(n):
            cx = x0 + (i + 0.5) * step
            for k in range(4):
                yy = y0 + hgt * (0.1 + 0.2 * k)
                half = step * (0.1 + 0.12 * min(k, 3 - k))
                d.rectangle(fr.box(cx - half, yy, cx + half, yy + hgt * 0.16), fill=fg if k % 2 else fg2)


def draw_kilim(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """Flat-woven kilim: horizontal bands of geometric motifs, mirrored around the centre."""
    gen = np_rng(rng)
    hw, hh = 0.64, 0.9
    colours = pal.cycle()
    fr.draw.polygon(fr.pts(_wobbly_rect(rng, hw, hh, 0.005)), fill=pal.main)
    mask = fr.img.getchannel("A")
    pat = fr.layer()
    bands: list[tuple[float, list[RGB]]] = []
    total = 0.0
    while total < hh:
        hgt = rng.choice([0.035, 0.05, 0.09, 0.14, 0.18, 0.22])
        cols = rng.sample(colours, 3)
        bands.append((hgt, cols))
        total += hgt
    seeds = [rng.getrandbits(32) for _ in bands]
    y = 0.0
    for (hgt, cols), sd in zip(bands, seeds, strict=True):
        for sign in (-1, 1):
            ya, yb = sorted((sign * y, sign * (y + hgt)))
            _kilim_band(pat, random.Random(sd), -hw - 0.02, hw + 0.02, ya, yb, cols)
        y += hgt
    fr.paste(pat, mask)
    h, w = fr.h, fr.w
    _, gy = fr.grid()
    weft = 0.92 + 0.08 * np.sin(gy * (2 * math.pi / 0.009))
    grain = fine_noise(gen, h, w)
    a = alpha(fr)
    diff, _ = normal_light(blur(a, fr.s * 0.01) * fr.s * 0.006, 1.0)
    shade(fr, weft * (0.92 + 0.1 * (grain - 0.5) + 0.06 * noise(gen, h, w, fr.s * 0.4)) * diff)
    _fringes(fr, rng, hw, -hh, -1, WOOL)
    _fringes(fr, rng, hw, hh, 1, WOOL)


def draw_cushion(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """A stuffed square cushion: pinched corners, a woven pattern, piping and corner tassels."""
    gen = np_rng(rng)
    r = 0.78
    pts = []
    for k in range(4):
        ang = k * math.pi / 2
        for i in range(12):
            t = i / 12
            # Edge from corner k to k+1, pulled inwards in the middle like a filled cover.
            x, y = -r + 2 * r * t, -r + 0.05 * math.sin(math.pi * t)
            ca, sa = math.cos(ang), math.sin(ang)
            pts.append((x * ca - y * sa, x * sa + y * ca))
    fr.draw.polygon(fr.pts(pts), fill=pal.main)
    mask = fr.img.getchannel("A")
    pat = fr.layer()
    style = rng.choice(["lozenge", "medallion", "bands"])
    if style == "bands":
        y = -r - 0.05
        while y < r + 0.05:
            hgt = rng.choice([0.06, 0.12, 0.18])
            _kilim_band(pat, random.Random(rng.getrandbits(32)), -r - 0.05, r + 0.05, y, y + hgt,
                        rng.sample(pal.cycle(), 3))
            y += hgt
    elif style == "lozenge":
        n = rng.choice([2, 3])
        cw = 2 * r / n
        for sign in (-1, 1):
            for k in range(-6, 7):
                pts2 = [(sign * (yy / cw) * cw + k * cw, yy) for yy in (-1.0, 1.0)]
                polyline(pat.draw, pat.pts(pts2), pal.ground, pat.px(0.05))
                polyline(pat.draw, pat.pts(pts2), pal.accent2, pat.px(0.015))
    else:
        for k, rr in enumerate((0.62, 0.46, 0.3, 0.14)):
            col = [pal.ground, pal.accent, pal.accent2, pal.dark][k]
            steps = []
            for i in range(16):  # stepped lozenge, as woven on a loom
                ang = i * math.pi / 8
                rad = rr * (1.0 if i % 2 == 0 else 0.8)
                steps.append((rad * math.cos(ang) * 0.9, rad * math.sin(ang) * 1.15))
            pat.draw.polygon(pat.pts(steps), fill=col)
    fr.paste(pat, mask)
    # Piping along the seam.
    polyline(fr.draw, fr.pts([*pts, pts[0]]), pal.dark, fr.px(0.022))
    h, w = fr.h, fr.w
    a = alpha(fr)
    puff = blur(a, fr.s * 0.25)
    diff, spec = normal_light(np.sqrt(puff) * fr.s * 0.35, 1.0, 12)
    weave = 0.94 + 0.08 * fine_noise(gen, h, w)
    shade(fr, weave * (0.45 + 0.6 * diff), spec * 0.08)
    for cx, cy in ((-r, -r), (r, -r), (r, r), (-r, r)):
        _tassel(fr, rng, cx, cy, pal.accent2)


def _tassel(fr: Frame, rng: random.Random, cx: float, cy: float, col: RGB) -> None:
    ox, oy = math.copysign(0.03, cx), math.copysign(0.03, cy)
    for _ in range(40):
        ang = rng.uniform(0, 2 * math.pi)
        rr = rng.uniform(0, 0.06)
        x, y = cx + ox + rr * math.cos(ang), cy + oy + rr * math.sin(ang)
        c = scale(col, rng.uniform(0.65, 1.15))
        fr.draw.ellipse(fr.ell(x, y, 0.014, 0.014), fill=c)


# ---------------------------------------------------------------------------
# Palm baskets (doum palm, woven in diagonal plaits with dyed bands).

STRAW = (214, 180, 118)


def draw_basket(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    tilt = 0.3 if view != 2 else 0.5
    shape = rng.choice(["round", "tall", "low"])
    if shape == "tall":
        ctrl = [(-0.72, 0.6), (-0.3, 0.63), (0.2, 0.6), (0.62, 0.5), (0.7, 0.46)]
    elif shape == "low":
        ctrl = [(-0.45, 0.86), (-0.1, 0.88), (0.3, 0.8), (0.58, 0.62), (0.64, 0.56)]
    else:
        ctrl = [(-0.6, 0.74), (-0.2, 0.8), (0.2, 0.76), (0.55, 0.58), (0.64, 0.52)]
    ys, rs = profile(ctrl)
    y_top, r_top = float(ys[0]), float(rs[0])
    bands = []
    span = float(ys[-1] - ys[0])
    for i in range(rng.choice([1, 2, 3])):
        c = rng.uniform(0.15, 0.8)
        colour = rng.choice([pal.main, pal.accent, pal.dark])
        # The colourway's main colour is always woven in, and wide enough to be seen.
        bands.append((ys[0] + span * c, span * (0.1 if i == 0 else rng.uniform(0.04, 0.09)),
                      pal.main if i == 0 else colour))
    straw = np.array(mix(STRAW, pal.ground, 0.15), np.float32)
    k = 26.0 / (2 * math.pi)
    phase = 0.0 if view != 2 else 0.37

    def tex(theta: np.ndarray, yp: np.ndarray, u: np.ndarray) -> np.ndarray:
        a = (theta / (2 * math.pi) + phase) * 2 * math.pi * k
        b = yp * 26.0
        s1, s2 = a + b, a - b
        f1, f2 = s1 - np.floor(s1), s2 - np.floor(s2)
        on_top = (np.floor(s1) + np.floor(s2)) % 2 == 0
        f = np.where(on_top, f1, f2)
        strand = 0.72 + 0.5 * (1 - 4 * (f - 0.5) ** 2)  # rounded strand section
        col = np.broadcast_to(straw, (*yp.shape, 3)).copy()
        for yc, hw, bc in bands:
            inband = (np.abs(yp - yc) < hw) & on_top
            col[inband] = np.array(bc, np.float32)
        rows = 0.9 + 0.1 * np.cos(yp * 2 * math.pi * 13)
        return col * (strand * rows)[..., None]

    revolve(fr, ys, rs, tilt, tex, ambient=0.4, spec_k=0.12, spec_pow=12)
    # Inside and a thick rolled rim.
    inner = np.array(scale(STRAW, 0.5), np.float32)

    def inside(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        g = np.clip(0.55 + 0.6 * (y + 1) / 2, 0, 1.2)
        return np.broadcast_to(inner, (*x.shape, 3)) * g[..., None]

    disc_overlay(fr, 0.0, y_top, r_top * 0.95, r_top * 0.95 * tilt, inside)
    fr.draw.ellipse(fr.ell(0, y_top, r_top, r_top * tilt), outline=scale(STRAW, 0.8), width=fr.px(0.05))
    fr.draw.ellipse(fr.ell(0, y_top - 0.01, r_top * 0.99, r_top * tilt), outline=scale(STRAW, 1.08), width=fr.px(0.02))
    # Two leather handles.
    leather = mix(pal.dark, (120, 70, 40), 0.5)
    for sx in (-1, 1):
        x_a, x_b = sx * r_top * 0.75, sx * r_top * 0.2
        pts = smooth_curve([(x_a, y_top + 0.03), (sx * r_top * 0.62, y_top - 0.32),
                            (sx * r_top * 0.33, y_top - 0.36), (x_b, y_top + 0.05)], 10)
        polyline(fr.draw, fr.pts(pts), leather, fr.px(0.05))
        polyline(fr.draw, fr.pts([(x + 0.0, y - 0.012) for x, y in pts]), scale(leather, 1.35), fr.px(0.012))


def draw_hat(fr: Frame, rng: random.Random, pal: Palette, view: int) -> None:
    """A plaited straw hat seen from the front and above: a wide brim and a round crown, with a
    ribbon or the Jebli wool pompoms when the motif says so."""
    tilt = 0.34 if view != 2 else 0.5
    straw = np.array(mix(STRAW, pal.main, 0.6), np.float32)
    brim_y, brim_r = 0.42, 0.98 if pal.motif != "bord-large" else 1.05

    def brim(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        r = np.sqrt(x * x + y * y)
        rings = 0.84 + 0.16 * np.cos(r * 2 * math.pi * 16) + 0.04 * np.cos(np.arctan2(y, x) * 90)
        light = 1.05 - 0.18 * (y + 1) / 2
        return np.broadcast_to(straw, (*x.shape, 3)) * (rings * light)[..., None]

    disc_overlay(fr, 0.0, brim_y, brim_r, brim_r * tilt, brim)
    ys, rs = profile([(-0.12, 0.24), (-0.07, 0.38), (0.1, 0.43), (0.3, 0.43), (brim_y, 0.42)])

    def crown(theta: np.ndarray, yp: np.ndarray, u: np.ndarray) -> np.ndarray:
        rows = 0.84 + 0.16 * np.cos(yp * 2 * math.pi * 11)
        weave = 0.95 + 0.05 * np.cos(theta * 40 + yp * 30)
        col = np.broadcast_to(straw, (*yp.shape, 3)).copy()
        if pal.motif == "ruban":
            band = (yp > brim_y - 0.16) & (yp < brim_y - 0.04)
            col[band] = np.array(pal.accent, np.float32)
        return col * (rows * weave)[..., None]

    revolve(fr, ys, rs, tilt, crown, ambient=0.42, spec_k=0.1, spec_pow=10)
    if pal.motif == "pompons":  # Jebli hats: wool cords with big pompoms over the brim
        cols = [(196, 58, 46), (40, 90, 160), (217, 160, 40), (30, 120, 80), (236, 226, 206)]
        for i, x in enumerate((-0.7, -0.45, 0.45, 0.7)):
            y = brim_y + 0.1 + rng.uniform(-0.02, 0.05)
            polyline(fr.draw, fr.pts([(x * 0.55, brim_y - 0.2), (x, y)]), scale(STRAW, 0.6), fr.px(0.012))
            r = 0.085
            fr.draw.ellipse(fr.ell(x, y, r, r), fill=cols[(i + rng.randint(0, 4)) % len(cols)])
