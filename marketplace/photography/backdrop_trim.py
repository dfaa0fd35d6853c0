"""Backdrop left inside a cut-out's edge: found by its colour and trimmed away.

The network's mask is smooth: it spans a rug's fringe as one strip (with the backdrop between the
threads), and the soft shadow a basket or a rug casts on the sheet beside it. On a plain backdrop
that leftover is plain to see: it has the backdrop's colour, or the same colour darker (a shadow).
``trim_backdrop`` takes the pixels of the mask's outer band that look like the *local* backdrop
(its colour estimated from the sure background nearby, so gradients and vignetting do not matter)
and that connect to the outside through such pixels, and takes them out of the subject. The
piece's core is never touched, and a piece whose rim has the backdrop's very colour loses at most
the band: the gate (``segmentation``) refuses the cut-out when the trim takes too much.

Invariant: the result is a subset of the input mask; nothing is trimmed on a busy backdrop.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

from .box_filter import box_mean
from .subject import dilate, erode, label

BAND = 0.016  # depth of the outer band that may be trimmed, share of the long side (8 px at 512)
CLEAR = 0.008  # gap between the mask and the sure background used to estimate the backdrop
WINDOW = 0.04  # radius of the local backdrop estimate, share of the long side
ENCLOSED_WINDOW = 0.25  # ... and of the estimate reaching the middle of a wide piece (see backdrop_inside)
ENCLOSED_MAX_CHROMA = 0.008  # mean chromaticity distance of backdrop seen deep inside a piece (floor in a cuff: 0.001)
MAX_CHROMA = 0.035  # chromaticity distance (L1 of r,g,b shares) from the backdrop: same colour
SHADOW_RATIO = (0.3, 1.05)  # luminance over the backdrop's: a shadow or the backdrop itself, not a lighter thread
_LUMA = np.array([0.299, 0.587, 0.114], np.float32)


def local_backdrop(arr: np.ndarray, background: np.ndarray, radius: int) -> tuple[np.ndarray, np.ndarray]:
    """Per-pixel backdrop colour from the known background around it (normalised box means),
    and where that estimate rests on enough background pixels."""
    weight = box_mean(background.astype(np.float32), radius)
    planes = [box_mean(arr[..., c] * background, radius) for c in range(3)]
    colour = np.stack(planes, axis=-1) / np.maximum(weight, 1e-6)[..., None]
    return colour, weight > 0.05


def _chroma_and_ratio(arr: np.ndarray, backdrop: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Chromaticity distance (L1 of r,g,b shares) from the backdrop, and luminance over the backdrop's."""
    share = arr / np.maximum(arr.sum(axis=-1, keepdims=True), 1e-3)
    ref_share = backdrop / np.maximum(backdrop.sum(axis=-1, keepdims=True), 1e-3)
    return np.abs(share - ref_share).sum(axis=-1), (arr @ _LUMA) / np.maximum(backdrop @ _LUMA, 1e-3)


def backdrop_like(arr: np.ndarray, backdrop: np.ndarray) -> np.ndarray:
    """Pixels with the backdrop's chromaticity at its lightness or darker (its shadow)."""
    chroma, ratio = _chroma_and_ratio(arr, backdrop)
    return (chroma < MAX_CHROMA) & (ratio > SHADOW_RATIO[0]) & (ratio < SHADOW_RATIO[1])


