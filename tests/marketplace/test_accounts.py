"""Accounts through /graphql/: register, JWT sign-in, refresh, verify, revocation, roles."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def register(gql, doc, **fields):
    data = {"email": "amina@example.ma", "password": "Tapis-Atlas-2026", "firstName": "Amina", "languageCode": "AR",
            **fields}
    return gql.data(doc("storefront/graphql/saleor/AccountRegister.graphql"), {"input": data})["accountRegister"]


def sign_in(gql, doc, email, password):
    return gql.data(doc("storefront/graphql/saleor/TokenCreate.graphql"),
                    {"email": email, "password": password})["tokenCreate"]


def test_register_sign_in_me_refresh_and_verify(gql, doc):
    assert register(gql, doc)["errors"] == []
    tokens = sign_in(gql, doc, "AMINA@example.ma", "Tapis-Atlas-2026")
    assert tokens["errors"] == [] and tokens["token"] and tokens["refreshToken"]
    assert tokens["user"]["firstName"] == "Amina"
    gql.token = tokens["token"]
    me = gql.data(doc("storefront/graphql/marketplace/MeRoles.graphql"))["me"]
    assert me["email"] == "amina@example.ma" and me["languageCode"] == "AR" and me["roles"] == ["BUYER"]
    refreshed = gql.data(doc("storefront/graphql/saleor/TokenRefresh.graphql"),
                         {"refreshToken": tokens["refreshToken"]})
    assert refreshed["tokenRefresh"]["token"]
    verified = gql.data(doc("storefront/graphql/saleor/TokenVerify.graphql"), {"token": tokens["token"]})["tokenVerify"]
    assert verified["isValid"] is True and verified["user"]["email"] == "amina@example.ma"
    # An access token is not a refresh token.
    wrong = gql.data(doc("storefront/graphql/saleor/TokenRefresh.graphql"), {"refreshToken": tokens["token"]})
    assert wrong["tokenRefresh"]["errors"][0]["code"] == "JWT_INVALID_TOKEN"


def test_registration_errors_are_field_errors(gql, doc):
    assert register(gql, doc)["errors"] == []
    duplicate = register(gql, doc)["errors"]
    assert duplicate == [{"field": "email", "message": "A user with this email already exists.", "code": "UNIQUE"}]
    weak = register(gql, doc, email="b@example.ma", password="123")["errors"]
    codes = {e["code"] for e in weak}
    assert {"PASSWORD_TOO_SHORT", "PASSWORD_ENTIRELY_NUMERIC"} <= codes and all(e["field"] == "password" for e in weak)
    bad_email = register(gql, doc, email="not-an-email")["errors"]
    assert bad_email[0]["field"] == "email" and bad_email[0]["code"] == "INVALID"


def test_wrong_password_and_bad_tokens(gql, doc):
    register(gql, doc)
    failed = sign_in(gql, doc, "amina@example.ma", "wrong-password")
    assert failed["token"] is None and failed["errors"][0]["code"] == "INVALID_CREDENTIALS"
    gql.token = "garbage"
    result = gql(doc("storefront/graphql/saleor/Me.graphql"))
    assert result["errors"][0]["extensions"]["code"] == "JWT_INVALID_TOKEN"
    gql.token = None
    invalid = gql.data(doc("storefront/graphql/saleor/TokenVerify.graphql"), {"token": "garbage"})
    assert invalid["tokenVerify"]["isValid"] is False


def test_password_change_revokes_tokens(gql, doc):
    from marketplace.accounts.models import User

    register(gql, doc)
    tokens = sign_in(gql, doc, "amina@example.ma", "Tapis-Atlas-2026")
    user = User.objects.get(email="amina@example.ma")
    user.set_password("Another-Pass-2026")
    user.save()
    gql.token = tokens["token"]
    assert gql(doc("storefront/graphql/saleor/Me.graphql"))["errors"][0]["extensions"]["code"] == "JWT_INVALID_TOKEN"


def test_demo_roles(gql, doc):
    from demo import data

    curator = next(u for u in data.USERS if u["role"] == "CURATOR")
    gql.token = sign_in(gql, doc, curator["email"], curator["password"])["token"]
    assert "CURATOR" in gql.data(doc("storefront/graphql/marketplace/MeRoles.graphql"))["me"]["roles"]
    from marketplace.artisans.models import ArtisanMember

    member = ArtisanMember.objects.select_related("user").first().user.email
    gql.token = sign_in(gql, doc, member, data.DEMO_ARTISAN_PASSWORD)["token"]
    me = gql.data(doc("storefront/graphql/marketplace/MeRoles.graphql"))["me"]
    assert me["roles"] == ["BUYER", "ARTISAN_MEMBER"] and len(me["artisanIds"]) == 1
