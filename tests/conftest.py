"""Shared fixtures: the demo catalog loaded once per test session, a GraphQL client over HTTP."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
# Tests create users by the hundred; the production hasher's deliberate slowness would dominate.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DEMO_PRODUCTS_IN_TESTS = 40


def document(relative_path: str) -> str:
    """An operation document from the project's .graphql files (storefront/graphql/...)."""
    return (ROOT / relative_path).read_text(encoding="utf-8")


class GraphQLClient:
    def __init__(self, client: Any):
        self.client = client
        self.token: str | None = None

    def post(self, query: str, variables: dict | None = None, **extra: Any) -> Any:
        headers = {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}
        return self.client.post("/graphql/", data=json.dumps({"query": query, "variables": variables or {}}),
                                content_type="application/json", **headers, **extra)

    def __call__(self, query: str, variables: dict | None = None) -> dict:
        response = self.post(query, variables)
        assert response.status_code == 200, response.content[:500]
        return response.json()

    def data(self, query: str, variables: dict | None = None) -> dict:
        """Execute and require a result without errors."""
        result = self(query, variables)
        assert not result.get("errors"), result["errors"]
        return result["data"]


@pytest.fixture(scope="session")
def doc():
    return document


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from marketplace.demo.services import load_demo

    with django_db_blocker.unblock():
        load_demo(max_products=DEMO_PRODUCTS_IN_TESTS, photo_size=256, workers=2, log=print)
    yield


@pytest.fixture
def gql(client, db) -> GraphQLClient:
    from django.core.cache import cache

    cache.clear()
    return GraphQLClient(client)
