"""Lead photos of the demo catalogue as `make run` builds them: rendered by the demo's own job at the
loader's photo size (1200 px), run through the photo pipeline as the media worker runs it, and judged
by the quality checks and against the piece's exact silhouette (no debris, no backdrop left in the
cut-out, clean "Background" and "Edges" checks).

Rendering and processing all 151 lead photos takes minutes on two cores, so this test covers a
deterministic sample, one product of each of the first SAMPLE render kinds, plus the pieces that failed
before (HARD: a cuff and a ring, the floor seen inside them left in the cut-out); the whole catalogue is
``bench/photo_demo_leads.py`` (README, Photography)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from demo import data

BENCH = Path(__file__).resolve().parents[2] / "bench"
SAMPLE = 8
# The floor seen inside a cuff or a ring lies far from any backdrop pixel: it was kept in the cut-out
# (7.9 % and 10.1 % of the piece) until enclosed backdrop was judged against a wider window.
HARD = ["bracelet-manchette-en-argent-massif-sahraouia", "bague-en-argent-et-corail-a-l-etoile"]


def _bench():
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module("photo_demo_leads")


leads = _bench()


def test_the_sample_is_deterministic_and_spans_kinds():
    picked = leads.sample(data.PRODUCTS, SAMPLE)
    assert [p["slug"] for p in picked] == [p["slug"] for p in leads.sample(data.PRODUCTS, SAMPLE)]
    assert len({p["render"]["kind"] for p in picked}) == SAMPLE
    # the loader's job: the lead photo is view 0 at the size `make run` uses
    job = leads.lead_job(picked[0])
    assert job.view == 0 and job.size == 1200 and not job.phone_shot


@pytest.mark.slow  # a 1200 px demo photo rendered and through the pipeline: about 2 s each
@pytest.mark.parametrize("slug", [p["slug"] for p in leads.sample(data.PRODUCTS, SAMPLE)] + HARD)
def test_a_demo_lead_photo_has_no_debris_no_backdrop_left_and_clean_checks(slug):
    (spec,) = [p for p in data.PRODUCTS if p["slug"] == slug]
    result = leads.check_lead(spec)
    assert not result.problems, (slug, result.mode, result.problems, result.figures, result.checks)
