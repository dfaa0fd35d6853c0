"""Classical subject/background separation on a small copy (no ML model).

The background is modelled from the frame border (phones shots of crafts are mostly an
object on a wall, sheet or table): border colours are clustered, every pixel gets a
distance to the nearest background colour, the far pixels form the subject. The result
carries a confidence so the pipeline only replaces the background when it is sure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageFilter

MASK_SIDE = 256
CUTOUT_ONLY_REASONS = frozenset({"backdrop_in_cutout", "floor_textured"})  # see Subject.located
STRAY_AREA = 0.003  # share of the frame from which a separate object counts as debris
BORDER = 0.04  # width of the border strip used as background sample, as a fraction of the short side


@dataclass
class Subject:
    """Subject mask over the whole upright frame, at mask resolution."""

    mask: np.ndarray  # bool (h, w): subject pixels, holes filled
    bbox: tuple[float, float, float, float]  # normalised (x0, y0, x1, y1); whole frame if nothing found
    confident: bool
    reasons: list[str] = field(default_factory=list)  # why not confident
    background_rgb: tuple[float, float, float] | None = None  # main border colour, 0..1
    centres: np.ndarray | None = None  # background colours in feature space
    threshold: float = 0.0
    stats: dict[str, float] = field(default_factory=dict)
    alpha: np.ndarray | None = None  # soft subject alpha (0..1) at mask resolution, when segmented

    @property
    def found(self) -> bool:
        return bool(self.mask.any())

    @property
    def located(self) -> bool:
        """Found well enough to be measured (framing, margins, edges), even when its cut-out is not
        safe to publish (backdrop left in it, a textured floor): those reasons judge the cut-out only."""
        return self.found and (self.confident or set(self.reasons) <= CUTOUT_ONLY_REASONS)

    @property
    def area(self) -> float:
        return float(self.mask.mean())


def features(arr: np.ndarray) -> np.ndarray:
    """Opponent colour features with luminance damped, so soft shadows stay background."""
    r, g, b = arr[..., 0], arr[..., 1], arr[..., 2]
    lum = arr @ np.array([0.1495, 0.2935, 0.057], np.float32)  # half of Rec.601 luma
    return np.stack([lum, r - g, b - 0.5 * (r + g)], axis=-1)


def distance_map(feat: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """Distance of every pixel to the nearest background colour (per-plane maths: a sum
    over a 3-wide last axis is several times slower in numpy)."""
    planes = [np.ascontiguousarray(feat[..., i]) for i in range(3)]
    best = None
    for c in centres.astype(np.float32):
        d = (planes[0] - c[0]) ** 2
        d += (planes[1] - c[1]) ** 2
        d += (planes[2] - c[2]) ** 2
        best = d if best is None else np.minimum(best, d, out=best)
    if best is None:
        return np.full(feat.shape[:2], np.inf, np.float32)
    return np.sqrt(best, out=best)


def border_mask(h: int, w: int, frac: float = BORDER) -> np.ndarray:
    b = max(2, round(min(h, w) * frac))
    m = np.zeros((h, w), bool)
    m[:b], m[-b:], m[:, :b], m[:, -b:] = True, True, True, True
    return m


def _kmeans(x: np.ndarray, k: int = 3, iters: int = 10) -> tuple[np.ndarray, np.ndarray]:
    """Tiny k-means seeded on luminance quantiles; returns centres and cluster shares."""
    order = np.argsort(x[:, 0])
    centres = x[order[[int(q * (len(x) - 1)) for q in np.linspace(0.1, 0.9, k)]]].copy()
    for _ in range(iters):
        lab = ((x[:, None, :] - centres[None]) ** 2).sum(-1).argmin(1)
        for i in range(k):
            sel = lab == i
            if sel.any():
                centres[i] = x[sel].mean(0)
    shares = np.bincount(lab, minlength=k) / len(x)
    return centres, shares


def label(mask: np.ndarray) -> tuple[np.ndarray, int]:
    """8-connected component labelling over row runs (union-find), numpy + a short loop."""
    h, w = mask.shape
    padded = np.zeros((h, w + 2), np.int8)
    padded[:, 1:-1] = mask
    d = np.diff(padded, axis=1)
    rows, s = np.nonzero(d == 1)
    _, e = np.nonzero(d == -1)
    n = len(rows)
    if n == 0:
        return np.zeros((h, w), np.int32), 0
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    row_start = np.searchsorted(rows, np.arange(h + 1)).tolist()
    sl, el = s.tolist(), e.tolist()
    for r in range(1, h):
        i, i1, j, j1 = row_start[r - 1], row_start[r], row_start[r], row_start[r + 1]
        while i < i1 and j < j1:
            if sl[i] <= el[j] and sl[j] <= el[i]:  # touching incl. diagonals
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            if el[i] < el[j]:
                i += 1
            else:
                j += 1
    roots = np.array([find(i) for i in range(n)])
    _, run_label = np.unique(roots, return_inverse=True)
    run_label = run_label + 1
    acc = np.zeros((h, w + 1), np.int32)
    np.add.at(acc, (rows, s), run_label)
    np.add.at(acc, (rows, e), -run_label)
    return np.cumsum(acc, axis=1)[:, :w], int(run_label.max())


def dilate(im: Image.Image, radius: int) -> Image.Image:
    """Binary (0/255 "L") dilation by a square of side 2r+1. A box blur is O(1) per pixel,
    where Pillow's MaxFilter sorts the whole window: any lit pixel leaves a non-zero mean."""
    for r in _steps(radius):
        im = im.filter(ImageFilter.BoxBlur(r)).point(lambda v: 255 if v > 0 else 0)
    return im


