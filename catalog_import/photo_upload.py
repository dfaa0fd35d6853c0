"""A product's photos, each uploaded once (productMediaCreate, GraphQL multipart request with the file's
real MIME type).

A photo the API refuses (an error in the payload, or on this API a FAILED status from the photography
pipeline) is an error on the product's row, in the user's language; it is not recorded as uploaded (neither
in the state file nor in the product's `importPhotos` metadata), and a failed copy is deleted at once, so
the same file is uploaded again, cleanly, by the next run. A photo still PENDING (a task worker processes it
later) is recorded: the atelier shows its outcome.
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from typing import Any, Protocol

from catalog_import import plan
from catalog_import.client import ApiError, GraphQLClient
from catalog_import.model import Photo, Problem
from catalog_import.progress import Progress
from catalog_import.refusals import ProductFailed, messages_of
from catalog_import.report import Result
from catalog_import.state import StateFile


class Writer(Protocol):
    """What the uploads use of the chunk writer (catalog_import.apply.Writer)."""

    client: GraphQLClient
    target: str
    state: StateFile
    result: Result
    progress: Progress
    lock: threading.Lock

    def timed(self, phase: str) -> AbstractContextManager[None]: ...
    def sent(self) -> None: ...
    def call(self, name: str, variables: dict, root: str) -> dict: ...

UPLOAD = {"saleor": "ProductMediaCreate", "marketplace": "ImportProductMediaCreateWithStatus"}


# This API refuses a second copy of a photo already on the product (uploaded in the atelier, or by a run whose
# record of it was lost): the photo is there, which is what the importer wants.
ALREADY_THERE = "MEDIA_ALREADY_ASSIGNED"


class PhotoRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _upload(writer: Writer, product_id: str, photo: Photo) -> bool:
    """True when the photo was uploaded, False when the API already had it."""
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
        if all(error.get("code") == ALREADY_THERE for error in data["errors"]):
            return False
        raise PhotoRefused(messages_of(data["errors"]))
    media: dict[str, Any] = data.get("media") or {}
    if media.get("status") == "FAILED":
        reason = media.get("processingError") or "the photography pipeline refused it"
        if media.get("id"):
            writer.call("ProductMediaDelete", {"id": media["id"]}, "productMediaDelete")
        raise PhotoRefused(reason)
    return True


def upload_photos(writer: Writer, product_id: str, photos: list[Photo], uploaded: list[str]) -> None:
    """Each photo once: its hash goes to the state file right after the upload and to the product's
    metadata at the end, so neither a kill nor a second run uploads it again. Raises ProductFailed naming
    every refused photo (after the others are uploaded and recorded)."""
    hashes = list(uploaded)
    already = writer.state.photos.get(product_id, set())
    refused: list[Problem] = []
    for photo in photos:
        digest = plan.photo_hash(photo.sha256)
        if digest in hashes:
            writer.progress.photo("skipped")
            continue
        uploaded_now = False
        if digest not in already:
            try:
                uploaded_now = _upload(writer, product_id, photo)
            except PhotoRefused as error:
                refused.append(Problem(None, photo.column, "PHOTO_FAILED",
                                       {"value": photo.path.name, "reason": error.reason}))
                writer.progress.photo("failed")
                continue
            with writer.lock:
                writer.state.record_photo(product_id, digest)
                writer.result.photos_uploaded += uploaded_now
        writer.progress.photo("uploaded" if uploaded_now else "skipped")
        hashes.append(digest)
    if hashes != uploaded:
        writer.call("ProductUpdate", {"id": product_id, "input": {
            "metadata": [{"key": plan.PHOTOS_KEY, "value": ",".join(hashes)}]}}, "productUpdate")
    if refused:
        raise ProductFailed("; ".join(f"{p.params['value']}: {p.params['reason']}" for p in refused), refused)
