"""The "before" copy of a product photo (the upload downscaled, without metadata) is unprocessed work that
the public never sees: it lives in private storage with the originals, under `previews/`, and only the
product's artisan's members and curators get a URL to it (`ProductMedia.beforeUrl`).

That URL is the API's own, signed with Django's signing (salted, expiring after BEFORE_URL_SECONDS), so a
browser can show it in an <img> (no Authorization header there) and it works the same with local files and
an S3 private bucket (read through the storage API, never a public bucket URL). A link that is forged,
altered or expired is a 404."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse

SALT = "maalem.media.before-preview"
PREFIX = "previews/"
BEFORE_URL_SECONDS = 3600


def private_storage():
    return storages["private"]


def save_preview(folder: str, data: bytes) -> str:
    """Store a before copy in private storage; the path to keep in the media's `files["before"]`."""
    storage = private_storage()
    path = f"{PREFIX}{folder}/before.jpg"
    if storage.exists(path):
        storage.delete(path)
    return storage.save(path, ContentFile(data))


def delete_preview(path: str | None) -> None:
    if path and path.startswith(PREFIX):
        private_storage().delete(path)


def signed_url(path: str) -> str:
    token = signing.dumps(path, salt=SALT)
    return f"{settings.PUBLIC_API_URL.rstrip('/')}/private-media/{token}/before.jpg"


def serve_preview(request: HttpRequest, token: str) -> HttpResponse:
    try:
        path = signing.loads(token, salt=SALT, max_age=BEFORE_URL_SECONDS)
    except signing.BadSignature:  # SignatureExpired included
        raise Http404("no such preview") from None
    if not isinstance(path, str) or not path.startswith(PREFIX) or ".." in path:
        raise Http404("no such preview")
    storage = private_storage()
    if not storage.exists(path):
        raise Http404("no such preview")
    response = FileResponse(storage.open(path, "rb"), content_type="image/jpeg")
    response["Cache-Control"] = f"private, max-age={BEFORE_URL_SECONDS}"
    response["X-Robots-Tag"] = "noindex"
    return response
