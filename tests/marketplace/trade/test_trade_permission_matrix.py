"""Every cell of the trade permission matrix (tests/support/trade_matrix.py): each trade query and mutation,
and each door of the retail API through which the trade channel could show, run as each role."""

from __future__ import annotations

import json
from typing import Any

import pytest
from module_rows import rows_for_the_module
from trade_helpers import (
    BUYER_PASSWORD,
    TOKEN_CREATE,
    make_buyer,
    make_piece,
    member_of,
    set_minimums,
    trade_artisans,
)
from trade_matrix import ROLES, TRADE_MATRIX

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db
LOGINS = {"buyer": ("client@demo.maalem.ma", "demo-buyer-2026"),
          "curator": ("curateur@demo.maalem.ma", "demo-curator-2026"),
          "admin": ("admin@demo.maalem.ma", "demo-admin-2026")}


@pytest.fixture(scope="module")
def built_trade_world(django_db_setup, django_db_blocker):
    """Built once for the module's ~240 cells and rolled back after them (tests/support/module_rows.py)."""
    with rows_for_the_module(django_db_blocker, build_trade_world) as fresh_copy:
        yield fresh_copy


@pytest.fixture
def trade_world(built_trade_world, db):
    return built_trade_world()


def build_trade_world() -> dict[str, Any]:
    """Artisans A and B with a piece each; the verified buyer has an order of each side's piece, an offered
    quote from B, and a cart line; a pending account waits."""
    from trade_helpers import admin

    from marketplace.trade import cart_services, order_services, quote_services

    a, b = trade_artisans(2)
    for artisan in (a, b):
        set_minimums(artisan, "10", "10")
    piece_a, piece_b = make_piece(a, stock=20), make_piece(b, stock=20)
    verified, _ = make_buyer()
    pending, pending_account = make_buyer(verified=False)
    cart_services.set_lines(verified, [{"variant_id": piece_b.pk, "quantity": 2}])
    order_b = order_services.place_order(verified)
    cart_services.set_lines(verified, [{"variant_id": piece_a.pk, "quantity": 2}])
    order_a = order_services.place_order(verified)
    cart_services.set_lines(verified, [{"variant_id": piece_a.pk, "quantity": 1}])
    quote = quote_services.request_quote(verified, variant_pk=piece_b.pk, quantity=10, kind="QUANTITY")
    quote = quote_services.answer_quote(admin(), quote.pk, unit_price="20", lead_time_weeks=4)
    return {"a": a, "b": b, "piece_a": piece_a, "piece_b": piece_b, "verified": verified, "pending": pending,
            "pending_account": pending_account, "order_a": order_a, "order_b": order_b, "quote": quote}


@pytest.fixture(scope="module")
def tokens_of_the_module() -> dict[str, str]:
    return {}


def sign_in(gql, role: str, world: dict, tokens: dict[str, str]) -> None:
    """Through tokenCreate on the role's first cell of the module, then its token again: the cells roll their
    writes back, so the user's token key (what a JWT is checked against) never changes."""
    from demo.data import DEMO_ARTISAN_PASSWORD

    gql.token = None
    if role == "anonymous":
        return
    if role in tokens:
        gql.token = tokens[role]
        return
    if role in LOGINS:
        email, password = LOGINS[role]
    elif role.startswith("trade_"):
        email, password = world["verified" if role == "trade_verified" else "pending"].email, BUYER_PASSWORD
    else:
        email, password = member_of(world["a"]).email, DEMO_ARTISAN_PASSWORD
    result = gql.data(TOKEN_CREATE, {"e": email, "p": password})["tokenCreate"]
    assert result["errors"] == [], result
    gql.token = tokens[role] = result["token"]


