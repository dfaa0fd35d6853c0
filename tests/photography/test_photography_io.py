"""Decoding, orientation, colour management and metadata removal."""

from __future__ import annotations

import io

import numpy as np
import pytest
from photo_synth import (
    SECRET,
    XMP,
    assert_clean,
    encode,
    exif_bytes,
    jpeg,
    open_image,
    product,
    texture,
    with_xmp_and_comment,
)
from PIL import Image, ImageCms

from marketplace.photography import process_photo, sniff_format
from marketplace.photography.derivatives import formats_at, plan_widths
from marketplace.photography.io import SourceImage

# Each case decodes and runs a full-size photo through the pipeline: CI runs them, `make test-fast` does not.
pytestmark = pytest.mark.slow

# Transpose that *stores* an upright picture so that EXIF orientation N shows it upright.
STORE = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}
RED, GREEN, BLUE = (220, 30, 30), (30, 200, 40), (30, 40, 220)


def upright_quadrants(w: int = 120, h: int = 160) -> Image.Image:
    """Portrait test card: top-left red, top-right green, bottom half blue, textured."""
    arr = np.empty((h, w, 3), np.float32)
    arr[: h // 2, : w // 2] = RED
    arr[: h // 2, w // 2 :] = GREEN
    arr[h // 2 :] = BLUE
    arr += texture(w, h, amp=10)[..., None]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def dominant(im: Image.Image, box: tuple[float, float, float, float]) -> str:
    w, h = im.size
    region = np.asarray(im.crop((int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h))))
    return "RGB"[int(np.median(region.reshape(-1, 3), axis=0).argmax())]


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_is_applied(orientation):
    upright = upright_quadrants()
    stored = upright if STORE[orientation] is None else upright.transpose(STORE[orientation])
    data = jpeg(stored, exif=exif_bytes(orientation))
    src = SourceImage(data)
    assert src.size == (120, 160)
    # the decoder path (crop in stored orientation, then rotate) keeps every corner in place
    copy = src.render((0, 20, 120, 140), (60, 60))
    assert (dominant(copy, (0, 0, 0.4, 0.25)), dominant(copy, (0.6, 0, 1, 0.25))) == ("R", "G")
    assert dominant(copy, (0, 0.75, 1, 1)) == "B"
    # and so does the whole pipeline (a 1:1 crop of the portrait card)
    result = process_photo(data)
    master = open_image(result.master)
    assert result.source_size == (120, 160)
    assert master.size[0] == master.size[1]
    assert dominant(master, (0, 0, 0.4, 0.3)) == "R"
    assert dominant(master, (0.6, 0, 1, 0.3)) == "G"
    assert dominant(master, (0, 0.7, 1, 1)) == "B"


def test_gps_exif_xmp_comment_and_icc_are_removed_from_every_output():
    p3 = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = with_xmp_and_comment(jpeg(product(), exif=exif_bytes(6), icc_profile=p3))
    src = open_image(data)
    assert {"exif", "icc_profile"} <= set(src.info) and SECRET in data and b"xmp" in data
    result = process_photo(data)
    assert_clean(result.master, "master")
    assert len(result.derivatives) == sum(len(formats_at(w)) for w in plan_widths(result.master_size[0])) >= 3
    for d in result.derivatives:
        assert_clean(d.data, f"{d.format} {d.width}")


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_metadata_removed_from_png_and_webp_inputs(fmt):
    im = product(200, 160)
    kw = {"exif": exif_bytes(3)}
    if fmt == "PNG":
        from PIL import PngImagePlugin

        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "shot at " + SECRET.decode())
        info.add_itxt("XML:com.adobe.xmp", XMP.decode())
        kw["pnginfo"] = info
    else:
        kw["xmp"] = XMP
    data = encode(im, fmt, **kw)
    assert SECRET in data
    result = process_photo(data)
    assert result.source_format == fmt
    for blob in [result.master] + [d.data for d in result.derivatives]:
        assert_clean(blob, fmt)


def test_display_p3_profile_is_converted_to_srgb():
    pyvips = pytest.importorskip("pyvips")
    p3 = pyvips.Image.profile_load("p3")  # a real Display P3 ICC profile
    colour = (60, 170, 90)
    data = encode(Image.new("RGB", (64, 48), colour), "PNG", icc_profile=p3)
    got = SourceImage(data).analysis_copy(64).getpixel((32, 24))
    transform = ImageCms.buildTransform(
        ImageCms.ImageCmsProfile(io.BytesIO(p3)), ImageCms.createProfile("sRGB"), "RGB", "RGB"
    )
    expected = ImageCms.applyTransform(Image.new("RGB", (1, 1), colour), transform).getpixel((0, 0))
    assert max(abs(a - b) for a, b in zip(got, expected, strict=True)) <= 2
    assert max(abs(a - b) for a, b in zip(got, colour, strict=True)) >= 8  # really converted


def test_srgb_profile_leaves_pixels_alone():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encode(Image.new("RGB", (32, 32), (60, 170, 90)), "PNG", icc_profile=srgb)
    assert SourceImage(data).analysis_copy(32).getpixel((5, 5)) == (60, 170, 90)


def test_heic_input_is_processed():
    import pillow_heif

    pillow_heif.register_heif_opener()
    data = encode(product(240, 180), "HEIF", quality=90, exif=exif_bytes(1))
    assert sniff_format(data) == "HEIF"
    result = process_photo(data)
    assert result.source_format == "HEIF"
    assert result.source_size == (240, 180)
    assert_clean(result.master, "master from HEIC")
    assert {d.format for d in result.derivatives} == {"AVIF", "WEBP", "JPEG"}


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_heic_orientation_is_applied_once(orientation):
    # libheif applies the rotation itself and pillow-heif resets EXIF: no double rotation.
    import pillow_heif

    pillow_heif.register_heif_opener()
    data = encode(
        upright_quadrants().transpose(STORE[orientation]), "HEIF", quality=95, exif=exif_bytes(orientation)
    )
    master = open_image(process_photo(data).master)
    assert (dominant(master, (0, 0, 0.4, 0.3)), dominant(master, (0.6, 0, 1, 0.3))) == ("R", "G")
    assert dominant(master, (0, 0.7, 1, 1)) == "B"


def test_type_is_sniffed_from_content_not_name():
    png = encode(product(64, 48), "PNG")
    assert sniff_format(png) == "PNG"
    assert sniff_format(jpeg(product(64, 48))) == "JPEG"
    assert sniff_format(encode(product(64, 48), "WEBP")) == "WEBP"
    assert sniff_format(b"<!doctype html><html>") is None
    assert sniff_format(encode(product(64, 48), "GIF")) is None  # recognised, but not accepted
    assert process_photo(png).source_format == "PNG"  # whatever the upload was called
