"""process_photo / analyse_photo: the public entry points.

Flow: validate and read the header -> small upright sRGB copy (JPEG draft) -> subject mask
and "before" measurements -> candidate plans (clean background, tone only, framing only)
simulated on the small copy -> the first, in that order, that scores no worse than framing
alone is rendered once at full size -> master, derivatives, "after" report.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

import numpy as np
from PIL import Image

from .analysis import ANALYSIS_SIDE, Measurements, measure
from .derivatives import Derivative, build_derivatives, encode, encode_master
from .enhance import (
    Plan,
    apply_lut_rgb,
    build_lut,
    estimate_lut,
    layout,
    mapped_subject,
    parse_aspect,
    render,
    render_with_alpha,
)
from .io import Limits, SourceImage, resample
from .report import QualityReport, build_report, check_scores, overall
from .segmentation import find_subject, plain_backdrop_flaws
from .subject import Subject

# Versions. 2: segmentation network, trust gate, hue-safe tone, edge and debris checks; 3: backdrop trim and gate;
# 4: exposure judged on the piece too, the floor seen inside a cuff refused, AVIF and WebP up to 1024 px;
# 5: a floor lined around the piece (a brick wall's mortar) refused for the cut-out.
PIPELINE_VERSION = 5
MAX_SCORE_DROP = 3  # a single check may wobble this much between before and after, no more
GOOD_SCORE = 90  # ... unless it stays this good (a cut-out's soft edge costs a little "sharpness")


@dataclass
class PipelineResult:
    master: bytes
    master_format: str
    master_size: tuple[int, int]
    derivatives: list[Derivative]
    report: QualityReport
    source_format: str
    source_size: tuple[int, int]  # upright
    enhanced: bool  # tone and/or white balance changed
    background_replaced: bool
    timings: dict[str, float] = field(default_factory=dict)
    mode: str = "plain"
    canvas: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # upright source box shown on the master
    alpha: Image.Image | None = None  # subject alpha at master size (``keep_alpha``, background replaced)


class _Timer:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._t = self._start = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = round(self.timings.get(stage, 0.0) + now - self._t, 4)
        self._t = now

    def total(self) -> dict[str, float]:
        self.timings["total"] = round(time.perf_counter() - self._start, 4)
        return self.timings


def _small_fetch(small: Image.Image, frame: tuple[int, int]):
    kx, ky = small.width / frame[0], small.height / frame[1]  # differ by rounding on slivers

    def fetch(box, size):
        b = (
            max(0.0, box[0] * kx),
            max(0.0, box[1] * ky),
            min(small.width, box[2] * kx),
            min(small.height, box[3] * ky),
        )
        return resample(small, size, b, Image.Resampling.BILINEAR)

    return fetch


def _after(img: Image.Image, plan: Plan, subject: Subject, frame, before: Measurements) -> Measurements:
    """Measure an output at the same pixels-per-source-pixel as the "before" copy."""
    ref = apply_lut_rgb(plan.lut, before.reference_rgb)  # the same reference, once corrected
    mapped = mapped_subject(subject, frame, plan)
    for key in ("stray_pieces", "roughness", "plain_backdrop"):
        mapped.stats.pop(key, None)
    if plan.replace_background:  # judge the cut-out as published: debris and torn edges show here
        mapped.stats.update(plain_backdrop_flaws(img))
    return measure(img, mapped, size=(before.width, before.height), reference_rgb=ref)


def _acceptable(after: Measurements, baseline: Measurements, changed: set[str]) -> bool:
    """Not worse than the baseline (same framing, no correction) overall, and no check
    the plan touches loses more than a hair."""
    b = check_scores(baseline)
    a = {c: (v if c in changed else b[c]) for c, v in check_scores(after).items()}
    if overall(a) < overall(b):
        return False
    return all(a[c] >= b[c] - MAX_SCORE_DROP or a[c] >= GOOD_SCORE for c in changed)


def _reported(before: Measurements, after: Measurements, changed: set[str]) -> int:
    """Overall "after" score as the report computes it (unchanged checks keep "before")."""
    b = check_scores(before)
    return overall({c: (v if c in changed else b[c]) for c, v in check_scores(after).items()})


def changed_checks(plan: Plan, subject: Subject) -> set[str]:
    """Checks the plan acts on; the others keep their "before" score in the report."""
    changed = {"sharpness"}
    if plan.lut is not None:
        if max(abs(g - 1.0) for g in plan.gains) > 0.01:
            changed.add("colour_cast")
        balance_only = np.asarray(build_lut(plan.gains, np.linspace(0.0, 1.0, 256)))
        if np.abs(np.asarray(plan.lut) - balance_only).max() > 2:
            changed.add("exposure")
    if plan.replace_background:
        changed |= {"background_clutter", "edge_quality"}
    if subject.confident:
        changed.add("subject_fill")
    return changed


def _analysis_scale_copy(img: Image.Image, plan: Plan, small: Image.Image, frame) -> Image.Image:
    """Downscale the output to the analysis copy's pixels-per-source-pixel."""
    k = _scale(small, frame)
    cw = plan.canvas[2] - plan.canvas[0]
    tw = max(8, round(cw * k))
    if tw >= img.width:
        return img
    return img.resize((tw, max(8, round(img.height * tw / img.width))), Image.Resampling.BOX)


def _plain(frame, subject: Subject, aspect: str) -> Plan:
    canvas, out_size = layout(frame, subject, aspect, replace=False)
    return Plan("plain", canvas, out_size, None, (1.0, 1.0, 1.0))


