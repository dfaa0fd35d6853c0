"""The SQL queries of a guest checkout's six calls (the storefront's documents), per call: an answer is read
from the rows its mutation already holds (the checkout, its lines and prices, the methods), the transactions
once, the zones without their channels, the placed order's lines and fulfilments as written. Issue 18's
checkout benchmark (bench/checkout_bench.py) runs the same calls; the counts may only go down."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

# Before issue 18's speed work: 22, 14, 14, 17, 12, 35 (114 in all).
MAX_QUERIES = {"CheckoutCreate": 11, "CheckoutShippingAddressUpdate": 8, "CheckoutBillingAddressUpdate": 8,
               "CheckoutDeliveryMethodUpdate": 7, "TransactionInitialize": 8, "CheckoutComplete": 26}


def test_a_guest_checkouts_six_calls_stay_within_their_queries(selling, helpers, rug):
    variant_id = helpers["gid"]("ProductVariant", rug.pk)
    counts, state = {}, {}

    def call(name: str, variables: dict) -> dict:
        with CaptureQueriesContext(connection) as captured:
            payload = next(iter(selling.run(name, variables).values()))
        counts[name] = len(captured)
        assert not payload["errors"], payload["errors"]
        return payload

    created = call("CheckoutCreate", {"input": {"channel": "maroc", "email": "guest@example.ma",
                                                "lines": [{"variantId": variant_id, "quantity": 1}]}})
    state["id"] = created["checkout"]["id"]
    call("CheckoutShippingAddressUpdate", {"id": state["id"], "shippingAddress": helpers["MA"]})
    billed = call("CheckoutBillingAddressUpdate", {"id": state["id"], "billingAddress": helpers["MA"]})
    method = billed["checkout"]["shippingMethods"][0]
    chosen = call("CheckoutDeliveryMethodUpdate", {"id": state["id"], "deliveryMethodId": method["id"]})
    assert chosen["checkout"]["deliveryMethod"]["id"] == method["id"]
    assert chosen["checkout"]["shippingPrice"]["gross"]["amount"] == method["price"]["amount"]
    call("TransactionInitialize", {"id": state["id"], "paymentGateway": {"id": "maalem.payments.cash-on-delivery"}})
    order = call("CheckoutComplete", {"id": state["id"]})["order"]
    assert [line["productSku"] for line in order["lines"]] == [rug.sku]
    assert len(order["fulfillments"]) == 1
    assert all(counts[name] <= most for name, most in MAX_QUERIES.items()), counts
