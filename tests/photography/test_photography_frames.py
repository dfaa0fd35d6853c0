"""The frames the product asks the pipeline for: 1:1 (products, portraits), 4:5 (tall pieces) and 4:3 (workshop
photos), each from a real 12 MP phone JPEG; the header checks an upload gets at once; what a damaged body gives."""

from __future__ import annotations

import pytest
from photo_files import EMPTY, phone_jpeg, png_bomb, small_jpeg, truncated_jpeg
from photo_synth import METADATA_KEYS, open_image

from marketplace.photography import ASPECTS, PhotoRejected, check_photo, process_photo


def assert_no_metadata(data: bytes) -> None:
    """No metadata in the container, and none of the phone's own markers in the bytes (long markers only: a
    noisy photo's compressed bytes hold any three-letter sequence by chance)."""
    image = open_image(data)
    assert not METADATA_KEYS & set(image.info) and len(image.getexif()) == 0
    for marker in (b"PhoneMaker", b"Exif\x00\x00", b"<x:xmpmeta"):
        assert marker not in data


@pytest.mark.parametrize("aspect", ["1:1", "4:5", "4:3"])
def test_every_frame_the_product_needs_from_a_twelve_megapixel_phone_photo(aspect):
    assert aspect in ASPECTS
    result = process_photo(phone_jpeg(), aspect=aspect)
    w, h = ASPECTS[aspect]
    width, height = result.master_size
    assert abs(width / height - w / h) < 0.01, (aspect, result.master_size)
    assert max(result.master_size) == 2048  # a 12 MP photo fills the largest master
    assert open_image(result.master).size == result.master_size
    for derivative in result.derivatives:
        assert abs(derivative.width / derivative.height - w / h) < 0.02
        assert_no_metadata(derivative.data)  # the phone's GPS never reaches a published file
    assert_no_metadata(result.master)


def test_header_checks_answer_at_once():
    assert check_photo(phone_jpeg()) == "JPEG"
    assert check_photo(small_jpeg()) == "JPEG"
    # A truncated JPEG has a sound header: only the pipeline's decode finds the damage.
    assert check_photo(truncated_jpeg()) == "JPEG"
    for data, code in ((EMPTY, "EMPTY_FILE"), (png_bomb(), "TOO_MANY_PIXELS"),
                       (b"%PDF-1.4" * 20, "UNSUPPORTED_FORMAT")):
        with pytest.raises(PhotoRejected) as caught:
            check_photo(data)
        assert caught.value.code == code


def test_a_truncated_jpeg_is_refused_with_a_stable_code():
    with pytest.raises(PhotoRejected) as caught:
        process_photo(truncated_jpeg(), aspect="4:3")
    assert caught.value.code == "CORRUPT_IMAGE"
