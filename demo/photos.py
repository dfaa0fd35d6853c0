"""Demo photos: procedural renderings, made in parallel processes, uploaded as originals (demo/services.py)."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any


@dataclass
class PhotoJob:
    key: Any  # who the photo is for (product slug and index, artisan portrait ...)
    kind: str  # a render kind, "portrait" or "workshop"
    seed: int
    view: int = 0
    palette: tuple[str, ...] | None = None
    motif: str = ""  # the product's motif attribute, drawn where the kind has one
    phone_shot: bool = False
    size: int = 1200


@dataclass
class PhotoOutput:
    key: Any
    original: bytes  # what a phone or a camera would upload


def render_original(job: PhotoJob) -> PhotoOutput:
    """The demo's stand-in for a photographer: a procedural rendering as the JPEG an artisan would upload.
    The photography pipeline runs later, through the media services, as for any upload."""
    from demo.images import phone_shot, render_portrait, render_product, render_workshop, to_jpeg

    if job.kind == "portrait":
        image = render_portrait(job.seed, size=job.size)
    elif job.kind == "workshop":
        image = render_workshop(job.seed, size=job.size)
    else:
        image = render_product(job.kind, job.seed, view=job.view, size=job.size, palette=job.palette,
                               motif=job.motif)
    return PhotoOutput(job.key, phone_shot(image, job.seed) if job.phone_shot else to_jpeg(image))


def run_jobs(jobs: list[PhotoJob], workers: int | None = None):
    """Yield PhotoOutputs as they finish; rendering is CPU-bound, so use processes."""
    workers = workers or max(1, min(4, os.cpu_count() or 1))
    if workers == 1 or len(jobs) < 4:
        for job in jobs:
            yield render_original(job)
        return
    # spawn, not fork: a forked child would share (and could close) the parent's database connection.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from pool.map(render_original, jobs, chunksize=4)
