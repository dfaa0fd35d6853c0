"""Photo-quality benchmark with ground truth: cut-outs, debris, residue and colour (prints figures).

    .venv/bin/python bench/photo_quality.py [--cases 210] [--seed 0] [--candidates classical,u2netp-224]
                                            [--list] [--no-pipeline] [--html test-artifacts/photo_quality.html]

The cases (``photo_cases.py``): every demo craft kind with its exact silhouette composited onto
real photographs and textures, the demo's cluttered table or a plain wall or sheet, under varied
light, white balance, noise, JPEG quality, rotation and vignetting (deterministic by seed), plus
real photos with a hand-traced polygon (``bench/photo_truth/*.json``).

Per case: IoU of the subject mask, boundary F-score within 2 px, debris (foreground pieces not in
the truth: count and area), background residue (old background left in the output), ΔE2000 of
the subject's median colour (truth render vs output, neutral-light cases), time and peak memory.
Two levels are measured: the segmentation candidates ("mask", ``--candidates``), and the published
master ("output": only a replaced background can carry debris or residue; a kept one is the photo
as taken). Reported per craft kind and overall; the worst 10 go to an HTML contact sheet.
``tests/photography/test_photo_quality.py`` runs a test-sized version.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import io
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT, Path(__file__).resolve().parent):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from photo_cases import Case, cases, real_cases, synthetic_case  # noqa: E402,F401 (re-exported for the tests)

MEASURE_SIDE = 512  # masks are compared at the pipeline's analysis scale
DEBRIS_MIN_AREA = 12  # pixels at MEASURE_SIDE: smaller specks are invisible on a thumbnail
RESIDUE_LIMIT = 0.01  # share of the subject's area
TARGETS = {"mean_iou": 0.97, "worst_iou": 0.90, "debris_free": 0.98, "delta_e": 3.0}


# ---------------------------------------------------------------- metrics
def resize_mask(mask: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    im = Image.fromarray(mask.astype(np.uint8) * 255)
    return np.asarray(im.resize(size, Image.Resampling.BILINEAR)) > 127


def iou(pred: np.ndarray, truth: np.ndarray) -> float:
    union = np.logical_or(pred, truth).sum()
    return float(np.logical_and(pred, truth).sum() / union) if union else 1.0


def _boundary(mask: np.ndarray) -> np.ndarray:
    from scipy import ndimage

    return mask & ~ndimage.binary_erosion(mask, border_value=0)


def boundary_f(pred: np.ndarray, truth: np.ndarray, tol: float = 2.0) -> float:
    """F-score of boundary pixels matched within ``tol`` pixels."""
    from scipy import ndimage

    bp, bt = _boundary(pred), _boundary(truth)
    if not bp.any() or not bt.any():
        return 1.0 if bp.any() == bt.any() else 0.0
    dt_t = ndimage.distance_transform_edt(~bt)
    dt_p = ndimage.distance_transform_edt(~bp)
    precision = float((dt_t[bp] <= tol).mean())
    recall = float((dt_p[bt] <= tol).mean())
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def debris(pred: np.ndarray, truth: np.ndarray) -> tuple[int, float]:
    """Foreground pieces (8-connected) lying mostly outside the truth: count and area share of the frame."""
    from scipy import ndimage

    lab, n = ndimage.label(pred, structure=np.ones((3, 3)))
    if n == 0:
        return 0, 0.0
    sizes = np.bincount(lab.ravel(), minlength=n + 1)
    inside = np.bincount(lab.ravel(), weights=truth.ravel(), minlength=n + 1)
    stray = [i for i in range(1, n + 1) if sizes[i] >= DEBRIS_MIN_AREA and inside[i] < 0.5 * sizes[i]]
    return len(stray), float(sum(sizes[i] for i in stray) / pred.size)


def residue(pred: np.ndarray, truth: np.ndarray) -> float:
    """Foreground outside the truth (beyond a 2 px tolerance), as a share of the subject's area."""
    from scipy import ndimage

    grown = ndimage.binary_dilation(truth, iterations=2)
    return float((pred & ~grown).sum() / max(1, truth.sum()))


