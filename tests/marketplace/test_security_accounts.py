"""Accounts (issue 13): sign-in does the same work for an unknown e-mail as for a wrong password, and the
development key is random per installation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jwt
import pytest

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
TOKEN_CREATE = ("mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) "
                "{ token errors { field code } } }")


@pytest.fixture
def counting_hasher(settings):
    from counting_hasher import CountingMD5PasswordHasher

    settings.PASSWORD_HASHERS = ["counting_hasher.CountingMD5PasswordHasher"]
    CountingMD5PasswordHasher.computed = 0
    return CountingMD5PasswordHasher


def test_an_unknown_email_costs_a_password_hash_like_a_wrong_password(gql, counting_hasher):
    """No user enumeration by timing: tokenCreate used to answer an unknown e-mail without hashing (45 ms
    against 1.2 s with the production hasher)."""
    known = gql.data(TOKEN_CREATE, {"e": "client@demo.maalem.ma", "p": "not-the-password"})["tokenCreate"]
    hashes_for_a_known_email = counting_hasher.computed
    counting_hasher.computed = 0
    unknown = gql.data(TOKEN_CREATE, {"e": "nobody-here@example.com", "p": "not-the-password"})["tokenCreate"]
    assert known["errors"] == unknown["errors"] == [{"field": "email", "code": "INVALID_CREDENTIALS"}]
    assert hashes_for_a_known_email == 1
    assert counting_hasher.computed == hashes_for_a_known_email


def test_the_right_password_still_signs_in(gql):
    result = gql.data(TOKEN_CREATE, {"e": "client@demo.maalem.ma", "p": "demo-buyer-2026"})["tokenCreate"]
    assert result["errors"] == [] and result["token"]


def _settings_secret(var_dir: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "JWT_"))}
    env.update(DJANGO_DEBUG="1", MAALEM_VAR_DIR=str(var_dir), DATABASE_URL="postgres://unused@127.0.0.1:1/unused",
               DJANGO_SETTINGS_MODULE="marketplace.settings")
    code = ("import django; django.setup(); from django.conf import settings; "
            "print(settings.SECRET_KEY); print(settings.JWT_SECRET)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    secret, jwt_secret = result.stdout.split()[-2:]
    assert secret == jwt_secret
    return secret


@pytest.mark.slow  # Python processes of their own
def test_the_development_key_is_random_per_installation_and_kept(tmp_path):
    first = _settings_secret(tmp_path / "one")
    assert _settings_secret(tmp_path / "one") == first  # kept in var/: tokens survive a restart
    assert _settings_secret(tmp_path / "two") != first
    assert len(first) >= 50 and first != "dev-only-insecure-key-never-used-in-production"
    assert (tmp_path / "one" / "secret_key").stat().st_mode & 0o077 == 0


def test_a_token_signed_with_the_old_constant_development_key_is_refused(gql, settings):
    from marketplace.accounts.models import User

    assert settings.JWT_SECRET != "dev-only-insecure-key-never-used-in-production"
    admin = User.objects.get(email="admin@demo.maalem.ma")
    forged = jwt.encode({"iat": 1, "exp": 4102444800, "type": "access", "sub": str(admin.pk), "email": admin.email,
                         "key": admin.jwt_token_key, "iss": settings.JWT_ISSUER},
                        "dev-only-insecure-key-never-used-in-production", algorithm="HS256")
    gql.token = forged
    result = gql("{ me { email } }")
    assert result["errors"][0]["extensions"]["code"] == "JWT_INVALID_TOKEN"
