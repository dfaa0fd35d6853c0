"""Screen 1 of a listing: the kind of piece (by picture) and its photos. A photo is sent the moment it is
picked (atelier.js resizes it on the phone, shows the progress and posts it here; without JavaScript the
form's button posts the same fields). Nothing fails silently: an empty or refused file is named with why, in
the artisan's language; a photo the pipeline fails on stays on the piece, FAILED, with why, "try again" and
"remove"; a draft whose first photos were all refused is not kept.

Requests from atelier.js (Accept: application/json) get {"redirect": url} or {"errors": {field: [...]}}."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from storefront.core.pages import api
from storefront.core.photos import photo_problem

from .catalog import STEP_KEY, flash, form_options, load_product, photos_of, ready_photos, space_url, status
from .client import field_errors, upload
from .gate import artisan_space
from .kinds import kind_cards

MAX_PHOTOS_PER_POST = 8
PROBLEMS_KEY = "atelier_photo_problems"  # refusals of the last upload, shown once by the photos screen


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def upload_texts() -> dict[str, str]:
    """What atelier.js says while it sends a photo, in the page's language (data-text-* of the form)."""
    return {"kind": _("Choose what kind of piece it is: touch its picture."),
            "empty": _("%(file)s: %(why)s") % {"file": "%(file)s", "why": photo_problem("EMPTY_FILE")},
            "preparing": _("Preparing the photo…"),
            "sending": _("Sending the photo: %(percent)s %%") % {"percent": "%(percent)s"},
            "improving": _("The photo is sent; it is being improved…"),
            "failed": _("The photo could not be sent: try again."),
            "network": _("No connection: the photo was not sent. Try again when the network is back.")}


def _files(request: HttpRequest) -> list:
    return request.FILES.getlist("camera") + request.FILES.getlist("photos")


def _upload_photos(request: HttpRequest, product_id: str, files: list) -> tuple[int, list[str]]:
    """Send each photo to productMediaCreate: (how many the API took, the refusals named with why)."""
    taken, problems = 0, []
    for file in files[:MAX_PHOTOS_PER_POST]:
        if not file.size:
            problems.append(_("%(file)s: %(why)s") % {"file": file.name, "why": photo_problem("EMPTY_FILE")})
            continue
        result = upload(request, "marketplace/ProductMediaUpload", {"product": product_id, "alt": ""},
                        {"image": file})["productMediaCreate"]
        if result["errors"]:
            for message in field_errors(result["errors"], {}).values():
                problems.append(_("%(file)s: %(why)s") % {"file": file.name, "why": " ".join(message)})
        else:
            taken += 1
    if len(files) > MAX_PHOTOS_PER_POST:
        problems.append(_("Only %(count)s photos at a time: add the others again.") % {"count": MAX_PHOTOS_PER_POST})
    return taken, problems


def _answer(request: HttpRequest, url: str) -> HttpResponse:
    return JsonResponse({"redirect": url}) if wants_json(request) else HttpResponseRedirect(url)


def _new_page(request: HttpRequest, options: dict, values: dict, errors: dict) -> HttpResponse:
    if wants_json(request) and errors:
        return JsonResponse({"errors": errors})
    return render(request, "atelier/step_photos.html", {
        "title": _("Add a piece"), "step": 1, "options": options, "kinds": kind_cards(options["types"]),
        "values": values, "errors": errors, "product": None, "photos": [], "upload_texts": upload_texts()})


