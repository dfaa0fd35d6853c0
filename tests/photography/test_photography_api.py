"""Public API contract, report shape, derivatives, the CLI and one 12 MP photo."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from photo_synth import SECRET, assert_clean, encode, exif_bytes, jpeg, open_image, product
from PIL import Image

import marketplace.photography as photography
from marketplace.photography import (
    DERIVATIVE_FORMATS,
    DERIVATIVE_WIDTHS,
    PIPELINE_VERSION,
    Derivative,
    Limits,
    PhotoRejected,
    PipelineResult,
    QualityReport,
    analyse_photo,
    process_photo,
    sniff_format,
)
from marketplace.photography.__main__ import main

PACKAGE = Path(photography.__file__).parent
CHECK_CODES = {"resolution", "sharpness", "exposure", "colour_cast", "background_clutter", "subject_fill",
               "edge_quality"}


def test_public_names_and_constants():
    assert isinstance(PIPELINE_VERSION, int) and PIPELINE_VERSION >= 1
    assert DERIVATIVE_WIDTHS == (2048, 1024, 512, 256)
    assert DERIVATIVE_FORMATS == ("AVIF", "WEBP", "JPEG")
    assert Limits() == Limits(max_bytes=40 * 2**20, max_pixels=50_000_000)
    assert issubclass(PhotoRejected, Exception)
    assert callable(sniff_format) and Derivative and PipelineResult and QualityReport


def test_package_is_plain_python_without_django():
    for path in PACKAGE.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+django", source, re.M), path.name
        assert len(source.splitlines()) <= 400, f"{path.name} is over 400 lines"
    code = "import sys, marketplace.photography; print(any(m.startswith('django') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_result_shape_and_json_report():
    result = process_photo(jpeg(product(800, 600), quality=90), aspect="4:5")
    assert result.master_format == "JPEG" and open_image(result.master).format == "JPEG"
    assert open_image(result.master).size == result.master_size
    assert result.source_format == "JPEG" and result.source_size == (800, 600)
    assert {"decode_analysis", "analyse", "render", "derivatives", "total"} <= set(result.timings)
    assert all(isinstance(v, float) and v >= 0 for v in result.timings.values())
    report = json.loads(json.dumps(result.report.to_dict()))
    assert report["pipeline_version"] == PIPELINE_VERSION
    assert 0 <= report["overall"] <= 100 and report["overall_before"] is not None
    assert {c["code"] for c in report["checks"]} == CHECK_CODES
    for check in report["checks"]:
        assert set(check) >= {"code", "score", "passed", "advice", "before", "after", "label"}
        assert 0 <= check["score"] <= 100 and isinstance(check["passed"], bool)
        assert set(check["label"]) == {"fr", "ar", "en"}
        if check["advice"]:
            assert set(check["advice"]) == {"fr", "ar", "en"}
            assert re.search(r"[\u0600-\u06FF]", check["advice"]["ar"])  # really Arabic script


def test_derivatives_cascade_and_never_upscale():
    result = process_photo(jpeg(product(1400, 1000)))
    master_w = result.master_size[0]
    assert master_w < 1024
    widths = sorted({d.width for d in result.derivatives}, reverse=True)
    assert widths == [master_w, 512, 256]  # 2048 and 1024 capped to the master, once
    for d in result.derivatives:
        im = open_image(d.data)
        assert im.format == d.format and im.size == (d.width, d.height)
        assert d.width <= master_w
        assert abs(d.width / d.height - master_w / result.master_size[1]) < 0.02
    assert [d.format for d in result.derivatives[:3]] == list(DERIVATIVE_FORMATS)


def test_invalid_aspect_is_a_value_error():
    try:
        process_photo(jpeg(product(64, 48)), aspect="16:9")
    except ValueError as exc:
        assert "1:1" in str(exc)
    else:
        raise AssertionError("16:9 accepted")


def test_original_bytes_are_not_modified():
    data = jpeg(product(200, 150), exif=exif_bytes(6))
    copy = bytes(data)
    process_photo(data)
    assert data == copy


@pytest.mark.slow  # a 12-megapixel photo through the pipeline
def test_twelve_megapixel_phone_photo():
    """One full-size case: 4032x3024 stored, EXIF orientation 6 and GPS."""
    rng = np.random.default_rng(3)
    base = product(504, 378, clutter=True).resize((4032, 3024), Image.Resampling.BILINEAR)
    noise = rng.normal(0, 3, (378, 504, 1)).repeat(8, 0).repeat(8, 1)
    big = Image.fromarray(np.clip(np.asarray(base, np.float32) + noise, 0, 255).astype(np.uint8))
    result = process_photo(jpeg(big, quality=88, exif=exif_bytes(6)))
    assert result.source_size == (3024, 4032)
    assert result.master_size == (2048, 2048)
    assert [(d.width, d.format) for d in result.derivatives] == [
        (w, f) for w in DERIVATIVE_WIDTHS for f in DERIVATIVE_FORMATS
    ]
    for blob in [result.master] + [d.data for d in result.derivatives]:
        assert_clean(blob)


def test_cli_enhances_a_folder_and_writes_a_contact_sheet(tmp_path, capsys):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "vase bleu.jpg").write_bytes(jpeg(product(clutter=True), exif=exif_bytes(6)))
    (src / "pot.png").write_bytes(encode(product(320, 240, exposure=0.4), "PNG"))
    (src / "faux.jpg").write_bytes(b"<!doctype html><html><body>not a photo</body></html>")
    (src / "<script>.gif").write_bytes(encode(product(64, 48), "GIF"))
    assert main(["enhance", str(src), str(out)]) == 0
    printed = capsys.readouterr().out
    assert "2 processed, 2 rejected" in printed
    page = (out / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert refs and all(not r.startswith(("/", "http", "file:")) for r in refs)  # relative only
    for ref in refs:
        assert (out / ref.replace("%20", " ")).is_file(), ref
    for slug in ("vase-bleu-jpg", "pot-png"):
        assert f"{slug}/before.jpg" in page and f"{slug}/master.jpg" in page
        assert_clean((out / slug / "before.jpg").read_bytes(), "before")  # never the raw original
        assert max(open_image((out / slug / "before.jpg").read_bytes()).size) <= 800
        assert json.loads((out / slug / "report.json").read_text())["report"]["checks"]
    assert "L&#x27;arrière-plan est encombré" in page and "الخلفية مزدحمة" in page
    assert "The background is cluttered" in page and 'dir="rtl"' in page
    assert "UNSUPPORTED_FORMAT" in page and page.count('class="err"') == 2
    assert "<script>" not in page and "&lt;script&gt;.gif" in page  # file names are escaped
    for f in out.rglob("*"):
        if f.is_file() and f.suffix != ".html" and f.suffix != ".json":
            assert SECRET not in f.read_bytes()


def test_cli_as_a_module(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.jpg").write_bytes(jpeg(product(160, 120)))
    run = subprocess.run(
        [sys.executable, "-m", "marketplace.photography", "enhance", str(src), str(out), "--aspect", "4:5"],
        capture_output=True,
        text=True,
        cwd=Path(photography.__file__).parents[2],
    )
    assert run.returncode == 0, run.stderr
    assert (out / "index.html").is_file() and (out / "a-jpg" / "master.jpg").is_file()
    assert analyse_photo((out / "a-jpg" / "master.jpg").read_bytes()).overall > 0
