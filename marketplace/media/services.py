"""Product media: keep the original private, run the photography pipeline, store the derivatives.

Nothing fails silently: an upload whose header already says it cannot be a photo (empty, not an image,
too many pixels) is refused at once with a field error; a photo the pipeline then refuses (a damaged body)
or that the pipeline fails on is kept as FAILED with its code and reason, which the product's managers see
(`Product.managedMedia`) and can retry or delete; a FAILED copy never blocks the same file from being
uploaded again."""

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
from marketplace.celery import app as celery_app
from marketplace.media.models import ProductMedia
from marketplace.photography import (
    PIPELINE_VERSION,
    PhotoRejected,
    check_photo,
    preview_jpeg,
    process_photo,
    sniff_format,
)

logger = logging.getLogger(__name__)
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "HEIF": "heic", "HEIC": "heic", "AVIF": "avif"}
PROCESS_MEDIA_TASK = "media.process_product_media"  # registered by tasks.py, sent by name
PROCESSING_ERROR = "PROCESSING_ERROR"  # the pipeline itself failed (not the photo's fault): worth a retry
# The pipeline's refusal codes as Saleor's ProductErrorCode (each distinct, so clients can say which).
UPLOAD_ERROR_CODES = {"EMPTY_FILE": "REQUIRED", "UNSUPPORTED_FORMAT": "INVALID_FILE_TYPE",
                      "FILE_TOO_LARGE": "FILE_SIZE_LIMIT_EXCEEDED", "TOO_MANY_PIXELS": "FILE_SIZE_LIMIT_EXCEEDED",
                      "CORRUPT_IMAGE": "INVALID"}


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


def save_derivatives(result: Any, folder: str, original: bytes | None = None) -> dict[str, Any]:
    """Write the pipeline's master and derivatives under `folder` in public storage; return the files map.
    With the original, also a downscaled metadata-free "before" copy for the before/after view: in private
    storage, as unprocessed work (media/private.py serves it to the artisan's members and curators only)."""
    from marketplace.media.private import save_preview

    files: dict[str, Any] = {"master": _save_public(f"{folder}/master.jpg", result.master)}
    if original is not None:
        files["before"] = save_preview(folder, preview_jpeg(original, max_side=1024))
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
        transaction.on_commit(lambda: schedule_processing(media.pk))
    return media


def schedule_processing(media_id: int) -> None:
    """A worker runs the pipeline when a broker is configured; otherwise it runs here, directly (Celery's
    eager mode would flag the whole process as "inside a task" meanwhile, breaking other threads' joins)."""
    from django.conf import settings

    if settings.CELERY_BROKER_URL:
        # By name: tasks.py (the worker's entry) imports this module, never the other way round.
        celery_app.send_task(PROCESS_MEDIA_TASK, args=[media_id])
    else:
        process_media(media_id)


def process_media(media_id: int) -> ProductMedia | None:
    """Run the pipeline on a media's private original and publish its derivatives; a refusal or a failure
    leaves the media FAILED with its code and reason (never PENDING for ever)."""
    media = ProductMedia.objects.filter(pk=media_id).first()
    if media is None:
        return None
    try:
        with private_storage().open(media.original, "rb") as handle:
            data = handle.read()
        result = process_photo(data, aspect="1:1")
    except PhotoRejected as error:
        return _failed(media, error.code, error.message)
    except Exception:
        logger.exception("photo pipeline failed on media %s", media.pk)
        return _failed(media, PROCESSING_ERROR, "The photo could not be processed; try again.")
    old_files = media.files
    folder = f"products/{media.product_id}/{media.pk}-{media.content_hash[:10]}-v{PIPELINE_VERSION}"
    media.files = save_derivatives(result, folder, original=data)
    media.width, media.height = result.master_size
    media.quality_report = result.report.to_dict()
    media.pipeline_version = PIPELINE_VERSION
    media.status, media.error, media.error_code = ProductMedia.Status.READY, "", ""
    media.processed_at = timezone.now()
    media.save()
    _delete_files(old_files, keep=media.files)
    from marketplace.catalog.services import after_catalog_change

    after_catalog_change([media.product_id])
    return media


def _failed(media: ProductMedia, code: str, message: str) -> ProductMedia:
    media.status, media.error_code, media.error = ProductMedia.Status.FAILED, code, message
    media.save(update_fields=["status", "error_code", "error"])
    return media


def _delete_files(files: dict[str, Any], keep: dict[str, Any]) -> None:
    from marketplace.media.private import delete_preview

    keep_paths = set(_paths(keep))
    for path in _paths(files):
        if path not in keep_paths:
            default_storage.delete(path)
    if files.get("before") and files["before"] != keep.get("before"):
        delete_preview(files["before"])


