"""Text keys that compare what people write with what the API holds, in every script the catalogue uses.

`match_key` folds case, Latin accents, Arabic diacritics, letter variants and the definite article, and every
run of punctuation or spaces into one `_`, but keeps the letters themselves: "Tapis berbères" and
"tapis-berberes" give the same key, "الزرابي الأمازيغية" keeps its Arabic letters ("زرابي_امازيغيه"), and an
empty key never matches anything.
"""

from __future__ import annotations

import re
import unicodedata

# Arabic-Indic and Eastern Arabic-Indic (Persian) digits, as Arabic keyboards type them.
DIGITS = {**{0x0660 + n: str(n) for n in range(10)}, **{0x06F0 + n: str(n) for n in range(10)}}
# Letter variants people write interchangeably: hamza forms of alef, alef maqsura, ta marbuta, hamza seats.
ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                             "ـ": None})
_SEPARATORS = re.compile(r"[\W_]+", re.UNICODE)
# The Arabic definite article: "الصوف" and "صوف" (wool) name the same value (folded alef, at least 2 letters left).
_ARTICLE = re.compile(r"^ال(?=[\u0620-\u064A]{2,})")
ARABIC_LETTER = re.compile(r"[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
FSI, PDI = "\u2068", "\u2069"  # first-strong isolate: a value keeps its own direction inside a sentence


def ascii_digits(text: str) -> str:
    return text.translate(DIGITS)


def match_key(text: object) -> str:
    """The comparison key of a name, slug or header in any script ("" when it has no letter or digit)."""
    decomposed = unicodedata.normalize("NFKD", ascii_digits(str(text or "")))
    # Combining marks are Latin accents and Arabic harakat alike: drop them, keep the base letters.
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = unicodedata.normalize("NFC", bare).translate(ARABIC_FOLD).casefold()
    words = [_ARTICLE.sub("", w) for w in _SEPARATORS.split(bare) if w]
    return "_".join(words)


def has_arabic(text: str) -> bool:
    return bool(ARABIC_LETTER.search(text or ""))


def has_latin(text: str) -> bool:
    return bool(LATIN_LETTER.search(text or ""))


def isolate(value: object) -> str:
    """A value embedded in a sentence of another direction (Arabic messages quoting Latin values)."""
    return f"{FSI}{value}{PDI}"
