"""Hostile and odd inputs: each is processed correctly or refused with the right code."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import numpy as np
import pytest
from photo_synth import SECRET, assert_clean, encode, exif_bytes, jpeg, open_image, product
from PIL import Image

from marketplace.photography import Limits, PhotoRejected, analyse_photo, process_photo

# Each hostile file goes through the whole pipeline: CI runs them, `make test-fast` does not.
pytestmark = pytest.mark.slow


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb(w: int, h: int) -> bytes:
    """A ~100-byte PNG whose header declares w x h pixels."""
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")
    )


def png_rgb16(w: int = 96, h: int = 64) -> bytes:
    """16-bit-per-channel RGB PNG (Pillow cannot write one): a horizontal red ramp."""
    ramp = np.linspace(0, 65535, w).astype(">u2")
    px = np.zeros((h, w, 3), ">u2")
    px[..., 0] = ramp
    px[..., 2] = 20000
    raw = b"".join(b"\0" + row.tobytes() for row in px)
    ihdr = struct.pack(">IIBBBBB", w, h, 16, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(raw))
        + png_chunk(b"IEND", b"")
    )


def jpeg_declaring(w: int, h: int) -> bytes:
    """A small JPEG whose SOF header is patched to claim w x h."""
    data = bytearray(jpeg(product(64, 48), quality=80))
    i = data.index(b"\xff\xc0")
    data[i + 5 : i + 9] = struct.pack(">HH", h, w)
    return bytes(data)


def rejected(data: bytes, **kw) -> PhotoRejected:
    with pytest.raises(PhotoRejected) as info:
        process_photo(data, **kw)
    err = info.value
    assert err.message and err.code in str(err)
    return err


# ----------------------------------------------------------------- refused
def test_decompression_bomb_png_is_refused_naming_the_limit():
    err = rejected(png_bomb(100_000, 100_000))
    assert err.code == "TOO_MANY_PIXELS"
    assert "50 million" in err.message


def test_between_one_and_two_times_the_pixel_cap_is_refused_too():
    # Pillow only warns below 2x its cap: the warning must not slip through.
    err = rejected(png_bomb(10_000, 6_000))
    assert err.code == "TOO_MANY_PIXELS" and "60.0 million" in err.message


def test_jpeg_header_declaring_a_huge_size_is_refused():
    assert rejected(jpeg_declaring(60_000, 60_000)).code == "TOO_MANY_PIXELS"


def test_custom_pixel_and_byte_limits_are_named_in_the_message():
    data = jpeg(product(64, 48))
    err = rejected(data, limits=Limits(max_pixels=1000))
    assert err.code == "TOO_MANY_PIXELS" and "0.001 million" in err.message
    err = rejected(data, limits=Limits(max_bytes=1000))
    assert err.code == "FILE_TOO_LARGE" and "1000 bytes" in err.message


def test_default_byte_cap_is_40_mib():
    err = rejected(b"\xff\xd8\xff" + b"\0" * (40 * 2**20))
    assert err.code == "FILE_TOO_LARGE" and "40 MiB" in err.message


def test_truncated_jpeg_is_a_clear_error():
    data = jpeg(product(320, 240))
    err = rejected(data[: len(data) // 2])
    assert err.code == "CORRUPT_IMAGE" and "JPEG" in err.message


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xd8\xff\xe0" + b"\x13" * 200,  # JPEG magic then garbage
        b"\x89PNG\r\n\x1a\n" + b"\0" * 100,  # PNG magic, broken chunks
        b"RIFF\x10\0\0\0WEBPVP8 " + b"\x01" * 40,  # WebP magic, junk bitstream
    ],
    ids=["jpeg-garbage", "png-garbage", "webp-garbage"],
)
def test_garbage_behind_a_valid_magic_is_corrupt(data):
    assert rejected(data).code == "CORRUPT_IMAGE"


def test_truncated_heic_is_corrupt():
    import pillow_heif

    pillow_heif.register_heif_opener()
    data = encode(product(128, 96), "HEIF", quality=80)
    assert rejected(data[: len(data) // 2]).code == "CORRUPT_IMAGE"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "EMPTY_FILE"),
        (b"Bonjour, ceci est un fichier texte.\n" * 20, "UNSUPPORTED_FORMAT"),
        (b"<!doctype html><html><script>alert(1)</script></html>", "UNSUPPORTED_FORMAT"),  # HTML named .jpg
        (b"%PDF-1.7\n", "UNSUPPORTED_FORMAT"),
    ],
    ids=["empty", "text", "html-renamed-jpg", "pdf"],
)
def test_non_images_are_refused(data, code):
    assert rejected(data).code == code


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "TIFF", "AVIF"])
def test_other_image_formats_are_refused_by_name(fmt):
    err = rejected(encode(product(64, 48), fmt))
    assert err.code == "UNSUPPORTED_FORMAT"
    assert fmt in err.message and "JPEG, PNG, WebP or HEIC" in err.message


def test_zip_containing_a_jpeg_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("photo.jpg", jpeg(product(64, 48)))
    assert rejected(buf.getvalue()).code == "UNSUPPORTED_FORMAT"


def test_analyse_photo_refuses_like_process_photo():
    with pytest.raises(PhotoRejected) as info:
        analyse_photo(b"GIF89a" + b"\0" * 50)
    assert info.value.code == "UNSUPPORTED_FORMAT"


# ----------------------------------------------------------------- processed
@pytest.mark.parametrize(
    "tail",
    [
        b"PK\x03\x04" + b"\x14" * 200 + b"PK\x05\x06" + b"\0" * 18,  # JPEG + ZIP polyglot
        b"<html><body><script>document.location='https://evil.example'</script></body></html>",
    ],
    ids=["jpeg+zip", "jpeg+html"],
)
def test_polyglot_keeps_only_the_picture(tail):
    """Defined behaviour: the image part is decoded and re-encoded; whatever rode along
    after the end-of-image marker never reaches an output."""
    data = jpeg(product(200, 150)) + tail
    result = process_photo(data)
    for blob in [result.master] + [d.data for d in result.derivatives]:
        assert b"PK\x03\x04" not in blob and b"<script" not in blob and b"evil" not in blob


def test_cmyk_jpeg_is_converted_to_rgb():
    cmyk = Image.new("CMYK", (160, 120), (0, 140, 255, 0))  # an orange
    result = process_photo(jpeg(cmyk))
    master = open_image(result.master)
    assert master.mode == "RGB"
    r, g, b = np.median(np.asarray(master).reshape(-1, 3), axis=0)
    assert r > 200 and 70 < g < 160 and b < 60


def test_16_bit_grey_png_is_scaled_not_clipped():
    ramp = np.tile(np.linspace(0, 65535, 128), (96, 1)).astype(np.uint16)
    data = encode(Image.fromarray(ramp), "PNG")
    assert open_image(data).mode.startswith("I")
    master = np.asarray(open_image(process_photo(data).master).convert("L"), np.float32)
    column_means = master.mean(axis=0)
    assert column_means[0] < 60 and column_means[-1] > 195  # full range survives
    assert 70 < column_means[len(column_means) // 2] < 190  # mid-grey stays mid-grey


def test_16_bit_rgb_png_is_processed():
    result = process_photo(png_rgb16())
    arr = np.asarray(open_image(result.master), np.float32)
    assert arr[..., 0].mean(axis=0)[-1] > arr[..., 0].mean(axis=0)[0] + 100  # the red ramp survives


def test_png_with_alpha_is_flattened_on_a_light_background():
    rgba = Image.new("RGBA", (200, 150), (0, 0, 0, 0))  # transparent *black*
    rgba.paste(product(100, 80, bg=(90, 60, 40)), (50, 35))
    result = process_photo(encode(rgba, "PNG"))
    master = np.asarray(open_image(result.master))
    assert master[:5, :5].mean() > 200 and master[-5:, -5:].mean() > 200  # not black


def test_animated_webp_uses_the_first_frame():
    frames = [Image.new("RGB", (120, 90), c) for c in ((200, 40, 40), (40, 200, 40), (40, 40, 200))]
    buf = io.BytesIO()
    frames[0].save(buf, "WEBP", save_all=True, append_images=frames[1:], duration=100, loop=0)
    result = process_photo(buf.getvalue())
    r, g, b = np.asarray(open_image(result.master)).reshape(-1, 3).mean(axis=0)
    assert r > g + 60 and r > b + 60


def test_huge_exif_block_is_dropped():
    data = jpeg(product(200, 150), exif=exif_bytes(1, big_comment=60_000))
    assert len(data) > 60_000
    result = process_photo(data)
    for blob in [result.master] + [d.data for d in result.derivatives]:
        assert_clean(blob)


def test_huge_png_exif_chunk_is_dropped():
    body = exif_bytes(1, big_comment=2_000_000)
    png = encode(product(120, 90), "PNG")
    data = png[:-12] + png_chunk(b"eXIf", body) + png[-12:]
    assert SECRET in data
    result = process_photo(data)
    assert_clean(result.master)


def test_broken_exif_does_not_sink_the_photo():
    data = bytearray(jpeg(product(160, 120), exif=exif_bytes(6)))
    i = data.index(b"Exif\0\0")
    data[i + 6 : i + 40] = b"\xff" * 34  # smash the TIFF header inside APP1
    result = process_photo(bytes(data))
    assert result.source_size == (160, 120)


@pytest.mark.parametrize("chunk", [b"zTXt", b"iCCP"])
def test_png_compressed_chunk_bomb_is_refused(chunk):
    """A tiny chunk that would inflate to 20 MB of text or ICC data."""
    bomb = zlib.compress(b"\0" * 20_000_000, 9)
    png = encode(product(64, 48), "PNG")
    data = png[:33] + png_chunk(chunk, b"name\0\0" + bomb) + png[33:]  # right after IHDR
    assert len(data) < 100_000
    assert rejected(data).code == "CORRUPT_IMAGE"
