"""Text that the public reads (product, collection and artisan names, cities) and slugs, cleaned the same
way everywhere before it is stored.

- Unicode NFC, so the same name is the same string (search, uniqueness, comparisons).
- Control characters and the bidirectional overrides, embeddings and isolates (U+202A–U+202E,
  U+2066–U+2069) are removed: they can reverse how a name reads ("gpj.exe"). Zero-width spaces and the
  byte-order mark go too. The joiners (U+200C, U+200D) and the marks LRM/RLM stay: Arabic, Persian and
  emoji sequences need them and they cannot reorder text.
- Single-line text has its runs of white space collapsed; it must keep at least one visible character
  (a letter, digit, punctuation mark or symbol) and fit the column.
- Slugs follow Django's SlugField rules: ASCII letters, digits, hyphens and underscores (the storefront's
  URLs use the same converter)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug

from marketplace.core.errors import FieldError, MutationError

REMOVED = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200b", "\u2060", "\ufeff", "\u180e", "\u2028", "\u2029"]
)
KEPT_IN_MULTILINE = frozenset("\n\t")
SPACES = re.compile(r"\s+")


def _removed(char: str, multiline: bool) -> bool:
    if char in REMOVED:
        return True
    if unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):
        return not (multiline and char in KEPT_IN_MULTILINE)
    return False


def is_visible(text: str) -> bool:
    return any(unicodedata.category(char)[0] in "LNPS" for char in text)


def normalise(value: str, *, multiline: bool = False) -> str:
    text = unicodedata.normalize("NFC", value)
    text = "".join(char for char in text if not _removed(char, multiline))
    if not multiline:
        text = SPACES.sub(" ", text)
    return text.strip()


def clean_text(value: str | None, field: str, *, max_length: int, required: bool = True,
               multiline: bool = False) -> str:
    """The cleaned text, or a field error (REQUIRED when nothing visible is left, INVALID when too long)."""
    text = normalise(value or "", multiline=multiline)
    if not text and required:
        raise MutationError([FieldError(field, "This field cannot be blank.", "REQUIRED")])
    if not is_visible(text):
        if required or text:
            raise MutationError([FieldError(field, "Enter visible text: letters, digits or punctuation.",
                                            "REQUIRED" if required else "INVALID")])
        return ""
    if len(text) > max_length:
        raise MutationError([FieldError(field, f"At most {max_length} characters (this has {len(text)}).",
                                        "INVALID")])
    return text


def clean_slug(value: str, field: str = "slug", *, max_length: int = 255) -> str:
    slug = (value or "").strip()
    try:
        validate_slug(slug)
    except ValidationError:
        raise MutationError([FieldError(field, "A slug has only ASCII letters, digits, hyphens and underscores.",
                                        "INVALID")]) from None
    if len(slug) > max_length:
        raise MutationError([FieldError(field, f"At most {max_length} characters.", "INVALID")])
    return slug


def clean_translation(data: dict[str, Any], field_prefix: str = "") -> dict[str, str]:
    """The translated texts given (name, slug, SEO), cleaned as the base language's; None leaves one alone."""
    cleaned: dict[str, str] = {}
    if data.get("name") is not None:
        cleaned["name"] = clean_text(data["name"], f"{field_prefix}name", max_length=250)
    if data.get("slug") is not None:
        cleaned["slug"] = clean_slug(data["slug"], f"{field_prefix}slug") if data["slug"] else ""
    for key, camel in (("seo_title", "seoTitle"), ("seo_description", "seoDescription")):
        if data.get(key) is not None:
            cleaned[key] = clean_text(data[key], f"{field_prefix}{camel}", max_length=300, required=False)
    return cleaned
