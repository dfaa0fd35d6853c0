"""Raw photo measurements on a small upright sRGB copy (numpy, <= 512 px).

Scores and advice live in ``report.py``; this module only measures, so the same numbers
can be taken before and after enhancement at the same pixel scale.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
from PIL import Image

from .subject import Subject, dilate, erode

ANALYSIS_SIDE = 512


@dataclass
class Measurements:
    width: int  # pixel size of the photo being judged (source for "before", master for "after")
    height: int
    sharpness: float  # variance of the Laplacian of a contrast-normalised grey copy (detailed tiles)
    mean_luminance: float  # 0..1, on the subject when it is known, else the whole frame
    bright_point: float  # 99th percentile of luminance, whole frame
    shadow_clip: float  # share of pixels crushed to black
    highlight_clip: float  # share of subject pixels (whole frame if unknown) blown to white
    cast: float  # chroma of the neutral reference (0 = neutral grey)
    reference_rgb: tuple[float, float, float]  # the colour that should be neutral (background / white patch)
    clutter: float  # share of background pixels on a strong edge, plus colour variety
    subject_found: bool
    fill: float | None  # largest side of the subject box over the frame side (0..1)
    subject_cut: bool
    stray_pieces: int = 0  # separate salient objects beside the piece (debris)
    edge_unsure: float = 0.0  # subject pixels the segmentation is unsure of, over the subject's area
    edge_roughness: float = 0.0  # outline length over a smoothed outline's, minus one (torn, stair-stepped)
    margin: float | None = None  # smallest gap between the piece and the frame's edge (0..1)

    def to_dict(self) -> dict:
        d = asdict(self)
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in d.items()}


_LUMA = np.array([0.2126, 0.7152, 0.0722], np.float32)


def luminance(arr: np.ndarray) -> np.ndarray:
    return arr @ _LUMA


def channel_peak(arr: np.ndarray) -> np.ndarray:
    """Brightest channel per pixel (np.max over a 3-wide last axis is ~10x slower)."""
    return np.maximum(np.maximum(arr[..., 0], arr[..., 1]), arr[..., 2])


def chroma(rgb: tuple[float, float, float] | np.ndarray) -> float:
    """Distance of a colour's chromaticity from neutral grey (0 neutral, ~1 fully saturated)."""
    v = np.asarray(rgb, dtype=np.float64)
    total = v.sum()
    if total <= 1e-6:
        return 0.0
    return float(np.sqrt(((v / total - 1 / 3) ** 2).sum()) * 3)


def subject_mask_at(subject: Subject | None, size: tuple[int, int]) -> np.ndarray | None:
    if subject is None or not subject.located:
        return None
    m = Image.fromarray(subject.mask.astype(np.uint8) * 255).resize(size, Image.Resampling.NEAREST)
    return np.asarray(m) > 127


