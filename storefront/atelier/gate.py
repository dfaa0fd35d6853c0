"""Only a signed-in artisan member enters the space; others get a clear page (sign in, or "this account
is not an artisan member")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from storefront.core import markets as mk
from storefront.core.client import ApiError
from storefront.core.pages import TOKEN_SESSION_KEY, api


@dataclass
class Workshop:
    """The signed-in member and the artisan it acts for."""

    email: str
    first_name: str
    artisan_id: str
    warehouse_id: str | None


def shop_prefix(request: HttpRequest) -> str:
    """The shop's URL prefix for links out of the space (sign in, sign out): the remembered market."""
    remembered = mk.remembered(request)
    return f"/{request.lang}/{remembered[1] if remembered else 'maroc'}"


def _me(request: HttpRequest) -> dict[str, Any] | None:
    try:
        data = api(request, "marketplace/AtelierMe", channel=False, authenticated=True, cache_seconds=0)
    except ApiError as exc:
        if exc.unavailable:
            raise
        return None  # an expired or revoked token
    if not data.get("me"):
        return None
    return data


def artisan_space(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Views of the space run with `request.workshop`; anyone else sees the gate page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        data = _me(request) if request.session.get(TOKEN_SESSION_KEY) else None
        if data is None:
            request.session.pop(TOKEN_SESSION_KEY, None)
            return gate(request, signed_in=False)
        me = data["me"]
        if not me["artisanIds"]:
            return gate(request, signed_in=True, email=me["email"])
        warehouses = [edge["node"]["id"] for edge in data["warehouses"]["edges"]]
        request.workshop = Workshop(email=me["email"], first_name=me["firstName"], artisan_id=me["artisanIds"][0],
                                    warehouse_id=warehouses[0] if warehouses else None)
        return view(request, *args, **kwargs)

    return wrapper


def gate(request: HttpRequest, *, signed_in: bool, email: str = "") -> HttpResponse:
    prefix = shop_prefix(request)
    context = {"title": _("Artisan space"), "signed_in": signed_in, "email": email, "shop_prefix": prefix,
               "sign_in_url": f"{prefix}/account/sign-in/?next={request.path}"}
    # 403 for a signed-in buyer or curator; the sign-in invitation itself is an ordinary page.
    return render(request, "atelier/gate.html", context, status=403 if signed_in else 200)
