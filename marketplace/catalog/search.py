"""Multilingual, accent-insensitive, typo-tolerant product search on PostgreSQL.

Each product keeps a normalised search document (every language's name and description, the artisan,
craft, region and attribute values) and its tsvector ('simple' configuration: the catalog mixes French,
Arabic and English). A query's words are expanded into the catalog's own words (SearchLexeme) that are
equal, start with it, look alike (pg_trgm similarity) or sound alike (double metaphone), so "zelij"
finds "zellige" and "tajin" finds "tajine".
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, FloatField, QuerySet, Value

ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_LETTER_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_QUERY_WORDS = 8
MAX_EXPANSIONS_PER_WORD = 8


def normalize(text: str) -> str:
    """Lower case, Latin accents removed, Arabic diacritics and letter variants folded."""
    text = ARABIC_DIACRITICS.sub("", text or "").translate(ARABIC_LETTER_FOLDS)
    decomposed = unicodedata.normalize("NFKD", text.lower())
    # Drop combining marks of Latin letters only; Arabic letters survive NFKD unchanged.
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return WORD.findall(normalize(text))


@lru_cache(maxsize=4096)
def _normalised_part(part: str) -> str:
    return " ".join(words(part))


def build_document(parts: Iterable[str]) -> str:
    # Artisans, categories, regions and attribute values repeat across the products of an import: their
    # normalised words are cached (short parts only, so product descriptions do not evict them).
    return " ".join(_normalised_part(part) if len(part) <= 200 else " ".join(words(part)) for part in parts if part)


def update_search_index(product_ids: Iterable[int]) -> None:
    """Recompute the documents, vectors and the lexicon of these products (called by catalog services)."""
    from marketplace.catalog.models import Product

    ids = list(product_ids)
    if not ids:
        return
    parts_by_product = search_parts_for_products(ids)
    updates, vocabulary = [], set()
    for product in Product.objects.filter(pk__in=ids).only("pk"):
        title_parts, other_parts = parts_by_product.get(product.pk, ([], []))
        product.search_document = build_document([*title_parts, *other_parts])
        vocabulary.update(w for w in product.search_document.split() if 1 < len(w) <= 100)
        updates.append(product)
        product._title = build_document(title_parts)
    # One statement for every product's document and vector (a bulk import writes thousands at once).
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE catalog_product p SET search_document = v.doc, search_vector ="
            " setweight(to_tsvector('simple'::regconfig, COALESCE(v.title, '')), 'A')"
            " || setweight(to_tsvector('simple'::regconfig, COALESCE(v.doc, '')), 'C')"
            " FROM (SELECT unnest(%s::bigint[]) AS id, unnest(%s::text[]) AS title, unnest(%s::text[]) AS doc) v"
            " WHERE p.id = v.id",
            [[p.pk for p in updates], [p._title for p in updates], [p.search_document for p in updates]])
    add_lexemes(vocabulary)


def add_lexemes(vocabulary: Iterable[str]) -> None:
    """The words the lexicon lacks, with their sound, in one statement. Sorted, so that concurrent imports
    take the unique index's locks in the same order; no UPDATE of earlier rows (that rescanned every
    word without a sound, digits and Arabic included, on each write)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO catalog_searchlexeme (word, sound)"
            " SELECT w, CASE WHEN w ~ '^[a-z]+$' THEN dmetaphone(w) ELSE '' END FROM unnest(%s::text[]) w"
            " WHERE NOT EXISTS (SELECT 1 FROM catalog_searchlexeme l WHERE l.word = w)"
            " ORDER BY w ON CONFLICT (word) DO NOTHING",
            [sorted(vocabulary)])


def expand_word(word: str) -> list[str]:
    """The catalog's words that `word` may mean: itself and the words it begins; only when the catalog has
    neither, look-alikes and sound-alikes (a typo). So "tajin" finds "tajine", "zelij" finds "zellige", but
    "tajine", a word of the catalog, does not also match "tanné" (a leather bag) by sound."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT word FROM catalog_searchlexeme
            WHERE word = %(w)s OR (length(%(w)s) >= 3 AND word LIKE %(prefix)s)
            ORDER BY (word = %(w)s) DESC, length(word), word
            LIMIT %(limit)s
            """,
            {"w": word, "prefix": word.replace("%", "").replace("_", "") + "%", "limit": MAX_EXPANSIONS_PER_WORD},
        )
        found = [row[0] for row in cursor.fetchall()]
        if found:
            return found
        cursor.execute(
            """
            SELECT word FROM catalog_searchlexeme
            WHERE word = %(w)s
               OR (length(%(w)s) >= 3 AND word LIKE %(prefix)s)
               OR (length(%(w)s) >= 4 AND word %% %(w)s)
               OR (length(%(w)s) >= 4 AND %(w)s ~ '^[a-z]+$' AND sound = dmetaphone(%(w)s)
                   AND abs(length(word) - length(%(w)s)) <= 3)
            ORDER BY (word = %(w)s) DESC, (word LIKE %(prefix)s) DESC, similarity(word, %(w)s) DESC, length(word)
            LIMIT %(limit)s
            """,
            {"w": word, "prefix": word.replace("%", "").replace("_", "") + "%", "limit": MAX_EXPANSIONS_PER_WORD},
        )
        return [row[0] for row in cursor.fetchall()]


