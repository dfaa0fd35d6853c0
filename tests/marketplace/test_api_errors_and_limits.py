"""Bad input gets a clear GraphQL error, never a 500; limits on page size, cost, aliases and depth."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

LIST = ("query($c: String, $f: Int, $l: Int, $a: String) { "
        "products(channel: $c, first: $f, last: $l, after: $a) { totalCount } }")


def error_messages(result):
    return " | ".join(e["message"] for e in result.get("errors") or [])


@pytest.mark.parametrize("variables,expected", [
    ({"c": "nowhere", "f": 5}, "Channel with 'nowhere' slug does not exist."),
    ({"f": 5}, "A channel is required"),
    ({"c": "maroc", "f": 101}, "exceeds the `first` limit of 100 records"),
    ({"c": "maroc", "f": -1}, "cannot be less than 0"),
    ({"c": "maroc"}, "You must provide a `first` or `last` value"),
    ({"c": "maroc", "f": 2, "l": 2}, "Passing both `first` and `last`"),
    ({"c": "maroc", "f": 2, "a": "not-a-cursor"}, "Received cursor (not-a-cursor) is invalid."),
])
def test_bad_listing_arguments(gql, variables, expected):
    result = gql(LIST, variables)
    assert expected in error_messages(result)
    assert result["data"]["products"] is None


@pytest.mark.parametrize("query,expected", [
    ('{ product(id: "bm90LWFuLWlk", channel: "maroc") { id } }', "Invalid ID: bm90LWFuLWlk"),
    ('{ product(id: "%%%", channel: "maroc") { id } }', "Invalid ID: %%%"),
    ('{ product(id: "Q2F0ZWdvcnk6MQ==", channel: "maroc") { id } }', "Expected: Product, received: Category."),
    ('{ product(slug: "x", channel: "maroc") { translation(languageCode: DE) { name } } }',
     "Value 'DE' does not exist in 'LanguageCodeEnum' enum"),
    ('{ products(channel: "maroc", first: 1, filter: {regions: ["atlantis"]}) { totalCount } }',
     "Unknown region: atlantis"),
    ('{ products(channel: "maroc", first: 1, sortBy: {field: RANK, direction: ASC}) { totalCount } }',
     "Sorting by RANK is valid only with a search."),
    ("{ products(channel: ", "Syntax Error"),
    ("{ nope }", "Cannot query field 'nope' on type 'Query'."),
])
def test_bad_inputs_are_graphql_errors(gql, query, expected):
    result = gql(query)
    assert expected in error_messages(result)


def test_api_answers_set_no_cookie(client):
    """The API takes no CSRF token (and no session): like Saleor's, its answers set no cookie."""
    response = client.post("/graphql/", data='{"query": "{ shop { name } }"}', content_type="application/json")
    assert response.status_code == 200 and response.json()["data"]["shop"]["name"]
    assert not response.cookies and "Set-Cookie" not in response.headers


def test_non_json_and_empty_bodies_are_clear_errors(client):
    response = client.post("/graphql/", data="not json", content_type="application/json")
    assert response.status_code == 400
    assert "errors" in response.json()
    response = client.post("/graphql/", data="{}", content_type="application/json")
    assert response.json()["errors"][0]["message"]


def test_cost_limit_reported_in_extensions(gql, settings):
    cheap = gql('{ products(channel: "maroc", first: 10) { edges { node { name } } } }')
    assert cheap["extensions"]["cost"] == {"requestedQueryCost": 1 + 10 * (1 + 1 + 1), "maximumAvailable": 50000}
    heavy = gql('{ products(channel: "maroc", first: 100) { edges { node { '
                'variants { attributes { values { translation(languageCode: AR) { name } } } } '
                'category { products(channel: "maroc", first: 100) { edges { node { name slug id } } } } } } } }')
    assert "The query exceeds the maximum cost of 50000. Actual cost is" in error_messages(heavy)
    assert heavy["extensions"]["cost"]["requestedQueryCost"] > 50000
    assert heavy.get("data") is None


def test_alias_limit(gql):
    aliases = " ".join(f"a{i}: shop {{ name }}" for i in range(101))
    assert "at most 100 are allowed" in error_messages(gql("{ " + aliases + " }"))
    allowed = " ".join(f"a{i}: shop {{ name }}" for i in range(100))
    assert not gql("{ " + allowed + " }").get("errors")


def test_depth_limit_but_introspection_passes(gql):
    deep = "{ categories(first: 1) { edges { node { " + "parent { " * 20 + "id" + " }" * 20 + " } } } }"
    assert "nested too deeply" in error_messages(gql(deep))
    from graphql import get_introspection_query

    result = gql(get_introspection_query())
    assert not result.get("errors")
    assert any(t["name"] == "Product" for t in result["data"]["__schema"]["types"])
