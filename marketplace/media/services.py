"""Product media: keep the original private, run the photography pipeline, store the derivatives."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from marketplace.catalog.models import Product
from marketplace.media.models import ProductMedia
from marketplace.photography import PIPELINE_VERSION, PhotoRejected, process_photo, sniff_format

logger = logging.getLogger(__name__)
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "HEIF": "heic", "HEIC": "heic", "AVIF": "avif"}


def private_storage() -> Any:
    return storages["private"]


def store_original(data: bytes, folder: str) -> tuple[str, str]:
    """Save the upload as received in private storage; return (path, sha256). Refuses unknown formats."""
    digest = hashlib.sha256(data).hexdigest()
    fmt = sniff_format(data)
    path = f"originals/{folder}/{digest}.{EXTENSIONS.get(fmt, 'bin')}"
    storage = private_storage()
    if not storage.exists(path):
        storage.save(path, ContentFile(data))
    return path, digest


def _save_public(path: str, data: bytes) -> str:
    # Paths are derived from the content hash and pipeline version: an existing file is a stale copy.
    if default_storage.exists(path):
        default_storage.delete(path)
    return default_storage.save(path, ContentFile(data))


def save_derivatives(result: Any, folder: str) -> dict[str, Any]:
    """Write the pipeline's master and derivatives under `folder` in public storage; return the files map."""
    files: dict[str, Any] = {"master": _save_public(f"{folder}/master.jpg", result.master)}
    for derivative in result.derivatives:
        ext = EXTENSIONS[derivative.format]
        files.setdefault(derivative.format, {})[str(derivative.width)] = _save_public(
            f"{folder}/{derivative.width}.{ext}", derivative.data)
    return files


def add_product_media(product: Product, data: bytes, *, alt: str = "", process: bool = True) -> ProductMedia:
    """Record an uploaded photo (PENDING) and schedule the pipeline once the transaction commits.
    Raises PhotoRejected for a file that is not an image we accept."""
    sniff_format(data)  # refuse non-images before anything is stored
    original, digest = store_original(data, f"products/{product.pk}")
    next_order = (product.media.aggregate(m=Max("sort_order"))["m"] or 0) + 1
    media = ProductMedia.objects.create(product=product, alt=alt, original=original, content_hash=digest,
                                        sort_order=next_order)
    if process:
        from marketplace.media.tasks import process_product_media_task

        transaction.on_commit(lambda: process_product_media_task.delay(media.pk))
    return media


def process_media(media_id: int) -> ProductMedia | None:
    """Run the pipeline on a media's private original and publish its derivatives."""
    media = ProductMedia.objects.filter(pk=media_id).first()
    if media is None:
        return None
    with private_storage().open(media.original, "rb") as handle:
        data = handle.read()
    try:
        result = process_photo(data, aspect="1:1")
    except PhotoRejected as error:
        media.status, media.error = ProductMedia.Status.FAILED, error.message
        media.save(update_fields=["status", "error"])
        return media
    old_files = media.files
    media.files = save_derivatives(result, f"products/{media.product_id}/{media.pk}-{media.content_hash[:10]}-v{PIPELINE_VERSION}")
    media.width, media.height = result.master_size
    media.quality_report = result.report.to_dict()
    media.pipeline_version = PIPELINE_VERSION
    media.status, media.error = ProductMedia.Status.READY, ""
    media.processed_at = timezone.now()
    media.save()
    _delete_files(old_files, keep=media.files)
    from marketplace.catalog.services import after_catalog_change

    after_catalog_change([media.product_id])
    return media


def _delete_files(files: dict[str, Any], keep: dict[str, Any]) -> None:
    keep_paths = set(_paths(keep))
    for path in _paths(files):
        if path not in keep_paths:
            default_storage.delete(path)


def _paths(files: dict[str, Any]) -> list[str]:
    paths = [files["master"]] if files.get("master") else []
    for value in files.values():
        if isinstance(value, dict):
            paths += list(value.values())
    return paths


def reprocess_outdated(*, everything: bool = False) -> int:
    """Re-run the pipeline on media made by an older pipeline version (or on all): one command."""
    media = ProductMedia.objects.exclude(original="")
    if not everything:
        media = media.filter(Q(pipeline_version__isnull=True) | Q(pipeline_version__lt=PIPELINE_VERSION))
    count = 0
    for media_id in media.values_list("pk", flat=True).iterator():
        process_media(media_id)
        count += 1
    return count
