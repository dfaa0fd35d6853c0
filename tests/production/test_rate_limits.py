"""Rate limits on tokenCreate, accountRegister, requestPasswordReset and checkoutCreate, per IP and per
account, through GraphQL: a clear payload error with Saleor's code where it has one, and the reset when
the window passes."""

from __future__ import annotations

import re
import uuid

import pytest
from django.core import mail

from demo.data import USERS

LOGIN = ("mutation($e: String!, $p: String!) { "
         "tokenCreate(email: $e, password: $p) { token errors { field code message } } }")
REGISTER = """mutation($email: String!) { accountRegister(input: {email: $email, password: "Zellige-Fes-2026"}) {
  user { email } errors { field code message } } }"""
RESET = """mutation($email: String!, $url: String!) { requestPasswordReset(email: $email, redirectUrl: $url) {
  errors { field code message } } }"""
SET_PASSWORD = """mutation($email: String!, $token: String!, $password: String!) {
  setPassword(email: $email, token: $token, password: $password) {
    token refreshToken user { email } errors { field code } } }"""
CREATE = """mutation($email: String) { checkoutCreate(input: {channel: "maroc", email: $email, lines: []}) {
  checkout { id } errors { field code message } } }"""
ME = "{ me { email } }"
STOREFRONT = "http://127.0.0.1:8001"


@pytest.fixture(autouse=True)
def _stopped_clock(rate_clock):
    """Every test here runs on the limiter's stopped clock: no window edge falls inside a test."""


def demo_buyer() -> tuple[str, str]:
    user = next(u for u in USERS if u["role"] == "BUYER")
    return user["email"], user["password"]


def login(gql, email, password, **extra):
    response = gql.post(LOGIN, {"e": email, "p": password}, **extra)
    assert response.status_code == 200
    return response.json()["data"]["tokenCreate"]


def test_token_create_is_delayed_per_account_then_resets(gql, limits, rate_clock):
    limits("token_create", ip="100/m", account="3/2s")
    email, password = demo_buyer()
    for _ in range(3):
        assert login(gql, email, "wrong-password")["errors"][0]["code"] == "INVALID_CREDENTIALS"
    delayed = login(gql, email, password)  # even the right password waits: guessing is slowed down
    assert delayed["token"] is None
    assert delayed["errors"][0]["code"] == "LOGIN_ATTEMPT_DELAYED" and delayed["errors"][0]["field"] == "email"
    assert re.search(r"try again in 2 seconds", delayed["errors"][0]["message"])
    rate_clock.advance(1.5)
    assert login(gql, email, password)["errors"][0]["code"] == "LOGIN_ATTEMPT_DELAYED", "still in the window"
    # Another account from the same address is not affected by this account's limit.
    other = next(u for u in USERS if u["email"] != email)
    assert login(gql, other["email"], other["password"])["token"]
    rate_clock.advance(0.5)
    assert login(gql, email, password)["token"], "the window passed: the account may sign in again"