def trim_backdrop(arr: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The pixels of ``mask`` to take out (bool, same shape): backdrop-coloured pixels of its outer
    band, connected to the outside through backdrop-coloured pixels."""
    h, w = mask.shape
    side = max(h, w)
    depth, clear, radius = max(2, round(BAND * side)), max(1, round(CLEAR * side)), max(4, round(WINDOW * side))
    m_im = Image.fromarray(mask.astype(np.uint8) * 255)
    outside = ~(np.asarray(dilate(m_im, clear)) > 0)
    band = mask & ~(np.asarray(erode(m_im, depth)) > 0)
    if not band.any() or outside.mean() < 0.05:
        return np.zeros_like(mask)
    colour, known = local_backdrop(arr, outside, radius)
    candidates = band & known & backdrop_like(arr, colour)
    # Only solid stretches of backdrop (a shadow, a strip below a fringe), not the slits between
    # threads: an opening keeps regions at least 5 px thick, and a trim along them stays a smooth
    # edge (pixel-wise decisions, or a comb cut between threads, read as a torn edge).
    opened = dilate(erode(Image.fromarray(candidates.astype(np.uint8) * 255), 2), 2)
    candidates = band & (np.asarray(opened) > 0)
    if not candidates.any():
        return candidates
    lab, n = label(candidates | ~mask)
    touching = np.unique(lab[~mask])
    return candidates & np.isin(lab, touching[touching > 0])


def _enclosed(inside: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, int, np.ndarray]:
    """Labels of ``inside | ~mask``, their count, and which labels are enclosed (reach no pixel outside)."""
    lab, n = label(inside | ~mask)  # open to the outside (slits between a fringe's threads): not enclosed
    enclosed = np.ones(n, bool)
    if n:
        enclosed[np.unique(lab[~mask]) - 1] = False
    return lab, n, enclosed


def backdrop_inside(arr: np.ndarray, mask: np.ndarray) -> float:
    """Share of the subject that looks like the backdrop around it while enclosed by the piece (the
    sheet seen through a basket's handle, or the floor inside a cuff or a ring): pieces of it of a
    visible size only. Near the outline the backdrop's colour is estimated locally. The floor seen
    within a cuff lies deeper, out of that window's reach: there a wider window gives the colour, and
    the deep part of a piece counts only when it has the backdrop's very chromaticity on average (a
    kilim's cream stripes, as deep inside, are near it but not that near)."""
    h, w = mask.shape
    side = max(h, w)
    clear, radius = max(1, round(CLEAR * side)), max(4, round(WINDOW * side))
    outside = ~(np.asarray(dilate(Image.fromarray(mask.astype(np.uint8) * 255), clear)) > 0)
    if outside.mean() < 0.05 or not mask.any():
        return 0.0
    colour, known = local_backdrop(arr, outside, radius)
    far_colour, far_known = local_backdrop(arr, outside, max(radius + 1, round(ENCLOSED_WINDOW * side)))
    far = ~known & far_known
    chroma, ratio = _chroma_and_ratio(arr, np.where(far[..., None], far_colour, colour))
    like = mask & (chroma < MAX_CHROMA) & (ratio > SHADOW_RATIO[0]) & (ratio < SHADOW_RATIO[1])
    near_like, deep_like = like & known, like & far
    minimum = max(12, 0.001 * mask.sum())
    total = 0.0
    lab, n, enclosed = _enclosed(near_like, mask)
    if n:
        areas = np.bincount(lab.ravel(), weights=near_like.ravel(), minlength=n + 1)[1:]
        total += float(areas[enclosed & (areas >= minimum)].sum())
    lab, n, enclosed = _enclosed(near_like | deep_like, mask)
    if n and deep_like.any():
        deep = np.bincount(lab.ravel(), weights=deep_like.ravel(), minlength=n + 1)[1:]
        deep_chroma = np.bincount(lab.ravel(), weights=(chroma * deep_like).ravel(), minlength=n + 1)[1:]
        floor = enclosed & (deep >= minimum) & (deep_chroma <= ENCLOSED_MAX_CHROMA * deep)
        total += float(deep[floor].sum())
    return total / float(mask.sum())


def ring_texture(arr: np.ndarray, mask: np.ndarray, scale: float = 0.0) -> float:
    """Texture of the backdrop right around the piece: mean absolute difference between the
    luminance and its local mean, in a ring outside the subject. With ``scale`` 0 the mean is 3x3:
    fine texture (grass, gravel, fur: high; a wall, a sheet, even with a gradient or a vignette:
    low). With a ``scale`` (share of the long side) the mean is that wide: the floor's structure
    at that size (the mortar between bricks, the lines of tiles or planks)."""
    h, w = mask.shape
    side = max(h, w)
    m_im = Image.fromarray(mask.astype(np.uint8) * 255)
    near = np.asarray(dilate(m_im, max(2, round(0.04 * side)))) > 0
    ring = near & ~(np.asarray(dilate(m_im, max(1, round(CLEAR * side)))) > 0)
    if ring.sum() < 32:
        return 0.0
    lum = arr @ _LUMA
    radius = max(1, round(scale * side)) if scale else 1
    return float(np.abs(lum - box_mean(lum, radius))[ring].mean())


def trimmed_alpha(alpha: np.ndarray, trimmed: np.ndarray) -> np.ndarray:
    """``alpha`` with the trimmed pixels taken out through a soft (1 px) step, not a stair."""
    if not trimmed.any():
        return alpha
    cut = Image.fromarray(trimmed.astype(np.uint8) * 255).filter(ImageFilter.GaussianBlur(1.0))
    return np.minimum(alpha, np.where(trimmed, 0.0, 1.0 - np.asarray(cut, np.float32) / 255.0))
