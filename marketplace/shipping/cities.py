"""Moroccan city names as buyers type them: one normalised key per city, whatever the spelling.

A delivery zone lists its cities once ("Casablanca"); a buyer may type "Casa", "الدار البيضاء" or
"casablanca ". `city_key` folds case, accents, Arabic letter variants, punctuation and the article, then maps
the known spellings (French, Arabic, English and common short forms) of each zone city to one key, so the
zone and the price never depend on how the city was typed. An unknown name keeps its folded form as key.

`suggestions(language)` gives the known cities in the buyer's language (the checkout's suggestion list)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# key: (French, Arabic, English) names first, then other spellings buyers use.
CITIES: dict[str, tuple[tuple[str, str, str], tuple[str, ...]]] = {
    "casablanca": (("Casablanca", "الدار البيضاء", "Casablanca"),
                   ("Casa", "الدارالبيضاء", "Dar el Beida", "Dar al-Bayda", "Anfa")),
    "rabat": (("Rabat", "الرباط", "Rabat"), ("Rabat-Salé", "Rabat Sale", "Ribat")),
    "sale": (("Salé", "سلا", "Sale"), ("Sla", "Salé-Rabat")),
    "marrakech": (("Marrakech", "مراكش", "Marrakesh"), ("Marrakesh", "Marrakch", "Marrakec", "Kech", "Marakech")),
    "fes": (("Fès", "فاس", "Fez"), ("Fes", "Fas", "Fès-Médina")),
    "tanger": (("Tanger", "طنجة", "Tangier"), ("Tangiers", "Tanja", "Tangier-Med")),
    "agadir": (("Agadir", "أكادير", "Agadir"), ("Agadir Ida Outanane", "Agadir-Ida-Ou-Tanane")),
    "meknes": (("Meknès", "مكناس", "Meknes"), ("Miknas", "Meknassa")),
    "kenitra": (("Kénitra", "القنيطرة", "Kenitra"), ("Knitra", "Port-Lyautey")),
    "tetouan": (("Tétouan", "تطوان", "Tetouan"), ("Tetuan", "Tittawin", "Titouan")),
    "oujda": (("Oujda", "وجدة", "Oujda"), ("Ujda", "Wajda")),
    "el-jadida": (("El Jadida", "الجديدة", "El Jadida"), ("Jadida", "Mazagan", "Eljadida")),
    "mohammedia": (("Mohammedia", "المحمدية", "Mohammedia"), ("Mohamedia", "Fedala", "Mohammadia")),
    "temara": (("Témara", "تمارة", "Temara"), ("Tmara",)),
    "essaouira": (("Essaouira", "الصويرة", "Essaouira"), ("Mogador", "Souira", "Es-Saouira")),
    "chefchaouen": (("Chefchaouen", "شفشاون", "Chefchaouen"), ("Chaouen", "Chefchaouene", "Xauen", "Chauen")),
    "ouarzazate": (("Ouarzazate", "ورزازات", "Ouarzazate"), ("Warzazat", "Ouarzazat")),
    "merzouga": (("Merzouga", "مرزوكة", "Merzouga"), ("مرزوقة", "Merzuga")),
}
LANGUAGES = ("fr", "ar", "en")

_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                               "ڭ": "ك", "گ": "ك"})
_LATIN_ARTICLES = re.compile(r"^(el|al|ad|ar|as|es|ed)[- ]")


def fold(name: str) -> str:
    """Lower case; Latin accents, Arabic marks and letter variants folded; the article and every
    separator dropped: "El-Jadida " → "jadida", "الدار البيضاء" → "دارالبيضاء"."""
    text = _ARABIC_MARKS.sub("", (name or "").strip()).translate(_ARABIC_FOLDS)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch))
    text = _LATIN_ARTICLES.sub("", text)
    words = [word[2:] if word.startswith("ال") and len(word) > 3 else word for word in re.findall(r"\w+", text)]
    return "".join(words)


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for key, (names, others) in CITIES.items():
        for name in (*names, *others, key):
            table.setdefault(fold(name), key)
    return table


def city_key(name: str | None) -> str:
    """The city's key: the same for every known spelling of a city, the folded name otherwise."""
    folded = fold(name or "")
    return _aliases().get(folded, folded)


def same_city(a: str | None, b: str | None) -> bool:
    return bool(city_key(a)) and city_key(a) == city_key(b)


def display_name(key: str, language: str) -> str:
    names = CITIES.get(key)
    if names is None:
        return key
    return names[0][LANGUAGES.index(language) if language in LANGUAGES else 0]


def suggestions(cities: list[str], language: str) -> list[str]:
    """The names of `cities` (a zone's list) in `language`, sorted, each city once."""
    names: dict[str, str] = {}
    for city in cities:
        key = city_key(city)
        names.setdefault(key, display_name(key, language) if key in CITIES else city)
    return sorted(names.values(), key=fold)
