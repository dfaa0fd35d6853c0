"""The cost of a query (issue 13): fragment bombs, variable defaults and repeated fields are refused before
any execution, with work that grows with the document's size, not with what it expands to."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def fragment_bomb(levels: int) -> str:
    """`query{...F0} fragment F0 on Query{...F1 ...F1} … fragment F<levels> on Query{shop{name}}`: under
    1.2 KB at 30 levels, 2^30 `shop` fields once expanded."""
    parts = ["query{...F0}"]
    parts += [f"fragment F{i} on Query{{...F{i + 1} ...F{i + 1}}}" for i in range(levels)]
    parts.append(f"fragment F{levels} on Query{{shop{{name}}}}")
    return " ".join(parts)


def _limit(result: dict) -> tuple[str, str]:
    assert "data" not in result or result["data"] is None, result
    (error,) = result["errors"]
    return error["extensions"]["code"], error["extensions"].get("limit")


@pytest.mark.parametrize("levels", [18, 30])
def test_a_fragment_bomb_is_refused_before_execution(gql, levels):
    document = fragment_bomb(levels)
    assert len(document.encode()) < 1200
    with CaptureQueriesContext(connection) as queries:
        result = gql(document)
    assert _limit(result) == ("QUERY_TOO_COMPLEX", "repeatedFields")
    assert "`shop`" in result["errors"][0]["message"]
    assert len(queries) == 0  # nothing ran: not even the shop's settings were read


def test_a_fragment_bomb_of_distinct_fields_is_refused_by_its_cost(gql):
    """Fan-out through connections instead of repeated keys: the memoised cost refuses it."""
    parts = ['query{products(channel:"maroc",first:100){edges{node{...F0}}}}',
             *[f"fragment F{i} on Product{{a{i}: category{{products(first:100){{edges{{node{{...F{i + 1}}}}}}}}}}}"
               for i in range(2)],
             "fragment F2 on Product{name}"]
    result = gql(" ".join(parts))
    code, limit = _limit(result)
    assert (code, limit) == ("QUERY_TOO_COMPLEX", "cost")
    assert result["errors"][0]["extensions"]["actual"] > 50000


def test_nested_fragments_count_their_depth(gql):
    """Depth through fragments, memoised: 16 levels spread over fragments are refused like literal ones."""
    parts = ['query{products(channel:"maroc",first:1){edges{node{...F0}}}}']
    parts += [f"fragment F{i} on Product{{category{{parent{{products(first:1){{edges{{node{{...F{i + 1}}}}}}}}}}}}}"
              for i in range(3)]
    parts.append("fragment F3 on Product{name}")
    assert _limit(gql(" ".join(parts))) == ("QUERY_TOO_COMPLEX", "depth")


COSTLY = ('query($f: Int = 100) { products(channel: "maroc", first: $f) { edges { node { name '
          "category { products(channel: \"maroc\", first: $f) { edges { node { name slug description seoTitle "
          "seoDescription created updatedAt rating } } } } } } } }")


def test_a_variable_default_is_costed_as_execution_will_use_it(gql, settings):
    settings.GRAPHQL_QUERY_MAX_COST = 20000
    result = gql(COSTLY, {})  # no value: the default (100) is what execution would use
    assert _limit(result) == ("QUERY_TOO_COMPLEX", "cost")
    assert result["errors"][0]["extensions"]["actual"] > 20000
    small = gql(COSTLY, {"f": 1})
    assert "errors" not in small, small
    assert small["extensions"]["cost"]["requestedQueryCost"] < 50


def test_the_cost_reported_uses_the_default_too(gql):
    document = 'query($n: Int = 3) { products(channel: "maroc", first: $n) { edges { node { name } } } }'
    with_default = gql(document, {})
    explicit = gql(document, {"n": 3})
    assert with_default["extensions"]["cost"] == explicit["extensions"]["cost"]
    assert len(with_default["data"]["products"]["edges"]) == 3


def test_two_thousand_copies_of_a_field_are_refused_by_the_token_cap(gql):
    result = gql("{" + " shop{name description}" * 2000 + "}")
    assert _limit(result) == ("QUERY_TOO_COMPLEX", "tokens")


def test_a_field_repeated_under_the_token_cap_is_refused_before_validation(gql):
    result = gql("{" + " shop{name}" * 400 + "}")
    assert _limit(result) == ("QUERY_TOO_COMPLEX", "repeatedFields")


def test_ordinary_documents_stay_within_every_limit(gql, doc):
    listing = gql(doc("storefront/graphql/marketplace/ProductListing.graphql"),
                  {"channel": "maroc", "first": 24, "languageCode": "FR"})
    assert "errors" not in listing, listing.get("errors")
    assert gql.data("{ shop { name } shop { description } a: shop { name } }")["a"]["name"]


def test_the_storefront_and_importer_documents_fit_the_token_cap():
    """The cap leaves room: every committed document is far below it."""
    from pathlib import Path

    from django.conf import settings
    from graphql.language import Lexer, Source, TokenKind

    root = Path(__file__).resolve().parents[2]
    largest = 0
    for path in [*root.glob("storefront/graphql/**/*.graphql"), *root.glob("catalog_import/graphql/**/*.graphql")]:
        lexer, tokens = Lexer(Source(path.read_text(encoding="utf-8"))), 0
        while lexer.advance().kind != TokenKind.EOF:
            tokens += 1
        largest = max(largest, tokens)
    assert 0 < largest * 4 < settings.GRAPHQL_MAX_TOKENS


def test_a_mutation_bomb_counts_its_mutations_through_fragments(gql):
    parts = ["mutation{...M0}"]
    parts += [f"fragment M{i} on Mutation{{...M{i + 1} ...M{i + 1}}}" for i in range(25)]
    parts.append('fragment M25 on Mutation{tokenCreate(email:"a@b.c", password:"x"){token}}')
    result = gql(" ".join(parts))
    assert result["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
