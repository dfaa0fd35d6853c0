"""Trade accounts (issue 21): a shop applies, a curator verifies or rejects it with a reason its owner reads
in their own language, and only a verified account sees the trade channels, through every door of the API."""

from __future__ import annotations

import pytest
from trade_helpers import make_buyer, make_piece, trade_artisans

from marketplace.core.graphql.ids import to_global_id

M = "storefront/graphql/marketplace/"

pytestmark = pytest.mark.django_db

PRODUCTS = ('query($c: String) { products(channel: $c, first: 5) { edges { node { name '
            'pricing { priceRange { start { gross { amount currency } } } } } } } }')
MARKETS = "{ markets { slug } }"
CHANNEL = 'query($s: String) { channel(slug: $s) { slug } }'
SUGGESTIONS = '{ priceSuggestions(amount: "400") { channel { slug } price { amount } } }'
CHECKOUT = ('mutation($c: String!, $v: ID!) { checkoutCreate(input: {channel: $c, email: "x@example.com", '
            'lines: [{variantId: $v, quantity: 1}]}) { checkout { id } errors { field code } } }')
LYON_SHOP = {"companyName": "Le Comptoir de Juliette", "country": "FR", "taxId": "FR 40 303 265 045",
             "taxIdKind": "VAT", "website": "comptoir-juliette.example", "shopKind": "CONCEPT_STORE",
             "shopAddress": {"streetAddress1": "21 rue Auguste Comte", "city": "Lyon", "postalCode": "69002"}}


def sees_trade(gql, variant) -> dict[str, bool]:
    """Each door through which the trade channel could show, for the signed-in user."""
    listing = gql(PRODUCTS, {"c": "trade-eur"})
    codes = {e["extensions"].get("code") for e in listing.get("errors") or []}
    checkout = gql.data(CHECKOUT, {"c": "trade-eur", "v": to_global_id("ProductVariant", variant.pk)})["checkoutCreate"]
    return {
        "products": not listing.get("errors"),
        "not_found": codes == {"NOT_FOUND"},
        "markets": "trade-eur" in {c["slug"] for c in gql.data(MARKETS)["markets"]},
        "channel": gql.data(CHANNEL, {"s": "trade-eur"})["channel"] is not None,
        "suggestions": "trade-eur" in {s["channel"]["slug"] for s in gql.data(SUGGESTIONS)["priceSuggestions"]},
        "checkout": not checkout["errors"],
    }


def test_a_shop_applies_a_curator_verifies_and_only_then_it_sees_the_trade_channel(gql, doc, login, mail,
                                                                                  django_capture_on_commit_callbacks):
    from marketplace.accounts.models import User

    variant = make_piece(trade_artisans(1)[0])
    user = User.objects.create_user("juliette@example.fr", "Trade-buyer-2026", language_code="fr")
    for who in (None, user):
        login(who)
        seen = sees_trade(gql, variant)
        assert seen == {"products": False, "not_found": True, "markets": False, "channel": False,
                        "suggestions": False, "checkout": False}, (who, seen)
    applied = gql.data(doc(M + "TradeAccountApply.graphql"), {"input": LYON_SHOP})["tradeAccountApply"]
    assert applied["errors"] == [] and applied["tradeAccount"]["status"] == "PENDING"
    assert applied["tradeAccount"]["channelSlug"] == "trade-eur"
    assert sees_trade(gql, variant)["products"] is False  # pending: retail only
    account_id = applied["tradeAccount"]["id"]

    login("curator")
    pending = gql.data(doc(M + "TradeAccounts.graphql"), {"status": "PENDING", "first": 50})["tradeAccounts"]
    mine = next(e["node"] for e in pending["edges"] if e["node"]["id"] == account_id)
    assert mine["taxId"] == "FR40303265045" and mine["website"] == "https://comptoir-juliette.example"
    with django_capture_on_commit_callbacks(execute=True):
        approved = gql.data(doc(M + "TradeAccountApprove.graphql"), {"id": account_id})["tradeAccountApprove"]
    assert approved["errors"] == [] and approved["tradeAccount"]["status"] == "VERIFIED"
    assert [m.to for m in mail] == [["juliette@example.fr"]] and "vérifié" in mail[0].subject

    login(user)
    seen = sees_trade(gql, variant)
    assert seen["products"] and seen["markets"] and seen["channel"] and seen["suggestions"]
    assert seen["checkout"] is False  # the retail checkout never sells at wholesale prices
    offer = gql.data(doc(M + "TradeProducts.graphql"), {"languageCode": "FR", "first": 100})
    found = [v for e in offer["tradeProducts"]["edges"] for v in e["node"]["variants"]
             if v["variant"]["sku"] == variant.sku]
    # 400 MAD × 0.092 × 0.625 = 23.00 EUR; retail guidance: the export price, 400 × 0.092 × 1.25 = 46.00
    assert found[0]["wholesalePrice"] == {"amount": 23.0, "currency": "EUR"}
    assert found[0]["retailPrice"] == {"amount": 46.0, "currency": "EUR"}
    assert found[0]["quantityInStock"] == 5 and found[0]["madeToOrderCapacity"] == 10