def variables(operation: str, world: dict, target: str) -> dict[str, Any]:
    """The operation's arguments on the target side's objects (B for member_a_on_b, A otherwise; the quote
    the buyer accepts is B's)."""
    piece = world[f"piece_{target}"]
    variant, artisan = to_global_id("ProductVariant", piece.pk), to_global_id("Artisan", world[target].pk)
    order_id = to_global_id("TradeOrder", world[f"order_{target}"].order.token)
    account = to_global_id("TradeAccount", world["pending_account"].pk)
    return {
        "checkoutCreate": {"variantId": variant},
        "tradeAccount": {"languageCode": "FR"}, "tradeAccounts": {"first": 5}, "tradeProducts": {"languageCode": "FR",
                                                                                                  "first": 5},
        "tradeCart": {"languageCode": "FR"}, "tradeOrders": {"first": 5},
        "tradeOrder": {"id": order_id, "languageCode": "FR"}, "tradeQuotes": {"first": 5},
        "tradeLineSheet": {"languageCode": "EN"}, "artisanTrade": {"artisanId": artisan, "languageCode": "FR"},
        "tradeAccountApply": {"input": {"companyName": "Atelier Nord", "country": "BE", "taxId": "BE0123456789",
                                        "taxIdKind": "VAT", "website": "https://atelier-nord.example",
                                        "shopKind": "GALLERY"}},
        "tradeCartLinesAdd": {"lines": [{"variantId": variant, "quantity": 1}]},
        "tradeCartLinesUpdate": {"lines": [{"variantId": variant, "quantity": 2}]},
        "tradeCartLinesDelete": {"variantIds": [variant]},
        "tradeOrderCreate": {"input": {}},
        "tradeQuoteRequest": {"input": {"variantId": variant, "quantity": 30, "kind": "QUANTITY"}},
        "tradeQuoteAccept": {"id": to_global_id("TradeQuote", world["quote"].pk)},
        "artisanTradeTermsUpdate": {"artisanId": artisan, "input": {"firstOrderMinimum": "120"}},
        "tradeProductOfferUpdate": {"productId": to_global_id("Product", piece.product_id), "offered": True},
        "tradeVariantTermsUpdate": {"variantId": variant, "input": {"packSize": 1}},
        "tradeQuoteAnswer": {"id": to_global_id("TradeQuote", _quote_to(world, target).pk),
                             "input": {"unitPrice": "18", "leadTimeWeeks": 3}},
        "tradeAccountApprove": {"id": account}, "tradeAccountReject": {"id": account, "reason": "INCOMPLETE"},
        "tradeAccountTrustedUpdate": {"id": to_global_id("TradeAccount", world["verified"].trade_account.pk),
                                      "trusted": True},
        "tradeOrderPaymentRecord": {"id": order_id, "kind": "DEPOSIT"},
    }.get(operation, {})


def _quote_to(world: dict, target: str) -> Any:
    from marketplace.trade import quote_services

    return quote_services.request_quote(world["verified"], variant_pk=world[f"piece_{target}"].pk, quantity=5,
                                        kind="QUANTITY")


def outcome(result: dict, operation: str) -> str:
    errors = result.get("errors") or []
    if errors:
        codes = {e.get("extensions", {}).get("code") for e in errors}
        assert codes <= {"PERMISSION_DENIED", "NOT_FOUND"}, errors
        return "denied" if codes == {"PERMISSION_DENIED"} else "hidden"
    value = result["data"][operation]
    if operation in ("channels", "markets"):
        return "ok" if "trade-eur" in {c["slug"] for c in value} else "hidden"
    if operation == "priceSuggestions":
        return "ok" if "trade-eur" in {s["channel"]["slug"] for s in value} else "hidden"
    if operation == "channel":
        return "ok" if value else "hidden"
    if operation == "checkoutCreate":
        return "hidden" if [e["code"] for e in value["errors"]] == ["NOT_FOUND"] else "ok"
    if value is None:
        return "none"
    if isinstance(value, dict) and "errors" in value:
        return "refused" if value["errors"] else "ok"
    return "ok"


def run(gql, client, document: str, operation: str, variables: dict) -> dict:
    if operation != "tradeOrderFormUpload":
        return gql(document, variables)
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {"operations": json.dumps({"query": document, "variables": {"file": None}}),
            "map": json.dumps({"0": ["variables.file"]}), "0": SimpleUploadedFile("form.csv", b"SKU;Quantity\n")}
    headers = {"HTTP_AUTHORIZATION": f"Bearer {gql.token}"} if gql.token else {}
    response = client.post("/graphql/", data=data, **headers)
    body = response.json()
    if not body.get("errors") and body["data"][operation]["errors"]:  # an empty form: the role got through
        body["data"][operation]["errors"] = []
    return body


CELLS = [(operation, role) for operation in TRADE_MATRIX for role in ROLES]


@pytest.mark.parametrize(("operation", "role"), CELLS, ids=[f"{o}-{r}" for o, r in CELLS])
def test_trade_permission_matrix(gql, doc, client, trade_world, tokens_of_the_module, operation, role):
    document, *expected = TRADE_MATRIX[operation]
    sign_in(gql, role, trade_world, tokens_of_the_module)
    target = "b" if role == "member_a_on_b" else "a"
    result = run(gql, client, doc(document), operation, variables(operation, trade_world, target))
    assert outcome(result, operation) == expected[ROLES.index(role)], result


def test_every_trade_operation_is_in_the_matrix():
    from marketplace.trade.graphql.mutations import TradeMutations
    from marketplace.trade.graphql.schema import TradeQueries

    names = set(TradeMutations._meta.fields) | set(TradeQueries._meta.fields)
    camel = {n.split("_")[0] + "".join(p.capitalize() for p in n.split("_")[1:]) for n in names}
    assert camel <= set(TRADE_MATRIX), camel - set(TRADE_MATRIX)
