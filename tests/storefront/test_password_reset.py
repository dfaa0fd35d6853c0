"""Forgotten password through the storefront: requestPasswordReset mails a link to the storefront's page,
which calls setPassword and signs the buyer in; the same answer for unknown addresses; errors by field."""

from __future__ import annotations

import html as html_lib
import re
import uuid
from urllib.parse import urlsplit

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db
OLD, NEW = "Tajine-Safi-2026", "Zellige-Fes-2027"


@pytest.fixture
def reset_mail(settings, storefront_url):
    """The API (a thread of this process) mails into locmem and accepts the test storefront's origin."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CORS_ALLOWED_ORIGINS = [*settings.CORS_ALLOWED_ORIGINS, storefront_url]
    mail.outbox = []
    return mail.outbox


def new_buyer(new_shop) -> str:
    email = f"forgot-{uuid.uuid4().hex[:8]}@example.com"
    visitor = new_shop()
    response = visitor.post("/fr/maroc/account/sign-up/", {"email": email, "password": OLD})
    assert response.status_code == 302, response.text[:500]
    return email


def field_error(html: str, name: str) -> str:
    field = re.search(rf'<input id="id-{name}"[^>]+>', html).group(0)
    assert 'aria-invalid="true"' in field and f'aria-describedby="err-{name}"' in field
    return html_lib.unescape(re.search(rf'<p class="error" id="err-{name}">([^<]+)</p>', html).group(1)).strip()


def test_reset_by_mail_then_sign_in_with_the_new_password(shop, new_shop, reset_mail):
    email = new_buyer(new_shop)
    sign_in = shop.page("/en/export/account/sign-in/")
    assert 'href="/en/export/account/password-reset/"' in sign_in and "Forgot your password?" in sign_in

    sent = shop.post("/en/export/account/password-reset/", {"email": email.upper()})
    assert sent.status_code == 200 and 'data-testid="reset-sent"' in sent.text
    assert len(reset_mail) == 1 and reset_mail[0].to == [email]
    link = re.search(r"https?://\S+", reset_mail[0].body).group(0)
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}" == shop.base
    assert parts.path == "/en/export/account/password-reset/set/"

    form_page = f"{parts.path}?{parts.query}"
    page = shop.page(form_page)
    assert f"New password for {email}" in page and 'name="password_confirm"' in page
    assert '<meta name="referrer" content="no-referrer">' in page  # the token must not leak to other sites
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    done = shop.post(parts.path, {"email": email, "token": token, "password": NEW, "password_confirm": NEW},
                     form_page=form_page)
    assert done.status_code == 302 and done.headers["Location"] == "/en/export/account/"
    account = shop.page("/en/export/account/")
    assert f'data-testid="account-email">{email}<' in account
    assert "Your new password is saved: you are signed in." in account

    # The link worked once; the old password is gone, the new one signs in.
    again = shop.post(parts.path, {"email": email, "token": token, "password": OLD, "password_confirm": OLD},
                      form_page=form_page)
    assert again.status_code == 200 and "This reset link is invalid or has expired" in again.text
    other = new_shop()
    wrong = other.post("/fr/maroc/account/sign-in/", {"email": email, "password": OLD})
    assert wrong.status_code == 200 and "Adresse e-mail ou mot de passe incorrect." in wrong.text
    ok = other.post("/fr/maroc/account/sign-in/", {"email": email, "password": NEW})
    assert ok.status_code == 302 and ok.headers["Location"] == "/fr/maroc/account/"


def test_unknown_address_gets_the_same_answer_without_mail(shop, new_shop, reset_mail):
    known = shop.post("/fr/maroc/account/password-reset/", {"email": new_buyer(new_shop)}).text
    unknown = shop.post("/fr/maroc/account/password-reset/", {"email": "nobody-here@example.com"}).text
    assert len(reset_mail) == 1
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"|[\w.+-]+@example\.com')
    assert strip.sub("", known) == strip.sub("", unknown)
    assert "Consultez vos e-mails" in unknown and "nobody-here@example.com" in unknown
    empty = shop.post("/fr/maroc/account/password-reset/", {"email": ""}).text
    assert field_error(empty, "email") == "Ce champ est obligatoire."


def test_bad_token_mismatch_and_weak_password_sit_next_to_their_fields(shop, new_shop, reset_mail):
    email = new_buyer(new_shop)
    shop.post("/en/maroc/account/password-reset/", {"email": email})
    link = urlsplit(re.search(r"https?://\S+", reset_mail[-1].body).group(0))
    form_page = f"{link.path}?{link.query}"
    token = re.search(r"token=([\w-]+)", link.query).group(1)

    mismatch = shop.post(link.path, {"email": email, "token": token, "password": NEW, "password_confirm": NEW + "x"},
                         form_page=form_page)
    assert mismatch.status_code == 200
    assert field_error(mismatch.text, "password_confirm") == "The two passwords do not match."
    assert NEW not in mismatch.text and f'name="token" value="{token}"' in mismatch.text  # the link is kept

    weak = shop.post(link.path, {"email": email, "token": token, "password": "123", "password_confirm": "123"},
                     form_page=form_page)
    assert "This password is too short." in field_error(weak.text, "password")

    bad = shop.post(link.path, {"email": email, "token": "1-bad", "password": NEW, "password_confirm": NEW},
                    form_page=form_page)
    assert bad.status_code == 200
    error = re.search(r'<p class="error" id="err-token"[^>]*>(.*?)</p>', bad.text, re.S).group(1)
    assert "This reset link is invalid or has expired: ask for a new one." in error
    assert 'href="/en/maroc/account/password-reset/"' in error and 'name="password"' not in bad.text
    missing = shop.page("/ar/maroc/account/password-reset/set/")
    assert 'id="err-token"' in missing and "رابط إعادة التعيين هذا غير صالح" in missing

    # The bad attempts changed nothing: the link from the mail still sets the password.
    done = shop.post(link.path, {"email": email, "token": token, "password": NEW, "password_confirm": NEW},
                     form_page=form_page)
    assert done.status_code == 302 and done.headers["Location"] == "/en/maroc/account/"