def _choose_plan(
    small: Image.Image, frame: tuple[int, int], subject: Subject, aspect: str, before: Measurements
) -> Plan:
    """Simulate each candidate on the small copy; keep the first that is not worse than
    framing alone (the crop to the aspect is required, so it is the baseline)."""
    lut, gains = estimate_lut(small, subject)
    fetch = _small_fetch(small, frame)

    def simulate(plan: Plan) -> Measurements:
        sim_plan = Plan(
            plan.mode, plan.canvas, _sim_size(plan.out_size, plan.canvas, small, frame), plan.lut, plan.gains
        )
        sim = render(fetch, frame, sim_plan, subject, sharpen=False)
        return _after(sim, sim_plan, subject, frame, before)

    plain = _plain(frame, subject, aspect)
    baseline = simulate(plain)
    for mode in (["full"] if subject.confident else []) + (["tone"] if lut is not None else []):
        canvas, out_size = layout(frame, subject, aspect, replace=mode == "full")
        plan = Plan(mode, canvas, out_size, lut, gains)
        result = simulate(plan)
        if _acceptable(result, baseline, changed_checks(plan, subject)):
            return plan
    return plain


def _framed_before(
    small: Image.Image, frame, plan: Plan, subject: Subject, before: Measurements
) -> Measurements:
    """Sharpness of the original measured within the final framing, so before and after
    compare the same content (a crop must not read as a change in focus)."""
    bare = Plan(
        "plain", plan.canvas, _sim_size(plan.out_size, plan.canvas, small, frame), None, (1.0, 1.0, 1.0)
    )
    framed = render(_small_fetch(small, frame), frame, bare, subject, sharpen=False)
    return replace(before, sharpness=_after(framed, bare, subject, frame, before).sharpness)


def _scale(small: Image.Image, frame) -> float:
    return max(small.size) / max(frame)


def _sim_size(out_size, canvas, small, frame) -> tuple[int, int]:
    k = _scale(small, frame)
    w = max(8, round((canvas[2] - canvas[0]) * k))
    return (w, max(8, round(w * out_size[1] / out_size[0])))


def _before(data: bytes, limits: Limits | None, timer: _Timer):
    src = SourceImage(data, limits)
    timer.lap("open")
    small = src.analysis_copy(ANALYSIS_SIDE)
    timer.lap("decode_analysis")
    subject = find_subject(small)
    before = measure(small, subject, size=src.size)
    timer.lap("analyse")
    return src, small, subject, before


def analyse_photo(data: bytes, *, limits: Limits | None = None) -> QualityReport:
    """Quality report of the original only (no enhancement): fast, for upload previews."""
    timer = _Timer()
    _, _, _, before = _before(data, limits, timer)
    report = build_report(before, pipeline_version=PIPELINE_VERSION)
    report.notes.append(f"analysed in {timer.total()['total'] * 1000:.0f} ms")
    return report


def process_photo(
    data: bytes, *, aspect: str = "1:1", limits: Limits | None = None, keep_alpha: bool = False
) -> PipelineResult:
    """Validate, enhance, frame and encode one photo. Raises PhotoRejected for bad input.
    ``keep_alpha`` keeps the cut-out's alpha on the result (benchmarks measure it)."""
    parse_aspect(aspect)
    timer = _Timer()
    src, small, subject, before = _before(data, limits, timer)
    frame = src.size
    plan = _choose_plan(small, frame, subject, aspect, before)
    before = _framed_before(small, frame, plan, subject, before)
    timer.lap("plan")
    fetch = src.render
    master, alpha = render_with_alpha(fetch, frame, plan, subject)
    timer.lap("render")
    after = _after(_analysis_scale_copy(master, plan, small, frame), plan, subject, frame, before)
    changed = changed_checks(plan, subject)
    if plan.mode != "plain" and _reported(before, after, changed) < overall(check_scores(before)):
        # The full-size result disagrees with the simulation: try framing only, keep the better.
        alt_plan = _plain(frame, subject, aspect)
        alt_changed = changed_checks(alt_plan, subject)
        alt = render(fetch, frame, alt_plan, subject)
        alt_after = _after(
            _analysis_scale_copy(alt, alt_plan, small, frame), alt_plan, subject, frame, before
        )
        if _reported(before, alt_after, alt_changed) > _reported(before, after, changed):
            plan, changed, master, after, alpha = alt_plan, alt_changed, alt, alt_after, None
    src.close()
    timer.lap("report_after")
    master_bytes = encode_master(master)
    timer.lap("encode_master")
    derivatives = build_derivatives(master, master_jpeg=master_bytes)
    timer.lap("derivatives")
    report = build_report(before, after, changed=changed, pipeline_version=PIPELINE_VERSION)
    report.notes.append(f"mode={plan.mode}; sharpness before is measured within the final framing")
    if src.animated:
        report.notes.append("animated image: the first frame was used")
    if not subject.confident and subject.reasons:
        report.notes.append("background kept: " + ", ".join(subject.reasons))
    return PipelineResult(
        master=master_bytes,
        master_format="JPEG",
        master_size=master.size,
        derivatives=derivatives,
        report=report,
        source_format=src.format,
        source_size=src.size,
        enhanced=plan.lut is not None,
        background_replaced=plan.replace_background,
        timings=timer.total(),
        mode=plan.mode,
        canvas=plan.canvas,
        alpha=alpha if keep_alpha else None,
    )


def preview_jpeg(data: bytes, *, max_side: int = 800, limits: Limits | None = None) -> bytes:
    """A downscaled, upright, sRGB, metadata-free JPEG of the original (the "before")."""
    src = SourceImage(data, limits)
    return encode(src.analysis_copy(max_side), "JPEG", quality=85)
