"""core/graphql/execution.py re-implements private methods of graphql-core's executor (pinned in
pyproject.toml). The same documents through graphql-core's own executor and ours give the same data, the same
errors and the same error paths; and a schema with an `async def` resolver is refused, since ours never awaits."""

from __future__ import annotations

import graphene
import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from graphql import execute, parse

from marketplace.core.graphql.execution import SyncExecutionContext, refuse_async_resolvers

DOCUMENTS = [
    # A listing page: connections, nested lists, prices, the channel context, an interface (Node) fragment.
    ('query { products(channel: "maroc", first: 5, sortBy: {field: NAME, direction: ASC}) { totalCount '
     "edges { cursor node { __typename id name slug ... on Node { id } category { name parent { name } } "
     "artisan { name region { name } } pricing { priceRange { start { gross { amount currency } net { amount } } } } "
     "variants { sku quantityAvailable pricing { price { gross { amount } } } } thumbnail(size: 256) { url } } } "
     "pageInfo { hasNextPage endCursor } } }"),
    # Errors: an unknown channel (a resolver error), a bad ID, and null propagation through a non-null field.
    'query { a: products(channel: "nowhere", first: 2) { totalCount } b: product(id: "bad") { name } }',
    'query { product(slug: "no-such-product", channel: "maroc") { name } }',
    # Enums, aliases, variables and fragments.
    ('query Q($first: Int!) { categories(first: $first, level: 0) { edges { node { id ...C } } } '
     "shop { name languages { code } countries { code country } } } fragment C on Category { n: name slug level "
     "children(first: 3) { edges { node { name } } } }"),
    ('query { markets { slug currencyCode } collections(first: 3, channel: "maroc") { edges { node { name '
     "products(first: 2) { edges { node { name } } } } } } }"),
    # Introspection: lists of non-null leaves.
    'query { __schema { queryType { name } types { name kind } } }',
]


def _run(document: str, **options) -> tuple:
    from marketplace.graphql.schema import schema

    request = RequestFactory().post("/graphql/")
    request.user = AnonymousUser()
    result = execute(schema.graphql_schema, parse(document), context_value=request, variable_values={"first": 5},
                     **options)
    errors = sorted((error.message, tuple(error.path or ())) for error in result.errors or ())
    return result.data, errors


@pytest.mark.django_db
@pytest.mark.parametrize("document", DOCUMENTS)
def test_graphql_core_and_our_executor_agree(document: str) -> None:
    theirs = _run(document)
    ours = _run(document, is_awaitable=lambda _value: False, execution_context_class=SyncExecutionContext)
    assert ours == theirs
    assert ours[0] is not None or ours[1]  # the document did something


def test_an_async_resolver_is_refused_with_its_field_named() -> None:
    class Query(graphene.ObjectType):
        fine = graphene.String()
        late = graphene.String()

        @staticmethod
        def resolve_fine(root, info):
            return "now"

        @staticmethod
        async def resolve_late(root, info):
            return "later"

    with pytest.raises(TypeError, match="Query.late"):
        refuse_async_resolvers(graphene.Schema(query=Query).graphql_schema)


def test_the_api_schema_has_no_async_resolver() -> None:
    from marketplace.graphql.schema import schema

    refuse_async_resolvers(schema.graphql_schema)


def test_errors_under_fields_read_as_attributes_are_placed_as_graphql_core_places_them() -> None:
    """Objects reached by reading an attribute (an edge's node, a price's gross) are executed without a resolve
    info: a failing non-null field below one nulls the nearest nullable field, with the same error and path."""

    class Leaf(graphene.ObjectType):
        ok = graphene.String()
        required = graphene.String(required=True)
        broken = graphene.String()
        count = graphene.Int()
        strict_count = graphene.Int(required=True)
        missing = graphene.String()

        @staticmethod
        def resolve_broken(root, info):
            raise ValueError("broken leaf")

        @staticmethod
        def resolve_count(root, info):
            return root.get("count", 2**40)  # not an Int: the scalar refuses it

        @staticmethod
        def resolve_strict_count(root, info):
            return root.get("strict")

        @staticmethod
        def resolve_missing(root, info):
            from graphql.pyutils import Undefined

            return Undefined

    class Box(graphene.ObjectType):
        leaf = graphene.Field(Leaf)
        strict_leaf = graphene.Field(Leaf, required=True)
        leaves = graphene.List(graphene.NonNull(Leaf))

    class Query(graphene.ObjectType):
        box = graphene.Field(Box)
        boxes = graphene.List(Box)

        @staticmethod
        def resolve_box(root, info):
            return {"leaf": {"ok": "a", "required": None}, "strict_leaf": {"ok": "b", "required": "r"},
                    "leaves": [{"ok": "c", "required": "r"}, {"ok": "d", "required": None}]}

        @staticmethod
        def resolve_boxes(root, info):
            return [{"leaf": {"ok": "e", "required": "r"}, "strict_leaf": {"ok": "f", "required": None}},
                    {"leaf": None, "strict_leaf": {"ok": "g", "required": "r"}}]

    schema = graphene.Schema(query=Query).graphql_schema
    document = parse("{ box { leaf { ok required broken } strictLeaf { ok required broken count missing } "
                     "leaves { ok required } } boxes { leaf { ok required } strictLeaf { ok required } } "
                     "counted: box { strictLeaf { count strictCount } } }")

    def run(**options) -> tuple:
        result = execute(schema, document, **options)
        return result.data, sorted((error.message, tuple(error.path or ())) for error in result.errors or ())

    ours = run(is_awaitable=lambda _value: False, execution_context_class=SyncExecutionContext)
    assert ours == run()
    assert ours[0]["box"]["leaf"] is None and ours[0]["boxes"][0] is None and ours[0]["boxes"][1]["leaf"] is None
    assert ours[0]["box"]["strictLeaf"]["count"] is None and ours[0]["counted"] is None  # refused, then null
    assert "missing" in ours[0]["box"]["strictLeaf"]
