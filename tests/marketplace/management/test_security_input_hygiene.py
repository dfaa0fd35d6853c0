"""Input hygiene and no 500 on any input (issue 13): names are NFC, without controls or bidi overrides, with
visible text and within their column; slugs follow Django's rules; too long or out-of-range values are
field errors with a code, never a server error."""

from __future__ import annotations

import logging

import pytest

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db
S = "storefront/graphql/saleor/"
M = "storefront/graphql/marketplace/"


def product_type_id() -> str:
    from marketplace.catalog.models import ProductType

    return to_global_id("ProductType", ProductType.objects.order_by("pk").first().pk)


def create(gql, doc, **fields) -> dict:
    return gql.data(doc(M + "ManagedProductCreate.graphql"), {"input": {"productType": product_type_id(),
                                                                         **fields}})["productCreate"]


def _no_error_logged(caplog) -> None:
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


@pytest.mark.parametrize("name", ["\u200b\u200b\u200b", "\u200b \ufeff \u2060", "\u202e\u202c", " \t\n "])
def test_a_name_without_visible_text_is_refused(gql, doc, world, sign_in, name):
    sign_in("member_a_on_a", world)
    errors = create(gql, doc, name=name)["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("name", "REQUIRED")]


def test_bidi_overrides_and_controls_are_stripped_and_text_is_nfc(gql, doc, world, sign_in):
    sign_in("member_a_on_a", world)
    result = create(gql, doc, name="Tapis \u202egpj.exe\u202c  Cafe\u0301\x07 \u2066x\u2069")
    assert result["errors"] == []
    assert result["product"]["name"] == "Tapis gpj.exe Caf\u00e9 x"
    arabic = create(gql, doc, name="زربية\u200c أمازيغية")  # the joiners stay: scripts need them
    assert arabic["product"]["name"] == "زربية\u200c أمازيغية"


@pytest.mark.parametrize("slug", ['../../x y"<>', "tapis rouge", "tapis/rouge", "<script>"])
def test_slugs_follow_djangos_rules(gql, doc, world, sign_in, slug):
    sign_in("member_a_on_a", world)
    errors = create(gql, doc, name="Tapis", slug=slug)["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("slug", "INVALID")]
    updated = gql.data(doc(S + "ProductUpdate.graphql"), {"id": world["a"].ids["product"], "input": {"slug": slug}})
    assert [(e["field"], e["code"]) for e in updated["productUpdate"]["errors"]] == [("slug", "INVALID")]


def test_a_300_character_product_name_is_a_field_error(gql, doc, world, sign_in, caplog):
    caplog.set_level(logging.ERROR)
    sign_in("member_a_on_a", world)
    errors = create(gql, doc, name="T" * 300)["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("name", "INVALID")]
    assert "250" in errors[0]["message"]
    update = gql.data(doc(S + "ProductUpdate.graphql"), {"id": world["a"].ids["product"], "input": {"name": "T" * 300}})
    assert [(e["field"], e["code"]) for e in update["productUpdate"]["errors"]] == [("name", "INVALID")]
    _no_error_logged(caplog)


def test_a_300_character_translation_is_a_field_error(gql, doc, world, sign_in, caplog):
    caplog.set_level(logging.ERROR)
    for role in ("member_a_on_a", "curator"):
        sign_in(role, world)
        result = gql.data(doc(S + "ProductTranslate.graphql"), {"id": world["a"].ids["product"], "languageCode": "EN",
                                                               "input": {"name": "N" * 300}})["productTranslate"]
        assert [(e["field"], e["code"]) for e in result["errors"]] == [("name", "INVALID")], role
    bulk = gql.data(doc(S + "ProductBulkTranslate.graphql"), {"translations": [
        {"id": world["a"].ids["product"], "languageCode": "AR", "translationFields": {"name": "ن" * 300}}]})
    assert bulk["productBulkTranslate"]["results"][0]["errors"][0]["code"] == "INVALID"
    _no_error_logged(caplog)


def test_a_300_character_artisan_city_is_a_field_error(gql, doc, world, sign_in, caplog):
    caplog.set_level(logging.ERROR)
    sign_in("member_a_on_a", world)
    result = gql.data(doc(M + "ArtisanUpdate.graphql"), {"id": world["a"].ids["artisan"], "input": {"city": "F" * 300}})
    assert [(e["field"], e["code"]) for e in result["artisanUpdate"]["errors"]] == [("city", "INVALID")]
    invisible = gql.data(doc(M + "ArtisanUpdate.graphql"), {"id": world["a"].ids["artisan"],
                                                            "input": {"city": "\u200b"}})
    assert invisible["artisanUpdate"]["errors"][0]["code"] == "REQUIRED"
    _no_error_logged(caplog)


@pytest.mark.parametrize("weight", ["1e300", "100000", "-1e300"])
def test_an_impossible_weight_is_a_validation_error(gql, world, sign_in, caplog, weight):
    caplog.set_level(logging.ERROR)
    sign_in("member_a_on_a", world)
    literal = gql(f'mutation {{ productUpdate(id: "{world["a"].ids["product"]}", input: {{weight: {weight}}}) '
                  "{ errors { code } } }")
    assert literal["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED", literal
    variable = gql("mutation($id: ID!, $w: WeightScalar) { productUpdate(id: $id, input: {weight: $w}) "
                   "{ errors { code } } }", {"id": world["a"].ids["product"], "w": float(weight)})
    assert variable["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED", variable
    _no_error_logged(caplog)


def test_a_weight_within_the_column_is_stored(gql, doc, world, sign_in):
    sign_in("member_a_on_a", world)
    result = gql.data(doc(S + "ProductUpdate.graphql"), {"id": world["a"].ids["product"], "input": {"weight": 2.5}})
    assert result["productUpdate"]["errors"] == [] and result["productUpdate"]["product"]["weight"]["value"] == 2.5


@pytest.mark.parametrize("price", ["1e300", "99999999999999999999999", "NaN", "-5"])
def test_an_impossible_price_is_a_field_error(gql, doc, world, sign_in, caplog, price):
    from marketplace.channels.models import Channel

    caplog.set_level(logging.ERROR)
    sign_in("member_a_on_a", world)
    result = gql(doc(S + "ProductVariantChannelListingUpdate.graphql"), {
        "id": world["a"].ids["variant"],
        "input": [{"channelId": to_global_id("Channel", Channel.objects.get(slug="maroc").pk), "price": price}]})
    errors = result.get("errors") or result["data"]["productVariantChannelListingUpdate"]["errors"]
    codes = {(e.get("extensions") or {}).get("code") or e.get("code") for e in errors}
    assert codes and codes <= {"INVALID_PRICE", "GRAPHQL_VALIDATION_FAILED"}, result
    _no_error_logged(caplog)


def test_a_value_too_long_for_its_column_is_a_field_error_not_a_500(gql, doc, world, sign_in, caplog):
    """What no service rule checks still comes back as the client's error (the DataError safety net)."""
    caplog.set_level(logging.ERROR)
    sign_in("member_a_on_a", world)
    result = gql.data(doc(S + "ProductVariantUpdate.graphql"), {"id": world["a"].ids["variant"],
                                                               "input": {"externalReference": "R" * 300}})
    assert result["productVariantUpdate"]["errors"][0]["code"] == "INVALID"
    sku = gql.data(doc(S + "ProductVariantUpdate.graphql"), {"id": world["a"].ids["variant"],
                                                            "input": {"sku": "S" * 300}})
    assert sku["productVariantUpdate"]["errors"] == [{"field": "sku", "message": "At most 255 characters.",
                                                      "code": "INVALID"}]
    _no_error_logged(caplog)


def test_collection_names_and_slugs_are_checked_too(gql, doc, world, sign_in):
    sign_in("curator")
    blank = gql.data(doc(S + "CollectionCreate.graphql"), {"input": {"name": "\u200b"}})["collectionCreate"]
    assert blank["errors"][0]["code"] == "REQUIRED"
    slug = gql.data(doc(S + "CollectionCreate.graphql"), {"input": {"name": "Été", "slug": "../été"}})
    assert slug["collectionCreate"]["errors"][0]["field"] == "slug"
