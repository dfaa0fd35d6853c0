"""A guest buys a unique rug in each market through the API alone; artisans fulfil; a payout batch pays."""

from __future__ import annotations

from decimal import Decimal

from django.core import mail

ADMIN = ("admin@demo.maalem.ma", "demo-admin-2026")


def _to_delivery(selling, checkout, address, billing, method_kind=None, point=False):
    cid = checkout["id"]
    r = selling.run("CheckoutShippingAddressUpdate",
                    {"id": cid, "shippingAddress": address})["checkoutShippingAddressUpdate"]
    assert r["errors"] == [], r
    r = selling.run("CheckoutBillingAddressUpdate",
                    {"id": cid, "billingAddress": billing})["checkoutBillingAddressUpdate"]
    assert r["errors"] == []
    checkout = r["checkout"]
    if point:
        target = checkout["availableCollectionPoints"][0]["id"]
    else:
        target = next(m["id"] for m in checkout["shippingMethods"] if method_kind in m["name"])
    r = selling.run("CheckoutDeliveryMethodUpdate",
                    {"id": cid, "deliveryMethodId": target})["checkoutDeliveryMethodUpdate"]
    assert r["errors"] == [], r
    return r["checkout"]


def _complete(selling, checkout):
    r = selling.run("CheckoutComplete", {"id": checkout["id"]})["checkoutComplete"]
    assert r["errors"] == [], r
    return r["order"]


