"""Fixtures of the trade API tests: sign in as anyone through tokenCreate."""

from __future__ import annotations

import pytest
from trade_helpers import BUYER_PASSWORD, TOKEN_CREATE

LOGINS = {"curator": ("curateur@demo.maalem.ma", "demo-curator-2026"),
          "admin": ("admin@demo.maalem.ma", "demo-admin-2026"),
          "buyer": ("client@demo.maalem.ma", "demo-buyer-2026")}
M = "storefront/graphql/marketplace/"
T = "tests/marketplace/trade/graphql/marketplace/"


@pytest.fixture
def login(gql):
    """login(user) for users made by the tests (their password is BUYER_PASSWORD or the demo artisans'),
    login("curator"|"admin"|"buyer"), login(None) to sign out."""
    from demo.data import DEMO_ARTISAN_PASSWORD

    def sign_in(who) -> None:
        gql.token = None
        if who is None:
            return
        if isinstance(who, str):
            email, password = LOGINS[who]
        else:
            email = who.email
            password = DEMO_ARTISAN_PASSWORD if who.artisan_memberships.exists() else BUYER_PASSWORD
        result = gql.data(TOKEN_CREATE, {"e": email, "p": password})["tokenCreate"]
        assert result["errors"] == [], result
        gql.token = result["token"]

    return sign_in


@pytest.fixture
def mail(settings):
    from django.core import mail as outbox

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    outbox.outbox.clear()
    return outbox.outbox


@pytest.fixture
def upload_form(client):
    """Send an order form as a GraphQL multipart request (as the storefront does) with the bearer token of
    `gql`; returns the payload of tradeOrderFormUpload."""
    import json
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    document = (Path(__file__).resolve().parents[3] / "storefront/graphql/marketplace/TradeOrderFormUpload.graphql"
                ).read_text(encoding="utf-8")

    def send(gql, content: bytes, name: str = "order-form.xlsx", language: str = "en") -> dict:
        data = {"operations": json.dumps({"query": document, "variables": {"file": None}}),
                "map": json.dumps({"0": ["variables.file"]}),
                "0": SimpleUploadedFile(name, content, content_type="application/octet-stream")}
        response = client.post("/graphql/", data=data, HTTP_AUTHORIZATION=f"Bearer {gql.token}",
                               HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, response.content[:500]
        body = response.json()
        assert not body.get("errors"), body["errors"]
        return body["data"]["tradeOrderFormUpload"]

    return send
