"""Procedural demo images: every kind renders, views differ, output is deterministic,
and phone shots carry the defects the photography pipeline must fix."""

from __future__ import annotations

import io
import itertools

import numpy as np
import pytest
from PIL import ExifTags, Image, ImageOps

from demo.images import (
    RENDER_KINDS,
    phone_shot,
    render_portrait,
    render_product,
    render_workshop,
    to_jpeg,
)

# Renders every craft kind at full size: CI runs them, `make test-fast` does not.
pytestmark = pytest.mark.slow

SIZE = 256
EXPECTED_KINDS = (
    "rug", "kilim", "cushion", "pottery", "tagine", "plate", "zellige", "leather-pouf", "leather-bag",
    "babouche", "necklace", "bracelet", "wood-box", "wood-bowl", "lantern", "brass-tray", "basket", "hat",
)  # fmt: skip


@pytest.fixture(scope="module")
def renders() -> dict[tuple[str, int], np.ndarray]:
    out = {}
    for kind in RENDER_KINDS:
        for view in range(4):
            img = render_product(kind, 3, view, SIZE)
            assert img.mode == "RGB"
            assert img.size == (SIZE, SIZE)
            out[(kind, view)] = np.asarray(img, np.float32)
    return out


def _diff(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a - b).mean())


def _lum(a: np.ndarray) -> float:
    return float((a[..., 0] * 0.299 + a[..., 1] * 0.587 + a[..., 2] * 0.114).mean())


def _imbalance(a: np.ndarray) -> float:
    means = a.reshape(-1, 3).mean(axis=0)
    return float((means.max() - means.min()) / max(means.mean(), 1.0))


def test_kinds_are_exactly_the_catalogue_kinds() -> None:
    assert RENDER_KINDS == EXPECTED_KINDS


@pytest.mark.parametrize("kind", EXPECTED_KINDS)
def test_every_view_renders_a_non_flat_image(renders: dict, kind: str) -> None:
    for view in range(4):
        assert renders[(kind, view)].std() > 12, f"{kind} view {view} is nearly flat"


@pytest.mark.parametrize("kind", EXPECTED_KINDS)
def test_views_are_distinct_shots(renders: dict, kind: str) -> None:
    for a, b in itertools.combinations(range(4), 2):
        assert _diff(renders[(kind, a)], renders[(kind, b)]) > 4, f"{kind}: views {a} and {b} look the same"


def test_distinct_kinds_differ(renders: dict) -> None:
    for a, b in itertools.combinations(EXPECTED_KINDS, 2):
        assert _diff(renders[(a, 0)], renders[(b, 0)]) > 4, f"{a} and {b} look the same"


@pytest.mark.parametrize("kind,view", [("rug", 0), ("pottery", 1), ("necklace", 2), ("basket", 3), ("zellige", 3)])
def test_rendering_is_deterministic(kind: str, view: int) -> None:
    first = to_jpeg(render_product(kind, 11, view, 128))
    assert to_jpeg(render_product(kind, 11, view, 128)) == first
    other = np.asarray(render_product(kind, 12, view, 128), np.float32)
    assert _diff(np.asarray(Image.open(io.BytesIO(first)), np.float32), other) > 1


def test_palette_tints_the_object() -> None:
    red = np.asarray(render_product("kilim", 5, 0, 128, palette=("#8B1E1E",)), np.float32)
    blue = np.asarray(render_product("kilim", 5, 0, 128, palette=("#1D4FA3",)), np.float32)
    assert _diff(red, blue) > 3
    # Madder red paints the ground: more red than blue overall, and the other way round.
    assert red[..., 0].mean() - red[..., 2].mean() > blue[..., 0].mean() - blue[..., 2].mean()


def test_bad_arguments_are_rejected() -> None:
    with pytest.raises(ValueError):
        render_product("teapot", 1)
    with pytest.raises(ValueError):
        render_product("rug", 1, view=-1)
    with pytest.raises(ValueError):
        render_product("rug", 1, palette=("not-a-colour",))


def test_to_jpeg_is_plain() -> None:
    img = render_product("plate", 1, 0, 96)
    img.info["icc_profile"] = b"junk"
    data = to_jpeg(img, quality=80)
    out = Image.open(io.BytesIO(data))
    assert out.format == "JPEG"
    assert out.size == (96, 96)
    assert len(out.getexif()) == 0
    assert "icc_profile" not in out.info


def test_portrait_and_workshop() -> None:
    portrait = render_portrait(4, 200)
    assert portrait.mode == "RGB" and portrait.size == (200, 200)
    assert np.asarray(portrait, np.float32).std() > 12
    assert to_jpeg(render_portrait(4, 200)) == to_jpeg(portrait)
    workshop = render_workshop(4, 300)
    assert workshop.mode == "RGB" and workshop.size == (300, 300)
    assert np.asarray(workshop, np.float32).std() > 12
    assert to_jpeg(render_workshop(4, 300)) == to_jpeg(workshop)
    assert _diff(np.asarray(render_workshop(5, 300), np.float32), np.asarray(workshop, np.float32)) > 1


def _dms(value: tuple) -> float:
    d, m, s = (float(v) for v in value)
    return d + m / 60 + s / 3600


@pytest.mark.slow  # four 2000 × 1500 phone shots: `make test` runs them, `make test-fast` does not
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_phone_shot_is_a_bad_phone_photo(seed: int) -> None:
    src = render_product("pottery", seed, 0, 600)
    data = phone_shot(src, seed)
    assert phone_shot(src, seed) == data
    photo = Image.open(io.BytesIO(data))
    assert photo.format == "JPEG"
    exif = photo.getexif()
    orientation = exif.get(ExifTags.Base.Orientation)
    assert orientation in {3, 6, 8}
    assert exif.get(ExifTags.Base.Make) == "Phone"
    assert exif.get(ExifTags.Base.Model) == "Phone"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert gps[ExifTags.GPS.GPSLatitudeRef] == "N"
    assert gps[ExifTags.GPS.GPSLongitudeRef] == "W"
    assert 21 <= _dms(gps[ExifTags.GPS.GPSLatitude]) <= 36
    assert 1 <= _dms(gps[ExifTags.GPS.GPSLongitude]) <= 17
    # Stored sideways or upside down; applying the tag gives the upright landscape photo.
    stored = photo.size
    upright = ImageOps.exif_transpose(photo)
    assert upright.size == (2000, 1500)
    assert stored == ((1500, 2000) if orientation in (6, 8) else (2000, 1500))
    pixels = np.asarray(upright.convert("RGB"), np.float32)
    source = np.asarray(src, np.float32)
    assert _lum(pixels) < _lum(source) - 20
    corners = np.concatenate([source[:60, :60], source[:60, -60:]]).reshape(-1, 3)
    assert _imbalance(pixels) > _imbalance(corners) + 0.05


@pytest.mark.slow  # fifteen 2000 × 1500 phone shots (about 30 s on an idle machine)
def test_phone_shot_seeds_vary() -> None:
    src = render_product("basket", 1, 0, 400)
    shots = {phone_shot(src, seed) for seed in range(3)}
    assert len(shots) == 3
    orientations = {Image.open(io.BytesIO(phone_shot(src, seed))).getexif()[ExifTags.Base.Orientation]
                    for seed in range(12)}
    assert orientations == {3, 6, 8}
