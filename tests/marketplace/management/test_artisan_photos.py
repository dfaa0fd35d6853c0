"""artisanPhotoAdd over the GraphQL multipart request spec: a member adds a portrait and a workshop photo,
each through the photography pipeline, and reads them back on the artisan."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

M = "storefront/graphql/marketplace/"


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
