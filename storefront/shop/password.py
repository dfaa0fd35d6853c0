"""Forgotten password: requestPasswordReset sends a link to `set_password` below, which calls setPassword.

The request page answers the same whether the address has an account or not (no account enumeration)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from storefront.core.context import site_url
from storefront.core.pages import TOKEN_SESSION_KEY, api

from .account import _errors, _required

RATE_LIMIT_CODES = {"PASSWORD_RESET_ALREADY_REQUESTED", "TOO_MANY_REQUESTS"}


def _prefix(request: HttpRequest) -> str:
    return f"/{request.lang}/{request.market['slug']}"


def _reset_errors(payload_errors: list[dict]) -> dict[str, list[str]]:
    """The API's errors keyed by the form's fields; the rate limits and a bad link get their own words."""
    errors: dict[str, list[str]] = {}
    rest = []
    for error in payload_errors:
        if error.get("code") in RATE_LIMIT_CODES:  # per account or per IP: one message by the e-mail
            errors["email"] = [_("Too many reset links were requested for this address: try again later.")]
        elif error.get("field") == "token":
            errors.setdefault("token", []).append(
                _("This reset link is invalid or has expired: ask for a new one."))
        else:
            rest.append(error)
    for field, texts in _errors(rest).items():
        errors.setdefault(field, []).extend(texts)
    return errors


@never_cache
@require_http_methods(["GET", "POST"])
def request_reset(request: HttpRequest) -> HttpResponse:
    values = {"email": request.POST.get("email", "").strip()}
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        errors = _required(values, ("email",))
        if not errors:
            redirect_url = f"{site_url(request)}{_prefix(request)}/account/password-reset/set/"
            data = api(request, "saleor/RequestPasswordReset",
                       {"email": values["email"], "redirectUrl": redirect_url}, cache_seconds=0)
            errors = _reset_errors(data["requestPasswordReset"]["errors"])
        if not errors:
            # Same page for known and unknown addresses.
            return render(request, "shop/password_reset_sent.html",
                          {"email": values["email"], "title": _("Check your e-mail")})
    return render(request, "shop/password_reset.html",
                  {"values": values, "errors": errors, "title": _("Forgot your password?")})


@never_cache
@require_http_methods(["GET", "POST"])
def set_password(request: HttpRequest) -> HttpResponse:
    source = request.POST if request.method == "POST" else request.GET
    values = {"email": source.get("email", "").strip(), "token": source.get("token", "").strip()}
    errors: dict[str, list[str]] = {}
    if not values["email"] or not values["token"]:
        errors["token"] = [_("This reset link is invalid or has expired: ask for a new one.")]
    elif request.method == "POST":
        password = request.POST.get("password", "")
        confirm = request.POST.get("password_confirm", "")
        errors = _required({"password": password, "password_confirm": confirm}, ("password", "password_confirm"))
        if not errors and password != confirm:
            errors["password_confirm"] = [_("The two passwords do not match.")]
        if not errors:
            data = api(request, "saleor/SetPassword", {**values, "password": password}, channel=False,
                       cache_seconds=0)
            result = data["setPassword"]
            errors = _reset_errors(result["errors"])
            if not errors and result["token"]:
                # Signed in with the new password; every older session's token was revoked by the API.
                request.session.cycle_key()
                request.session[TOKEN_SESSION_KEY] = result["token"]
                request.session["email"] = result["user"]["email"]
                messages.success(request, _("Your new password is saved: you are signed in."))
                return HttpResponseRedirect(f"{_prefix(request)}/account/")
            if not errors:  # no token in the answer: sign in by hand
                messages.success(request, _("Your new password is saved: sign in with it."))
                return HttpResponseRedirect(f"{_prefix(request)}/account/sign-in/")
    return render(request, "shop/password_set.html",
                  {"values": values, "errors": errors, "title": _("Choose a new password")})
