"""The column schema: one canonical key per column, headers accepted in English, French and Arabic.

Headers are compared on `match_key` (case, accents, Arabic letter variants, spaces and punctuation folded),
so "Prix MAD", "prix_mad", "PRIX-MAD" and "Prix (MAD)" are the same column, and "الكمية" is the stock. A
bilingual header ("Quantité / الكمية") is the column both halves name. A name or description header that
names no language in a bilingual way ("Nom / الاسم") takes each cell's language from its script. Per-market
prices are `price_<market>` / `prix_<market>` / `ثمن_<market>` (e.g. prix_export).
"""

from __future__ import annotations

import re

from catalog_import.text import match_key

# canonical key -> accepted headers: English, French, then Arabic
COLUMNS: dict[str, tuple[str, ...]] = {
    "artisan": ("artisan", "artisan_slug", "atelier", "coopérative", "الحرفي", "الصانع", "التعاونية", "الورشة"),
    "external_id": ("external_id", "external_reference", "id_externe", "référence_externe", "ref_externe",
                    "المرجع الخارجي"),
    "sku": ("sku", "code_article", "référence_article", "réf_article", "رمز المنتج", "رمز السلعة", "الرمز"),
    "name_fr": ("name_fr", "nom_fr", "nom", "name", "désignation", "libellé", "nom_français", "nom en français",
                "الاسم بالفرنسية"),
    "name_ar": ("name_ar", "arabic_name", "nom_ar", "nom_arabe", "nom en arabe", "الاسم", "الإسم", "الاسم بالعربية"),
    "name_en": ("name_en", "english_name", "nom_en", "nom_anglais", "nom en anglais", "الاسم بالإنجليزية"),
    "description_fr": ("description_fr", "description", "description_française", "description en français",
                       "الوصف بالفرنسية"),
    "description_ar": ("description_ar", "description_arabe", "description en arabe", "الوصف", "الوصف بالعربية"),
    "description_en": ("description_en", "description_anglaise", "description en anglais", "الوصف بالإنجليزية"),
    "category": ("category", "catégorie", "rubrique", "famille", "الفئة", "الصنف", "القسم"),
    "product_type": ("product_type", "type", "type_produit", "type_de_produit", "type de pièce", "نوع المنتج",
                     "النوع", "نوع القطعة"),
    "attributes": ("attributes", "attributs", "caractéristiques", "الخصائص", "المواصفات"),
    "variant": ("variant", "variant_attributes", "variante", "attributs_variante", "déclinaison", "المتغير",
                "الخيار"),
    "variant_name": ("variant_name", "nom_variante", "اسم المتغير"),
    "price_mad": ("price_mad", "price", "prix_mad", "prix", "prix_dh", "prix en dh", "prix en dirhams",
                  "prix_unitaire", "prix de vente", "prix_ttc", "tarif", "الثمن", "السعر", "الثمن بالدرهم",
                  "السعر بالدرهم"),
    "markets": ("markets", "channels", "marchés", "canaux", "الأسواق"),
    "published": ("published", "publié", "en_ligne", "visible", "منشور", "النشر"),
    "stock": ("stock", "quantity", "quantité", "qté", "qte", "الكمية", "المخزون"),
    "warehouse": ("warehouse", "entrepôt", "dépôt", "المستودع", "المخزن"),
    "weight_kg": ("weight_kg", "weight", "poids_kg", "poids", "الوزن", "الوزن بالكيلوغرام"),
    "dimensions_cm": ("dimensions_cm", "dimensions", "الأبعاد", "المقاسات"),
    "length_cm": ("length_cm", "longueur_cm", "longueur", "الطول"),
    "width_cm": ("width_cm", "largeur_cm", "largeur", "العرض"),
    "height_cm": ("height_cm", "hauteur_cm", "hauteur", "الارتفاع"),
    "hs_code": ("hs_code", "code_sh", "code_douanier", "nomenclature douanière", "الرمز الجمركي"),
    "photos": ("photos", "images", "photo", "image", "الصور", "صور"),
    "photo_folder": ("photo_folder", "dossier_photos", "dossier photos", "مجلد الصور"),
}
PRICE_PREFIXES = ("price_", "prix_", "ثمن_", "الثمن_", "سعر_", "السعر_")
NAME_KEYS = ("name_fr", "name_en", "name_ar")
LANGUAGES = ("fr", "ar", "en")
# Columns whose language follows each cell's script when the header does not say it ("Nom / الاسم").
AUTO_LANGUAGE = {"name": ("name_fr", "name_ar"), "description": ("description_fr", "description_ar")}
_HALVES = re.compile(r"\s*(?:/|\||\\|\n|\(|\)|:)\s*")

_ALIASES = {match_key(alias): key for key, aliases in COLUMNS.items() for alias in aliases}


def normalise(text: object) -> str:
    """The comparison key of a header, slug, market or value (see catalog_import.text.match_key)."""
    return match_key(text)


def _one(header: str) -> str | None:
    norm = match_key(header)
    if not norm:
        return None
    if norm in _ALIASES:
        return _ALIASES[norm]
    for prefix in PRICE_PREFIXES:
        if norm.startswith(prefix) and len(norm) > len(prefix):
            return "price:" + norm[len(prefix):]
    return None


def canonical(header: str) -> str | None:
    """The canonical key of a header: a known column, `price:<market>` for per-market prices,
    `auto:name`/`auto:description` for a name or description in the cells' own language, or None."""
    key = _one(header)
    if key is not None:
        return key
    halves = {_one(half) for half in _HALVES.split(header) if half.strip()}
    halves.discard(None)
    if len(halves) == 1:
        return halves.pop()
    for generic, keys in AUTO_LANGUAGE.items():
        if halves and halves <= set(keys):
            return f"auto:{generic}"
    return None


def market_key(slug: str) -> str:
    """How a market's slug appears in a price column (export-usd -> export_usd)."""
    return match_key(slug)


def headers_for(key: str, lang: str = "en") -> str:
    """The headers a user may write for a column, those of their language first."""
    aliases = COLUMNS.get(key, (key,))
    arabic = [a for a in aliases if re.search(r"[\u0600-\u06FF]", a)]
    latin = [a for a in aliases if a not in arabic]
    ordered = arabic + latin if lang == "ar" else latin
    return ", ".join(dict.fromkeys(ordered[:4]))
