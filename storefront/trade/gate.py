"""Who enters the trade space: a signed-in user (the application form), and for buying a verified trade
account. Checked on every request against the API (a token can be revoked, an account rejected)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import quote

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from storefront.core import markets as mk
from storefront.core.client import ApiError
from storefront.core.pages import TOKEN_SESSION_KEY

from .client import call


def shop_prefix(request: HttpRequest) -> str:
    remembered = mk.remembered(request)
    return f"/{request.lang}/{remembered[1] if remembered else 'export'}"


def sign_in_url(request: HttpRequest) -> str:
    return f"{shop_prefix(request)}/account/sign-in/?next={quote(request.get_full_path())}"


def load_account(request: HttpRequest) -> dict[str, Any] | None:
    """{"me": …, "account": …} for a signed-in user, None without a valid token."""
    if not request.session.get(TOKEN_SESSION_KEY):
        return None
    try:
        data = call(request, "TradeAccount")
    except ApiError as exc:
        if exc.unavailable:
            raise
        data = {}
    if not data.get("me"):
        request.session.pop(TOKEN_SESSION_KEY, None)
        return None
    return {"me": data["me"], "account": data.get("tradeAccount")}


def signed_in(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Views that need a signed-in user (any status): `request.me`, `request.trade` (or None)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        found = load_account(request)
        request.me = found["me"] if found else None
        request.trade = found["account"] if found else None
        return view(request, *args, **kwargs)

    return wrapper


def verified(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Views for verified trade accounts; anyone else gets the page that says where they stand."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        found = load_account(request)
        account = found and found["account"]
        if not account or account["status"] != "VERIFIED":
            return gate(request, found)
        request.me, request.trade = found["me"], account
        return view(request, *args, **kwargs)

    return wrapper


def gate(request: HttpRequest, found: dict | None) -> HttpResponse:
    account = found and found["account"]
    status = 200 if found is None else 403
    return render(request, "trade/gate.html", {
        "title": _("Trade"), "signed_in": found is not None, "account": account, "nav": False,
        "sign_in_url": sign_in_url(request), "apply_url": f"/{request.lang}/trade/apply/",
        "shop_prefix": shop_prefix(request)}, status=status)
