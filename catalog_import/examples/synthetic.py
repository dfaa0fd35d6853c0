"""Synthetic catalogs of any size for the interruption tests and the benchmark: plausible products of the demo
taxonomy, spread over the given artisans, optionally with generated photos."""

from __future__ import annotations

import csv
from pathlib import Path

KINDS = [  # product type, category, French and English nouns, attributes, price
    ("tapis", "tapis-berberes", "Tapis", "Rug", "materiau: laine; couleur: ecru", 2400),
    ("poterie", "poterie-safi", "Plat", "Dish", "materiau: terre cuite; couleur: bleu", 320),
    ("tajine", "tajines", "Tajine", "Tagine", "materiau: argile", 180),
    ("panier", "paniers", "Panier", "Basket", "materiau: palmier doum", 150),
    ("bijou", "bijoux-argent", "Bracelet", "Bracelet", "materiau: argent", 650),
]
HEADER = ["artisan", "external_id", "sku", "name_fr", "name_en", "description_fr", "category", "product_type",
          "attributes", "price_mad", "stock", "weight_kg", "hs_code", "photos"]


def write_catalog(path: Path, count: int, *, prefix: str = "SYN", artisans: list[str] | None = None,
                  photos: int = 0) -> Path:
    """`count` products in a UTF-8 CSV; with `photos`, that many generated JPEGs per product (photos/ beside)."""
    artisans = artisans or ["cooperative-tifaout", "poterie-serghini", "maroquinerie-chouara"]
    if photos:
        from catalog_import.examples.make_examples import draw_photo
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in range(count):
            ptype, category, fr, en, attributes, price = KINDS[n % len(KINDS)]
            names = []
            for k in range(photos):
                name = f"photos/{prefix}-{n:05d}-{k}.jpg"
                draw_photo(path.parent / name, (60 + n * 7 % 180, 80, 120), (230, 220, 200), n * 10 + k, (480, 360))
                names.append(name)
            writer.writerow([artisans[n % len(artisans)], f"{prefix}-P{n:05d}", f"{prefix}-{n:05d}",
                             f"{fr} n° {n}", f"{en} no. {n}", f"{fr} fait main, pièce {n}.", category, ptype,
                             attributes, price + n % 17, 1 + n % 5, "1.5", "", " | ".join(names)])
    return path