def delta_e2000(rgb_a, rgb_b) -> float:
    from skimage.color import deltaE_ciede2000, rgb2lab

    lab = rgb2lab(np.array([[rgb_a, rgb_b]], np.float64) / 255.0)
    return float(deltaE_ciede2000(lab[0, 0], lab[0, 1]))


def mask_metrics(pred: np.ndarray, truth: np.ndarray) -> dict:
    n, area = debris(pred, truth)
    return {
        "iou": iou(pred, truth),
        "bf": boundary_f(pred, truth),
        "debris": n,
        "debris_area": area,
        "residue": residue(pred, truth),
    }


def clean(m: dict) -> bool:
    return m["debris"] == 0 and m["residue"] <= RESIDUE_LIMIT


# ---------------------------------------------------------------- segmenters (candidates)
def segmenters() -> dict:
    """name -> fn(analysis copy) -> (bool mask at the copy's size, trusted)."""
    from marketplace.photography import segmentation

    return segmentation.CANDIDATES


def analysis_copy(data: bytes) -> Image.Image:
    from marketplace.photography.analysis import ANALYSIS_SIDE
    from marketplace.photography.io import SourceImage

    src = SourceImage(data)
    small = src.analysis_copy(ANALYSIS_SIDE)
    src.close()
    return small


def evaluate_mask(case: Case, fn, small: Image.Image) -> dict:
    t0 = time.perf_counter()
    pred, trusted = fn(small)
    ms = (time.perf_counter() - t0) * 1000
    truth = resize_mask(case.truth, small.size)
    pred = resize_mask(pred, small.size) if pred.shape != truth.shape else pred
    return {**mask_metrics(pred, truth), "trusted": bool(trusted), "ms": ms}


