"""The demo catalog of Maalem as plain Python data, read by ``demo.services.load_demo``.

Every user-visible text is ``{"fr": ..., "ar": ..., "en": ...}`` (French is the reference). The
content is split by theme:

- ``data_taxonomy``: the 12 regions, the craft category tree, attributes, product types, labels;
- ``data_artisans``: artisans with their stories, members and phones;
- ``data_colours`` and ``data_lines_*``: colourways and per-craft product lines (name and
  description patterns, motifs, sizes, prices);
- ``data_products``: per-artisan plans and the deterministic generator of ``PRODUCTS``;
- ``data_collections``: curated collections, export price rules, demo logins.
"""

from __future__ import annotations

from .data_artisans import ARTISANS
from .data_collections import COLLECTIONS, DEMO_ARTISAN_PASSWORD, PRICE_RULES, USERS
from .data_products import PRODUCTS
from .data_taxonomy import ATTRIBUTES, CATEGORIES, LABELS, PRODUCT_TYPES, REGIONS

__all__ = [
    "ARTISANS",
    "ATTRIBUTES",
    "CATEGORIES",
    "COLLECTIONS",
    "DEMO_ARTISAN_PASSWORD",
    "LABELS",
    "PRICE_RULES",
    "PRODUCTS",
    "PRODUCT_TYPES",
    "REGIONS",
    "USERS",
]