def erode(im: Image.Image, radius: int) -> Image.Image:
    """Binary erosion: only a fully lit window keeps a mean of exactly 255."""
    for r in _steps(radius):
        im = im.filter(ImageFilter.BoxBlur(r)).point(lambda v: 255 if v >= 255 else 0)
    return im


def _steps(radius: int) -> list[int]:
    # Up to r=7 a single lit pixel still rounds to a non-zero mean (255 / 225 > 0.5).
    return [7] * (radius // 7) + ([radius % 7] if radius % 7 else [])


def _morph(mask: np.ndarray) -> np.ndarray:
    """Despeckle (median), open (drop specks) and close (bridge small gaps)."""
    im = Image.fromarray((mask * 255).astype(np.uint8))
    im = im.filter(ImageFilter.MedianFilter(3))
    im = dilate(erode(im, 1), 1)
    im = erode(dilate(im, 2), 2)
    return np.asarray(im) > 127


def fill_holes(mask: np.ndarray) -> np.ndarray:
    lab, n = label(~mask)
    if n == 0:
        return mask
    edge = np.unique(np.concatenate([lab[0], lab[-1], lab[:, 0], lab[:, -1]]))
    outside = np.isin(lab, edge[edge > 0])
    return ~outside


def stray_pieces(lab: np.ndarray, areas: np.ndarray, kept: np.ndarray) -> int:
    """Pieces not kept as the subject that are big enough to see and lie away from it (outside
    its box grown by 5 % of the frame): objects beside the piece, not beads of a necklace."""
    h, w = lab.shape
    if not kept.any():
        return 0
    ids = np.nonzero(kept)[0] + 1
    ky, kx = np.nonzero(np.isin(lab, ids))
    pad = 0.05 * max(h, w)
    ys, xs = np.mgrid[0:h, 0:w]
    n = len(areas)
    cy = np.bincount(lab.ravel(), weights=ys.ravel(), minlength=n + 1)[1:] / np.maximum(areas, 1)
    cx = np.bincount(lab.ravel(), weights=xs.ravel(), minlength=n + 1)[1:] / np.maximum(areas, 1)
    away = (cx < kx.min() - pad) | (cx > kx.max() + pad) | (cy < ky.min() - pad) | (cy > ky.max() + pad)
    return int((~kept & (areas >= STRAY_AREA * h * w) & away).sum())


def edge_roughness(mask: np.ndarray) -> float:
    """Mean distance (pixels) between the outline and the same outline smoothed: near 0 for a
    clean curve, about a quarter of the step for a stair-stepped cut-out, more for a torn one.
    Only the solid parts count (what survives a 3 px opening): a chain or a fringe is thin by
    nature, not torn."""
    if mask.sum() < 64:
        return 0.0
    im = Image.fromarray(mask.astype(np.uint8) * 255)
    solid = np.asarray(dilate(dilate(erode(im, 3), 3), 3)) > 0
    smooth = np.asarray(im.filter(ImageFilter.GaussianBlur(1.5))) > 127
    m = mask & solid
    outline = np.count_nonzero(m[1:, :] != m[:-1, :]) + np.count_nonzero(m[:, 1:] != m[:, :-1])
    return float(np.count_nonzero((mask != smooth) & solid) / max(1, outline))


def detect_subject(img: Image.Image) -> Subject:
    """Find the product in an upright sRGB image (any size; works on a <=256 px copy)."""
    w0, h0 = img.size
    k = min(1.0, MASK_SIDE / max(w0, h0))
    small = (
        img if k == 1.0 else img.resize((max(8, round(w0 * k)), max(8, round(h0 * k))), Image.Resampling.BOX)
    )
    arr = np.asarray(small, dtype=np.float32) / 255.0
    h, w = arr.shape[:2]
    feat = features(arr)
    border = border_mask(h, w)
    bfeat = feat[border]
    centres, shares = _kmeans(bfeat)
    kept = shares >= 0.12  # rare border colours are clutter or the subject itself
    centres, kept_share = centres[kept], float(shares[kept].sum())
    dist = distance_map(feat, centres)
    noise = float(np.percentile(dist[border], 90))
    threshold = max(0.06, 2.5 * noise)
    raw = _morph(dist > threshold)
    nearest = ((bfeat[:, None, :] - centres[None]) ** 2).sum(-1).argmin(1)
    main = np.bincount(nearest, minlength=len(centres)).argmax()
    bg_rgb = arr[border][nearest == main].mean(0)  # the wall/sheet colour: reference for white balance
    lab, n = label(raw)
    whole = (0.0, 0.0, 1.0, 1.0)
    reasons: list[str] = []
    areas = np.bincount(lab.ravel(), minlength=n + 1)[1:] if n else np.zeros(0, int)
    biggest = int(areas.max()) if n else 0
    keep_ids = np.nonzero(areas >= max(0.15 * biggest, 0.0005 * h * w))[0] + 1
    kept_pieces = np.zeros(n, bool)
    kept_pieces[keep_ids - 1] = True
    stray = stray_pieces(lab, areas, kept_pieces)
    mask = fill_holes(np.isin(lab, keep_ids)) if len(keep_ids) else np.zeros((h, w), bool)
    if not mask.any():  # nothing, or only specks, stands out from the background
        return Subject(
            np.zeros((h, w), bool), whole, False, ["no_subject"], tuple(bg_rgb), centres, threshold
        )
    ys, xs = np.nonzero(mask)
    bbox = (float(xs.min() / w), float(ys.min() / h), float((xs.max() + 1) / w), float((ys.max() + 1) / h))
    area = mask.mean()
    edge_touch = np.concatenate([mask[0], mask[-1], mask[:, 0], mask[:, -1]]).mean()
    solidity = area / max((bbox[2] - bbox[0]) * (bbox[3] - bbox[1]), 1e-6)
    contrast = float(np.median(dist[mask])) / threshold
    if not 0.01 <= area <= 0.8:
        reasons.append("subject_size")
    if edge_touch > 0.03:
        reasons.append("subject_cut")
    if noise > 0.05 or kept_share < 0.85:
        reasons.append("background_busy")
    if biggest < 0.6 * mask.sum():
        reasons.append("several_objects")
    if solidity < 0.2:
        reasons.append("fragmented")
    if contrast < 1.8:
        reasons.append("low_contrast")
    stats = {
        "noise": noise,
        "kept_share": kept_share,
        "edge_touch": float(edge_touch),
        "solidity": float(solidity),
        "contrast": contrast,
        "stray_pieces": stray,
        "roughness": edge_roughness(mask),
    }
    return Subject(
        mask, bbox, not reasons, reasons, tuple(float(v) for v in bg_rgb), centres, threshold, stats
    )
