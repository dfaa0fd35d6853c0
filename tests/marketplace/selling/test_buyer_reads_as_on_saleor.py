"""A buyer reads on Maalem what Saleor 3.23 lets a buyer read, so a buyer's document that works here works on
Saleor: a channel's name, currency and default country, the shop's currencies, an order's transactions and
events are refused with Saleor's permission error, even in the answer of the buyer's own checkoutComplete,
and the mutation is applied all the same (as Saleor does). Staff and an artisan's members (staff on Saleor)
read them; any visitor reads a market's currency through the marketplace's `markets`."""

from __future__ import annotations

import pytest

BUYER = ("client@demo.maalem.ma", "demo-buyer-2026")
ADMIN = ("admin@demo.maalem.ma", "demo-admin-2026")
CREATE = """mutation($input: CheckoutCreateInput!) { checkoutCreate(input: $input) {
  checkout { id channel { slug currencyCode } } errors { field code } } }"""
CHANNEL = 'query { channel(slug: "export") { slug name isActive currencyCode defaultCountry { code } } }'
SHOP = "query { shop { name channelCurrencies } }"
STAFF_ONLY = "you need one of the following permissions: AUTHENTICATED_STAFF_USER, AUTHENTICATED_APP"


def _denied(result: dict) -> list[tuple[str, ...]]:
    """The paths refused with PERMISSION_DENIED, with Saleor's message."""
    paths = []
    for error in result.get("errors") or []:
        assert error["extensions"]["code"] == "PERMISSION_DENIED", error
        paths.append(tuple(str(p) for p in error["path"]))
    return paths


@pytest.mark.parametrize("who", ["anonymous", "buyer"])
def test_a_buyer_asking_for_a_channels_staff_fields_gets_saleors_permission_error(gql, helpers, who):
    from marketplace.checkout.models import Checkout

    if who == "buyer":
        gql.token = helpers["login"](gql, *BUYER)
    rug = helpers["make_rug"]()
    email = f"{who}-reads@example.ma"
    created = gql(CREATE, {"input": {"channel": "maroc", "email": email,
                                     "lines": [{"variantId": helpers["gid"]("ProductVariant", rug.pk),
                                                "quantity": 1}]}})
    assert _denied(created) == [("checkoutCreate", "checkout", "channel", "currencyCode")]
    assert STAFF_ONLY in created["errors"][0]["message"]
    assert created["data"]["checkoutCreate"]["checkout"] is None
    assert Checkout.objects.filter(email=email).count() == 1  # applied, as on Saleor

    for field in ("name", "isActive", "currencyCode", "defaultCountry { code }"):
        channel = gql(f'query {{ channel(slug: "export") {{ slug {field} }} }}')
        assert _denied(channel) == [("channel", field.split()[0])] and channel["data"]["channel"] is None
    assert gql.data('query { channel(slug: "export") { slug countries { code } } }')["channel"]["slug"] == "export"
    shop = gql(SHOP)
    assert _denied(shop) == [("shop", "channelCurrencies")] and shop["data"] is None
    channels = gql("query { channels { slug } }")  # the list of channels is staff-only on Saleor
    assert _denied(channels) == [("channels",)] and channels["data"]["channels"] is None

    markets = {m["slug"]: m["currencyCode"] for m in gql.data("query { markets { slug currencyCode } }")["markets"]}
    assert markets["maroc"] == "MAD" and markets["export"] == "EUR" and markets["export-usd"] == "USD"


def test_staff_and_an_artisans_members_read_a_channel_whole(gql, helpers):
    rug = helpers["make_rug"]()
    for login in (ADMIN, (f"{rug.artisan.slug}@demo.maalem.ma", "demo-artisan-2026")):
        gql.token = None
        gql.token = helpers["login"](gql, *login)
        channel = gql.data(CHANNEL)["channel"]
        assert "export" in {c["slug"] for c in gql.data("query { channels { slug } }")["channels"]}
        assert channel == {"slug": "export", "name": channel["name"], "isActive": True, "currencyCode": "EUR",
                           "defaultCountry": channel["defaultCountry"]} and channel["name"]


def test_the_buyers_checkout_complete_does_not_open_transactions_or_events(gql, selling, helpers):
    from marketplace.orders.models import Order

    checkout = selling.create("maroc", helpers["gid"]("ProductVariant", helpers["make_rug"]().pk),
                              email="cod-buyer@example.ma")
    cid = checkout["id"]
    for name, variables in (("CheckoutShippingAddressUpdate", {"shippingAddress": helpers["MA"]}),
                            ("CheckoutBillingAddressUpdate", {"billingAddress": helpers["MA"]})):
        selling.run(name, {"id": cid, **variables})
    checkout = selling.run("Checkout", {"id": cid})["checkout"]
    method = next(m["id"] for m in checkout["shippingMethods"] if "standard" in m["name"])
    selling.run("CheckoutDeliveryMethodUpdate", {"id": cid, "deliveryMethodId": method})
    selling.run("TransactionInitialize", {"id": cid, "paymentGateway": {"id": "maalem.payments.cash-on-delivery"}})
    placed = gql("""mutation($id: ID!) { checkoutComplete(id: $id) { order { number chargeStatus
                    transactions { id } events { type } } errors { code } } }""", {"id": cid})
    # The first refused non-null field nulls the order (graphql-core stops there, as on Saleor).
    assert _denied(placed) == [("checkoutComplete", "order", "transactions")]
    assert "MANAGE_ORDERS, HANDLE_PAYMENTS" in placed["errors"][0]["message"]
    assert placed["data"]["checkoutComplete"]["order"] is None
    order = Order.objects.get(user_email="cod-buyer@example.ma")  # placed, as on Saleor
    events = gql("query($t: UUID!) { orderByToken(token: $t) { number events { type } } }", {"t": str(order.token)})
    assert _denied(events) == [("orderByToken", "events")] and events["data"]["orderByToken"] is None
