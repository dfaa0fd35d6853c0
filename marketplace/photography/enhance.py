"""Tone, white balance, framing and background replacement.

Every correction is estimated on the small analysis copy and folded into one 768-entry
lookup table (``Image.point``), so full-resolution pixels are touched once per step. The
same ``render`` runs on the small copy (to predict the result) and on the real photo.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

from .analysis import channel_peak, chroma, luminance
from .subject import Subject, dilate, distance_map, erode, features

BACKGROUND_RGB = (247, 246, 244)  # clean, light, very slightly warm studio white
# Frames the product needs: 1:1 product photos and portraits, 4:5 tall pieces, 4:3 workshop photos.
ASPECTS = {"1:1": (1, 1), "4:5": (4, 5), "4:3": (4, 3)}
MAX_MASTER_SIDE = 2048
SUBJECT_FILL = 0.78  # subject's longer side over the canvas: ~11 % even margins
REFINE_SIDE = 1024  # resolution at which mask edges are refined against colour
GAIN_RANGE = (0.75, 1.33)  # white balance clamp: removes a cast, never repaints a brown pot
MAX_EXPOSURE_GAIN = 2.2

Box = tuple[float, float, float, float]
Fetch = Callable[[Box, tuple[int, int]], Image.Image]


@dataclass
class Plan:
    mode: str  # "full" (tone + clean background), "tone" (tone only) or "plain" (framing only)
    canvas: Box  # upright source coordinates shown on the output; may extend past the frame
    out_size: tuple[int, int]
    lut: list[int] | None
    gains: tuple[float, float, float]

    @property
    def replace_background(self) -> bool:
        return self.mode == "full"


def parse_aspect(aspect: str) -> float:
    if aspect not in ASPECTS:
        raise ValueError(f"aspect must be one of {sorted(ASPECTS)}, not {aspect!r}")
    w, h = ASPECTS[aspect]
    return w / h


LIGHT_BACKDROP = 0.45  # mean level of a wall or sheet light enough to be a white reference
CAST_IGNORED, CAST_CORRECTED = 0.10, 0.22  # reference chroma: a tinted wall below, a light's cast above
DARK_FRAME = 0.4  # mean luminance below which dim highlights mean under-exposure
DIM_HIGHLIGHTS = 0.7  # brightest channel (99.5th percentile) below which nothing in the frame is lit
FLAT_FRAME = 0.12  # luminance spread (1st to 99th percentile) below which there is nothing to judge


def white_balance(arr: np.ndarray, subject: Subject) -> tuple[float, float, float]:
    """Per-channel gains that make the neutral reference neutral, in proportion to how much the
    reference looks like a light's cast rather than a tinted wall: a beige wall under daylight is
    left alone (correcting it would repaint the product), a tungsten cast is removed in full."""
    if subject.background_rgb is None or not subject.confident:
        # No plain backdrop around a trusted subject to read the light from: the brightest
        # pixels of a cluttered scene (a tinted floor, a rug) are no white reference, and
        # guessing repaints the product.
        return (1.0, 1.0, 1.0)
    ref, strength = np.asarray(subject.background_rgb), 1.0
    c = chroma(ref)
    if ref.mean() < LIGHT_BACKDROP or c > 0.45:
        return (1.0, 1.0, 1.0)  # a dark wall (brick, wood) or a deliberately coloured backdrop
    strength *= min(1.0, max(0.0, (c - CAST_IGNORED) / (CAST_CORRECTED - CAST_IGNORED)))
    gains = (ref.mean() / np.maximum(ref, 1e-3)) ** strength
    return tuple(float(g) for g in np.clip(gains, *GAIN_RANGE))


def tone_curve(lum: np.ndarray, peak: np.ndarray, region: np.ndarray | None = None) -> np.ndarray:
    """256-entry curve (0..1), judged on the whole frame so that a dark piece photographed well
    (a brown leather bag) or a white one (cream glaze) keeps its own lightness. Each step acts on
    a measured fault only: a linear stretch when the highlights are dim (a gain changes no hue),
    a midtone gamma when the frame stays too dark, a soft S-curve when it is flat. No black
    point: a light scene without shadows is not hazy, and lowering the blacks of every channel
    saturates colours (terracotta turned orange). A frame of one flat colour gets the identity: nothing to judge.
    ``region`` (the subject's luminance) is accepted for callers but not used."""
    x = np.linspace(0.0, 1.0, 256)
    hi = float(np.percentile(peak, 99.5))
    if float(np.percentile(lum, 99) - np.percentile(lum, 1)) < FLAT_FRAME:
        return x
    # Dim highlights in a dark frame: an under-exposed shot. A mid-grey wall in a frame of
    # normal brightness is a grey wall, and dark bricks with a few lit edges are dark bricks.
    dark = float(lum.mean()) < DARK_FRAME
    white = max(hi / 0.95, 1.0 / MAX_EXPOSURE_GAIN) if hi < DIM_HIGHLIGHTS and dark else 1.0
    y = np.clip(x / white, 0.0, 1.0)
    m = float(np.interp(lum, x, y).mean())
    gamma = 1.0
    if 0.01 < m < 0.28:  # the frame is too dark even after the stretch
        gamma = max(0.6, math.log(0.38) / math.log(m))
    y = y**gamma
    spread = float(np.interp(lum, x, y).std())
    if spread < 0.1:  # flat, hazy photo: a soft S-curve
        k = min(0.3, (0.1 - spread) * 4)
        y = y + k * (y * y * (3 - 2 * y) - y)
    return np.clip(y, 0.0, 1.0)


def build_lut(gains: tuple[float, float, float], curve: np.ndarray) -> list[int]:
    x = np.arange(256, dtype=np.float64) / 255.0
    lut: list[int] = []
    for g in gains:
        lut.extend(np.round(np.interp(np.clip(x * g, 0, 1), np.linspace(0, 1, 256), curve) * 255).astype(int))
    return [int(v) for v in lut]


def apply_lut_rgb(lut: list[int] | None, rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    if lut is None:
        return rgb
    return tuple(lut[c * 256 + min(255, max(0, round(v * 255)))] / 255.0 for c, v in enumerate(rgb))


def estimate_lut(small: Image.Image, subject: Subject) -> tuple[list[int] | None, tuple[float, float, float]]:
    """One combined LUT (white balance, then tone) from the analysis copy; None when it
    would change no level by more than 2 (nothing worth correcting)."""
    arr = np.asarray(small, dtype=np.float32) / 255.0
    gains = white_balance(arr, subject)
    balanced = np.clip(arr * np.asarray(gains, np.float32), 0, 1)
    lum = luminance(balanced)
    region = None
    if subject.confident:
        m = Image.fromarray(subject.mask.astype(np.uint8) * 255).resize(small.size, Image.Resampling.NEAREST)
        region = lum[np.asarray(m) > 127]
    lut = build_lut(gains, tone_curve(lum.ravel(), channel_peak(balanced).ravel(), region))
    identity = np.tile(np.arange(256), 3)
    return (None if np.abs(np.asarray(lut) - identity).max() <= 2 else lut), gains


def layout(
    frame: tuple[int, int], subject: Subject, aspect: str, replace: bool
) -> tuple[Box, tuple[int, int]]:
    """Canvas (in upright source pixels) and output size. With a clean background the
    subject is centred with even margins; otherwise the largest window of the aspect,
    centred on the subject when known, padded only if the subject would be cut."""
    W, H = frame
    ar = parse_aspect(aspect)
    known = subject.confident
    if known:
        x0, y0, x1, y1 = (subject.bbox[0] * W, subject.bbox[1] * H, subject.bbox[2] * W, subject.bbox[3] * H)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    else:
        cx, cy = W / 2, H / 2
    if replace:
        cw = max((x1 - x0) / SUBJECT_FILL, (y1 - y0) / SUBJECT_FILL * ar)
        ch = cw / ar
    else:
        cw, ch = (H * ar, H) if ar < W / H else (W, W / ar)  # largest window inside
        if known:  # grow past the frame rather than cut the product
            need = max((x1 - x0) / 0.96, (y1 - y0) / 0.96 * ar)
            if need > cw:
                cw, ch = need, need / ar
        cx = min(max(cx, cw / 2), W - cw / 2) if cw <= W else W / 2
        cy = min(max(cy, ch / 2), H - ch / 2) if ch <= H else H / 2
    scale = min(1.0, MAX_MASTER_SIDE / max(cw, ch))
    oh = max(1, round(ch * scale))
    ow = max(1, round(oh * ar))
    return (cx - cw / 2, cy - ch / 2, cx + cw / 2, cy + ch / 2), (ow, oh)


def place(
    fetch: Fetch, frame: tuple[int, int], canvas: Box, out_size: tuple[int, int], mode: str, fill
) -> Image.Image:
    """Render ``canvas`` (may extend past the frame) at ``out_size``; outside is ``fill``."""
    W, H = frame
    cx0, cy0, cx1, cy1 = canvas
    sx, sy = out_size[0] / (cx1 - cx0), out_size[1] / (cy1 - cy0)
    ix0, iy0, ix1, iy1 = max(cx0, 0.0), max(cy0, 0.0), min(cx1, float(W)), min(cy1, float(H))
    ox0, oy0 = round((ix0 - cx0) * sx), round((iy0 - cy0) * sy)
    ox1, oy1 = min(out_size[0], round((ix1 - cx0) * sx)), min(out_size[1], round((iy1 - cy0) * sy))
    if (ox0, oy0, ox1, oy1) == (0, 0, *out_size):
        return fetch((ix0, iy0, ix1, iy1), out_size)
    canvas_im = Image.new(mode, out_size, fill)
    if ox1 > ox0 and oy1 > oy0:
        canvas_im.paste(fetch((ix0, iy0, ix1, iy1), (ox1 - ox0, oy1 - oy0)), (ox0, oy0))
    return canvas_im


def mask_fetch(mask: np.ndarray, frame: tuple[int, int]) -> Fetch:
    """Fetch from a low-resolution mask (bool or 0..255) laid over the whole frame."""
    im = Image.fromarray(mask.astype(np.uint8) * (255 if mask.dtype == bool else 1))
    kx, ky = im.size[0] / frame[0], im.size[1] / frame[1]

    def fetch(box: Box, size: tuple[int, int]) -> Image.Image:
        b = (
            max(0.0, box[0] * kx),
            max(0.0, box[1] * ky),
            min(im.width, box[2] * kx),
            min(im.height, box[3] * ky),
        )
        return im.resize(size, Image.Resampling.BILINEAR, box=b)

    return fetch


# Upsampling a soft alpha blurs its edge in proportion to the scale: a contrast curve around
# 0.5 brings the edge back to a couple of output pixels without stair-steps.
_EDGE_T = [min(1.0, max(0.0, (v / 255 - 0.3) / 0.4)) for v in range(256)]
_EDGE_LUT = [round(255 * t * t * (3 - 2 * t)) for t in _EDGE_T]
# A Gaussian blur of sigma 0.6 as one 3x3 kernel (weights 0.166, 0.668, 0.166 per axis): the
# same softening of the upsampled edge for 60 % of GaussianBlur's time at 4 MP.
_G = (0.166, 0.668, 0.166)
_SOFTEN = ImageFilter.Kernel((3, 3), [a * b for a in _G for b in _G], 1)


def _alpha(base: Image.Image, subject: Subject, frame: tuple[int, int], plan: Plan) -> Image.Image:
    """Soft subject alpha at output size. With a segmented subject, its refined alpha is laid
    out on the canvas; otherwise (classical analysis) the coarse mask gives the sure inside and
    the neighbourhood, and colour distance to the background decides the edge at <= 1024 px."""
    if subject.alpha is not None:
        soft = Image.fromarray(np.round(subject.alpha * 255).astype(np.uint8))
        kx, ky = soft.width / frame[0], soft.height / frame[1]

        def fetch(box: Box, size: tuple[int, int]) -> Image.Image:
            b = (max(0.0, box[0] * kx), max(0.0, box[1] * ky), min(soft.width, box[2] * kx),
                 min(soft.height, box[3] * ky))
            return soft.resize(size, Image.Resampling.BICUBIC, box=b)

        a = place(fetch, frame, plan.canvas, base.size, "L", 0).point(_EDGE_LUT)
        return a.filter(_SOFTEN)
    m = Image.fromarray(subject.mask.astype(np.uint8) * 255)
    inner = np.asarray(erode(m, 2))
    around = np.asarray(dilate(m, 3))
    w, h = base.size
    k = min(1.0, REFINE_SIDE / max(w, h))
    rsize = (max(1, round(w * k)), max(1, round(h * k)))
    small = base if k == 1.0 else base.resize(rsize, Image.Resampling.BILINEAR)
    feat = features(np.asarray(small, dtype=np.float32) / 255.0)
    t = subject.threshold
    soft = np.clip((distance_map(feat, subject.centres) - 0.8 * t) / (0.8 * t), 0.0, 1.0)
    soft = soft * soft * (3 - 2 * soft)
    sure = np.asarray(place(mask_fetch(inner, frame), frame, plan.canvas, rsize, "L", 0), np.float32) / 255.0
    near = np.asarray(place(mask_fetch(around, frame), frame, plan.canvas, rsize, "L", 0), np.float32) / 255.0
    alpha = np.maximum(sure, soft * near)
    a = Image.fromarray(np.round(alpha * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))
    return a if a.size == base.size else a.resize(base.size, Image.Resampling.BILINEAR)


def render(
    fetch: Fetch, frame: tuple[int, int], plan: Plan, subject: Subject, *, sharpen: bool = True
) -> Image.Image:
    """Produce the output image for ``plan`` from pixels served by ``fetch``."""
    return render_with_alpha(fetch, frame, plan, subject, sharpen=sharpen)[0]


def render_with_alpha(
    fetch: Fetch, frame: tuple[int, int], plan: Plan, subject: Subject, *, sharpen: bool = True
) -> tuple[Image.Image, Image.Image | None]:
    """``render``, plus the subject's alpha at output size when the background was replaced."""
    base = place(fetch, frame, plan.canvas, plan.out_size, "RGB", BACKGROUND_RGB)
    out = base.point(plan.lut) if plan.lut is not None else base
    alpha = None
    if plan.replace_background:
        alpha = _alpha(base, subject, frame, plan)
        out = Image.composite(out, Image.new("RGB", out.size, BACKGROUND_RGB), alpha)
    if sharpen:
        out = unsharp(out)
    out.info = {}
    return out, alpha


def unsharp(im: Image.Image, amount: float = 0.4) -> Image.Image:
    """Light unsharp mask after downscaling: extrapolate away from a 3x3 box blur, folded into
    one 3x3 kernel (one pass: 20 % less than blur + blend at 4 MP; flat areas are left unchanged)."""
    weights = [-amount / 9] * 9
    weights[4] = 1.0 + amount - amount / 9
    return im.filter(ImageFilter.Kernel((3, 3), weights, 1))


def mapped_subject(subject: Subject, frame: tuple[int, int], plan: Plan) -> Subject:
    """The subject as it appears on the output canvas (for the "after" measurements)."""
    side = 256
    k = side / max(plan.out_size)
    size = (max(8, round(plan.out_size[0] * k)), max(8, round(plan.out_size[1] * k)))
    m = np.asarray(place(mask_fetch(subject.mask, frame), frame, plan.canvas, size, "L", 0)) > 127
    W, H = frame
    cx0, cy0, cx1, cy1 = plan.canvas
    cw, ch = cx1 - cx0, cy1 - cy0
    x0, y0, x1, y1 = subject.bbox
    bbox = ((x0 * W - cx0) / cw, (y0 * H - cy0) / ch, (x1 * W - cx0) / cw, (y1 * H - cy0) / ch)
    bbox = tuple(min(1.0, max(0.0, v)) for v in bbox)
    reasons = list(subject.reasons)
    return Subject(
        m,
        bbox,
        subject.confident and m.any(),
        reasons,
        subject.background_rgb,
        subject.centres,
        subject.threshold,
        dict(subject.stats),
    )