def test_staff_see_the_trade_channel_and_members_do_not(gql, login):
    variant = make_piece(trade_artisans(1)[0])
    login("curator")
    assert sees_trade(gql, variant)["products"] is True
    login(trade_artisans(1)[0].memberships.first().user)
    assert sees_trade(gql, variant)["products"] is False


@pytest.mark.parametrize(("language", "expected"), [
    ("ar", "لم نتمكن من التحقق"), ("en", "We could not verify your VAT"), ("fr", "Nous n'avons pas pu vérifier")])
def test_a_rejection_reaches_its_owner_in_their_language(gql, doc, login, mail, language, expected,
                                                         django_capture_on_commit_callbacks):
    user, account = make_buyer(verified=False, language=language)
    login("curator")
    with django_capture_on_commit_callbacks(execute=True):
        rejected = gql.data(doc(M + "TradeAccountReject.graphql"), {
            "id": to_global_id("TradeAccount", account.pk), "reason": "TAX_ID_UNVERIFIED",
            "note": "FR40303265045 : inconnu de VIES"})["tradeAccountReject"]
    assert rejected["errors"] == [] and rejected["tradeAccount"]["status"] == "REJECTED"
    assert len(mail) == 1 and expected in mail[0].body and "VIES" in mail[0].body
    login(user)
    mine = gql.data(doc(M + "TradeAccount.graphql"), {"languageCode": language.upper()})["tradeAccount"]
    assert mine["status"] == "REJECTED" and expected in mine["rejection"]["message"]
    # A corrected application goes back to PENDING; the account still sees retail only.
    again = gql.data(doc(M + "TradeAccountApply.graphql"), {"input": {**LYON_SHOP, "taxId": "FR32512345678"}})
    assert again["tradeAccountApply"]["tradeAccount"]["status"] == "PENDING"


@pytest.mark.parametrize(("change", "field", "code"), [
    ({"taxId": "DE123456789"}, "taxId", "INVALID"),  # another country's VAT number
    ({"taxId": ""}, "taxId", "REQUIRED"),
    ({"country": "MA", "shopAddress": None}, "country", "OUTSIDE_MARKETS"),  # trade is for shops abroad
    ({"website": None, "shopAddress": None}, "website", "REQUIRED"),  # a website or a shop address
    ({"website": "not a site"}, "website", "INVALID"),
    ({"taxIdKind": "BUSINESS_NUMBER", "taxId": "123456789"}, "taxIdKind", "INVALID"),  # Europe: VAT or EORI
    ({"shopAddress": {"streetAddress1": "1 rue X", "city": "Lyon", "postalCode": "ABC"}}, "shopAddress.postalCode",
     "INVALID"),
])
def test_a_bad_application_gets_a_field_error(gql, doc, login, change, field, code):
    from marketplace.accounts.models import User

    login(User.objects.create_user("someone@example.fr", "Trade-buyer-2026"))
    result = gql.data(doc(M + "TradeAccountApply.graphql"), {"input": {**LYON_SHOP, **change}})["tradeAccountApply"]
    assert result["tradeAccount"] is None
    assert (field, code) in {(e["field"], e["code"]) for e in result["errors"]}, result["errors"]


def test_eori_and_north_american_business_numbers(gql, doc, login):
    from marketplace.accounts.models import User

    login(User.objects.create_user("eori@example.fr", "Trade-buyer-2026"))
    eori = gql.data(doc(M + "TradeAccountApply.graphql"), {"input": {
        **LYON_SHOP, "taxId": "FR12345678900017", "taxIdKind": "EORI"}})["tradeAccountApply"]
    assert eori["errors"] == []
    login(User.objects.create_user("montreal@example.ca", "Trade-buyer-2026"))
    canada = gql.data(doc(M + "TradeAccountApply.graphql"), {"input": {
        "companyName": "Boutique Mile End", "country": "CA", "taxId": "123456789RT0001", "taxIdKind": "BUSINESS_NUMBER",
        "website": "https://mile-end.example", "shopKind": "HOME_STORE"}})["tradeAccountApply"]
    assert canada["errors"] == [] and canada["tradeAccount"]["channelSlug"] == "trade-usd"


def test_a_buyer_cannot_verify_and_anonymous_cannot_apply(gql, doc, login):
    _user, account = make_buyer(verified=False)
    login("buyer")
    denied = gql(doc(M + "TradeAccountApprove.graphql"), {"id": to_global_id("TradeAccount", account.pk)})
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    login(None)
    denied = gql(doc(M + "TradeAccountApply.graphql"), {"input": LYON_SHOP})
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
