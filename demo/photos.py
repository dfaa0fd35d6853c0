"""Demo photos: procedural renderings through the real photography pipeline, in parallel processes."""

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
    phone_shot: bool = False
    size: int = 1200


@dataclass
class PhotoOutput:
    key: Any
    original: bytes
    result: Any  # photography.PipelineResult, or None when refused
    error: str = ""


def render_and_process(job: PhotoJob) -> PhotoOutput:
    from demo.images import phone_shot, render_portrait, render_product, render_workshop, to_jpeg
    from marketplace.photography import PhotoRejected, process_photo

    if job.kind == "portrait":
        image = render_portrait(job.seed, size=job.size)
    elif job.kind == "workshop":
        image = render_workshop(job.seed, size=job.size)
    else:
        image = render_product(job.kind, job.seed, view=job.view, size=job.size, palette=job.palette)
    original = phone_shot(image, job.seed) if job.phone_shot else to_jpeg(image)
    try:
        return PhotoOutput(job.key, original, process_photo(original, aspect="1:1"))
    except PhotoRejected as error:
        return PhotoOutput(job.key, original, None, error.message)
    except Exception as error:  # a pipeline bug must not stop the demo from loading; it is reported
        return PhotoOutput(job.key, original, None, f"pipeline error {error.__class__.__name__}: {error}")


def run_jobs(jobs: list[PhotoJob], workers: int | None = None):
    """Yield PhotoOutputs as they finish; rendering and the pipeline are CPU-bound, so use processes."""
    workers = workers or max(1, min(4, os.cpu_count() or 1))
    if workers == 1 or len(jobs) < 4:
        for job in jobs:
            yield render_and_process(job)
        return
    # spawn, not fork: a forked child would share (and could close) the parent's database connection.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from pool.map(render_and_process, jobs, chunksize=4)
