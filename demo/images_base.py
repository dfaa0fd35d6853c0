"""Shared helpers for the procedural demo images (public API in ``images.py``).

Objects are drawn in "units" (the object roughly spans -1..1) on a ``Frame``,
an RGBA layer at the working (supersampled) resolution; numpy provides the
textures and the lighting, Pillow the shapes and the filters.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

RGB = tuple[int, int, int]
Pt = tuple[float, float]

# Light from the upper left, in front of the object (x right, y down, z towards the camera).
# Plain floats: numpy float64 scalars would silently promote float32 arrays to float64.
def _unit(v: tuple[float, float, float]) -> tuple[float, float, float]:
    n = math.sqrt(sum(c * c for c in v))
    return (v[0] / n, v[1] / n, v[2] / n)


LIGHT = _unit((-0.45, -0.6, 0.66))
HALF = _unit((LIGHT[0], LIGHT[1], LIGHT[2] + 1.0))


def hex_rgb(value: str) -> RGB:
    v = value.strip().lstrip("#")
    if len(v) == 3:
        v = "".join(c * 2 for c in v)
    if len(v) != 6:
        raise ValueError(f"not a hex colour: {value!r}")
    return (int(v[0:2], 16), int(v[2:4], 16), int(v[4:6], 16))


def mix(a: Sequence[float], b: Sequence[float], t: float) -> RGB:
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))  # type: ignore[return-value]


def scale(c: Sequence[float], k: float) -> RGB:
    return tuple(int(max(0, min(255, round(v * k)))) for v in c[:3])  # type: ignore[return-value]


def lum(c: Sequence[float]) -> float:
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


# Moroccan palettes: (main, ground, accent, accent2, dark).
PALETTES: dict[str, tuple[str, ...]] = {
    "madder": ("#8B1E1E", "#EFE6D6", "#22356B", "#D9A03A", "#3A1A14"),
    "indigo": ("#22356B", "#EDE4D3", "#A8322B", "#D9A03A", "#141B33"),
    "saffron": ("#D99A1E", "#F3E9D6", "#8B1E1E", "#2E5E4E", "#4A2A10"),
    "henna": ("#A4552A", "#EFE3CE", "#2F5D62", "#E0B15A", "#3B2014"),
    "cobalt": ("#1D4FA3", "#F4F1EA", "#0F7A5A", "#E3B23C", "#10204A"),
    "emerald": ("#0F7A5A", "#F1ECDF", "#1D4FA3", "#D9A03A", "#0B3326"),
    "terracotta": ("#B85C38", "#F0E4D2", "#2F5D62", "#E1B866", "#4A2516"),
    "wool": ("#D8CBB0", "#F3EDE0", "#8B1E1E", "#B07A3E", "#2A221E"),
}

BRASS = (184, 134, 52)
SILVER = (196, 199, 204)
AMBER = (222, 132, 28)
CORAL = (196, 58, 46)
THREAD = (226, 184, 92)


@dataclass(frozen=True)
class Palette:
    main: RGB
    ground: RGB
    accent: RGB
    accent2: RGB
    dark: RGB
    motif: str = ""  # the product's motif attribute (slug), for kinds that draw one

    def cycle(self) -> list[RGB]:
        return [self.main, self.accent, self.accent2, self.dark, self.ground]


def resolve_palette(colours: Sequence[str] | None, rng: random.Random) -> Palette:
    # Always draw the base palette so the rest of the object's randomness does not
    # depend on whether colours were given.
    base = [hex_rgb(h) for h in PALETTES[rng.choice(sorted(PALETTES))]]
    given = [hex_rgb(h) for h in list(colours or [])[:5]]
    if given:
        # Roles the product's colourway leaves open are derived from it, never from another
        # palette: a madder-red rug must not borrow a green (main, ground, accent, accent2, dark).
        main = given[0]
        ground = given[1] if len(given) > 1 else mix(main, (244, 238, 226), 0.8)
        accent = given[2] if len(given) > 2 else scale(main, 0.6)
        accent2 = given[3] if len(given) > 3 else mix(main, accent, 0.5)
        dark = given[4] if len(given) > 4 else scale(main if lum(main) < lum(accent) else accent, 0.45)
        base = [main, ground, accent, accent2, dark]
    return Palette(*base)


def np_rng(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(63))


class Frame:
    """An RGBA layer with a unit coordinate system: pixel = centre + unit * s."""

    def __init__(self, w: int, h: int, cx: float, cy: float, s: float) -> None:
        self.w, self.h, self.cx, self.cy, self.s = w, h, cx, cy, s
        self.img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        self.draw = ImageDraw.Draw(self.img)

    def p(self, x: float, y: float) -> Pt:
        return (self.cx + x * self.s, self.cy + y * self.s)

    def pts(self, seq: Sequence[Pt]) -> list[Pt]:
        return [self.p(x, y) for x, y in seq]

    def box(self, x0: float, y0: float, x1: float, y1: float) -> list[float]:
        a, b = self.p(x0, y0), self.p(x1, y1)
        return [min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])]

    def ell(self, x: float, y: float, rx: float, ry: float) -> list[float]:
        return self.box(x - rx, y - ry, x + rx, y + ry)

    def px(self, v: float) -> int:
        return max(1, int(round(v * self.s)))

    def grid(self) -> tuple[np.ndarray, np.ndarray]:
        """Unit coordinates as broadcastable (1, w) and (h, 1) float32 arrays."""
        x = ((np.arange(self.w, dtype=np.float32) - self.cx) / self.s)[None, :]
        y = ((np.arange(self.h, dtype=np.float32) - self.cy) / self.s)[:, None]
        return x, y

    def layer(self) -> Frame:
        """A blank layer sharing this frame's geometry (for clipping or blurring)."""
        return Frame(self.w, self.h, self.cx, self.cy, self.s)

    def rgba(self) -> np.ndarray:
        return np.asarray(self.img).astype(np.float32)

    def put(self, arr: np.ndarray) -> None:
        self.img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGBA")
        self.draw = ImageDraw.Draw(self.img)

    def paste(self, other: Frame, mask: Image.Image | None = None) -> None:
        """Composite another layer over this one, optionally clipped by ``mask`` (L)."""
        src = other.img
        if mask is not None:
            a = np.minimum(np.asarray(src.getchannel("A")), np.asarray(mask))
            src = src.copy()
            src.putalpha(Image.fromarray(a))
        self.img = Image.alpha_composite(self.img, src)
        self.draw = ImageDraw.Draw(self.img)


