"""The API's surface (issue 13): no 500 on any input, a JSON error with a code for every malformed request,
authentication by the Authorization header only, introspection as a setting, a random development key."""

from __future__ import annotations

import base64
import json
import logging

import pytest

pytestmark = pytest.mark.django_db

SHOP = "{ shop { name } }"


def _post_raw(client, body: bytes | str, content_type: str = "application/json", **extra):
    return client.post("/graphql/", data=body, content_type=content_type, **extra)


def _code(result: dict) -> str:
    (error,) = result["errors"]
    return error["extensions"]["code"]


def _no_server_error_logged(caplog) -> None:
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


# --- Request shapes -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "fragment"), [
    ({"query": 5}, "`query` must be a string"),
    ({"query": SHOP, "variables": [1, 2]}, "`variables` must be a JSON object"),
    ({"query": SHOP, "variables": "[1, 2]"}, "`variables` must be a JSON object"),
    ({"query": SHOP, "operationName": ["x"]}, "`operationName` must be a string"),
    ([{"query": SHOP}], "batched requests are not supported"),
])
def test_a_request_that_is_not_graphql_over_http_is_a_400_with_a_code(client, caplog, body, fragment):
    caplog.set_level(logging.ERROR)
    response = _post_raw(client, json.dumps(body))
    assert response.status_code == 400
    result = response.json()
    assert _code(result) == "BAD_REQUEST"
    assert fragment in result["errors"][0]["message"]
    _no_server_error_logged(caplog)


def test_variables_nested_six_hundred_levels_deep_are_refused(client, caplog):
    caplog.set_level(logging.ERROR)
    for nested in ("[" * 600 + "1" + "]" * 600, '{"a": ' * 300 + "1" + "}" * 300):
        body = '{"query": "query($m: JSONString) { shop { name } }", "variables": {"m": ' + nested + "}}"
        response = _post_raw(client, body)
        assert response.status_code == 400
        assert _code(response.json()) == "BAD_REQUEST"
    response = _post_raw(client, body)
    assert response.status_code == 400
    assert _code(response.json()) == "BAD_REQUEST"
    assert "nested" in response.json()["errors"][0]["message"]
    _no_server_error_logged(caplog)


