"""The per-process cache of parsed documents is keyed on a hash of the body and keeps documents up to a size:
a client sending megabyte-long queries cannot make every worker hold them (issue 19)."""

from __future__ import annotations

import pytest


@pytest.fixture
def parse_cache():
    from marketplace.core import views

    views._parsed.clear()
    yield views
    views._parsed.clear()


def _schema():
    from marketplace.graphql.schema import schema

    return schema.graphql_schema


def test_a_document_is_parsed_once_and_the_cache_keeps_its_hash_not_its_body(parse_cache) -> None:
    query = "{ shop { name } }"
    first = parse_cache._parse_and_validate(_schema(), query)
    again = parse_cache._parse_and_validate(_schema(), query)
    assert again is first and first[1] == ()
    assert len(parse_cache._parsed) == 1
    key = next(iter(parse_cache._parsed))
    assert query not in repr(key) and all(not isinstance(part, str) for part in key[:2])


def test_a_document_over_the_size_cap_is_answered_but_not_kept(parse_cache, settings) -> None:
    settings.GRAPHQL_MAX_TOKENS = 10**6
    padding = " " * parse_cache.PARSE_CACHE_MAX_BYTES
    document, errors, costs = parse_cache._parse_and_validate(_schema(), "{ shop { name } }" + padding)
    assert errors == () and costs is not None and document is not None
    # Over the cap in bytes, not characters: Arabic letters in a comment take two bytes each.
    arabic = "# " + "ع" * (parse_cache.PARSE_CACHE_MAX_BYTES // 2) + "\n{ shop { name } }"
    assert len(arabic) <= parse_cache.PARSE_CACHE_MAX_BYTES < len(arabic.encode())
    assert parse_cache._parse_and_validate(_schema(), arabic)[1] == ()
    assert len(parse_cache._parsed) == 0


def test_the_cache_holds_a_bounded_number_of_documents(parse_cache, monkeypatch) -> None:
    monkeypatch.setattr(parse_cache, "PARSE_CACHE_ENTRIES", 3)
    for n in range(5):
        parse_cache._parse_and_validate(_schema(), f"query Q{n} {{ shop {{ name }} }}")
    assert len(parse_cache._parsed) == 3


def test_a_change_of_limits_is_a_different_entry(parse_cache, settings) -> None:
    query = "{ shop { name } }"
    parse_cache._parse_and_validate(_schema(), query)
    settings.GRAPHQL_INTROSPECTION = not settings.GRAPHQL_INTROSPECTION
    parse_cache._parse_and_validate(_schema(), query)
    assert len(parse_cache._parsed) == 2
