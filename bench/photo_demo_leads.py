"""The demo catalogue's lead photos through the photo pipeline, as `make run` builds them (prints figures).

    .venv/bin/python bench/photo_demo_leads.py [--size 1200] [--only slug,slug] [--sample 8]

Every demo product's lead photo (its first, view 0) is rendered by the demo's own job (``demo.photos``,
the same ``PhotoJob`` the loader makes, at the loader's photo size: 1200 px for ``make run``) and run
through ``process_photo`` as the media worker runs it (1:1). Each must pass the quality checks a buyer
would see fail: "Background" and "Edges" passed, no stray object counted; and, because the renderer
knows the piece's exact silhouette (``render_cutout``), a published cut-out is also measured against
it: no debris, old-background residue within ``photo_quality.RESIDUE_LIMIT``, IoU >= 0.9.

``tests/demo/test_demo_lead_photos.py`` runs a deterministic sample (``sample``) of the same check.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT, Path(__file__).resolve().parent):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

DEMO_PHOTO_SIZE = 1200  # demo/__main__.py's --photo-size default, what `make run` loads
MIN_CUTOUT_IOU = 0.9


@dataclass
class LeadResult:
    slug: str
    kind: str
    mode: str
    checks: dict[str, int]
    problems: list[str] = field(default_factory=list)
    figures: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0


def lead_job(spec: dict, size: int = DEMO_PHOTO_SIZE):
    """The loader's job for a product's lead photo (demo/services.py, _load_photos, view 0)."""
    from demo.photos import PhotoJob

    render = spec.get("render") or {}
    return PhotoJob(key=("product", spec["slug"], 0), kind=render.get("kind", "pottery"), seed=spec["seed"],
                    view=0, palette=tuple(render.get("palette") or ()) or None, motif=render.get("motif", ""),
                    phone_shot=bool(spec.get("phone_shot")) and spec.get("photos", 1) == 1, size=size)


def check_lead(spec: dict, size: int = DEMO_PHOTO_SIZE) -> LeadResult:
    """Render, process and judge one product's lead photo; ``problems`` is empty when it passes."""
    import photo_quality as pq

    from demo.images import render_cutout
    from demo.photos import render_original
    from marketplace.photography import process_photo

    job = lead_job(spec, size)
    t0 = time.perf_counter()
    original = render_original(job).original
    result = process_photo(original, aspect="1:1", keep_alpha=True)
    checks = {c.code: c for c in result.report.checks}
    out = LeadResult(spec["slug"], job.kind, result.mode, {code: c.score for code, c in checks.items()})
    for code in ("background_clutter", "edge_quality"):
        if not checks[code].passed:
            out.problems.append(f"{code} {checks[code].score}")
    strays = max(int((checks["background_clutter"].after or {}).get("stray_pieces", 0)),
                 int(checks["background_clutter"].before.get("stray_pieces", 0)))
    if strays:
        out.problems.append(f"{strays} stray object(s)")
    if result.background_replaced and not job.phone_shot:
        layer, _ = render_cutout(job.kind, job.seed, 0, size, job.palette, job.motif)
        truth = np.asarray(layer.getchannel("A")) > 127
        master = Image.open(io.BytesIO(result.master))
        k = pq.MEASURE_SIDE / max(master.size)
        scaled = (max(8, round(master.width * k)), max(8, round(master.height * k)))
        case = pq.Case(spec["slug"], job.kind, "studio", True, original, truth, None)
        pred = np.asarray(result.alpha.resize(scaled, Image.Resampling.BILINEAR)) > 127
        m = pq.mask_metrics(pred, pq.output_truth(case, result.canvas, scaled))
        out.figures = {"iou": m["iou"], "debris": m["debris"], "residue": m["residue"]}
        if m["debris"]:
            out.problems.append(f"{m['debris']} debris piece(s)")
        if m["residue"] > pq.RESIDUE_LIMIT:
            out.problems.append(f"residue {m['residue']:.1%} of the piece")
        if m["iou"] < MIN_CUTOUT_IOU:
            out.problems.append(f"cut-out IoU {m['iou']:.3f}")
    out.seconds = time.perf_counter() - t0
    return out


def sample(products: list[dict], count: int) -> list[dict]:
    """A deterministic sample covering as many render kinds as ``count`` allows (first product of each)."""
    seen: dict[str, dict] = {}
    for spec in products:
        seen.setdefault((spec.get("render") or {}).get("kind", "pottery"), spec)
    return list(seen.values())[:count]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=DEMO_PHOTO_SIZE)
    ap.add_argument("--only", default="", help="comma-separated product slugs")
    ap.add_argument("--sample", type=int, default=0, help="only the test's sample of this many kinds")
    args = ap.parse_args()
    from demo import data

    products = data.PRODUCTS
    if args.only:
        wanted = set(args.only.split(","))
        products = [p for p in products if p["slug"] in wanted]
    elif args.sample:
        products = sample(products, args.sample)
    load = Path("/proc/loadavg").read_text().split()[0]
    t0 = time.perf_counter()
    failed, modes = [], {}
    for n, spec in enumerate(products, 1):
        r = check_lead(spec, args.size)
        modes[r.mode] = modes.get(r.mode, 0) + 1
        if r.problems:
            failed.append(r)
            print(f"FAIL {r.slug} ({r.kind}, mode={r.mode}): {'; '.join(r.problems)} {r.figures}", flush=True)
        if n % 25 == 0:
            print(f"... {n} lead photos", file=sys.stderr, flush=True)
    print(f"{len(products)} lead photos at {args.size} px, {len(failed)} failing; modes {modes}; "
          f"load average at start {load}; {time.perf_counter() - t0:.0f} s")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
