"""Reading a fair label's QR code from a phone photo (a file input with the camera): zxing-cpp on the
image, scaled down first (phone photos are large; a label's code needs far fewer pixels)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 20 * 1024 * 1024
MAX_SIDE = 1600
PRODUCT_PATH = re.compile(r"^/(?:fr|ar|en)/[a-z][a-z0-9-]{1,40}/p/(?P<slug>[-a-zA-Z0-9_]+)/$")


class QrError(Exception):
    """The photo has no readable Maalem label (the message is for the artisan)."""


def _open(photo: UploadedFile) -> Image.Image:
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()  # iPhones' photos
    except ImportError:  # pragma: no cover - installed with the project
        pass
    if photo.size and photo.size > MAX_BYTES:
        raise QrError(_("This photo is too large."))
    try:
        image = Image.open(photo)
        image.draft("L", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at a reduced size directly
        image = image.convert("L")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise QrError(_("This file is not a photo we can read.")) from None
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    return image


def product_slug_from_photo(photo: UploadedFile) -> str:
    import zxingcpp

    image = _open(photo)
    for code in zxingcpp.read_barcodes(image):
        match = PRODUCT_PATH.match(urlsplit(code.text).path)
        if match:
            return match.group("slug")
    raise QrError(_("No label's QR code was found in this photo: take it again, closer and sharp."))
