"""Celery beat's payout job: once a paid order's lines are shipped, the scheduled run batches what is owed,
one batch per currency, and a second run finds nothing left (nothing is batched twice)."""

from __future__ import annotations

import pytest

from demo.data import DEMO_ARTISAN_PASSWORD

MA = {"firstName": "Salma", "lastName": "Bennani", "streetAddress1": "12 rue Ibn Sina", "city": "Casablanca",
      "postalCode": "20000", "country": "MA", "phone": "+212612345678"}
ADMIN = ("admin@demo.maalem.ma", "demo-admin-2026")
LOGIN = "mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) { token } }"


@pytest.fixture
def run(gql, doc, django_capture_on_commit_callbacks):
    def run(name: str, variables: dict, folder: str = "saleor") -> dict:
        with django_capture_on_commit_callbacks(execute=True):
            return gql.data(doc(f"storefront/graphql/{folder}/{name}.graphql"), variables)

    return run


def test_scheduled_payout_batches(gql, run, unique_piece, settings):
    from marketplace.celery import app
    from marketplace.core.graphql.ids import to_global_id

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    app.loader.import_default_modules()
    task = app.tasks[settings.CELERY_BEAT_SCHEDULE["payouts-create-batches"]["task"]]
    before = task.delay().get()  # whatever the session's other tests left owed

    variant_id = to_global_id("ProductVariant", unique_piece.pk)
    checkout = run("CheckoutCreate", {"input": {
        "channel": "maroc", "email": "buyer@example.ma",
        "lines": [{"variantId": variant_id, "quantity": 1}]}})["checkoutCreate"]["checkout"]
    run("CheckoutShippingAddressUpdate", {"id": checkout["id"], "shippingAddress": MA})
    billed = run("CheckoutBillingAddressUpdate", {"id": checkout["id"], "billingAddress": MA})
    method = billed["checkoutBillingAddressUpdate"]["checkout"]["shippingMethods"][0]["id"]
    run("CheckoutDeliveryMethodUpdate", {"id": checkout["id"], "deliveryMethodId": method})
    run("TransactionInitialize", {"id": checkout["id"], "paymentGateway": {"id": "maalem.payments.cash-on-delivery"}})
    order = run("CheckoutComplete", {"id": checkout["id"]})["checkoutComplete"]["order"]

    assert task.delay().get() == [], "nothing is owed before the order is paid and shipped"
    gql.token = gql.data(LOGIN, {"e": ADMIN[0], "p": ADMIN[1]})["tokenCreate"]["token"]
    run("OrderMarkAsPaid", {"id": order["id"], "transactionReference": "COD-1"})
    artisan = unique_piece.product.artisan
    gql.token = gql.data(LOGIN, {"e": f"{artisan.slug}@demo.maalem.ma",
                                 "p": DEMO_ARTISAN_PASSWORD})["tokenCreate"]["token"]
    shipped = run("FulfillmentStageUpdate",
                  {"id": order["fulfillments"][0]["id"], "input": {"stage": "SHIPPED", "trackingNumber": "AMANA-1"}},
                  folder="marketplace")
    assert shipped["fulfillmentStageUpdate"]["errors"] == []

    batches = task.delay().get()
    assert len(batches) == 1 and batches[0] not in before
    assert task.delay().get() == [], "a second run finds nothing left to batch"
    gql.token = gql.data(LOGIN, {"e": ADMIN[0], "p": ADMIN[1]})["tokenCreate"]["token"]
    transfers = gql.client.get(f"/payouts/batches/{batches[0]}/transfers.csv", HTTP_AUTHORIZATION=f"Bearer {gql.token}")
    assert transfers.status_code == 200 and artisan.name in transfers.content.decode()
