"""Inputs that once crashed the pipeline."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageDraw

from marketplace.photography import process_photo


def jpeg(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=92)
    return out.getvalue()


def test_only_specks_on_a_plain_background_is_no_subject_not_a_crash():
    img = Image.new("RGB", (256, 256), (236, 230, 220))
    draw = ImageDraw.Draw(img)
    for x, y in ((40, 60), (200, 30), (120, 220)):
        draw.rectangle((x, y, x + 4, y + 4), fill=(40, 30, 20))  # 25 px: below the smallest subject
    result = process_photo(jpeg(img))
    assert result.master and not result.background_replaced


def test_derivatives_encoded_on_two_threads_keep_each_formats_own_settings():
    # WebP is encoded on a second thread; Pillow keeps a save's options on the Image object, so sharing
    # one object between threads once mixed AVIF, WebP and JPEG settings (wrong quality, wrong sizes).
    from marketplace.photography.derivatives import build_derivatives, cascade, encode, plan_widths

    rng = np.random.default_rng(3)
    ramp = np.linspace(0, 180, 1200)[None, :, None]
    master = Image.fromarray((rng.random((1200, 1200, 3)) * 60 + ramp).astype("uint8"))
    for _ in range(3):  # a race shows up only sometimes
        derivatives = build_derivatives(master, widths=(1200, 600), formats=("AVIF", "WEBP", "JPEG"))
        for image in cascade(master, plan_widths(master.width, (1200, 600))):
            alone = {fmt: encode(image, fmt) for fmt in ("WEBP", "JPEG")}
            for d in derivatives:
                if d.width == image.width and d.format in alone:
                    assert d.data == alone[d.format], (d.width, d.format)