def test_a_body_nested_beyond_the_json_parser_is_refused(client, caplog):
    caplog.set_level(logging.ERROR)
    response = _post_raw(client, '{"query": "{ shop { name } }", "extensions": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert response.status_code == 400
    assert _code(response.json()) == "BAD_REQUEST"
    _no_server_error_logged(caplog)


def test_invalid_json_is_a_400_with_a_code(client):
    response = _post_raw(client, "{not json")
    assert response.status_code == 400 and _code(response.json()) == "BAD_REQUEST"


def test_a_body_over_the_cap_is_a_json_413(client, settings):
    settings.GRAPHQL_MAX_BODY_BYTES = 10_000
    response = _post_raw(client, json.dumps({"query": SHOP, "variables": {"pad": "x" * 20_000}}))
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert _code(response.json()) == "REQUEST_TOO_LARGE"


def test_a_body_over_djangos_own_cap_is_a_json_413_too(client, settings):
    """Django's DATA_UPLOAD_MAX_MEMORY_SIZE used to answer its HTML 400 (RequestDataTooBig)."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 5_000
    response = _post_raw(client, json.dumps({"query": SHOP, "variables": {"pad": "x" * 8_000}}))
    assert response.status_code == 413
    assert _code(response.json()) == "REQUEST_TOO_LARGE"


# --- Values that used to reach the database or Decimal arithmetic ---------------------------------------

def test_a_malformed_cursor_is_a_clear_error(gql, caplog):
    caplog.set_level(logging.ERROR)
    forged = base64.urlsafe_b64encode(json.dumps([{"d": "abc"}, 1]).encode()).decode()
    query = 'query($a: String) { products(channel: "maroc", first: 2, after: $a) { edges { node { id } } } }'
    for cursor in (forged, base64.urlsafe_b64encode(b'["abc", "x"]').decode(),
                   base64.urlsafe_b64encode(b'[{"t": "yesterday"}, 1]').decode(),
                   base64.urlsafe_b64encode(b'[null, 1]').decode(),
                   base64.urlsafe_b64encode(json.dumps(["a", 2**80]).encode()).decode()):
        result = gql(query, {"a": cursor})
        assert result["errors"][0]["message"].startswith("Received cursor"), result
        assert result["errors"][0]["extensions"]["code"] == "INVALID"
    _no_server_error_logged(caplog)


def test_a_real_cursor_still_pages(gql):
    query = 'query($a: String) { products(channel: "maroc", first: 2, after: $a) { edges { cursor node { id } } } }'
    first = gql.data(query)["products"]["edges"]
    second = gql.data(query, {"a": first[-1]["cursor"]})["products"]["edges"]
    assert second and {e["node"]["id"] for e in second}.isdisjoint({e["node"]["id"] for e in first})


@pytest.mark.parametrize("document", [
    '{ products(channel: "maroc", first: 2, filter: {price: {gte: 1e400}}) { totalCount } }',
    '{ products(channel: "maroc", first: 2, filter: {minimalPrice: {lte: -1e400}}) { totalCount } }',
])
def test_a_price_filter_beyond_the_float_range_is_a_validation_error(gql, caplog, document):
    caplog.set_level(logging.ERROR)
    result = gql(document)
    assert result["errors"] and result["errors"][0]["extensions"]["code"] == "INVALID", result
    _no_server_error_logged(caplog)


def test_a_finite_price_filter_still_filters(gql):
    assert gql.data('{ products(channel: "maroc", first: 2, filter: {price: {gte: 1e9}}) { totalCount } }'
                    )["products"]["totalCount"] == 0


def test_an_unknown_operation_error_has_a_code(gql):
    result = gql("query A { shop { name } } query B { shop { name } }")
    assert result["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_a_syntax_error_has_a_code(gql):
    assert _code(gql("{ shop { name ")) == "GRAPHQL_PARSE_FAILED"


# --- Introspection --------------------------------------------------------------------------------------

def test_introspection_is_on_by_default_as_saleor(gql):
    assert gql.data("{ __schema { queryType { name } } }")["__schema"]["queryType"]["name"] == "Query"


def test_introspection_can_be_turned_off(gql, settings):
    settings.GRAPHQL_INTROSPECTION = False
    result = gql("{ __schema { queryType { name } } }")
    assert result["errors"] and "introspection" in result["errors"][0]["message"].lower()
    assert result["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert gql("{ __type(name: \"Product\") { name } }")["errors"]
    assert gql.data("{ shop { name } __typename }")["__typename"] == "Query"


# --- Authentication by the Authorization header only ----------------------------------------------------

def test_a_session_cookie_does_not_authenticate_graphql(client, caplog):
    """The admin's session cookie, a text/plain POST with the mutation in the URL (what another page of the
    same site can send without CORS): it runs as an anonymous visitor, not as the admin."""
    from marketplace.accounts.models import User

    admin = User.objects.get(email="admin@demo.maalem.ma")
    client.force_login(admin)
    me = client.post("/graphql/?query=" + "%7B%20me%20%7B%20email%20%7D%20%7D", data="x", content_type="text/plain")
    assert me.status_code == 200, me.content[:300]
    assert me.json()["data"]["me"] is None
    mutation = ('mutation { featuredCollectionsSet(collections: []) { errors { code } } }')
    response = client.post("/graphql/?query=" + mutation.replace(" ", "%20"), data="x", content_type="text/plain")
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED", body
    json_me = client.post("/graphql/", data=json.dumps({"query": "{ me { email } }"}), content_type="application/json")
    assert json_me.json()["data"]["me"] is None


def test_the_bearer_token_still_authenticates(gql):
    token = gql.data('mutation { tokenCreate(email: "client@demo.maalem.ma", password: "demo-buyer-2026") '
                     "{ token } }")["tokenCreate"]["token"]
    gql.token = token
    assert gql.data("{ me { email } }")["me"]["email"] == "client@demo.maalem.ma"


def test_the_admin_site_keeps_its_session(client):
    from marketplace.accounts.models import User

    client.force_login(User.objects.get(email="admin@demo.maalem.ma"))
    assert client.get("/admin/").status_code == 200
