"""The demo catalogue shows what it says: each product's photos are rendered from its own
attributes (kind from the product type, colour, motif), and every lead photo passes the
photo pipeline's checks (no stray objects, clean edges)."""

from __future__ import annotations

import colorsys

import numpy as np
import pytest

from demo import data
from demo.images import RENDER_KINDS, render_cutout

# What a buyer expects to see for each kind of piece (written here, not read from the demo data).
EXPECTED_KINDS = {
    "tapis": {"rug"}, "kilim": {"kilim"}, "coussin": {"cushion"}, "poterie": {"pottery"}, "tajine": {"tagine"},
    "vaisselle": {"plate"}, "panneau-zellige": {"zellige"}, "table": {"zellige"}, "pouf": {"leather-pouf"},
    "sac": {"leather-bag"}, "babouches": {"babouche"}, "bijou": {"necklace", "bracelet"},
    "boite-bois": {"wood-box"}, "bol-bois": {"wood-bowl"}, "lanterne": {"lantern"}, "plateau": {"brass-tray"},
    "panier": {"basket"}, "chapeau": {"hat"},
}
COLOUR_HEX = {v["slug"]: v["hex"] for a in data.ATTRIBUTES if a["slug"] == "couleur" for v in a["values"]}
ACHROMATIC = {"ecru", "blanc", "noir", "gris", "argente", "beige", "multicolore"}
# Kinds whose body takes the colourway (wool, leather, glaze): the colour dominates. Straw pieces
# keep the straw's colour and carry the colourway in bands. Jewellery, wood and metal renderings
# are not checked for colour yet (their stones, paint and enamel are drawn too small).
BODY_COLOURED = {"rug", "kilim", "cushion", "leather-pouf", "leather-bag", "babouche", "pottery", "tagine", "plate",
                 "zellige"}
BANDED = {"basket", "hat"}
HUE_TOLERANCE = 45  # degrees: "green" covers bottle green and emerald


def _hsv(rgb) -> tuple[float, float, float]:
    return colorsys.rgb_to_hsv(*(float(c) / 255 for c in rgb))


def _hue_of(slug: str) -> float:
    return _hsv(tuple(int(COLOUR_HEX[slug][i : i + 2], 16) for i in (1, 3, 5)))[0] * 360


def _coloured_hues(pixels: np.ndarray) -> tuple[np.ndarray, int]:
    """Hues (degrees) of the visibly coloured pixels, and how many pixels were looked at."""
    hsv = np.array([_hsv(p) for p in pixels[:: max(1, len(pixels) // 3000)]])
    coloured = hsv[(hsv[:, 1] >= 0.15) & (hsv[:, 2] >= 0.15)]
    return coloured[:, 0] * 360, len(hsv)


def _dominant_hue(pixels: np.ndarray) -> float | None:
    """The most common hue (degrees) among the coloured pixels, or None if few are coloured."""
    hues, n = _coloured_hues(pixels)
    if len(hues) < 0.12 * n:
        return None
    hist, edges = np.histogram(hues, bins=24, range=(0, 360))
    return float(edges[hist.argmax()] + 7.5)


def _hue_gap(a: float, b: float) -> float:
    d = abs(a - b) % 360
    return min(d, 360 - d)


def test_every_product_type_renders_as_its_own_kind():
    for product in data.PRODUCTS:
        kind = product["render"]["kind"]
        assert kind in RENDER_KINDS
        assert kind in EXPECTED_KINDS[product["product_type"]], (product["slug"], product["product_type"], kind)


@pytest.mark.parametrize("slug", ["chapeau-de-paille-couleur-naturelle-a-larges-bords"])
def test_the_straw_hat_is_a_hat(slug):
    (product,) = [p for p in data.PRODUCTS if p["slug"] == slug]
    assert product["render"]["kind"] == "hat"


def test_every_product_is_drawn_in_its_colour_and_motif():
    """Rendered from its own attributes: for wool, leather and glaze the dominant hue is one of the
    product's colours (madder red is red, not green); straw, wood and metal pieces show each of
    their chromatic colours on a visible share of the piece."""
    failures = []
    for product in data.PRODUCTS:
        render = product["render"]
        colours = product["attributes"]["couleur"]
        chromatic = [c for c in colours if c not in ACHROMATIC]
        if not chromatic or render["kind"] not in BODY_COLOURED | BANDED:
            continue
        layer, _ = render_cutout(render["kind"], product["seed"], 0, 96, tuple(render["palette"]),
                                 render.get("motif", ""))
        rgba = np.asarray(layer)
        pixels = rgba[rgba[..., 3] > 250][:, :3]
        if render["kind"] in BODY_COLOURED:
            hue = _dominant_hue(pixels)
            if hue is None and colours[0] in ACHROMATIC:
                continue  # an ivory rug with brown motifs is mostly ivory
            if hue is None or min(_hue_gap(hue, _hue_of(c)) for c in chromatic) > HUE_TOLERANCE:
                failures.append((product["slug"], chromatic, hue))
        else:
            hues, n = _coloured_hues(pixels)
            for c in chromatic:
                share = (float((np.array([_hue_gap(h, _hue_of(c)) for h in hues]) <= HUE_TOLERANCE).sum()) / n
                         if len(hues) else 0.0)
                if share < 0.05:
                    failures.append((product["slug"], c, round(share, 3)))
    assert not failures, failures


def test_rugs_draw_their_named_motif():
    """A medallion rug and a lattice rug of the same colourway differ (the motif is drawn)."""
    saffron = ("#E3A21A", "#F6E7C1", "#8A5A12")
    medallion = np.asarray(render_cutout("rug", 7, 0, 96, saffron, "medaillon")[0], np.int16)
    lattice = np.asarray(render_cutout("rug", 7, 0, 96, saffron, "losanges")[0], np.int16)
    assert np.abs(medallion - lattice).mean() > 3
    # Saffron rugs are saffron: yellow-orange dominates, not an ivory lattice.
    assert _hue_gap(_dominant_hue(medallion[medallion[..., 3] > 250][:, :3]), 40) <= 20


@pytest.mark.django_db
def test_every_lead_photo_passes_the_new_quality_checks():
    """The test session loaded the demo through the real pipeline: every product's first photo
    has no stray object, clean edges and a plain background."""
    from marketplace.media.models import ProductMedia

    # A product's lead photo is its first (the lowest sort order).
    leads = ProductMedia.objects.order_by("product_id", "sort_order", "pk").distinct("product_id")
    assert len(leads) >= 30
    for media in leads:
        checks = {c["code"]: c for c in media.quality_report["checks"]}
        for code in ("edge_quality", "background_clutter"):
            assert checks[code]["passed"], (media.product.slug, code, checks[code])
        assert checks["background_clutter"]["before"]["values"].get("stray_pieces", 0) == 0, media.product.slug