def sharpness(grey: np.ndarray) -> float:
    """Laplacian variance on the detailed quarter of the frame: a plain backdrop (or a
    replaced background) must not make a sharp object look blurry."""
    if min(grey.shape) < 8:
        return 0.0
    lo, hi = np.percentile(grey, (1, 99))
    # Stretch to a common contrast, but not past 5x: on a flat frame that would amplify noise.
    g = np.clip((grey - lo) / max(hi - lo, 0.2), 0, 1)
    lap = 4 * g[1:-1, 1:-1] - g[:-2, 1:-1] - g[2:, 1:-1] - g[1:-1, :-2] - g[1:-1, 2:]
    h, w = lap.shape
    t = max(4, min(h, w) // 8)
    ny, nx = h // t, w // t
    if ny == 0 or nx == 0:
        return float(lap.var() * 1000)
    tiles = lap[: ny * t, : nx * t].reshape(ny, t, nx, t).var(axis=(1, 3)).ravel()
    top = np.sort(tiles)[-max(1, len(tiles) // 4) :]
    return float(top.mean() * 1000)


def white_patch(
    arr: np.ndarray, lum: np.ndarray, peak: np.ndarray | None = None
) -> tuple[float, float, float]:
    """Fallback neutral reference: the brightest unclipped pixels (usually a wall or cloth)."""
    ok = (channel_peak(arr) if peak is None else peak) < 0.985
    if ok.sum() < 16:
        ok = np.ones_like(ok)
    vals = lum[ok]
    sel = ok & (lum >= np.percentile(vals, 95))
    return tuple(float(v) for v in arr[sel].mean(axis=0))


def clutter(arr: np.ndarray, lum: np.ndarray, region: np.ndarray) -> float:
    """Edge density plus colour variety of the background region."""
    if region.sum() < 32:
        return 0.0
    edges = np.zeros(lum.shape, bool)
    edges[1:-1, 1:-1] = (
        np.abs(lum[2:, 1:-1] - lum[:-2, 1:-1]) + np.abs(lum[1:-1, 2:] - lum[1:-1, :-2])
    ) > 0.1  # central differences: |dx| + |dy| over 2 px
    spread = float(arr[::2, ::2][region[::2, ::2]].std(axis=0).mean()) if region[::2, ::2].any() else 0.0
    return float(edges[region].mean()) + max(0.0, spread - 0.03)


def measure(
    img: Image.Image,
    subject: Subject | None,
    *,
    size: tuple[int, int] | None = None,
    reference_rgb: tuple[float, float, float] | None = None,
) -> Measurements:
    """Measure an upright sRGB image (ideally <= 512 px). ``subject`` must describe the same
    frame; ``size`` is the real pixel size being judged; ``reference_rgb`` overrides the
    neutral reference (used after enhancement: the corrected background colour)."""
    arr = np.asarray(img.convert("RGB"), dtype=np.float32) * np.float32(1 / 255)
    h, w = arr.shape[:2]
    lum = luminance(arr)
    peak = channel_peak(arr)
    mask = subject_mask_at(subject, (w, h))
    confident = mask is not None and bool(mask.any())
    if confident:
        x0, y0, x1, y1 = subject.bbox
        pad = 0.05
        box = (
            slice(max(0, int((y0 - pad) * h)), min(h, int(np.ceil((y1 + pad) * h)))),
            slice(max(0, int((x0 - pad) * w)), min(w, int(np.ceil((x1 + pad) * w)))),
        )
        sharp = sharpness(lum[box])
        mask_im = Image.fromarray(mask.astype(np.uint8) * 255)
        rim = max(1, min(w, h) // 80)
        # Judge the subject's inside (its rim mixes with the backdrop and sharpening halos),
        # and grow it so the rim does not count as background clutter either.
        inside = np.asarray(erode(mask_im, rim)) > 0
        inside = inside if inside.sum() >= 16 else mask
        subject_lum, subject_peak = lum[inside], peak[inside]
        grown = np.asarray(dilate(mask_im, rim)) > 0
        background = ~grown
    else:
        sharp = sharpness(lum)
        subject_lum = lum
        subject_peak = peak
        background = np.zeros((h, w), bool)
        b = max(2, round(min(h, w) * 0.15))
        background[:b], background[-b:], background[:, :b], background[:, -b:] = True, True, True, True
    if reference_rgb is None:
        if confident and subject.background_rgb is not None:
            reference_rgb = subject.background_rgb
        else:
            reference_rgb = white_patch(arr, lum, peak)
    found = subject is not None and subject.found
    fill = None
    if confident:
        x0, y0, x1, y1 = subject.bbox
        fill = float(max(x1 - x0, y1 - y0))
    w0, h0 = size or img.size
    stats = subject.stats if subject is not None else {}
    margin = None
    if confident:
        x0, y0, x1, y1 = subject.bbox
        margin = float(min(x0, y0, 1 - x1, 1 - y1))
    return Measurements(
        width=int(w0),
        height=int(h0),
        sharpness=sharp,
        mean_luminance=float(subject_lum.mean()),
        bright_point=float(np.percentile(lum, 99)),
        shadow_clip=float((lum <= 0.02).mean()),
        highlight_clip=float((subject_peak >= 0.995).mean()),  # a blown backdrop is no fault
        cast=chroma(reference_rgb),
        reference_rgb=tuple(float(v) for v in reference_rgb),
        clutter=clutter(arr, lum, background),
        subject_found=confident,
        fill=fill,
        subject_cut=bool(found and "subject_cut" in subject.reasons),
        stray_pieces=int(stats.get("stray_pieces", 0)),
        # On a plain backdrop colour tells the piece apart exactly: its outline is judged instead.
        edge_unsure=0.0 if "plain_backdrop" in stats else float(stats.get("unsure", 0.0)),
        edge_roughness=float(stats.get("roughness", 0.0)),  # read on flat (cut-out) backdrops only
        margin=margin,
    )
