"""Inputs that once crashed the pipeline."""

from __future__ import annotations

import io

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
