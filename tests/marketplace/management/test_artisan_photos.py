"""artisanPhotoAdd with real files, over the GraphQL multipart request spec: a member adds a portrait and a
workshop photo, each through the photography pipeline, and reads them back on the artisan; a 12 MP phone photo
becomes a square portrait or a 4:3 workshop photo (the frame the pipeline once lacked, which made every workshop
photo an INTERNAL_ERROR); a truncated JPEG, a PNG bomb and an empty file each get their own field error code;
the workshop's photo limit is named."""

from __future__ import annotations

import io

import pytest
from photo_files import EMPTY, phone_jpeg, png_bomb, truncated_jpeg
from PIL import Image

pytestmark = pytest.mark.django_db

M = "storefront/graphql/marketplace/"


def add(upload, doc, gql, artisan_id: str, kind: str, data: bytes) -> dict:
    response = upload(doc(M + "ArtisanPhotoAdd.graphql"), {"id": artisan_id, "kind": kind, "image": None},
                      {"image": ("photo.jpg", data)}, token=gql.token)
    assert response.status_code == 200, response.content[:300]
    body = response.json()
    assert not body.get("errors"), body["errors"]
    return body["data"]["artisanPhotoAdd"]


@pytest.mark.parametrize("kind", ["PORTRAIT", "WORKSHOP"])
def test_member_adds_a_portrait_and_a_workshop_photo(gql, doc, world, sign_in, upload, photo, kind):
    side = world["a"]
    sign_in("member_a_on_a", world)
    before = len(side.artisan.workshop_photos)
    response = upload(doc(M + "ArtisanPhotoAdd.graphql"), {"id": side.ids["artisan"], "kind": kind, "image": None},
                      {"image": ("atelier.jpg", photo(11))}, token=gql.token)
    assert response.status_code == 200, response.content[:300]
    payload = response.json()["data"]["artisanPhotoAdd"]
    assert payload["errors"] == []
    artisan = payload["artisan"]
    if kind == "PORTRAIT":
        assert artisan["portrait"]["url"]
    else:
        assert len(artisan["workshopPhotos"]) == before + 1 and artisan["workshopPhotos"][-1]["url"]


@pytest.mark.slow  # two 12-megapixel phone photos through the pipeline
def test_portrait_and_workshop_frames_from_a_phone_photo(gql, doc, world, sign_in, upload):
    from marketplace.artisans.models import Artisan
    from marketplace.media.selectors import derivative_path

    side = world["a"]
    sign_in("member_a_on_a", world)
    before = len(side.artisan.workshop_photos)
    workshop = add(upload, doc, gql, side.ids["artisan"], "WORKSHOP", phone_jpeg())
    assert workshop["errors"] == [] and len(workshop["artisan"]["workshopPhotos"]) == before + 1
    portrait = add(upload, doc, gql, side.ids["artisan"], "PORTRAIT", phone_jpeg())
    assert portrait["errors"] == [] and portrait["artisan"]["portrait"]["url"]
    from django.core.files.storage import default_storage

    artisan = Artisan.objects.get(pk=side.artisan.pk)
    for files, ratio in ((artisan.workshop_photos[-1], 4 / 3), (artisan.portrait, 1.0)):
        with default_storage.open(derivative_path(files, None)) as handle:
            width, height = Image.open(io.BytesIO(handle.read())).size
        assert abs(width / height - ratio) < 0.01, (width, height)


def test_each_bad_file_has_its_own_code(gql, doc, world, sign_in, upload):
    side = world["a"]
    sign_in("member_a_on_a", world)
    for data, code in ((truncated_jpeg(), "INVALID"), (png_bomb(), "FILE_SIZE_LIMIT_EXCEEDED"), (EMPTY, "REQUIRED"),
                       (b"%PDF-1.4 a letter" * 30, "INVALID_FILE_TYPE")):
        errors = add(upload, doc, gql, side.ids["artisan"], "WORKSHOP", data)["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [("image", code)], errors


def test_the_workshop_photo_limit_is_named(gql, doc, world, sign_in, upload):
    from marketplace.artisans.services import MAX_WORKSHOP_PHOTOS

    side = world["a"]
    side.artisan.workshop_photos = [{"master": "x.jpg"}] * MAX_WORKSHOP_PHOTOS
    side.artisan.save(update_fields=["workshop_photos"])
    sign_in("member_a_on_a", world)
    errors = add(upload, doc, gql, side.ids["artisan"], "WORKSHOP", phone_jpeg(1600, 1200))["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("image", "TOO_MANY_PHOTOS")]
