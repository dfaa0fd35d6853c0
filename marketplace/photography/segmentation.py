"""Subject segmentation: which pixels are the piece, and whether the cut-out can be trusted.

``find_subject`` is what the pipeline uses: U²-Netp's salient-object probability (see
``saliency.py``) on the analysis copy, its edges refined by a guided filter with the photo as
guide, the pieces that matter kept (specks dropped), then a trust gate. A cut-out is only
published when it is trusted; otherwise the pipeline keeps the original background. Without
the model (not installed), the classical border-colour analysis of ``subject.py`` is used.

``CANDIDATES`` are the strategies bench/photo_quality.py compares (README, Photography).
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

from . import saliency
from .backdrop_trim import backdrop_inside, ring_texture, trim_backdrop, trimmed_alpha
from .box_filter import box_mean
from .subject import Subject, border_mask, detect_subject, label, stray_pieces

KEEP_PIECE = 0.15  # a piece smaller than this share of the largest one is a speck, not the subject


def classical(small: Image.Image) -> tuple[np.ndarray, bool]:
    subject = detect_subject(small)
    return subject.mask, subject.confident


def _up(prob: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    return np.asarray(Image.fromarray(prob, "F").resize(size, Image.Resampling.BILINEAR), np.float32)


def _pieces(mask: np.ndarray, keep: float = 0.15) -> tuple[np.ndarray, float, int]:
    """Pieces at least ``keep`` of the largest; returns the mask, the dropped share of the
    salient area and how many dropped pieces are stray objects rather than specks."""
    lab, n = label(mask)
    if n == 0:
        return mask, 0.0, 0
    areas = np.bincount(lab.ravel(), minlength=n + 1)[1:]
    big = areas >= keep * areas.max()
    kept = np.isin(lab, np.nonzero(big)[0] + 1)
    dropped = areas[~big]
    return kept, float(dropped.sum()) / max(1, int(areas.sum())), stray_pieces(lab, areas, big)


def _main_pieces(mask: np.ndarray, keep: float = 0.15) -> tuple[np.ndarray, float]:
    kept, dropped, _ = _pieces(mask, keep)
    return kept, dropped


def _trusted(prob: np.ndarray, mask: np.ndarray) -> bool:
    if not mask.any():
        return False
    area = mask.mean()
    border = np.concatenate([mask[0], mask[-1], mask[:, 0], mask[:, -1]]).mean()
    unsure = ((prob > 0.15) & (prob < 0.85)).sum() / max(1, mask.sum())
    return 0.02 <= area <= 0.85 and border < 0.02 and unsure < 0.25


def u2(side: int):
    def fn(small: Image.Image) -> tuple[np.ndarray, bool]:
        prob = _up(saliency.probability(small, side), small.size)
        mask, _ = _main_pieces(prob > 0.5)
        return mask, _trusted(prob, mask)

    return fn


def guided_filter(guide: np.ndarray, src: np.ndarray, radius: int, eps: float) -> np.ndarray:
    """He et al.'s guided filter (grey guide), box means through Pillow's BoxBlur on float images."""

    def box(a: np.ndarray) -> np.ndarray:
        return box_mean(a, radius)

    mean_i, mean_p = box(guide), box(src)
    cov = box(guide * src) - mean_i * mean_p
    var = box(guide * guide) - mean_i * mean_i
    a = cov / (var + eps)
    b = mean_p - a * mean_i
    return box(a) * guide + box(b)


def u2_guided(side: int):
    def fn(small: Image.Image) -> tuple[np.ndarray, bool]:
        prob = _up(saliency.probability(small, side), small.size)
        grey = np.asarray(small.convert("L"), np.float32) / 255.0
        refined = np.clip(guided_filter(grey, prob, 4, 1e-3), 0, 1)
        mask, _ = _main_pieces(refined > 0.5)
        return mask, _trusted(prob, mask)

    return fn


def _grabcut(small: Image.Image, prob: np.ndarray, iterations: int = 3) -> np.ndarray:
    import cv2

    img = np.ascontiguousarray(np.asarray(small.convert("RGB"))[..., ::-1])
    m = np.full(prob.shape, cv2.GC_PR_BGD, np.uint8)
    m[prob > 0.5] = cv2.GC_PR_FGD
    m[prob > 0.95] = cv2.GC_FGD
    m[prob < 0.02] = cv2.GC_BGD
    bgd, fgd = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    try:
        cv2.grabCut(img, m, None, bgd, fgd, iterations, cv2.GC_INIT_WITH_MASK)
    except cv2.error:
        return prob > 0.5
    return (m == cv2.GC_FGD) | (m == cv2.GC_PR_FGD)


def u2_grabcut(side: int):
    def fn(small: Image.Image) -> tuple[np.ndarray, bool]:
        prob = _up(saliency.probability(small, side), small.size)
        mask, _ = _main_pieces(_grabcut(small, prob))
        return mask, _trusted(prob, mask)

    return fn


def classical_grabcut(small: Image.Image) -> tuple[np.ndarray, bool]:
    subject = detect_subject(small)
    coarse = np.asarray(Image.fromarray(subject.mask.astype(np.uint8) * 255).resize(small.size), np.float32) / 255
    soft = np.asarray(Image.fromarray((coarse * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(4)),
                      np.float32) / 255
    mask, _ = _main_pieces(_grabcut(small, soft))
    return mask, subject.confident


CANDIDATES = {
    "classical": classical,
    "classical+grabcut": classical_grabcut,
    "u2netp-320": u2(320),
    "u2netp-224": u2(224),
    "u2netp-192": u2(192),
    "u2netp-224+guided": u2_guided(224),
    "u2netp-224+grabcut": u2_grabcut(224),
}


# ---------------------------------------------------------------- the pipeline's choice
GUIDE_RADIUS, GUIDE_EPS, GUIDE_EPS_BUSY = 4, 1e-3, 0.05
MIN_AREA, MAX_AREA = 0.015, 0.85
MAX_BORDER_TOUCH = 0.01  # share of the frame's border covered by the subject
MAX_UNSURE = 0.2  # pixels the network is unsure of (0.1..0.9), over the subject's area
MAX_DROPPED = 0.08  # salient pieces dropped as specks, over the salient area: a cluttered scene
MIN_AGREEMENT = 0.9  # IoU of the network's own mask and the refined one
MAX_TRIMMED = 0.06  # share of the mask trimmed as backdrop (backdrop_trim): more is a wrong mask, not an edge
MAX_BACKDROP_INSIDE = 0.01  # backdrop seen through the piece (a handle, a bangle) that the cut-out would keep
MAX_RING_TEXTURE = 0.008  # fine texture of the floor around the piece (grass, gravel, fur), see ring_texture
# ... and its structure at a few pixels (see ring_texture): a brick wall's mortar lines run along the piece,
# a light line beside a light edge, and the network's outline takes them in with a fringe's gaps
LINES_SCALE, MAX_RING_LINES = 0.01, 0.013
# border colour deviation above which the floor is textured (grass, gravel, a cluttered table)
MAX_BACKGROUND_SPREAD = 0.2
PLAIN_SPREAD = 0.12  # median colour deviation along the frame's border of a plain backdrop
FLAT_SPREAD = 0.03  # ... and of a flat one (a studio background pasted by software)


def _apart(mask: np.ndarray) -> int:
    """Kept pieces lying away from the largest one (a cat's eye beside a rug): two objects, not one."""
    lab, n = label(mask)
    if n < 2:
        return 0
    areas = np.bincount(lab.ravel(), minlength=n + 1)[1:]
    return stray_pieces(lab, areas, areas == areas.max())


def _features(prob: np.ndarray, alpha: np.ndarray, mask: np.ndarray, dropped: float) -> dict[str, float]:
    area = float(mask.mean())
    raw = prob > 0.5
    union = np.logical_or(raw, mask).sum()
    return {
        "area": area,
        "border_touch": float(np.concatenate([mask[0], mask[-1], mask[:, 0], mask[:, -1]]).mean()),
        "unsure": min(1.0, float(((prob > 0.1) & (prob < 0.9)).sum() / max(1, mask.sum()))),
        "dropped": dropped,
        "agreement": float(np.logical_and(raw, mask).sum() / union) if union else 0.0,
    }


def _reasons(stats: dict[str, float]) -> list[str]:
    reasons = []
    if not MIN_AREA <= stats["area"] <= MAX_AREA:
        reasons.append("subject_size")
    if stats["border_touch"] > MAX_BORDER_TOUCH:
        reasons.append("subject_cut")
    if stats["unsure"] > MAX_UNSURE:
        reasons.append("edges_unsure")
    if stats["dropped"] > MAX_DROPPED or stats.get("apart", 0):
        reasons.append("several_objects")
    if stats["agreement"] < MIN_AGREEMENT:
        reasons.append("edges_disagree")
    # Measured on the 211-case benchmark (README): every published cut-out with backdrop left in it
    # above 1 % of the piece had one of these three, and the pieces kept through them lost little.
    if stats.get("trimmed", 0.0) > MAX_TRIMMED or stats.get("backdrop_inside", 0.0) > MAX_BACKDROP_INSIDE:
        reasons.append("backdrop_in_cutout")
    if stats.get("ring_texture", 0.0) > MAX_RING_TEXTURE or stats.get("ring_lines", 0.0) > MAX_RING_LINES:
        reasons.append("floor_textured")
    if stats.get("background_spread", 0.0) > MAX_BACKGROUND_SPREAD:
        # Grass, gravel or a table full of objects: the most salient thing is not always the piece,
        # and its edge picks up the texture (measured: every residue above 10 % was on such a floor).
        reasons.append("background_busy")
    return reasons


def _background_reference(arr: np.ndarray, mask: np.ndarray) -> tuple[tuple[float, float, float] | None, float]:
    """Median colour of the frame's border outside the subject, and how busy that border is."""
    h, w = mask.shape
    ring = border_mask(h, w) & ~mask
    if ring.sum() < 16:
        return None, 1.0
    pixels = arr[ring]
    med = np.median(pixels, axis=0)
    spread = float(np.median(np.abs(pixels - med).sum(axis=1)))
    return tuple(float(v) for v in med), spread


def plain_backdrop_flaws(img: Image.Image) -> dict[str, float]:
    """On a plain backdrop (a studio sheet, or a published cut-out), colour distance sees every
    object exactly: separate objects beside the piece, and an outline torn or stair-stepped.
    The network smooths both away, so they are read here. Nothing on a busy backdrop."""
    arr = np.asarray(img.convert("RGB"), np.float32) / 255.0
    h, w = arr.shape[:2]
    border = arr[border_mask(h, w)]
    spread = float(np.median(np.abs(border - np.median(border, axis=0)).sum(axis=1)))
    if spread > PLAIN_SPREAD:
        return {}
    classic = detect_subject(img)
    if "background_busy" in classic.reasons or not classic.found:
        return {}
    flaws = {"plain_backdrop": 1.0, "stray_pieces": classic.stats["stray_pieces"]}
    if spread <= FLAT_SPREAD:  # a flat, uniform backdrop is a cut-out's: its outline was cut, not photographed
        flaws["roughness"] = classic.stats["roughness"]
    return flaws


def find_subject(small: Image.Image) -> Subject:
    """The subject of an upright sRGB analysis copy (<= 512 px), with its soft alpha."""
    try:
        prob = _up(saliency.probability(small), small.size)
    except saliency.SaliencyUnavailable:
        return detect_subject(small)
    arr = np.asarray(small.convert("RGB"), np.float32) / 255.0
    grey = arr @ np.array([0.299, 0.587, 0.114], np.float32)
    # On a plain backdrop the guided filter snaps the edge to the photo's own; on a textured
    # one (grass, a rug) that would copy the texture into the edge, so it only smooths there.
    _, spread = _background_reference(arr, prob > 0.5)
    eps = GUIDE_EPS if spread <= 2 * PLAIN_SPREAD else GUIDE_EPS_BUSY
    alpha = np.clip(guided_filter(grey, prob, GUIDE_RADIUS, eps), 0.0, 1.0)
    mask, dropped, stray = _pieces(alpha > 0.5, KEEP_PIECE)
    h, w = mask.shape
    stats = _features(prob, alpha, mask, dropped)
    stats["stray_pieces"] = stray
    stats["apart"] = _apart(mask)
    if spread <= 2 * PLAIN_SPREAD and mask.any():
        # The network's smooth mask spans a fringe's gaps and the shadow beside the piece: on a
        # plain backdrop their colour gives them away (backdrop_trim).
        trimmed = trim_backdrop(arr, mask)
        stats["trimmed"] = float(trimmed.sum() / mask.sum())
        mask = mask & ~trimmed
        alpha = trimmed_alpha(alpha, trimmed)
    stats["backdrop_inside"] = backdrop_inside(arr, mask)
    stats["ring_texture"] = ring_texture(arr, mask)
    stats["ring_lines"] = ring_texture(arr, mask, LINES_SCALE)
    background, busy = _background_reference(arr, mask)
    stats["background_spread"] = busy
    reasons = _reasons(stats)
    stats.update(plain_backdrop_flaws(small))
    if not mask.any():
        return Subject(mask, (0.0, 0.0, 1.0, 1.0), False, ["no_subject"], background, None, 0.0, stats, alpha * 0)
    ys, xs = np.nonzero(mask)
    bbox = (float(xs.min() / w), float(ys.min() / h), float((xs.max() + 1) / w), float((ys.max() + 1) / h))
    # Keep the soft edge of the kept pieces only (a dropped speck must not come back through it).
    grown = np.asarray(Image.fromarray(mask.astype(np.uint8) * 255).filter(ImageFilter.MaxFilter(5))) > 0
    soft = np.where(grown, alpha, 0.0).astype(np.float32)
    reference = background if busy < 0.12 else None  # a busy border is no neutral reference
    return Subject(mask, bbox, not reasons, reasons, reference, None, 0.0, stats, soft)


def u2_production(small: Image.Image) -> tuple[np.ndarray, bool]:
    subject = find_subject(small)
    return subject.mask, subject.confident


CANDIDATES["u2netp-224+guided+gate"] = u2_production


def segment(small: Image.Image) -> tuple[np.ndarray, bool]:
    return u2_production(small)
