"""What the fuzz run found, each pinned by a test: bad input is the client's error, never an internal one."""

from __future__ import annotations

import logging

import pytest

pytestmark = pytest.mark.django_db


def _codes(result: dict) -> set:
    return {(e.get("extensions") or {}).get("code") for e in result.get("errors") or []}


@pytest.mark.parametrize("query", [
    # A scalar's parser refusing a literal (UUID, JSONString) used to be logged as an unhandled resolver
    # error and answered INTERNAL_ERROR.
    '{ orderByToken(token: "not-a-uuid") { number } }',
    'mutation { transactionProcess(id: "x", data: "{") { errors { code } } }',
])
def test_a_literal_the_scalar_refuses_is_a_validation_error(gql, caplog, query):
    caplog.set_level(logging.ERROR)
    result = gql(query)
    assert result["errors"], result
    assert "INTERNAL_ERROR" not in _codes(result)
    assert not any(e["message"].startswith("Internal error") for e in result["errors"])
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_a_bad_variable_value_for_a_scalar_is_a_validation_error(gql, caplog):
    caplog.set_level(logging.ERROR)
    result = gql("query($t: UUID!) { orderByToken(token: $t) { number } }", {"t": "nope"})
    assert result["errors"] and "INTERNAL_ERROR" not in _codes(result)
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


@pytest.mark.parametrize("amount", ["1.8601199502371844e+227", "10000000000"])
def test_price_suggestions_for_an_amount_beyond_any_price_is_a_clear_error(gql, caplog, amount):
    caplog.set_level(logging.ERROR)
    result = gql(f"{{ priceSuggestions(amount: {amount}) {{ price {{ amount currency }} }} }}")
    assert _codes(result) == {"INVALID"}, result
    assert "below" in result["errors"][0]["message"]
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_price_suggestions_still_suggest_for_a_real_price(gql):
    rows = gql.data("{ priceSuggestions(amount: 400) { channel { slug } price { amount currency } } }")
    prices = {row["channel"]["slug"]: row["price"] for row in rows["priceSuggestions"]}
    assert prices["maroc"] == {"amount": 400.0, "currency": "MAD"}
    assert prices["export"]["currency"] == "EUR" and prices["export"]["amount"] > 0


@pytest.mark.parametrize(("query", "variables"), [
    # PostgreSQL refuses NUL in text: psycopg's DataError used to surface as INTERNAL_ERROR.
    ('{ channel(slug: "ma\\u0000roc") { slug } }', {}),
    ("query($s: String) { channel(slug: $s) { slug } }", {"s": "ma\x00roc"}),
    ('mutation($e: String!) { tokenCreate(email: $e, password: "x") { token errors { code } } }',
     {"e": "a\x00@example.com"}),
    ('query($f: ProductFilterInput) { products(channel: "maroc", first: 1, filter: $f) { totalCount } }',
     {"f": {"search": "tapis\x00"}}),
])
def test_text_with_a_nul_character_is_refused_clearly(gql, caplog, query, variables):
    caplog.set_level(logging.ERROR)
    result = gql(query, variables)
    assert _codes(result) == {"INVALID"}, result
    assert "NUL" in result["errors"][0]["message"]
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_the_same_queries_without_nul_still_work(gql):
    assert gql.data('{ channel(slug: "maroc") { slug } }')["channel"]["slug"] == "maroc"
    assert gql.data('{ products(channel: "maroc", first: 1, filter: {search: "tapis"}) { totalCount } }')


@pytest.mark.parametrize("bad_id", ["OjEuNQ==", "UHJvZHVjdFZhcmlhbnQ6MS41", "UHJvZHVjdDox"])
def test_product_variants_by_malformed_or_foreign_ids_is_a_clear_error(gql, caplog, bad_id):
    # ":1.5", "ProductVariant:1.5", "Product:1": int() on the key used to raise inside the resolver.
    caplog.set_level(logging.ERROR)
    result = gql("query($ids: [ID!]) { productVariants(ids: $ids, first: 5) { edges { node { id } } } }",
                 {"ids": [bad_id]})
    assert result["errors"] and "INTERNAL_ERROR" not in _codes(result), result
    assert "Invalid ID" in result["errors"][0]["message"]
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
