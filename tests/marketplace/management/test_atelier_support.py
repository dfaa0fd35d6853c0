"""What the artisan space needs from the API: `managedProducts(ids:)` reads one of its products (a draft is in
no channel, so the public `product` query cannot; another artisan's ids give nothing), and a rejected listing
that its artisan corrects goes back to review."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

DOC = "storefront/graphql/marketplace/AtelierProduct.graphql"


def test_member_reads_its_own_products_by_id_only(gql, doc, world, sign_in):
    a, b = world["a"], world["b"]
    sign_in("member_a_on_a", world)
    own = gql.data(doc(DOC), {"ids": [a.ids["product"]]})["managedProducts"]
    assert [e["node"]["id"] for e in own["edges"]] == [a.ids["product"]]
    node = own["edges"][0]["node"]
    assert node["variants"][0]["stocks"][0]["quantity"] == 1 and node["managedMedia"][0]["id"] == a.ids["media"]
    assert gql.data(doc(DOC), {"ids": [b.ids["product"]]})["managedProducts"]["edges"] == []
    both = gql.data(doc(DOC), {"ids": [a.ids["product"], b.ids["product"]]})["managedProducts"]
    assert [e["node"]["id"] for e in both["edges"]] == [a.ids["product"]]
    wrong_type = gql(doc(DOC), {"ids": [a.ids["variant"]]})
    assert "Expected: Product" in wrong_type["errors"][0]["message"]
    sign_in("curator")
    assert len(gql.data(doc(DOC), {"ids": [a.ids["product"], b.ids["product"]]})["managedProducts"]["edges"]) == 2
    sign_in("anonymous")
    denied = gql(doc(DOC), {"ids": [a.ids["product"]]})
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


def test_a_corrected_rejected_listing_goes_back_to_review(gql, doc, world, sign_in):
    from marketplace.catalog.models import Product

    side = world["a"]
    Product.objects.filter(pk=side.product.pk).update(review_status="REJECTED", review_reason="Description vide")
    sign_in("member_a_on_a", world)
    update = doc("storefront/graphql/saleor/ProductUpdate.graphql")
    # Only the space's bookkeeping (metadata): still rejected, the reason stays for the artisan.
    gql.data(update, {"id": side.ids["product"], "input": {"metadata": [{"key": "atelierStep", "value": "x"}]}})
    side.product.refresh_from_db()
    assert (side.product.review_status, side.product.review_reason) == ("REJECTED", "Description vide")
    fixed = gql.data(update, {"id": side.ids["product"], "input": {"description": '"Plat peint à la main à Fès."'}})
    assert fixed["productUpdate"]["errors"] == []
    side.product.refresh_from_db()
    assert (side.product.review_status, side.product.review_reason) == ("PENDING", "Changed after rejection")
    # A curator's own correction needs no review.
    Product.objects.filter(pk=side.product.pk).update(review_status="REJECTED")
    sign_in("curator")
    gql.data(update, {"id": side.ids["product"], "input": {"description": '"Corrigé par le ministère."'}})
    side.product.refresh_from_db()
    assert side.product.review_status == "REJECTED"
