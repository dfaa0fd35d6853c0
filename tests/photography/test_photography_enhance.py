"""Enhancement against synthetic degradations with known ground truth, and real photos."""

from __future__ import annotations

import io

import numpy as np
import pytest
from photo_synth import BROWN, hue_deg, jpeg, open_image, product, saturation
from PIL import Image, ImageFilter

from marketplace.photography import analyse_photo, process_photo
from marketplace.photography.analysis import chroma, luminance
from marketplace.photography.enhance import BACKGROUND_RGB, estimate_lut
from marketplace.photography.subject import detect_subject

# Each case runs the whole pipeline (segmentation network included) on a full-size photo: CI runs them,
# `make test-fast` keeps the pipeline's end-to-end cases in test_photography_api.py.
pytestmark = pytest.mark.slow

CAST = (1.15, 1.0, 0.8)  # warm tungsten-like cast


def median_rgb(im: Image.Image, box: tuple[float, float, float, float]) -> np.ndarray:
    w, h = im.size
    crop = im.crop((int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h)))
    return np.median(np.asarray(crop).reshape(-1, 3), axis=0)


def subject_bbox(im: Image.Image, tolerance: int = 30) -> tuple[int, int, int, int]:
    """Bounding box of pixels that differ from the studio background."""
    diff = np.abs(np.asarray(im, np.int16) - np.asarray(BACKGROUND_RGB, np.int16)).max(axis=-1)
    ys, xs = np.nonzero(diff > tolerance)
    return xs.min(), ys.min(), xs.max() + 1, ys.max() + 1


# ----------------------------------------------------------------- colour cast
def test_white_balance_neutralises_the_background_and_keeps_brown_brown():
    clean = product(bg=(200, 200, 200))
    cast = product(bg=(200, 200, 200), cast=CAST)
    bg_before = median_rgb(cast, (0, 0, 0.15, 0.15))
    assert chroma(bg_before) > 0.2  # a visible cast to start with
    subject = detect_subject(cast)
    assert subject.confident
    lut, gains = estimate_lut(cast, subject)
    fixed = cast.point(lut)
    bg_after = median_rgb(fixed, (0, 0, 0.15, 0.15))
    assert chroma(bg_after) < 0.03, bg_after  # near neutral grey
    assert np.ptp(bg_after) <= 8
    pot_clean, pot_fixed = median_rgb(clean, (0.4, 0.4, 0.6, 0.6)), median_rgb(fixed, (0.4, 0.4, 0.6, 0.6))
    assert abs(hue_deg(pot_fixed) - hue_deg(pot_clean)) < 6
    assert saturation(pot_fixed) > 0.45  # still a saturated brown, not greyed out


def test_white_balance_gains_are_clamped():
    # A saturated blue backdrop is a choice, not a cast: it is not painted grey.
    blue = product(bg=(40, 70, 190))
    _, gains = estimate_lut(blue, detect_subject(blue))
    assert all(0.75 <= g <= 1.33 for g in gains)
    assert max(gains) / min(gains) < 1.2


def test_pipeline_fixes_a_cast_and_reports_it_before_and_after():
    result = process_photo(jpeg(product(bg=(200, 200, 200), cast=CAST)))
    check = result.report.check("colour_cast")
    assert not check.before_passed and check.after_score >= 80
    assert (
        check.advice and "lumière du jour" in check.advice["fr"] and check.advice["ar"] and check.advice["en"]
    )
    master = open_image(result.master)
    pot = median_rgb(master, (0.42, 0.42, 0.58, 0.58))
    assert abs(hue_deg(pot) - hue_deg(BROWN)) < 8 and saturation(pot) > 0.45


# ----------------------------------------------------------------- exposure
def test_underexposed_photo_is_brightened_into_range():
    coffee = pytest.importorskip("skimage.data").coffee()
    dark = Image.fromarray((coffee * 0.3).astype(np.uint8))
    before = luminance(np.asarray(dark, np.float32) / 255).mean()
    result = process_photo(jpeg(dark))
    after = luminance(np.asarray(open_image(result.master), np.float32) / 255).mean()
    assert before < 0.15
    assert 0.3 <= after <= 0.6, after
    check = result.report.check("exposure")
    assert not check.before_passed and check.passed
    assert "sombre" in check.advice["fr"] and "dark" in check.advice["en"] and "مظلمة" in check.advice["ar"]


def test_dark_product_on_plain_backdrop_gets_a_clean_background():
    result = process_photo(jpeg(product(exposure=0.35)))
    assert result.background_replaced and result.enhanced
    master = open_image(result.master)
    assert tuple(median_rgb(master, (0, 0, 0.08, 0.08))) == BACKGROUND_RGB
    pot = median_rgb(master, (0.42, 0.42, 0.58, 0.58))
    assert luminance(pot / 255) > 0.2
    assert result.report.check("exposure").after_score >= 80


