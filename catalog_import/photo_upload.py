"""A product's photos, each uploaded once (productMediaCreate, GraphQL multipart request with the file's
real MIME type).

A photo the API refuses (an error in the payload, or on this API a FAILED status from the photography
pipeline) is an error on the product's row, in the user's language; it is not recorded as uploaded (neither
in the state file nor in the product's `importPhotos` metadata), and a failed copy is deleted at once, so
the same file is uploaded again, cleanly, by the next run. A photo still PENDING (a task worker processes it
later) is recorded: the atelier shows its outcome.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from catalog_import import plan
from catalog_import.client import ApiError
from catalog_import.model import Photo, Problem

if TYPE_CHECKING:
    from catalog_import.apply import Writer

UPLOAD = {"saleor": "ProductMediaCreate", "marketplace": "ImportProductMediaCreateWithStatus"}


class PhotoRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _upload(writer: Writer, product_id: str, photo: Photo) -> None:
    from catalog_import.apply import messages_of

    document = UPLOAD.get(writer.target, UPLOAD["marketplace"])
    try:
        with writer.timed("photos"):
            writer.sent()
            data = writer.client.upload(document, {"product": product_id, "alt": ""},
                                        {"image": photo.path})["productMediaCreate"]
    except ApiError as error:
        raise PhotoRefused(str(error)) from None
    if data is None:
        raise PhotoRefused("refused")
    if data.get("errors"):
        raise PhotoRefused(messages_of(data["errors"]))
    media: dict[str, Any] = data.get("media") or {}
    if media.get("status") == "FAILED":
        reason = media.get("processingError") or "the photography pipeline refused it"
        if media.get("id"):
            writer.call("ProductMediaDelete", {"id": media["id"]}, "productMediaDelete")
        raise PhotoRefused(reason)


def upload_photos(writer: Writer, product_id: str, photos: list[Photo], uploaded: list[str]) -> None:
    """Each photo once: its hash goes to the state file right after the upload and to the product's
    metadata at the end, so neither a kill nor a second run uploads it again. Raises ProductFailed naming
    every refused photo (after the others are uploaded and recorded)."""
    from catalog_import.apply import ProductFailed

    hashes = list(uploaded)
    already = writer.state.photos.get(product_id, set())
    refused: list[Problem] = []
    for photo in photos:
        digest = plan.photo_hash(photo.sha256)
        if digest in hashes:
            writer.progress.photo("skipped")
            continue
        if digest not in already:
            try:
                _upload(writer, product_id, photo)
            except PhotoRefused as error:
                refused.append(Problem(None, photo.column, "PHOTO_FAILED",
                                       {"value": photo.path.name, "reason": error.reason}))
                writer.progress.photo("failed")
                continue
            with writer.lock:
                writer.state.record_photo(product_id, digest)
                writer.result.photos_uploaded += 1
        writer.progress.photo("uploaded")
        hashes.append(digest)
    if hashes != uploaded:
        writer.call("ProductUpdate", {"id": product_id, "input": {
            "metadata": [{"key": plan.PHOTOS_KEY, "value": ",".join(hashes)}]}}, "productUpdate")
    if refused:
        raise ProductFailed("; ".join(f"{p.params['value']}: {p.params['reason']}" for p in refused), refused)
