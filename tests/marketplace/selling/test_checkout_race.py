"""50 buyers complete checkouts for the same unique piece at once: one order, 49 clear errors.

Real threads, each with its own PostgreSQL connection, on committed data (no test transaction): the
stock row lock (SELECT ... FOR UPDATE) is what serialises them. The test cleans up what it created so
the session's demo catalog stays as it was."""

from __future__ import annotations

import json
import threading

import pytest
from django.db import connection
from django.test import Client, override_settings

BUYERS = 50


def _post(client: Client, document: str, variables: dict) -> dict:
    response = client.post("/graphql/", data=json.dumps({"query": document, "variables": variables}),
                           content_type="application/json")
    assert response.status_code == 200, response.content[:300]
    body = response.json()
    assert not body.get("errors"), body["errors"]
    return body["data"]


@pytest.fixture
def committed(django_db_blocker):
    """Database access outside a test transaction; everything created is removed afterwards."""
    from marketplace.catalog.models import Product
    from marketplace.checkout.models import Checkout
    from marketplace.orders.models import Order

    with django_db_blocker.unblock():
        created: dict = {"variants": []}
        yield created
        variant_ids = [v.pk for v in created["variants"]]
        orders = Order.objects.filter(lines__variant_id__in=variant_ids).distinct()
        from marketplace.payouts.models import LedgerEntry

        LedgerEntry.objects.filter(order_line__order__in=orders).delete()
        for order in orders:
            order.delete()
        Checkout.objects.filter(lines__variant_id__in=variant_ids).delete()
        Product.objects.filter(variants__pk__in=variant_ids).delete()
        connection.close()


@pytest.mark.slow  # fifty concurrent buyers
def test_fifty_buyers_racing_for_one_rug_get_one_order_and_49_insufficient_stock_errors(committed, doc, helpers):
    from marketplace.inventory.models import Stock
    from marketplace.orders.models import Order

    rug = helpers["make_rug"](quantity=1)
    committed["variants"].append(rug)
    gid = helpers["gid"](("ProductVariant"), rug.pk)
    create, delivery, pay, complete = (doc(f"storefront/graphql/saleor/{name}.graphql") for name in (
        "CheckoutCreate", "CheckoutDeliveryMethodUpdate", "TransactionInitialize", "CheckoutComplete"))
    client = Client()
    checkouts = []
    # Every buyer's reservation has expired (or none was kept): all 50 come back to pay at the same time.
    with override_settings(CHECKOUT_RESERVATION_SECONDS=0):
        for n in range(BUYERS):
            result = _post(client, create, {"input": {
                "channel": "maroc", "email": f"buyer{n}@example.ma", "lines": [{"variantId": gid, "quantity": 1}],
                "shippingAddress": helpers["MA"], "billingAddress": helpers["MA"]}})["checkoutCreate"]
            assert result["errors"] == [], result
            checkout = result["checkout"]
            method = checkout["shippingMethods"][0]["id"]
            assert _post(client, delivery, {"id": checkout["id"], "deliveryMethodId": method}
                         )["checkoutDeliveryMethodUpdate"]["errors"] == []
            assert _post(client, pay, {"id": checkout["id"], "paymentGateway": {
                "id": "maalem.payments.cash-on-delivery"}})["transactionInitialize"]["errors"] == []
            checkouts.append(checkout["id"])

        barrier = threading.Barrier(BUYERS)
        results: list[dict] = []
        lock = threading.Lock()

        def buyer(checkout_id: str) -> None:
            try:
                thread_client = Client()
                barrier.wait()
                outcome = _post(thread_client, complete, {"id": checkout_id})["checkoutComplete"]
                with lock:
                    results.append(outcome)
            finally:
                connection.close()

        threads = [threading.Thread(target=buyer, args=(cid,)) for cid in checkouts]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)

    assert len(results) == BUYERS
    orders = [r["order"] for r in results if r["order"]]
    errors = [r["errors"] for r in results if not r["order"]]
    assert len(orders) == 1
    assert len(errors) == BUYERS - 1
    assert all(e[0]["code"] == "INSUFFICIENT_STOCK" and e[0]["field"] == "lines" for e in errors)
    assert "Someone else has just bought it" in errors[0][0]["message"]
    stock = Stock.objects.get(product_variant=rug)
    assert (stock.quantity, stock.quantity_allocated) == (1, 1)
    assert Order.objects.filter(lines__variant=rug).count() == 1