# ----------------------------------------------------------------- framing
@pytest.mark.parametrize("aspect", ["1:1", "4:5"])
def test_subject_is_centred_with_even_margins(aspect):
    # a rectangle with a known position, well off-centre, on a plain backdrop
    im = product(600, 400, box=(0.08, 0.1, 0.38, 0.55), shape="rect", colour=(40, 60, 150))
    result = process_photo(jpeg(im, quality=95), aspect=aspect)
    assert result.background_replaced
    master = open_image(result.master)
    w, h = master.size
    assert abs(w / h - (1.0 if aspect == "1:1" else 0.8)) < 0.01
    x0, y0, x1, y1 = subject_bbox(master)
    left, right, top, bottom = x0, w - x1, y0, h - y1
    assert abs(left - right) <= 0.03 * w and abs(top - bottom) <= 0.03 * h
    assert min(left, right, top, bottom) >= 0.08 * min(w, h)  # real margins on every side
    assert 0.7 <= max((x1 - x0) / w, (y1 - y0) / h) <= 0.86  # standard fill


def test_cluttered_background_is_flagged_and_kept():
    result = process_photo(jpeg(product(clutter=True)))
    check = result.report.check("background_clutter")
    assert not check.passed and check.score < 50
    assert (
        "encombré" in check.advice["fr"]
        and "cluttered" in check.advice["en"]
        and "الخلفية" in check.advice["ar"]
    )
    assert not result.background_replaced  # not confident about the mask: background kept
    assert open_image(result.master).size[0] == open_image(result.master).size[1]


def test_plain_background_is_not_flagged():
    report = analyse_photo(jpeg(product()))
    assert report.check("background_clutter").passed
    assert report.overall_after is None


# ----------------------------------------------------------------- sharpness
def test_blurry_photo_is_flagged_with_advice():
    sharp = product(clutter=True)
    blurry = sharp.filter(ImageFilter.GaussianBlur(2.5))
    assert analyse_photo(jpeg(sharp)).check("sharpness").passed
    check = analyse_photo(jpeg(blurry)).check("sharpness")
    assert not check.passed
    assert check.advice == {
        "fr": "La photo est floue : posez le téléphone sur un appui et "
              "touchez l'objet à l'écran pour faire la mise au point.",
        "ar": "الصورة غير واضحة: ضع الهاتف على سند ثابت والمس المنتج على الشاشة لضبط التركيز.",
        "en": "The photo is blurry: rest the phone on a support and tap the object on the screen to focus.",
    }


# ----------------------------------------------------------------- never worse
@pytest.mark.parametrize("name", ["coffee", "chelsea", "astronaut"])
def test_real_photo_is_not_made_worse(name):
    data_mod = pytest.importorskip("skimage.data")
    photo = Image.fromarray(getattr(data_mod, name)())
    result = process_photo(jpeg(photo, quality=95))
    rep = result.report
    assert rep.overall_after >= rep.overall_before
    sharp = rep.check("sharpness")
    assert sharp.after_score >= sharp.before_score
    if not result.background_replaced:  # a studio background has no wood grain for the measure to count
        assert sharp.after["laplacian_variance"] >= sharp.before["laplacian_variance"]
    for check in rep.checks:
        if check.after_score is not None:
            assert check.after_score >= check.before_score - 3, check.code


def test_good_photo_stays_good():
    result = process_photo(jpeg(product()))
    rep = result.report
    assert rep.overall_after >= rep.overall_before >= 75
    exposure = rep.check("exposure")
    assert exposure.after_score is None or exposure.after_score >= exposure.before_score  # None: left alone
    original = np.asarray(product(), np.float32)[150:210, 200:280].mean(axis=(0, 1))
    pot = median_rgb(open_image(result.master), (0.42, 0.42, 0.58, 0.58))
    assert np.abs(pot - original).max() < 30  # tone left (nearly) alone


def test_analysis_copy_uses_jpeg_draft():
    big = Image.new("RGB", (4000, 3000), (120, 110, 100))
    data = jpeg(big, quality=70)
    report = analyse_photo(data)
    assert report.check("resolution").before == {"width": 4000, "height": 3000}
    from marketplace.photography.io import SourceImage

    src = SourceImage(data)
    im = Image.open(io.BytesIO(data))
    im.draft("RGB", (500, 375))
    assert im.size == (500, 375)  # DCT scaling 1/8 is what analysis_copy relies on
    assert max(src.analysis_copy(512).size) <= 512