@artisan_space
@require_http_methods(["GET", "POST"])
def new(request: HttpRequest) -> HttpResponse:
    """Screen 1 before the piece exists: its kind (a picture grid) and the first photos."""
    options = form_options(request)
    values = {"kind": request.POST.get("kind", "") or request.GET.get("kind", "")}
    errors: dict[str, list[str]] = {}
    if request.method != "POST":
        return _new_page(request, options, values, errors)
    files = _files(request)
    if not values["kind"]:
        errors["kind"] = [_("Choose what kind of piece it is: touch its picture.")]
    elif values["kind"] not in options["type_by_id"]:
        errors["kind"] = [_("This choice no longer exists: choose again.")]
    if not files:
        errors["photos"] = [_("Add at least one photo of the piece.")]
    elif all(not f.size for f in files):
        errors["photos"] = [_("%(file)s: %(why)s") % {"file": f.name, "why": photo_problem("EMPTY_FILE")}
                            for f in files]
    if errors:
        return _new_page(request, options, values, errors)
    kind = options["type_by_id"][values["kind"]]
    name = _("%(kind)s of %(date)s") % {"kind": kind["name"],
                                            "date": timezone.localtime().strftime("%d/%m/%Y %H:%M")}
    created = api(request, "marketplace/ManagedProductCreate", {"input": {
        "productType": values["kind"], "name": name, "artisan": request.workshop.artisan_id,
        "category": (kind.get("defaultCategory") or {}).get("id"),
        "metadata": [{"key": STEP_KEY, "value": "details"}]}},
        channel=False, authenticated=True, cache_seconds=0)["productCreate"]
    errors = field_errors(created["errors"], {"productType": "kind", "category": "kind"})
    if errors:
        return _new_page(request, options, values, errors)
    product_id = created["product"]["id"]
    taken, problems = _upload_photos(request, product_id, files)
    if not taken:
        # Not one photo was taken: no empty draft is left behind; the artisan sees why, the kind still chosen.
        api(request, "saleor/ProductDelete", {"id": product_id}, channel=False, authenticated=True,
            cache_seconds=0)
        return _new_page(request, options, values, {"photos": problems})
    request.session[PROBLEMS_KEY] = problems
    return _answer(request, space_url(request, f"p/{product_id}/photos/"))


def _photos_page(request: HttpRequest, product: dict, problems: list[str] | None = None) -> HttpResponse:
    if wants_json(request) and problems:
        return JsonResponse({"errors": {"photos": problems}})
    shown = problems if problems is not None else request.session.pop(PROBLEMS_KEY, [])
    photos = photos_of(product, request.lang)
    return render(request, "atelier/step_photos.html", {
        "title": _("Photos"), "step": 1, "product": product, "status": status(product), "values": {},
        "errors": {"photos": shown} if shown else {}, "photos": photos, "ready": ready_photos(product),
        "waiting": any(p["status"] == "PENDING" for p in photos), "upload_texts": upload_texts()})


@artisan_space
@require_http_methods(["GET", "POST"])
def photos(request: HttpRequest, product_id: str) -> HttpResponse:
    """Screen 1 of an existing piece: each photo before and after the pipeline, its advice, or why it failed."""
    product = load_product(request, product_id)
    if request.method == "POST":
        files = _files(request)
        if not files:
            return _photos_page(request, product, [_("Add at least one photo of the piece.")])
        _taken, problems = _upload_photos(request, product_id, files)
        if problems:
            return _photos_page(request, load_product(request, product_id), problems)
        return _answer(request, space_url(request, f"p/{product_id}/photos/"))
    return _photos_page(request, product)


def _media_action(request: HttpRequest, product_id: str, document: str, root: str, done: str) -> HttpResponse:
    product = load_product(request, product_id)
    media_id = request.POST.get("media", "")
    if media_id in {m["id"] for m in product.get("managedMedia") or []}:
        result = api(request, document, {"id": media_id}, channel=False, authenticated=True, cache_seconds=0)[root]
        flash(request, done if not result["errors"] else " ".join(sum(field_errors(result["errors"], {}).values(), [])))
    return HttpResponseRedirect(space_url(request, f"p/{product_id}/photos/"))


@artisan_space
@require_POST
def photo_delete(request: HttpRequest, product_id: str) -> HttpResponse:
    return _media_action(request, product_id, "saleor/ProductMediaDelete", "productMediaDelete",
                         _("The photo is removed."))


@artisan_space
@require_POST
def photo_retry(request: HttpRequest, product_id: str) -> HttpResponse:
    return _media_action(request, product_id, "marketplace/ProductMediaRetry", "productMediaRetry",
                         _("The photo is being improved again."))


@artisan_space
@require_http_methods(["GET", "POST"])
def draft_delete(request: HttpRequest, product_id: str) -> HttpResponse:
    """Delete a draft (asked once more first); a piece already sent is not deleted from here."""
    product = load_product(request, product_id)
    if status(product) != "draft":
        flash(request, _("Only a draft can be deleted here."))
        return HttpResponseRedirect(space_url(request, "products/"))
    if request.method == "POST":
        result = api(request, "saleor/ProductDelete", {"id": product_id}, channel=False, authenticated=True,
                     cache_seconds=0)["productDelete"]
        if not result["errors"]:
            flash(request, _("The draft is deleted."))
            return HttpResponseRedirect(space_url(request, "products/?status=draft"))
    context: dict[str, Any] = {"title": _("Delete this draft?"), "product": product,
                               "photos": photos_of(product, request.lang)}
    return render(request, "atelier/draft_delete.html", context)