def test_guest_buys_a_unique_rug_in_each_market_then_artisan_fulfils_and_is_paid(
        gql, selling, helpers, stripe_standin, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    gid = helpers["gid"]
    rugs = [helpers["make_rug"]() for _ in range(3)]

    # 1. Domestic: cash on delivery, VAT 20 % included.
    checkout = selling.create("maroc", gid("ProductVariant", rugs[0].pk), email="salma@example.ma")
    line = checkout["lines"][0]
    assert line["unitPrice"]["gross"] == {"amount": 2400.0, "currency": "MAD"}
    assert line["unitPrice"]["tax"]["amount"] == 400.0
    assert checkout["isShippingRequired"] is True and checkout["stockReservationExpires"]
    checkout = _to_delivery(selling, checkout, helpers["MA"], helpers["MA"], "standard")
    assert checkout["shippingPrice"]["gross"]["amount"] > 0
    assert checkout["totalPrice"]["gross"]["amount"] == 2400.0 + checkout["shippingPrice"]["gross"]["amount"]
    assert checkout["totalPrice"]["tax"]["amount"] > 400
    gateways = {g["id"] for g in checkout["availablePaymentGateways"]}
    assert "maalem.payments.cash-on-delivery" in gateways and "maalem.payments.bank-transfer" not in gateways
    r = selling.run("TransactionInitialize", {"id": checkout["id"],
                                              "paymentGateway": {"id": "maalem.payments.cash-on-delivery"}})
    assert r["transactionInitialize"]["errors"] == []
    domestic = _complete(selling, checkout)
    assert domestic["isPaid"] is False and domestic["status"] == "UNFULFILLED"
    assert domestic["total"]["tax"]["amount"] > 0
    assert mail.outbox and "Maalem" in mail.outbox[-1].subject and "confirm" in mail.outbox[-1].subject

    # 2. Tourist: delivery to a riad, named in the address's company name; e-mail in English.
    checkout = selling.run("CheckoutCreate", {"input": {
        "channel": "touristes", "email": "emma@example.co.uk", "languageCode": "EN",
        "lines": [{"variantId": gid("ProductVariant", rugs[1].pk), "quantity": 1}]}})["checkoutCreate"]["checkout"]
    checkout = _to_delivery(selling, checkout, helpers["HOTEL"], helpers["HOTEL"], "hôtel")
    assert checkout["deliveryMethod"]["__typename"] == "ShippingMethod"
    settings.DEBUG = True
    settings.STRIPE_SECRET_KEY = ""  # the development gateway: DEBUG and no Stripe keys only
    r = selling.run("TransactionInitialize", {"id": checkout["id"], "paymentGateway": {"id": "maalem.payments.dev"}})
    assert r["transactionInitialize"]["transactionEvent"]["type"] == "CHARGE_SUCCESS"
    settings.DEBUG, settings.STRIPE_SECRET_KEY = False, "sk_test_maalem"
    tourist = _complete(selling, checkout)
    assert tourist["isPaid"] is True and tourist["shippingAddress"]["companyName"] == "Riad Dar Anika"
    assert mail.outbox[-1].subject.startswith("Maalem: order")

    # 3. Export: EUR, zero-rated, Stripe through the stand-in, confirmed by a signed webhook.
    checkout = selling.create("export", gid("ProductVariant", rugs[2].pk), email="claire@example.fr")
    checkout = _to_delivery(selling, checkout, helpers["FR"], helpers["FR"], "standard")
    assert checkout["totalPrice"]["tax"]["amount"] == 0 and checkout["totalPrice"]["gross"]["currency"] == "EUR"
    r = selling.run("TransactionInitialize", {"id": checkout["id"], "paymentGateway": {"id": "maalem.payments.stripe"}})
    init = r["transactionInitialize"]
    assert init["errors"] == [] and init["data"]["paymentIntent"]["clientSecret"].startswith("pi_")
    intent_id = init["transaction"]["pspReference"]
    failed = selling.run("CheckoutComplete", {"id": checkout["id"]})["checkoutComplete"]
    assert failed["errors"][0]["code"] == "CHECKOUT_NOT_FULLY_PAID"
    stripe_standin.handle("POST", f"/v1/payment_intents/{intent_id}/confirm", {"payment_method": "pm_card_visa"})
    payload, signature = stripe_standin.signed_event("payment_intent.succeeded", stripe_standin.intents[intent_id],
                                                     settings.STRIPE_WEBHOOK_SECRET)
    response = gql.client.post("/webhooks/stripe/", data=payload, content_type="application/json",
                               HTTP_STRIPE_SIGNATURE=signature)
    assert response.status_code == 200 and response.json()["result"] == "processed"
    export = _complete(selling, checkout)
    assert export["isPaid"] is True and export["total"]["tax"]["amount"] == 0
    customs = selling.run("OrderCustoms", {"token": export["token"]}, folder="marketplace")["orderByToken"]
    assert customs["lines"][0]["customsData"] == {"hsCode": "570110", "material": "", "countryOfOrigin": "MA"}

    # Nobody can buy the same piece again.
    again = selling.run("CheckoutCreate", {"input": {"channel": "maroc", "email": "x@example.ma", "lines": [
        {"variantId": gid("ProductVariant", rugs[0].pk), "quantity": 1}]}})["checkoutCreate"]
    assert again["errors"][0]["code"] == "INSUFFICIENT_STOCK"

    # Staff mark the cash collected on delivery.
    gql.token = helpers["login"](gql, *ADMIN)
    paid = selling.run("OrderMarkAsPaid", {"id": domestic["id"], "transactionReference": "COD-LIVREUR-17"})
    assert paid["orderMarkAsPaid"]["order"]["isPaid"] is True

    # The artisan fulfils its lines; someone else's artisan cannot.
    artisan = rugs[0].artisan
    gql.token = helpers["login"](gql, f"{artisan.slug}@demo.maalem.ma", "demo-artisan-2026")
    for order in (domestic, tourist, export):
        fulfillment = order["fulfillments"][0]["id"]
        r = selling.run("FulfillmentStageUpdate", {"id": fulfillment, "input": {
            "stage": "SHIPPED", "trackingNumber": f"AMANA-{order['number']}"}}, folder="marketplace")
        assert r["fulfillmentStageUpdate"]["errors"] == [], r
        assert r["fulfillmentStageUpdate"]["artisanOrder"]["status"] == "FULFILLED"
    assert any("AMANA-" in m.body for m in mail.outbox)
    balance = selling.run("ArtisanPayouts", {"artisanId": gid("Artisan", artisan.pk)}, folder="marketplace")
    owed = {b["currency"]: Decimal(str(b["owed"]["amount"])) for b in balance["artisanBalance"]}
    rate = artisan.commission_rate
    # Three rugs at 2400 MAD: the export sale credits the artisan its MAD price too (the rule's export margin
    # stays with the platform), so everything owed is in dirhams.
    assert owed == {"MAD": (Decimal("7200") * (1 - rate)).quantize(Decimal("0.01"))}

    # Staff batch the payouts (MAD), export the transfer file, mark it paid; the artisan sees its statement.
    gql.token = helpers["login"](gql, *ADMIN)
    batch = selling.run("PayoutBatchCreate", {"currency": "MAD"}, folder="marketplace")["payoutBatchCreate"]
    assert batch["errors"] == []
    batch_pk = int(__import__("base64").b64decode(batch["batch"]["id"]).decode().split(":")[1])
    csv_response = gql.client.get(f"/payouts/batches/{batch_pk}/transfers.csv",
                                  HTTP_AUTHORIZATION=f"Bearer {gql.token}")
    assert csv_response.status_code == 200 and artisan.name in csv_response.content.decode()
    done = selling.run("PayoutBatchMarkPaid", {"id": batch["batch"]["id"], "reference": "VIR-2026-11"},
                       folder="marketplace")
    assert done["payoutBatchMarkPaid"]["batch"]["status"] == "PAID"
    gql.token = helpers["login"](gql, f"{artisan.slug}@demo.maalem.ma", "demo-artisan-2026")
    statements = selling.run("ArtisanPayouts", {"artisanId": gid("Artisan", artisan.pk)}, folder="marketplace")
    mad = next(b for b in statements["artisanBalance"] if b["currency"] == "MAD")
    assert mad["owed"]["amount"] == 0 and mad["paid"]["amount"] > 0
    pdf = gql.client.get(f"/payouts/batches/{batch_pk}/statements/{artisan.pk}.pdf",
                         HTTP_AUTHORIZATION=f"Bearer {gql.token}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