def noise(gen: np.random.Generator, h: int, w: int, cell: float) -> np.ndarray:
    """Smooth value noise in [0, 1] with features about ``cell`` pixels wide."""
    gh, gw = max(2, int(h / max(cell, 1.0)) + 2), max(2, int(w / max(cell, 1.0)) + 2)
    small = Image.fromarray(gen.random((gh, gw), dtype=np.float32), "F")
    return np.asarray(small.resize((w, h), Image.BICUBIC), dtype=np.float32)


def fine_noise(gen: np.random.Generator, h: int, w: int) -> np.ndarray:
    return gen.random((h, w), dtype=np.float32)


def _box(a: np.ndarray, r: int, axis: int) -> np.ndarray:
    """Running mean of width 2r+1 along an axis (edges extended)."""
    v = np.moveaxis(a, axis, 0)
    padded = np.concatenate([np.repeat(v[:1], r + 1, 0), v, np.repeat(v[-1:], r, 0)], 0)
    c = np.cumsum(padded, axis=0, dtype=np.float32)
    out = (c[2 * r + 1 :] - c[: -(2 * r + 1)]) * (1.0 / (2 * r + 1))
    return np.moveaxis(out, 0, axis)


def blur(a: np.ndarray, radius: float) -> np.ndarray:
    """Gaussian-like blur of a float array (3 box passes at reduced resolution).

    Pillow's GaussianBlur has no float mode and 8 bits are too coarse for height fields.
    """
    h, w = a.shape
    k = max(1, int(round(radius / 1.5)))
    img = Image.fromarray(a.astype(np.float32), "F")
    small = np.asarray(img.resize((max(1, w // k), max(1, h // k)), Image.BOX), dtype=np.float32)
    r = max(1, int(round(radius / k * 0.85)))
    for _ in range(3):
        small = _box(_box(small, r, 0), r, 1)
    out = np.asarray(Image.fromarray(small, "F").resize((w, h), Image.BICUBIC), dtype=np.float32)
    return np.clip(out, float(a.min()), float(a.max()))


def alpha(fr: Frame) -> np.ndarray:
    return np.asarray(fr.img.getchannel("A"), dtype=np.float32) / 255.0


def normal_light(
    hgt: np.ndarray, strength: float, spec_pow: float = 24.0
) -> tuple[np.ndarray, np.ndarray]:
    """Diffuse (1.0 on a flat surface) and specular terms from a height field."""
    gy, gx = np.gradient(hgt * strength)
    inv = 1.0 / np.sqrt(gx * gx + gy * gy + 1.0)
    nx, ny = -gx * inv, -gy * inv
    diff = (nx * LIGHT[0] + ny * LIGHT[1] + inv * LIGHT[2]) / LIGHT[2]
    spec = np.clip(nx * HALF[0] + ny * HALF[1] + inv * HALF[2], 0.0, 1.0) ** spec_pow
    return np.clip(diff, 0.0, 1.6), spec


def shade(fr: Frame, mult: np.ndarray, add: np.ndarray | None = None, add_rgb: RGB = (255, 255, 255)) -> None:
    """Multiply the colour of the layer by ``mult`` and add a (specular) light term."""
    bb = fr.img.getbbox()
    if bb is None:
        return
    x0, y0, x1, y1 = bb
    # Only the drawn part of the layer: transparent pixels need no light.
    full = np.asarray(fr.img).copy()
    arr = full[y0:y1, x0:x1].astype(np.float32)
    arr[..., :3] *= np.broadcast_to(mult, (fr.h, fr.w))[y0:y1, x0:x1, None]
    if add is not None:
        arr[..., :3] += np.broadcast_to(add, (fr.h, fr.w))[y0:y1, x0:x1, None] * np.array(add_rgb, dtype=np.float32)
    np.clip(arr, 0, 255, out=arr)
    full[y0:y1, x0:x1] = arr.astype(np.uint8)
    fr.img = Image.fromarray(full, "RGBA")
    fr.draw = ImageDraw.Draw(fr.img)


def polyline(draw: ImageDraw.ImageDraw, pts: Sequence[Pt], fill: RGB | tuple[int, ...], width: int) -> None:
    """A thick polyline with round joints (ImageDraw's own joints leave notches)."""
    draw.line(list(pts), fill=fill, width=width, joint="curve")
    r = width / 2.0
    for x, y in (pts[0], pts[-1]):
        draw.ellipse([x - r, y - r, x + r, y + r], fill=fill)


def dashed(
    fr: Frame, pts: Sequence[Pt], fill: RGB, width: float, dash: float, gap: float, closed: bool = False
) -> None:
    """Stitching: short dashes along a unit-space polyline."""
    seq = list(pts) + ([pts[0]] if closed else [])
    period, pos = dash + gap, 0.0
    w = fr.px(width)
    for (x0, y0), (x1, y1) in zip(seq, seq[1:], strict=False):
        seg = math.hypot(x1 - x0, y1 - y0)
        if seg <= 0:
            continue
        # Walk whole dash periods from the segment start (no float creep, always terminates).
        k = math.floor(pos / period)
        while True:
            a, b = k * period - pos, k * period - pos + dash
            if a >= seg:
                break
            a, b = max(a, 0.0), min(b, seg)
            if b > a:
                fr.draw.line(
                    [fr.p(x0 + (x1 - x0) * a / seg, y0 + (y1 - y0) * a / seg),
                     fr.p(x0 + (x1 - x0) * b / seg, y0 + (y1 - y0) * b / seg)],
                    fill=fill,
                    width=w,
                )
            k += 1
        pos += seg


def smooth_curve(pts: Sequence[Pt], n: int = 16, closed: bool = False) -> list[Pt]:
    """Catmull-Rom through control points: organic outlines from a few numbers."""
    p = list(pts)
    p = [p[-1], *p, p[0], p[1]] if closed else [p[0], *p, p[-1]]
    out: list[Pt] = []
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        for k in range(n):
            t = k / n
            t2, t3 = t * t, t * t * t
            out.append(
                tuple(  # type: ignore[arg-type]
                    0.5
                    * (
                        2 * p1[j]
                        + (-p0[j] + p2[j]) * t
                        + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2
                        + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3
                    )
                    for j in range(2)
                )
            )
    if not closed:
        out.append(p[-2])
    return out


def star(cx: float, cy: float, r_out: float, r_in: float, n: int, rot: float = 0.0) -> list[Pt]:
    pts = []
    for i in range(2 * n):
        r = r_out if i % 2 == 0 else r_in
        a = rot + math.pi * i / n
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def octagram(cx: float, cy: float, r: float, rot: float = 0.0) -> list[Pt]:
    """8-point star made of two overlapping squares (the zellige khatam)."""
    return star(cx, cy, r, r * math.cos(math.pi / 4) / math.cos(math.pi / 8), 8, rot)


def perspective_coeffs(dst: Sequence[Pt], src: Sequence[Pt]) -> list[float]:
    """Coefficients for Image.transform(PERSPECTIVE) mapping quad ``dst`` (output) to ``src``."""
    a, b = [], []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        b.append(u)
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b.append(v)
    return [float(c) for c in np.linalg.solve(np.array(a, dtype=np.float64), np.array(b, dtype=np.float64))]


# ---------------------------------------------------------------------------
# Surfaces of revolution (vases, tagines, poufs, baskets, lanterns, bowls).

TexFn = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


@dataclass
class Revolved:
    """Per-pixel geometry of a revolved body, restricted to its bounding box."""

    box: tuple[int, int, int, int]
    mask: np.ndarray  # body coverage in [0, 1]
    theta: np.ndarray  # angle around the axis, 0 facing the camera
    yp: np.ndarray  # profile height (units)
    u: np.ndarray  # sin(theta)
    diffuse: np.ndarray


def profile(ctrl: Sequence[Pt], n: int = 256) -> tuple[np.ndarray, np.ndarray]:
    """Smooth (y, r) profile through control points, y increasing downwards."""
    curve = smooth_curve(ctrl, 12)
    cy = np.array([c[0] for c in curve])
    cr = np.array([c[1] for c in curve])
    ys = np.linspace(cy[0], cy[-1], n)
    order = np.argsort(cy, kind="stable")
    rs = np.interp(ys, cy[order], cr[order])
    return ys.astype(np.float32), np.maximum(rs, 0.002).astype(np.float32)


def revolve(
    fr: Frame,
    ys: np.ndarray,
    rs: np.ndarray,
    tilt: float,
    tex: TexFn,
    *,
    x0: float = 0.0,
    ambient: float = 0.38,
    spec_k: float = 0.35,
    spec_pow: float = 30.0,
) -> Revolved:
    """Draw a body of revolution; ``tex(theta, yp, u)`` gives its (h, w, 3) colour."""
    m = Image.new("L", (fr.w, fr.h), 0)
    d = ImageDraw.Draw(m)
    left = [fr.p(x0 - r, y) for y, r in zip(ys, rs, strict=True)]
    right = [fr.p(x0 + r, y) for y, r in zip(ys, rs, strict=True)]
    d.polygon(left + right[::-1], fill=255)
    # The union of the slices' ellipses gives the silhouette seen from slightly above.
    for i in [*range(0, len(ys), 6), len(ys) - 1]:
        d.ellipse(fr.ell(x0, float(ys[i]), float(rs[i]), float(rs[i]) * tilt), fill=255)
    bb = m.getbbox()
    if bb is None:
        bb = (0, 0, 1, 1)
    x_0, y_0, x_1, y_1 = bb
    mask = np.asarray(m.crop(bb), dtype=np.float32) / 255.0
    h, w = mask.shape
    # Geometry and lighting are smooth: solve them at half resolution, then upsample.
    gx = ((np.arange(x_0, x_1, 2, dtype=np.float32) - fr.cx) / fr.s - x0)[None, :]
    gy = ((np.arange(y_0, y_1, 2, dtype=np.float32) - fr.cy) / fr.s)[:, None]
    drs = np.gradient(rs, ys).astype(np.float32)
    yp = np.broadcast_to(gy, (gy.shape[0], gx.shape[1])).copy()
    for _ in range(4):
        r = np.interp(yp, ys, rs).astype(np.float32)
        u = np.clip(gx / r, -0.999, 0.999)
        c = np.sqrt(1.0 - u * u)
        yp = np.clip(gy - tilt * r * c, ys[0], ys[-1])
    r = np.interp(yp, ys, rs).astype(np.float32)
    u = np.clip(gx / r, -0.999, 0.999)
    c = np.sqrt(1.0 - u * u)
    dr = np.interp(yp, ys, drs).astype(np.float32)
    inv = 1.0 / np.sqrt(1.0 + dr * dr)
    nx, ny, nz = u * inv, -dr * inv, c * inv
    # Camera looks down by asin(tilt): rotate the normal into view space.
    ca, sa = math.sqrt(1 - min(tilt, 0.95) ** 2), min(tilt, 0.95)
    ny, nz = ny * ca + nz * sa, nz * ca - ny * sa
    diff = np.clip(nx * LIGHT[0] + ny * LIGHT[1] + nz * LIGHT[2], 0.0, 1.0)
    spec = np.clip(nx * HALF[0] + ny * HALF[1] + nz * HALF[2], 0.0, 1.0) ** spec_pow

    def up(a: np.ndarray) -> np.ndarray:
        return np.asarray(Image.fromarray(a.astype(np.float32), "F").resize((w, h), Image.BILINEAR), np.float32)

    yp, u, diff, spec = up(yp), np.clip(up(u), -0.999, 0.999), up(diff), up(spec)
    theta = np.arcsin(u)
    col = tex(theta, yp, u)
    lit = col * (ambient + (1.0 - ambient) * 1.25 * diff)[..., None] + (spec * 255.0 * spec_k)[..., None]
    arr = np.asarray(fr.img.crop(bb)).astype(np.float32)
    a = mask[..., None]
    arr[..., :3] = arr[..., :3] * (1 - a) + lit * a
    arr[..., 3] = np.maximum(arr[..., 3], mask * 255.0)
    out = np.asarray(fr.img).copy()
    out[y_0:y_1, x_0:x_1] = np.clip(arr, 0, 255).astype(np.uint8)
    fr.img = Image.fromarray(out, "RGBA")
    fr.draw = ImageDraw.Draw(fr.img)
    return Revolved(bb, mask, theta, yp, u, diff)


def sample(tex: np.ndarray, tx: np.ndarray, ty: np.ndarray) -> np.ndarray:
    """Nearest lookup in an (h, w[, c]) texture with tx wrapping and ty clamped (both in 0..1)."""
    th, tw = tex.shape[:2]
    ix = (np.mod(tx, 1.0) * tw).astype(np.int32) % tw
    iy = np.clip((ty * th).astype(np.int32), 0, th - 1)
    return tex[iy, ix].astype(np.float32)


def disc_overlay(
    fr: Frame,
    cx: float,
    cy: float,
    rx: float,
    ry: float,
    colour_fn: Callable[[np.ndarray, np.ndarray], np.ndarray],
    light: float | np.ndarray = 1.0,
) -> None:
    """Paint an ellipse (a flat top, a bowl's inside) with colours from its normalised coords."""
    m = Image.new("L", (fr.w, fr.h), 0)
    ImageDraw.Draw(m).ellipse(fr.ell(cx, cy, rx, ry), fill=255)
    bb = m.getbbox()
    if bb is None:
        return
    x_0, y_0, x_1, y_1 = bb
    mask = np.asarray(m.crop(bb), dtype=np.float32)[..., None] / 255.0
    gx = ((np.arange(x_0, x_1, dtype=np.float32) - fr.cx) / fr.s - cx)[None, :] / rx
    gy = ((np.arange(y_0, y_1, dtype=np.float32) - fr.cy) / fr.s - cy)[:, None] / ry
    col = colour_fn(np.broadcast_to(gx, mask.shape[:2]), np.broadcast_to(gy, mask.shape[:2]))
    col = col * (light[..., None] if isinstance(light, np.ndarray) else light)
    arr = np.asarray(fr.img).copy()
    sub = arr[y_0:y_1, x_0:x_1].astype(np.float32)
    sub[..., :3] = sub[..., :3] * (1 - mask) + col * mask
    sub[..., 3] = np.maximum(sub[..., 3], mask[..., 0] * 255)
    arr[y_0:y_1, x_0:x_1] = np.clip(sub, 0, 255).astype(np.uint8)
    fr.img = Image.fromarray(arr, "RGBA")
    fr.draw = ImageDraw.Draw(fr.img)
