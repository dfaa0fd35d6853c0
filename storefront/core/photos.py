"""Why a photo could not be used, in the page's language: the photography pipeline's codes
(`ProductMedia.processingErrorCode`) and the API's error codes on an uploaded photo, for the artisan's and the
curators' spaces alike."""

from __future__ import annotations

from django.utils.translation import gettext as _


def photo_problem(code: str | None) -> str:
    """Why a photo could not be used (the photography pipeline's code), in the page's language."""
    problems = {
        "EMPTY_FILE": _("The file is empty: take the photo again."),
        "FILE_TOO_LARGE": _("The photo is too large: take it again with your phone's camera."),
        "TOO_MANY_PIXELS": _("The image is far too large (too many pixels): send a photo taken with a phone."),
        "UNSUPPORTED_FORMAT": _("This file is not a photo we accept (JPEG, PNG, WebP, HEIC)."),
        "CORRUPT_IMAGE": _("The photo is damaged or incomplete (the sending may have stopped): send it again."),
    }
    return problems.get(code or "", _("We could not improve this photo: try again."))


# The API's error codes on an uploaded photo (Saleor's ProductErrorCode) and the pipeline's reasons.
PHOTO_ERRORS = {"REQUIRED": "EMPTY_FILE", "INVALID_FILE_TYPE": "UNSUPPORTED_FORMAT",
                "FILE_SIZE_LIMIT_EXCEEDED": "TOO_MANY_PIXELS", "INVALID": "CORRUPT_IMAGE"}