def _reset_peak() -> None:
    """Reset this process's VmHWM (Linux), so each case's peak is its own."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def output_truth(case: Case, canvas, size: tuple[int, int]) -> np.ndarray:
    """The truth mask laid out as on the master (``canvas`` in upright source pixels)."""
    from marketplace.photography.enhance import mask_fetch, place

    h, w = case.truth.shape
    return np.asarray(place(mask_fetch(case.truth, (w, h)), (w, h), canvas, size, "L", 0)) > 127


def evaluate_pipeline(case: Case) -> tuple[dict, Image.Image]:
    from marketplace.photography import process_photo

    rss0 = _rss_mib()
    _reset_peak()
    t0 = time.perf_counter()
    result = process_photo(case.data, aspect="1:1", keep_alpha=True)
    ms = (time.perf_counter() - t0) * 1000
    peak = _peak_mib() - rss0
    master = Image.open(io.BytesIO(result.master)).convert("RGB")
    k = MEASURE_SIDE / max(master.size)
    size = (max(8, round(master.width * k)), max(8, round(master.height * k)))
    truth = output_truth(case, result.canvas, size)
    row: dict = {"mode": result.mode, "cutout": result.background_replaced, "ms": ms, "peak_mib": peak,
                 "score": result.report.overall, "score_before": result.report.overall_before}
    if result.background_replaced and result.alpha is not None:
        pred = np.asarray(result.alpha.resize(size, Image.Resampling.BILINEAR)) > 127
        row.update({f"out_{k}": v for k, v in mask_metrics(pred, truth).items()})
    else:  # the photo as taken: no cut-out, so nothing torn and nothing left over
        row.update(out_iou=None, out_bf=None, out_debris=0, out_debris_area=0.0, out_residue=0.0)
    if case.truth_rgb is not None:
        small_master = master.resize(size, Image.Resampling.BOX)
        inner = np.asarray(Image.fromarray(truth.astype(np.uint8) * 255).filter(ImageFilter.MinFilter(7))) > 127
        if inner.sum() >= 32:
            got = np.median(np.asarray(small_master, np.float32)[inner], axis=0)
            row["delta_e_median_rgb"] = delta_e2000(case.truth_rgb, got)  # the first round's measure
            if case.truth_image is not None:
                clean_scene = output_clean(case, result.canvas, size)
                row["delta_e"], row["delta_e_pixels"] = subject_colour_shift(clean_scene, small_master, inner)
    return row, master


def output_clean(case: Case, canvas, size: tuple[int, int]) -> Image.Image:
    """The clean scene (before noise and JPEG) laid out as on the master."""
    from marketplace.photography.enhance import place

    img = case.truth_image
    fetch = lambda box, out: img.resize(out, Image.Resampling.BOX, box=box)  # noqa: E731
    return place(fetch, img.size, canvas, size, "RGB", (0, 0, 0))


def subject_colour_shift(truth: Image.Image, output: Image.Image, inner: np.ndarray) -> tuple[float, float]:
    """Colour shift of the subject, on the same pixels of the clean scene and of the output: ΔE2000
    of their mean colours (in CIELAB), and the median of the per-pixel ΔE2000 after a 1 px blur of
    both (resampling, sharpening and JPEG move single pixels, not the piece's colour).

    The first round compared the per-channel *median* RGB of the two: on a two-colour pattern (a
    necklace's beads and cord, a kilim's stripes) that median sits on whichever colour has just over
    half the pixels, so a resampled copy whose shares moved by a percent "shifted" by ΔE 10 while
    every pixel kept its colour. The mean in CIELAB moves with the shares, by their change only."""
    from skimage.color import deltaE_ciede2000, rgb2lab

    def lab(im: Image.Image) -> np.ndarray:
        return rgb2lab(np.asarray(im.filter(ImageFilter.GaussianBlur(1)), np.float64)[inner] / 255.0)

    a, b = lab(truth), lab(output)
    mean = float(deltaE_ciede2000(a.mean(axis=0), b.mean(axis=0)))
    return mean, float(np.median(deltaE_ciede2000(a, b)))


# ---------------------------------------------------------------- report
def _thumb(img: Image.Image, side: int = 220) -> str:
    im = img.convert("RGB")
    im.thumbnail((side, side))
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=80)
    return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode()


def _overlay(small: Image.Image, truth: np.ndarray, pred: np.ndarray | None) -> Image.Image:
    """Truth outline in green, prediction's extra pixels in red, missed pixels in blue."""
    arr = np.asarray(small.convert("RGB"), np.float32).copy()
    t = resize_mask(truth, small.size)
    if pred is not None:
        arr[pred & ~t] = arr[pred & ~t] * 0.3 + np.array([255, 0, 0]) * 0.7
        arr[t & ~pred] = arr[t & ~pred] * 0.3 + np.array([0, 80, 255]) * 0.7
    arr[_boundary(t)] = (0, 255, 0)
    return Image.fromarray(arr.astype(np.uint8))


def write_contact_sheet(path: Path, worst: list[tuple[Case, dict, Image.Image | None, Image.Image]]) -> None:
    rows = []
    for case, row, master, overlay in worst:
        figures = ", ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                            for k, v in row.items() if v is not None)
        cells = [f'<img src="{_thumb(overlay)}" alt="mask">']
        if master is not None:
            cells.append(f'<img src="{_thumb(master)}" alt="output">')
        rows.append(f"<tr><td><b>{case.name}</b><br><small>{json.dumps(case.params)}</small><br><small>{figures}</small></td>"
                    f"<td>{'</td><td>'.join(cells)}</td></tr>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "<!doctype html><meta charset=utf-8><title>Photo quality: worst cases</title>"
        "<style>body{font:14px sans-serif}td{vertical-align:top;padding:4px}small{color:#555}</style>"
        "<h1>Worst cases</h1><p>Mask: truth outline green, extra foreground red, missed subject blue.</p>"
        f"<table>{''.join(rows)}</table>",
        encoding="utf-8",
    )


def summarise(rows: list[dict], key: str = "iou") -> dict:
    vals = [r[key] for r in rows if r.get(key) is not None]
    out = {"n": len(rows)}
    if vals:
        out.update(mean=statistics.fmean(vals), worst=min(vals))
    return out


def run(count: int, seed: int, candidates: list[str], pipeline: bool, html: Path | None, log=print) -> dict:
    fns = segmenters()
    per: dict[str, list[dict]] = {c: [] for c in candidates}
    pipe_rows: list[dict] = []
    sheet: list = []
    for n, case in enumerate(cases(count, seed), 1):
        if n % 20 == 0:
            print(f"... {n} cases", file=sys.stderr, flush=True)
        small = analysis_copy(case.data)
        for c in candidates:
            row = evaluate_mask(case, fns[c], small)
            row.update(case=case.name, kind=case.kind)
            per[c].append(row)
        if pipeline:
            row, master = evaluate_pipeline(case)
            row.update(case=case.name, kind=case.kind, backdrop=case.backdrop)
            pipe_rows.append(row)
            sheet.append((case, row, master, small))
    summary = {"candidates": {}, "pipeline": None}
    for c, rows in per.items():
        summary["candidates"][c] = candidate_summary(rows)
    if pipeline:
        summary["pipeline"] = pipeline_summary(pipe_rows)
        if html is not None:
            worst = sorted(sheet, key=lambda s: (s[1]["out_iou"] if s[1]["out_iou"] is not None else 2.0,
                                                 -s[1]["out_debris"], -s[1]["out_residue"]))[:10]
            from marketplace.photography import segmentation

            worst_rows = []
            for case, row, master, small in worst:
                pred, _ = segmentation.segment(small)
                worst_rows.append((case, {k: row[k] for k in row if k not in ("case", "kind")}, master,
                                   _overlay(small, case.truth, resize_mask(pred, small.size))))
            write_contact_sheet(html, worst_rows)
    return {"summary": summary, "rows": {"candidates": per, "pipeline": pipe_rows}}


def candidate_summary(rows: list[dict]) -> dict:
    n = len(rows)
    trusted = [r for r in rows if r["trusted"]]
    return {
        "cases": n,
        "mean_iou": statistics.fmean(r["iou"] for r in rows),
        "worst_iou": min(r["iou"] for r in rows),
        "mean_bf": statistics.fmean(r["bf"] for r in rows),
        "debris_free": sum(r["debris"] == 0 for r in rows) / n,
        "clean": sum(clean(r) for r in rows) / n,
        "trusted": len(trusted) / n,
        "trusted_mean_iou": statistics.fmean(r["iou"] for r in trusted) if trusted else None,
        "trusted_worst_iou": min(r["iou"] for r in trusted) if trusted else None,
        "trusted_clean": sum(clean(r) for r in trusted) / len(trusted) if trusted else None,
        "median_ms": statistics.median(r["ms"] for r in rows),
    }


def pipeline_summary(rows: list[dict]) -> dict:
    n = len(rows)
    cut = [r for r in rows if r["cutout"]]
    des = [r["delta_e"] for r in rows if r.get("delta_e") is not None]
    pixel_des = [r["delta_e_pixels"] for r in rows if r.get("delta_e_pixels") is not None]
    old_des = [r["delta_e_median_rgb"] for r in rows if r.get("delta_e_median_rgb") is not None]
    clean_out = [r["out_debris"] == 0 and r["out_residue"] <= RESIDUE_LIMIT for r in rows]
    return {
        "cases": n,
        "cutouts": len(cut),
        "cutout_mean_iou": statistics.fmean(r["out_iou"] for r in cut) if cut else None,
        "cutout_worst_iou": min(r["out_iou"] for r in cut) if cut else None,
        "cutout_mean_bf": statistics.fmean(r["out_bf"] for r in cut) if cut else None,
        "debris_free": sum(r["out_debris"] == 0 for r in rows) / n,
        "clean": sum(clean_out) / n,
        "worst_debris": max(r["out_debris"] for r in rows),
        "worst_residue": max(r["out_residue"] for r in rows),
        "delta_e_mean": statistics.fmean(des) if des else None,
        "delta_e_max": max(des) if des else None,
        "delta_e_cases": len(des),
        "delta_e_pixels_median_max": max(pixel_des) if pixel_des else None,
        "delta_e_median_rgb_mean": statistics.fmean(old_des) if old_des else None,
        "delta_e_median_rgb_max": max(old_des) if old_des else None,
        "median_ms": statistics.median(r["ms"] for r in rows),
        "max_peak_mib": max(r["peak_mib"] for r in rows),
    }


def _fmt(v) -> str:
    if v is None:
        return "-"
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def print_report(result: dict, log=print) -> None:
    s = result["summary"]
    if s["candidates"]:
        log("\n== segmentation candidates (mask at the analysis scale, every case)")
        cols = ["mean_iou", "worst_iou", "mean_bf", "debris_free", "clean", "trusted", "trusted_mean_iou",
                "trusted_worst_iou", "trusted_clean", "median_ms"]
        log(f"{'candidate':<26}" + "".join(f"{c:>18}" for c in cols))
        for name, row in s["candidates"].items():
            log(f"{name:<26}" + "".join(f"{_fmt(row[c]):>18}" for c in cols))
        for name, rows in result["rows"]["candidates"].items():
            log(f"\n-- {name}: per craft kind (mean IoU / worst IoU / debris-free / trusted)")
            kinds: dict[str, list[dict]] = {}
            for r in rows:
                kinds.setdefault(r["kind"], []).append(r)
            for kind, rs in sorted(kinds.items()):
                log(f"   {kind:<14} n={len(rs):<3} {statistics.fmean(r['iou'] for r in rs):.3f} "
                    f"{min(r['iou'] for r in rs):.3f} {sum(r['debris'] == 0 for r in rs) / len(rs):.2f} "
                    f"{sum(r['trusted'] for r in rs) / len(rs):.2f}")
    p = s["pipeline"]
    if p:
        log("\n== pipeline (published master)")
        for k, v in p.items():
            log(f"   {k:<20} {_fmt(v)}")
        kinds: dict[str, list[dict]] = {}
        for r in result["rows"]["pipeline"]:
            kinds.setdefault(r["kind"], []).append(r)
        log("   per kind: cut-outs, mean cut-out IoU, clean share, max ΔE")
        for kind, rs in sorted(kinds.items()):
            cut = [r["out_iou"] for r in rs if r["out_iou"] is not None]
            des = [r["delta_e"] for r in rs if r.get("delta_e") is not None]
            cl = sum(r["out_debris"] == 0 and r["out_residue"] <= RESIDUE_LIMIT for r in rs) / len(rs)
            log(f"   {kind:<14} n={len(rs):<3} cut={len(cut):<3} iou={_fmt(statistics.fmean(cut)) if cut else '-':<6} "
                f"clean={cl:.2f} dE_max={_fmt(max(des)) if des else '-'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=210)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--candidates", default="", help="comma-separated segmenters to compare (see --list)")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--no-pipeline", action="store_true")
    ap.add_argument("--html", type=Path, default=ROOT / "test-artifacts" / "photo_quality.html")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    if args.list:
        print("\n".join(segmenters()))
        return
    candidates = [c for c in args.candidates.split(",") if c]
    load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
    t0 = time.perf_counter()
    result = run(args.cases, args.seed, candidates, not args.no_pipeline, args.html)
    print(f"{args.cases} synthetic cases (seed {args.seed}) + {len(real_cases())} real photos; "
          f"load average at start {load}; {time.perf_counter() - t0:.0f} s")
    print_report(result)
    if not args.no_pipeline:
        p = result["summary"]["pipeline"]
        print(f"\ncontact sheet of the worst 10: {args.html}")
        print(f"targets: cut-out mean IoU >= {TARGETS['mean_iou']} (got {_fmt(p['cutout_mean_iou'])}), "
              f"worst >= {TARGETS['worst_iou']} (got {_fmt(p['cutout_worst_iou'])}), "
              f"debris-free >= {TARGETS['debris_free']:.0%} (got {p['clean']:.1%}), "
              f"ΔE2000 <= {TARGETS['delta_e']} (got max {_fmt(p['delta_e_max'])})")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=float))


if __name__ == "__main__":
    main()
