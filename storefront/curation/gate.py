"""Who may enter /curation/: a signed-in curator or admin (the API's `me.roles`), checked on every request
because a token can be revoked; everyone else gets a page that says why and what to do."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import quote

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from storefront.core import markets as mk
from storefront.core.client import ApiError
from storefront.core.pages import TOKEN_SESSION_KEY, api

CURATION_ROLES = {"CURATOR", "ADMIN"}


def sign_in_url(request: HttpRequest) -> str:
    remembered = mk.remembered(request)
    market = remembered[1] if remembered else "maroc"
    return f"/{request.lang}/{market}/account/sign-in/?next={quote(request.get_full_path())}"


def current_user(request: HttpRequest) -> dict[str, Any] | None:
    """The signed-in user with roles, or None (no token, or an expired or revoked one)."""
    if not request.session.get(TOKEN_SESSION_KEY):
        return None
    try:
        me = api(request, "marketplace/MeRoles", channel=False, authenticated=True, cache_seconds=0)["me"]
    except ApiError as exc:
        if exc.unavailable:
            raise
        me = None
    if not me:
        request.session.pop(TOKEN_SESSION_KEY, None)
    return me


def curator_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        me = current_user(request)
        if me is None:
            return render(request, "curation/gate.html", {
                "title": _("Curation space"), "sign_in_url": sign_in_url(request), "reason": "anonymous",
                "nav": False}, status=401)
        if not CURATION_ROLES & set(me.get("roles") or []):
            return render(request, "curation/gate.html", {
                "title": _("Curation space"), "reason": "forbidden", "me": me, "nav": False}, status=403)
        request.curator = me
        return view(request, *args, **kwargs)

    return wrapped


def to_gid(type_name: str, pk: int | str) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def from_gid(type_name: str, value: str) -> int:
    """A Relay global ID of `type_name` → its number; anything else is a 404 (a hand-edited URL or form)."""
    try:
        kind, _sep, pk = base64.b64decode(value.encode(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise Http404("bad id") from None
    if kind != type_name or not pk.isdigit():
        raise Http404("bad id")
    return int(pk)


FLASH_KEY = "curation_flash"


def flash(request: HttpRequest, text: str) -> None:
    """A confirmation shown once on the next curation page (in a live region of its own)."""
    request.session[FLASH_KEY] = [*request.session.get(FLASH_KEY, []), str(text)]
