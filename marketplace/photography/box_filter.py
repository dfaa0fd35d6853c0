"""A box filter on numpy arrays: the mean over a square window, used by the guided filter (segmentation.py)
and by the backdrop trim (backdrop_trim.py); a module of its own so that neither imports the other for it."""

from __future__ import annotations

import numpy as np


def box_mean(a: np.ndarray, r: int) -> np.ndarray:
    """Mean over a (2r+1)^2 window, edges replicated (two cumulative sums)."""
    out = a.astype(np.float32)
    for axis in (0, 1):
        v = np.moveaxis(out, axis, 0)
        padded = np.concatenate([np.repeat(v[:1], r + 1, 0), v, np.repeat(v[-1:], r, 0)], 0)
        c = np.cumsum(padded, axis=0, dtype=np.float32)
        out = np.moveaxis((c[2 * r + 1 :] - c[: -(2 * r + 1)]) / (2 * r + 1), 0, axis)
    return out