def test_token_create_is_limited_per_ip_and_the_forwarded_address_is_not_trusted_by_default(gql, limits, settings):
    limits("token_create", ip="2/m")
    email, password = demo_buyer()
    for _ in range(2):
        assert login(gql, email, password, HTTP_X_FORWARDED_FOR=f"198.51.100.{uuid.uuid4().int % 200}")["token"]
    # A made-up X-Forwarded-For does not give a fresh address: the peer is not a trusted proxy.
    spoofed = login(gql, email, password, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert spoofed["errors"][0]["code"] == "LOGIN_ATTEMPT_DELAYED"
    # Another peer address has its own counter.
    assert login(gql, email, password, REMOTE_ADDR="192.0.2.44")["token"]
    # Behind a trusted proxy (the storefront), the buyer's address is read from X-Forwarded-For.
    settings.TRUSTED_PROXIES = ["127.0.0.1/32"]
    assert login(gql, email, password, HTTP_X_FORWARDED_FOR="203.0.113.10")["token"]
    assert login(gql, email, password, HTTP_X_FORWARDED_FOR="203.0.113.10")["token"]
    third = login(gql, email, password, HTTP_X_FORWARDED_FOR="203.0.113.10")
    assert third["errors"][0]["code"] == "LOGIN_ATTEMPT_DELAYED"
    assert login(gql, email, password, HTTP_X_FORWARDED_FOR="203.0.113.11")["token"]


def test_account_register_is_limited_per_ip(gql, limits):
    limits("account_register", ip="2/h")
    for _ in range(2):
        result = gql.data(REGISTER, {"email": f"new-{uuid.uuid4().hex[:8]}@example.ma"})["accountRegister"]
        assert result["errors"] == [] and result["user"]
    refused = gql.data(REGISTER, {"email": f"new-{uuid.uuid4().hex[:8]}@example.ma"})["accountRegister"]
    assert refused["user"] is None
    assert refused["errors"] == [{"field": "email", "code": "TOO_MANY_REQUESTS",
                                  "message": refused["errors"][0]["message"]}]
    assert "try again in" in refused["errors"][0]["message"]


def test_account_register_is_limited_per_account(gql, limits):
    limits("account_register", account="1/h")
    email = f"twice-{uuid.uuid4().hex[:8]}@example.ma"
    assert gql.data(REGISTER, {"email": email})["accountRegister"]["errors"] == []
    again = gql.data(REGISTER, {"email": email.upper()})["accountRegister"]
    assert again["errors"][0]["code"] == "TOO_MANY_REQUESTS"


def test_password_reset_mail_set_password_and_limit_per_account(gql, limits, settings,
                                                                django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CORS_ALLOWED_ORIGINS = [STOREFRONT]
    limits("password_reset", ip="50/h", account="2/h")
    email = f"forgot-{uuid.uuid4().hex[:8]}@example.ma"
    gql.data(REGISTER, {"email": email})
    old_token = login(gql, email, "Zellige-Fes-2026")["token"]

    bad = gql.data(RESET, {"email": email, "url": "https://evil.example/steal"})["requestPasswordReset"]
    assert bad["errors"][0] == {"field": "redirectUrl", "code": "INVALID", "message": bad["errors"][0]["message"]}
    assert not mail.outbox
    # An unknown address is answered the same way as a known one (no account enumeration), without mail.
    assert gql.data(RESET, {"email": "nobody@example.ma",
                            "url": f"{STOREFRONT}/fr/reset/"})["requestPasswordReset"] == {"errors": []}
    assert not mail.outbox

    assert gql.data(RESET, {"email": email, "url": f"{STOREFRONT}/fr/reset/"})["requestPasswordReset"] == {"errors": []}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [email]
    token = re.search(r"token=([\w-]+)", mail.outbox[0].body).group(1)
    assert f"{STOREFRONT}/fr/reset/?email=" in mail.outbox[0].body

    second = gql.data(RESET, {"email": email, "url": f"{STOREFRONT}/fr/reset/"})["requestPasswordReset"]
    assert second == {"errors": []}
    third = gql.data(RESET, {"email": email, "url": f"{STOREFRONT}/fr/reset/"})["requestPasswordReset"]
    assert third["errors"][0]["code"] == "PASSWORD_RESET_ALREADY_REQUESTED"
    assert len(mail.outbox) == 2

    wrong = gql.data(SET_PASSWORD, {"email": email, "token": "1-wrong", "password": "Tapis-Rabat-2027"})["setPassword"]
    assert wrong["errors"] == [{"field": "token", "code": "INVALID"}]
    done = gql.data(SET_PASSWORD, {"email": email, "token": token, "password": "Tapis-Rabat-2027"})["setPassword"]
    assert done["errors"] == [] and done["token"] and done["user"] == {"email": email}
    # The token worked once; the old JWT is revoked by the password change; the new password signs in.
    reused = gql.data(SET_PASSWORD, {"email": email, "token": token, "password": "Other-Pass-2028"})["setPassword"]
    assert reused["errors"] == [{"field": "token", "code": "INVALID"}]
    gql.token = old_token
    assert gql(ME)["errors"][0]["extensions"]["code"] == "JWT_INVALID_TOKEN"
    gql.token = None
    assert login(gql, email, "Tapis-Rabat-2027")["token"]


def test_password_reset_is_limited_per_ip(gql, limits, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CORS_ALLOWED_ORIGINS = [STOREFRONT]
    limits("password_reset", ip="2/h")
    for n in range(2):
        assert gql.data(RESET, {"email": f"a{n}@example.ma",
                                "url": STOREFRONT + "/"})["requestPasswordReset"]["errors"] == []
    refused = gql.data(RESET, {"email": "a3@example.ma", "url": STOREFRONT + "/"})["requestPasswordReset"]
    assert refused["errors"][0]["code"] == "TOO_MANY_REQUESTS"


def test_password_change_rotates_tokens(gql):
    email = f"change-{uuid.uuid4().hex[:8]}@example.ma"
    gql.data(REGISTER, {"email": email})
    gql.token = login(gql, email, "Zellige-Fes-2026")["token"]
    change = """mutation($old: String, $new: String!) { passwordChange(oldPassword: $old, newPassword: $new) {
      user { email } errors { field code } } }"""
    assert gql.data(change, {"old": "nope", "new": "Cedre-Azrou-2027"})["passwordChange"]["errors"] == [
        {"field": "oldPassword", "code": "INVALID_CREDENTIALS"}]
    assert gql.data(change, {"old": "Zellige-Fes-2026", "new": "12345678"})["passwordChange"]["errors"][0]["code"] in {
        "PASSWORD_TOO_COMMON", "PASSWORD_ENTIRELY_NUMERIC"}
    assert gql.data(change, {"old": "Zellige-Fes-2026", "new": "Cedre-Azrou-2027"})["passwordChange"] == {
        "user": {"email": email}, "errors": []}
    assert gql(ME)["errors"][0]["extensions"]["code"] == "JWT_INVALID_TOKEN"
    gql.token = None
    anonymous = gql(change, {"old": "x", "new": "Cedre-Azrou-2028"})
    assert anonymous["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


def test_checkout_create_is_limited_per_ip_and_per_buyer(gql, limits):
    limits("checkout_create", ip="3/m", account="2/m")
    assert gql.data(CREATE, {"email": "one@example.ma"})["checkoutCreate"]["errors"] == []
    assert gql.data(CREATE, {"email": "ONE@example.ma"})["checkoutCreate"]["errors"] == []
    per_buyer = gql.data(CREATE, {"email": "one@example.ma"})["checkoutCreate"]
    assert per_buyer["checkout"] is None and per_buyer["errors"][0]["code"] == "TOO_MANY_REQUESTS"
    # The refused attempt still counted for the address: the next one hits the per-IP limit.
    per_ip = gql.data(CREATE, {"email": "two@example.ma"})["checkoutCreate"]
    assert per_ip["errors"][0]["code"] == "TOO_MANY_REQUESTS"
    other_peer = gql.post(CREATE, {"email": "three@example.ma"}, REMOTE_ADDR="192.0.2.80").json()
    assert other_peer["data"]["checkoutCreate"]["errors"] == []


def test_limits_are_off_when_disabled(gql, limits, settings):
    limits("checkout_create", ip="1/m")
    settings.RATELIMIT_ENABLED = False
    for _ in range(3):
        assert gql.data(CREATE, {"email": None})["checkoutCreate"]["errors"] == []