def _tsquery_literal(word: str) -> str:
    return "'" + word.replace("'", "''").replace("\\", "") + "'"


def build_tsquery(query: str) -> str | None:
    """A to_tsquery text: every query word must match one of its expansions. None: nothing can match."""
    query_words = words(query)[:MAX_QUERY_WORDS]
    if not query_words:
        return None
    clauses = []
    for word in query_words:
        expansions = expand_word(word)
        if not expansions:
            return None
        clauses.append("(" + " | ".join(_tsquery_literal(w) for w in expansions) + ")")
    return " & ".join(clauses)


def search_products(queryset: QuerySet, query: str) -> QuerySet:
    """Filter `queryset` to the products matching `query`, annotated with `search_rank`."""
    tsquery = build_tsquery(query)
    if tsquery is None:
        return queryset.none().annotate(search_rank=Value(0.0, output_field=FloatField()))
    search_query = SearchQuery(tsquery, search_type="raw", config="simple")
    return queryset.filter(search_vector=search_query).annotate(
        search_rank=SearchRank(F("search_vector"), search_query))


def search_parts_for_products(product_ids: list[int]) -> dict[int, tuple[list[str], list[str]]]:
    """(title parts, other parts) per product, in every language: what search matches against."""
    from marketplace.artisans.regions import REGIONS
    from marketplace.catalog.models import (
        AssignedProductAttributeValue,
        Category,
        Product,
        ProductTranslation,
        ProductVariant,
    )

    titles: dict[int, list[str]] = defaultdict(list)
    others: dict[int, list[str]] = defaultdict(list)
    # Only the columns the document is made of: a bulk import refreshes thousands of products at once.
    products = (Product.objects.filter(pk__in=product_ids).select_related("artisan", "category__parent", "product_type")
                .only("pk", "name", "description_plaintext", "artisan__name", "artisan__city", "artisan__region",
                      "product_type__name", "product_type__name_translations", "category__name",
                      "category__parent__name"))
    category_ids = set()
    # The name, the kind of piece and the craft weigh most (a "tajine" is first a tajine, not a bag whose
    # description mentions one); descriptions, the maker and the attributes weigh less.
    for p in products:
        titles[p.pk] += [p.name, p.product_type.name, *(p.product_type.name_translations or {}).values()]
        others[p.pk] += [p.description_plaintext, p.artisan.name, p.artisan.city,
                         *REGIONS.get(p.artisan.region, {}).values()]
        for category in (p.category, p.category.parent if p.category else None):
            if category is not None:
                titles[p.pk].append(category.name)
                category_ids.add(category.pk)
    for product_id, name, description in ProductTranslation.objects.filter(product_id__in=product_ids).values_list(
            "product_id", "name", "description"):
        titles[product_id].append(name)
        others[product_id].append(_plain(description))
    category_names: dict[int, list[str]] = defaultdict(list)
    for category_id, name in Category.objects.filter(pk__in=category_ids).values_list("pk", "translations__name"):
        if name:
            category_names[category_id].append(name)
    for p in products:
        for category in (p.category, p.category.parent if p.category else None):
            if category is not None:
                titles[p.pk] += category_names[category.pk]
    for product_id, name, translated in AssignedProductAttributeValue.objects.filter(
        product_id__in=product_ids
    ).values_list("product_id", "value__name", "value__translations__name"):
        others[product_id] += [name, translated or ""]
    for product_id, sku in ProductVariant.objects.filter(product_id__in=product_ids).values_list("product_id", "sku"):
        others[product_id].append(sku or "")
    return {pid: (titles[pid], others[pid]) for pid in product_ids}


def _plain(description: Any) -> str:
    if not isinstance(description, dict):
        return ""
    return " ".join(str(block.get("data", {}).get("text", "")) for block in description.get("blocks", []))
