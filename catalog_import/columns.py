"""The column schema: one canonical key per column, English and French headers accepted.

Headers are compared after normalisation (case, accents, spaces, hyphens), so "Prix MAD", "prix_mad" and
"PRIX-MAD" are the same column. Per-market prices are `price_<market>` / `prix_<market>` (e.g. price_export).
"""

from __future__ import annotations

import re
import unicodedata

# canonical key -> accepted headers (English first, then French)
COLUMNS: dict[str, tuple[str, ...]] = {
    "artisan": ("artisan", "artisan_slug", "atelier"),
    "external_id": ("external_id", "external_reference", "id_externe", "reference_externe", "ref_externe"),
    "sku": ("sku", "code_article", "reference_article"),
    "name_fr": ("name_fr", "nom_fr", "nom", "name"),
    "name_ar": ("name_ar", "nom_ar"),
    "name_en": ("name_en", "nom_en"),
    "description_fr": ("description_fr", "description"),
    "description_ar": ("description_ar",),
    "description_en": ("description_en",),
    "category": ("category", "categorie"),
    "product_type": ("product_type", "type_produit", "type_de_produit", "type"),
    "attributes": ("attributes", "attributs"),
    "variant": ("variant", "variante", "variant_attributes", "attributs_variante"),
    "variant_name": ("variant_name", "nom_variante"),
    "price_mad": ("price_mad", "prix_mad", "price", "prix"),
    "markets": ("markets", "channels", "marches", "canaux"),
    "published": ("published", "publie", "en_ligne"),
    "stock": ("stock", "quantity", "quantite"),
    "warehouse": ("warehouse", "entrepot"),
    "weight_kg": ("weight_kg", "weight", "poids_kg", "poids"),
    "dimensions_cm": ("dimensions_cm", "dimensions"),
    "length_cm": ("length_cm", "longueur_cm"),
    "width_cm": ("width_cm", "largeur_cm"),
    "height_cm": ("height_cm", "hauteur_cm"),
    "hs_code": ("hs_code", "code_sh", "code_douanier"),
    "photos": ("photos", "images"),
    "photo_folder": ("photo_folder", "dossier_photos"),
}
PRICE_PREFIXES = ("price_", "prix_")
NAME_KEYS = ("name_fr", "name_en", "name_ar")
LANGUAGES = ("fr", "ar", "en")


def normalise(header: str) -> str:
    text = unicodedata.normalize("NFKD", str(header or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


_ALIASES = {normalise(alias): key for key, aliases in COLUMNS.items() for alias in aliases}


def canonical(header: str) -> str | None:
    """The canonical key of a header: a known column, `price:<market>` for per-market prices, or None."""
    norm = normalise(header)
    if norm in _ALIASES:
        return _ALIASES[norm]
    for prefix in PRICE_PREFIXES:
        if norm.startswith(prefix) and len(norm) > len(prefix):
            return "price:" + norm[len(prefix):]
    return None


def market_key(slug: str) -> str:
    """How a market's slug appears in a price column (export-usd -> export_usd)."""
    return normalise(slug)


def headers_for(key: str) -> str:
    return " / ".join(COLUMNS.get(key, (key,))[:3])
