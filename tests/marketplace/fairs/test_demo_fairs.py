"""The demo's fairs (loaded with the whole catalogue by `make run`): one past and one upcoming Expo artisan
Marrakech with stands, the past one with stand sales and label visits, all visible through the API."""

from __future__ import annotations

from fair_helpers import CURATOR, sign_in


def test_the_demo_fairs_tell_the_whole_story(gql, doc):
    from demo.fairs import NEXT, PAST, PAST_SALES, load_demo_fairs
    from marketplace.fairs.models import Fair

    Fair.objects.all().delete()
    assert load_demo_fairs(log=lambda *_: None) == {"fairs": 2, "sales": PAST_SALES}
    assert load_demo_fairs(log=lambda *_: None) == {"fairs": 0, "sales": 0}  # once only
    listed = gql.data(doc("storefront/graphql/marketplace/Fairs.graphql"), {
        "first": 10, "languageCode": "AR"})["fairs"]["edges"]
    assert [e["node"]["slug"] for e in listed] == [NEXT["slug"], PAST["slug"]]  # the latest first
    page = gql.data(doc("storefront/graphql/marketplace/FairPage.graphql"), {
        "slug": NEXT["slug"], "channel": "touristes", "languageCode": "AR", "first": 24})["fair"]
    assert page["translation"]["name"] == NEXT["name"][1] and len(page["stands"]) >= 2
    assert page["collection"]["slug"] == "expo-artisan-marrakech"
    gql.token = sign_in(gql, *CURATOR)
    figures = gql.data(doc("storefront/graphql/marketplace/FairFigures.graphql"), {"slug": PAST["slug"]}
                       )["fair"]["figures"]
    assert figures["standSalesCount"] == PAST_SALES and float(figures["standSalesMad"]) > 0
    assert figures["qrVisits"] == figures["qrVisitsDuring"] + figures["qrVisitsAfter"] > 0
    assert figures["followUpOpen"] is False  # the past fair's 60 days are over