def _paths(files: dict[str, Any]) -> list[str]:
    """Public files of a media (the private "before" copy is deleted by media/private.py)."""
    paths = [files[key] for key in ("master",) if files.get(key)]
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


# Management (productMediaCreate/Update/Delete/Reorder): permissions, review and catalog refresh.

MAX_UPLOAD_BYTES = 25 * 1024 * 1024


def create_media_for(user: Any, product_pk: int, data: bytes, alt: str = "") -> ProductMedia:
    """An artisan's (or curator's) photo: checked, kept private, sent to the pipeline; the listing goes to
    review when a member changes photos."""
    from marketplace.catalog import review
    from marketplace.catalog.access import product_for_write
    from marketplace.core.errors import FieldError, MutationError

    product = product_for_write(user, product_pk, "product")
    if len(data) > MAX_UPLOAD_BYTES:
        raise MutationError([FieldError("image", f"The file is larger than {MAX_UPLOAD_BYTES // 1048576} MB.",
                                        "FILE_SIZE_LIMIT_EXCEEDED")])
    if data and sniff_format(data) is None:
        raise MutationError([FieldError("image", "The file is not a photo we accept (JPEG, PNG, WebP, HEIC).",
                                        "INVALID_FILE_TYPE")])
    try:
        check_photo(data)
    except PhotoRejected as error:
        raise MutationError([FieldError("image", error.message, UPLOAD_ERROR_CODES.get(error.code, "INVALID"))]
                            ) from None
    same = product.media.filter(content_hash=hashlib.sha256(data).hexdigest())
    if same.exclude(status=ProductMedia.Status.FAILED).exists():
        raise MutationError([FieldError("image", "This photo is already on the product.", "MEDIA_ALREADY_ASSIGNED")])
    same.delete()  # a failed copy of this file: the new upload replaces it
    media = add_product_media(product, data, alt=alt)
    media.refresh_from_db()  # plain column values (the PENDING status) for the payload
    review.request_review(user, product, "Photos changed")
    from marketplace.catalog.services import after_catalog_change

    after_catalog_change([product.pk])
    return media


def retry_media(user: Any, media_pk: int) -> ProductMedia:
    """Run the pipeline again on a photo that failed (or is still waiting): a pipeline failure may pass on a
    second try; a damaged file fails again with the same reason."""
    from marketplace.core.errors import FieldError, MutationError

    media = media_for_write(user, media_pk)
    if media.status == ProductMedia.Status.READY:
        raise MutationError([FieldError("id", "This photo is ready: nothing to retry.", "INVALID")])
    media.status, media.error, media.error_code = ProductMedia.Status.PENDING, "", ""
    media.save(update_fields=["status", "error", "error_code"])
    transaction.on_commit(lambda: schedule_processing(media.pk))
    return media


def media_for_write(user: Any, media_pk: int) -> ProductMedia:
    from marketplace.core.errors import FieldError, MutationError
    from marketplace.core.permissions import require_artisan_access, require_authenticated

    require_authenticated(user)
    media = ProductMedia.objects.select_related("product").filter(pk=media_pk).first()
    if media is None:
        raise MutationError([FieldError("id", f"Couldn't resolve to a product media: {media_pk}", "NOT_FOUND")])
    require_artisan_access(user, media.product.artisan_id)
    return media


def update_media(user: Any, media_pk: int, alt: str | None) -> ProductMedia:
    from marketplace.catalog.services import after_catalog_change

    media = media_for_write(user, media_pk)
    if alt is not None:
        media.alt = alt[:250]
        media.save(update_fields=["alt"])
    after_catalog_change([media.product_id])
    return media


def delete_media(user: Any, media_pk: int) -> ProductMedia:
    from marketplace.catalog import review
    from marketplace.catalog.services import after_catalog_change

    media = media_for_write(user, media_pk)
    product = media.product
    files, pk = media.files, media.pk
    media.delete()
    media.pk = pk
    transaction.on_commit(lambda: _delete_files(files, keep={}))
    review.request_review(user, product, "Photos changed")
    after_catalog_change([product.pk])
    return media


def reorder_media(user: Any, product_pk: int, media_pks: list[int]) -> list[ProductMedia]:
    from marketplace.catalog.access import product_for_write
    from marketplace.catalog.services import after_catalog_change
    from marketplace.core.errors import FieldError, MutationError

    product = product_for_write(user, product_pk, "productId")
    media = {m.pk: m for m in product.media.all()}
    if len(set(media_pks)) != len(media_pks) or set(media_pks) != set(media):
        raise MutationError([FieldError("mediaIds", "Give every media of the product exactly once.",
                                        "NOT_PRODUCTS_IMAGE")])
    for order, pk in enumerate(media_pks):
        media[pk].sort_order = order
    ProductMedia.objects.bulk_update(list(media.values()), ["sort_order"])
    after_catalog_change([product.pk])
    return [media[pk] for pk in media_pks]
