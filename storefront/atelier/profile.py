"""My profile: the story buyers read (French, Arabic, English) and the portrait (1:1) and workshop (4:3)
photos, each refusal said with why in the artisan's language; a photo is sent when picked (atelier.js)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from storefront.core.pages import api
from storefront.core.photos import photo_problem

from .catalog import flash, space_url
from .client import field_errors, upload
from .gate import artisan_space
from .photos import upload_texts, wants_json

MAX_STORY = 5000
PHOTO_KINDS = ("PORTRAIT", "WORKSHOP")


def _artisan(request: HttpRequest) -> dict | None:
    return api(request, "marketplace/AtelierArtisan", {"id": request.workshop.artisan_id}, channel=False,
               authenticated=True, cache_seconds=0)["artisan"]


@artisan_space
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    artisan = _artisan(request) or {}
    errors: dict[str, list[str]] = {}
    values = {"story_fr": artisan.get("story") or "", "story_ar": (artisan.get("ar") or {}).get("story") or "",
              "story_en": (artisan.get("en") or {}).get("story") or ""}
    kind = request.POST.get("kind", "")
    if request.method == "POST" and request.POST.get("action") == "photo":
        images = [f for f in request.FILES.getlist("image")]
        if kind not in PHOTO_KINDS:
            errors["kind"] = [_("Choose what the photo shows.")]
        if not images:
            errors["image"] = [_("Choose a photo.")]
        elif not images[0].size:
            errors["image"] = [photo_problem("EMPTY_FILE")]
        if not errors:
            result = upload(request, "marketplace/ArtisanPhotoAdd", {"id": request.workshop.artisan_id, "kind": kind},
                            {"image": images[0]})["artisanPhotoAdd"]
            errors = field_errors(result["errors"], {"image": "image", "kind": "kind"})
        if wants_json(request) and errors:
            return JsonResponse({"errors": errors})
        if not errors:
            flash(request, _("The photo is added."))
            url = space_url(request, "profile/")
            return JsonResponse({"redirect": url}) if wants_json(request) else HttpResponseRedirect(url)
    elif request.method == "POST":
        values = {f"story_{lang}": request.POST.get(f"story_{lang}", "").strip() for lang in ("fr", "ar", "en")}
        for field, text in values.items():
            if len(text) > MAX_STORY:
                errors[field] = [_("At most %(count)s characters.") % {"count": MAX_STORY}]
        if not errors:
            data = {"storyTranslations": [{"languageCode": lang.upper(), "story": values[f"story_{lang}"]}
                                          for lang in ("ar", "en") if values[f"story_{lang}"]]}
            if values["story_fr"]:
                data["story"] = values["story_fr"]
            result = api(request, "marketplace/ArtisanUpdate", {"id": request.workshop.artisan_id, "input": data},
                         channel=False, authenticated=True, cache_seconds=0)["artisanUpdate"]
            errors = field_errors(result["errors"], {"story": "story_fr", "storyTranslations": "story_ar"})
        if not errors:
            flash(request, _("Saved."))
            return HttpResponseRedirect(space_url(request, "profile/"))
    return render(request, "atelier/profile.html",
                  {"title": _("My profile"), "artisan": artisan or None, "values": values,
                                                    "errors": errors, "kind": kind, "upload_texts": upload_texts()})
