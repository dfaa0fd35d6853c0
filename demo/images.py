"""Procedural product photos for the demo catalog.

No photo set with a clear licence is available offline, so the demo renders its own
pictures: deterministic (seeded) drawings that read as the craft at a glance, generated
on first run and never committed. ``phone_shot`` turns one into the kind of bad phone
photo an artisan uploads, for the photography pipeline to clean.

Every function is deterministic: the same arguments give byte-identical output. All
randomness comes from ``random.Random`` / ``numpy.random.default_rng`` seeded from the
arguments, never from global state.
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image, ImageFilter

from . import images_ceramics as ceramics
from . import images_leather as leather
from . import images_metal as metal
from . import images_textiles as textiles
from . import images_wood as wood
from .images_base import Frame, Palette, perspective_coeffs, resolve_palette
from .images_phone import phone_shot
from .images_scenes import context_background, render_portrait, render_workshop, studio_background

__all__ = [
    "RENDER_KINDS",
    "phone_shot",
    "render_cutout",
    "render_portrait",
    "render_product",
    "render_workshop",
    "to_jpeg",
]

DrawFn = Callable[[Frame, random.Random, Palette, int], None]


@dataclass(frozen=True)
class _Kind:
    draw: DrawFn
    stance: str  # "stand": seen from the side on a surface; "flat": flat lay from above; "floor": rugs
    focus: tuple[float, float]  # where the detail shot (view 1) looks, in object units
    view2: str  # "tilt" (perspective), "rotate" or "self" (the drawing handles view 2)
    partner: str  # what shares the in-context shot (view 3)


_KINDS: dict[str, _Kind] = {
    "rug": _Kind(textiles.draw_rug, "floor", (0.25, 0.72), "tilt", "leather-pouf"),
    "kilim": _Kind(textiles.draw_kilim, "floor", (-0.2, 0.6), "tilt", "basket"),
    "cushion": _Kind(textiles.draw_cushion, "flat", (0.35, 0.35), "tilt", "cushion"),
    "pottery": _Kind(ceramics.draw_pottery, "stand", (0.0, 0.05), "self", "pottery"),
    "tagine": _Kind(ceramics.draw_tagine, "stand", (-0.1, 0.2), "self", "wood-bowl"),
    "plate": _Kind(ceramics.draw_plate, "flat", (0.35, -0.3), "tilt", "plate"),
    "zellige": _Kind(ceramics.draw_zellige, "flat", (0.2, -0.2), "tilt", "zellige"),
    "leather-pouf": _Kind(leather.draw_pouf, "stand", (0.0, -0.25), "self", "cushion"),
    "leather-bag": _Kind(leather.draw_bag, "stand", (0.0, 0.1), "self", "babouche"),
    "babouche": _Kind(leather.draw_babouche, "flat", (-0.4, -0.3), "rotate", "babouche"),
    "necklace": _Kind(metal.draw_necklace, "flat", (0.0, 0.45), "rotate", "bracelet"),
    "bracelet": _Kind(metal.draw_bracelet, "stand", (0.0, 0.15), "self", "necklace"),
    "wood-box": _Kind(wood.draw_box, "stand", (0.1, -0.25), "self", "wood-bowl"),
    "wood-bowl": _Kind(wood.draw_bowl, "stand", (0.0, -0.15), "self", "wood-box"),
    "lantern": _Kind(metal.draw_lantern, "stand", (0.0, 0.1), "self", "lantern"),
    "brass-tray": _Kind(metal.draw_tray, "flat", (0.3, -0.3), "tilt", "tagine"),
    "basket": _Kind(textiles.draw_basket, "stand", (0.0, 0.2), "self", "basket"),
    "hat": _Kind(textiles.draw_hat, "stand", (0.0, 0.1), "self", "basket"),
}

RENDER_KINDS: tuple[str, ...] = tuple(_KINDS)


def _work_size(size: int) -> int:
    # Draw supersampled then downsample: ImageDraw does not antialias. 2x for small
    # images, at least 1.5x (and a 1800 px floor) for big ones to stay fast.
    return max(int(round(size * 1.5)), min(2 * size, 1800))


def _object_rng(kind: str, seed: int) -> random.Random:
    # The same object in every view: its randomness depends on kind and seed only.
    return random.Random(f"maalem-demo|{kind}|{seed}")


def _draw(kind: str, seed: int, pal: Palette | None, palette: tuple[str, ...] | None, fr: Frame, view: int,
          motif: str = "") -> Palette:
    rng = _object_rng(kind, seed)
    resolved = replace(resolve_palette(palette, rng), motif=motif)
    _KINDS[kind].draw(fr, rng, pal or resolved, view)
    return resolved


def _object(
    kind: str, seed: int, pal: Palette | None, palette: tuple[str, ...] | None, W: int, cx: float, cy: float, s: float,
    motif: str = "",
) -> tuple[Image.Image, Palette]:
    """Draw a (small) object in a frame just big enough for it, then place it on a W x W layer.

    Textures and lighting cost per pixel, so a small object should not pay for the whole canvas.
    """
    n = min(W, int(math.ceil(2.6 * s)))
    fr = Frame(n, n, n / 2, n / 2, s)
    resolved = _draw(kind, seed, pal, palette, fr, 0, motif)
    if n == W and abs(cx - W / 2) < 0.5 and abs(cy - W / 2) < 0.5:
        return fr.img, resolved
    layer = Image.new("RGBA", (W, W), (0, 0, 0, 0))
    layer.paste(fr.img, (int(round(cx - n / 2)), int(round(cy - n / 2))))
    return layer, resolved


def _shadow(bg: Image.Image, layer: Image.Image, stance: str) -> Image.Image:
    """Soft studio shadow under a layer (computed at 1/4 resolution: shadows are blurry)."""
    w, h = bg.size
    a = layer.getchannel("A").reduce(4)
    sw, sh = a.size
    bb = a.getbbox()
    if bb is None:
        return bg
    if stance == "stand":
        bottom = bb[3]
        q, k = 0.22, 0.55
        cast = a.transform(
            (sw, sh),
            Image.AFFINE,
            (1, k / q, -k / q * bottom, 0, 1 / q, bottom - bottom / q),
            Image.BILINEAR,
        )
        cast = cast.filter(ImageFilter.GaussianBlur(sw * 0.012)).point(lambda v: v * 0.22)
        # Contact shadow: the silhouette nudged down and blurred, only near the base.
        down = a.transform((sw, sh), Image.AFFINE, (1, 0, 0, 0, 1, -sh * 0.012), Image.BILINEAR)
        contact = np.asarray(down.filter(ImageFilter.GaussianBlur(sw * 0.01)), np.float32)
        rows = np.arange(sh, dtype=np.float32)[:, None]
        span = max(1.0, (bottom - bb[1]) * 0.3)
        contact = contact * np.clip((rows - (bottom - span)) / span, 0, 1) * 0.75
        shadow = Image.fromarray(np.maximum(np.asarray(cast, np.float32), contact).astype(np.uint8))
    else:
        off = a.transform((sw, sh), Image.AFFINE, (1, 0, -sw * 0.012, 0, 1, -sh * 0.018), Image.BILINEAR)
        near = off.filter(ImageFilter.GaussianBlur(sw * 0.01)).point(lambda v: v * 0.42)
        far = off.filter(ImageFilter.GaussianBlur(sw * 0.04)).point(lambda v: v * 0.2)
        shadow = Image.fromarray(np.maximum(np.asarray(near), np.asarray(far)))
    shadow = shadow.resize((w, h), Image.BILINEAR)
    dark = bg.point(lambda v: v * 0.35)
    return Image.composite(dark, bg, shadow)


def _place(bg: Image.Image, layer: Image.Image, stance: str) -> Image.Image:
    bg = _shadow(bg, layer, stance)
    bg.paste(layer, (0, 0), layer)
    return bg


def _tilt(layer: Image.Image, rng: random.Random, depth: float = 0.22) -> Image.Image:
    """Lay a flat object back in perspective (the "angle" shot)."""
    w, h = layer.size
    skew = rng.uniform(-0.06, 0.06) * w
    top = depth * w
    dst = [(top + skew, h * 0.1), (w - top + skew, h * 0.1), (w * 1.02, h * 0.9), (-w * 0.02, h * 0.9)]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    return layer.transform((w, h), Image.PERSPECTIVE, perspective_coeffs(dst, src), Image.BICUBIC)


def _lay(layer: Image.Image, cx: float, top: float, bottom: float, half_top: float, half_bottom: float) -> Image.Image:
    """Lay a flat object (drawn centred in its layer) down on a table seen from the side."""
    w, h = layer.size
    dst = [(cx - half_top, top), (cx + half_top, top), (cx + half_bottom, bottom), (cx - half_bottom, bottom)]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    return layer.transform((w, h), Image.PERSPECTIVE, perspective_coeffs(dst, src), Image.BICUBIC)


def _single_layer(kind: str, seed: int, view: int, W: int, palette: tuple[str, ...] | None,
                  motif: str = "") -> tuple[Image.Image, Image.Image]:
    """The object of a single shot as an RGBA layer (its alpha is the exact silhouette), and its backdrop."""
    spec = _KINDS[kind]
    vr = random.Random(f"maalem-demo-view|{kind}|{seed}|{view}")
    shot = view % 4
    bg = studio_background(W, W, vr)
    s = 0.40 * W
    if shot == 1:
        s *= 2.3
        fx, fy = spec.focus
        fr = Frame(W, W, W / 2 - fx * s, W / 2 - fy * s, s)
    elif shot == 2:
        s *= 0.92
        fr = Frame(W, W, W / 2 + vr.uniform(-0.05, 0.05) * W, W * 0.5, s)
    else:
        fr = Frame(W, W, W / 2, W * 0.49, s)
    _draw(kind, seed, None, palette, fr, shot, motif)
    layer = fr.img
    if shot == 2 and spec.view2 == "tilt":
        layer = _tilt(layer, vr)
    elif shot == 2 and spec.view2 == "rotate":
        layer = layer.rotate(vr.choice([-1, 1]) * vr.uniform(18, 32), Image.BICUBIC)
    elif view >= 4:
        # Views past 3 reuse a shot type; a small turn keeps them distinct.
        layer = layer.rotate(vr.uniform(-12, 12), Image.BICUBIC)
    return layer, bg


def _stance(kind: str, view: int) -> str:
    spec = _KINDS[kind]
    return "flat" if spec.stance == "floor" or view % 4 == 1 else spec.stance


def _single_shot(kind: str, seed: int, view: int, W: int, palette: tuple[str, ...] | None,
                 motif: str = "") -> Image.Image:
    layer, bg = _single_layer(kind, seed, view, W, palette, motif)
    return _place(bg, layer, _stance(kind, view))


def _context_shot(kind: str, seed: int, view: int, W: int, palette: tuple[str, ...] | None,
                  motif: str = "") -> Image.Image:
    """The object in a setting, with a companion piece (a pair, or a matching craft)."""
    spec = _KINDS[kind]
    vr = random.Random(f"maalem-demo-view|{kind}|{seed}|{view}")
    partner = spec.partner
    p_spec = _KINDS[partner]
    p_seed = seed * 7919 + 17 if partner == kind else seed
    if spec.stance == "floor":
        bg = context_background(W, W, vr, "floor")
        layer, pal = _object(kind, seed, None, palette, W, W / 2, W / 2, 0.40 * W, motif)
        fr = Frame(W, W, W / 2, W / 2, 0.40 * W)
        dst = [(0.3 * W, 0.47 * W), (0.8 * W, 0.47 * W), (1.08 * W, 1.02 * W), (-0.06 * W, 1.02 * W)]
        src = [fr.p(-0.8, -1.05), fr.p(0.8, -1.05), fr.p(0.8, 1.05), fr.p(-0.8, 1.05)]
        layer = layer.transform((W, W), Image.PERSPECTIVE, perspective_coeffs(dst, src), Image.BICUBIC)
        bg = _place(bg, layer, "flat")
        p_layer, _ = _object(partner, p_seed, pal, None, W, 0.73 * W, 0.66 * W, 0.17 * W)
        return _place(bg, p_layer, "stand")
    if spec.stance == "flat" and p_spec.stance != "stand":
        bg = context_background(W, W, vr, "top")
        layer, pal = _object(kind, seed, None, palette, W, 0.4 * W, 0.42 * W, 0.3 * W, motif)
        p_layer, _ = _object(partner, p_seed, _variant(pal, partner == kind), None, W, 0.76 * W, 0.72 * W, 0.2 * W)
        bg = _place(bg, p_layer, "flat")
        return _place(bg, layer, "flat")
    bg = context_background(W, W, vr, "table")
    if spec.stance == "flat":
        layer, pal = _object(kind, seed, None, palette, W, W / 2, W / 2, 0.4 * W, motif)
        bg = _place(bg, _lay(layer, 0.38 * W, 0.6 * W, 0.98 * W, 0.3 * W, 0.4 * W), "flat")
    else:
        layer, pal = _object(kind, seed, None, palette, W, 0.38 * W, 0.57 * W, 0.27 * W, motif)
        bg = _place(bg, layer, "stand")
    p_pal = _variant(pal, partner == kind)
    if p_spec.stance == "flat":
        p_layer, _ = _object(partner, p_seed, p_pal, None, W, W / 2, W / 2, 0.4 * W)
        return _place(bg, _lay(p_layer, 0.76 * W, 0.7 * W, 0.97 * W, 0.16 * W, 0.2 * W), "flat")
    p_layer, _ = _object(partner, p_seed, p_pal, None, W, 0.75 * W, 0.66 * W, 0.19 * W)
    return _place(bg, p_layer, "stand")


def _variant(pal: Palette, same_kind: bool) -> Palette:
    # A pair in a second colourway reads as "matching set" rather than a duplicate.
    if not same_kind:
        return pal
    return Palette(pal.accent, pal.ground, pal.main, pal.accent2, pal.dark)


def render_product(
    kind: str, seed: int, view: int = 0, size: int = 1200, palette: tuple[str, ...] | None = None,
    motif: str = "",
) -> Image.Image:
    """A studio-style RGB rendering of a product of ``kind`` (one of RENDER_KINDS).

    ``view`` 0..3 gives front, detail, angle and in-context shots of the same object.
    ``palette`` optionally tints it with hex colours (main, ground, accent, accent2, dark), the main
    one dominating; ``motif`` (the product's motif attribute) picks the pattern where the kind has one.
    """
    if kind not in _KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(RENDER_KINDS)}")
    if size < 16:
        raise ValueError("size must be at least 16 pixels")
    if view < 0:
        raise ValueError("view must be >= 0")
    W = _work_size(size)
    if view % 4 == 1:
        # The detail shot is magnified: its edges are few and large, less supersampling will do.
        W = max(size, int(round(size * 1.25)))
    if view % 4 == 3:
        img = _context_shot(kind, seed, view, W, palette, motif)
    else:
        img = _single_shot(kind, seed, view, W, palette, motif)
    return img.convert("RGB").resize((size, size), Image.LANCZOS)


def render_cutout(
    kind: str, seed: int, view: int = 0, size: int = 1200, palette: tuple[str, ...] | None = None,
    motif: str = "",
) -> tuple[Image.Image, str]:
    """The object of ``render_product`` (views 0 and 2) alone, as RGBA whose alpha is its exact
    silhouette, and its stance ("stand" or "flat") for a shadow: ground truth for benchmarks."""
    if kind not in _KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(RENDER_KINDS)}")
    if view % 4 in (1, 3):
        raise ValueError("only single-object views (0, 2, 4 ...) have a cut-out")
    layer, _ = _single_layer(kind, seed, view, _work_size(size), palette, motif)
    return layer.resize((size, size), Image.LANCZOS), _stance(kind, view)


def to_jpeg(img: Image.Image, quality: int = 90) -> bytes:
    """Plain JPEG bytes without metadata (no EXIF, no ICC profile)."""
    rgb = img.convert("RGB")
    rgb.info = {}
    buf = io.BytesIO()
    rgb.save(buf, "JPEG", quality=quality, optimize=True)
    return buf.getvalue()
