"""Sign up, sign in (tokenCreate: the JWT lives in the signed session cookie), sign out, my account."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from storefront.core.client import ApiError
from storefront.core.pages import TOKEN_SESSION_KEY, api

FIELD_NAMES = {"email": "email", "password": "password", "firstName": "first_name", "lastName": "last_name"}


def _errors(payload_errors: list[dict]) -> dict[str, list[str]]:
    """API field errors keyed by the form's field names; errors without a field go under `__all__`."""
    out: dict[str, list[str]] = {}
    for error in payload_errors:
        out.setdefault(FIELD_NAMES.get(error.get("field") or "", "form"), []).append(_message(error))
    return out


def _message(error: dict) -> str:
    # The API's messages are English; the common codes get a translated message.
    messages = {
        "UNIQUE": _("An account already exists with this e-mail address."),
        "INVALID_CREDENTIALS": _("Wrong e-mail address or password."),
        "PASSWORD_TOO_SHORT": _("This password is too short."),
        "PASSWORD_TOO_COMMON": _("This password is too common."),
        "PASSWORD_ENTIRELY_NUMERIC": _("This password is entirely numeric."),
        "PASSWORD_TOO_SIMILAR": _("This password is too similar to your other details."),
        "REQUIRED": _("This field is required."),
        "INVALID": _("Enter a valid value."),
        "INACTIVE": _("This account is inactive."),
        "LOGIN_ATTEMPT_DELAYED": _("Too many attempts: try again in a moment."),
    }
    return messages.get(error.get("code", ""), error.get("message") or _("Enter a valid value."))


def _required(values: dict[str, str], names: tuple[str, ...]) -> dict[str, list[str]]:
    return {name: [_("This field is required.")] for name in names if not values.get(name)}


def _sign_in(request: HttpRequest, email: str, password: str) -> dict[str, list[str]]:
    data = api(request, "saleor/TokenCreate", {"email": email, "password": password}, channel=False, cache_seconds=0)
    result = data["tokenCreate"]
    if result["errors"] or not result["token"]:
        return _errors(result["errors"]) or {"form": [_("Wrong e-mail address or password.")]}
    request.session.cycle_key()
    request.session[TOKEN_SESSION_KEY] = result["token"]
    request.session["email"] = result["user"]["email"]
    return {}


def _local_next(request: HttpRequest) -> str:
    """The `next` page after signing in (e.g. the artisan space): a path on this site only, never elsewhere."""
    target = (request.POST.get("next") or request.GET.get("next") or "").strip()
    if not target.startswith("/") or target.startswith(("//", "/\\")):
        return ""
    return target if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) else ""


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    values = {"email": request.POST.get("email", "").strip()}
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        password = request.POST.get("password", "")
        errors = _required({**values, "password": password}, ("email", "password"))
        if not errors:
            errors = _sign_in(request, values["email"], password)
        if not errors:
            return HttpResponseRedirect(_local_next(request) or f"/{request.lang}/{request.market['slug']}/account/")
    return render(request, "shop/sign_in.html", {"values": values, "errors": errors, "title": _("Sign in")},
                  status=200)


@require_http_methods(["GET", "POST"])
def sign_up(request: HttpRequest) -> HttpResponse:
    values = {k: request.POST.get(k, "").strip() for k in ("email", "first_name", "last_name")}
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        password = request.POST.get("password", "")
        errors = _required({**values, "password": password}, ("email", "password"))
        if not errors:
            data = api(request, "saleor/AccountRegister", {"input": {
                "email": values["email"], "password": password, "firstName": values["first_name"],
                "lastName": values["last_name"], "languageCode": request.lang.upper(),
                "channel": request.market["slug"]}}, channel=False, cache_seconds=0)
            errors = _errors(data["accountRegister"]["errors"])
            if not errors and not data["accountRegister"]["requiresConfirmation"]:
                errors = _sign_in(request, values["email"], password)
            if not errors:
                return HttpResponseRedirect(f"/{request.lang}/{request.market['slug']}/account/")
    return render(request, "shop/sign_up.html", {"values": values, "errors": errors, "title": _("Create an account")},
                  status=200)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    request.session.flush()
    return HttpResponseRedirect(f"/{request.lang}/{request.market['slug']}/")


def account(request: HttpRequest) -> HttpResponse:
    sign_in_url = f"/{request.lang}/{request.market['slug']}/account/sign-in/"
    if not request.session.get(TOKEN_SESSION_KEY):
        return HttpResponseRedirect(sign_in_url)
    try:
        me = api(request, "saleor/AccountPage", {"first": 20}, channel=False, authenticated=True,
                 cache_seconds=0)["me"]
    except ApiError as exc:
        if exc.unavailable:
            raise
        me = None
    if not me:  # expired or revoked token: sign in again
        request.session.flush()
        return HttpResponseRedirect(sign_in_url)
    from .orders import status_label

    orders = [{**edge["node"], "status_label": status_label(edge["node"]["status"])} for edge in me["orders"]["edges"]]
    return render(request, "shop/account.html", {"me": me, "orders": orders, "title": _("My account")})
