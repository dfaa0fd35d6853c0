"""Stripe through the loopback stand-in: PaymentIntents, signed webhooks (idempotent, out of order),
transactionProcess, refunds reversing the artisans' ledger."""

from __future__ import annotations

from decimal import Decimal

import pytest

ADMIN = ("admin@demo.maalem.ma", "demo-admin-2026")


@pytest.fixture
def stripe_checkout(selling, helpers, stripe_standin):
    rug = helpers["make_rug"]()
    checkout = selling.create("export", helpers["gid"]("ProductVariant", rug.pk), email="claire@example.fr")
    cid = checkout["id"]
    selling.run("CheckoutShippingAddressUpdate", {"id": cid, "shippingAddress": helpers["FR"]})
    checkout = selling.run("CheckoutBillingAddressUpdate", {"id": cid, "billingAddress": helpers["FR"]}
                           )["checkoutBillingAddressUpdate"]["checkout"]
    selling.run("CheckoutDeliveryMethodUpdate", {"id": cid, "deliveryMethodId": checkout["shippingMethods"][0]["id"]})
    init = selling.run("TransactionInitialize", {"id": cid, "paymentGateway": {"id": "maalem.payments.stripe"}}
                       )["transactionInitialize"]
    assert init["errors"] == []
    return {"id": cid, "transaction": init["transaction"], "intent": init["transaction"]["pspReference"], "rug": rug}


def _webhook(gql, standin, settings, event_type, obj, event_id=None):
    payload, signature = standin.signed_event(event_type, obj, settings.STRIPE_WEBHOOK_SECRET, event_id=event_id)
    return gql.client.post("/webhooks/stripe/", data=payload, content_type="application/json",
                           HTTP_STRIPE_SIGNATURE=signature)


def test_transaction_initialize_creates_a_payment_intent_for_the_server_computed_total(
        selling, stripe_checkout, stripe_standin):
    intent = stripe_standin.intents[stripe_checkout["intent"]]
    checkout = selling.run("Checkout", {"id": stripe_checkout["id"]})["checkout"]
    assert intent["amount"] == round(checkout["totalPrice"]["gross"]["amount"] * 100)
    assert intent["currency"] == "eur"
    assert ("POST", "/v1/payment_intents") in stripe_standin.requests


def test_the_same_webhook_three_times_has_one_effect(gql, selling, stripe_checkout, stripe_standin, settings):
    intent_id = stripe_checkout["intent"]
    stripe_standin.handle("POST", f"/v1/payment_intents/{intent_id}/confirm", {"payment_method": "pm_card_visa"})
    results = [_webhook(gql, stripe_standin, settings, "payment_intent.succeeded", stripe_standin.intents[intent_id],
                        event_id="evt_same_three_times").json()["result"] for _ in range(3)]
    assert results == ["processed", "duplicate", "duplicate"]
    # A different delivery of the same news (another event id) does not charge twice either.
    _webhook(gql, stripe_standin, settings, "payment_intent.succeeded", stripe_standin.intents[intent_id])
    checkout = selling.run("Checkout", {"id": stripe_checkout["id"]})["checkout"]
    assert checkout["chargeStatus"] == "FULL"
    from marketplace.payments.models import TransactionEvent

    assert TransactionEvent.objects.filter(psp_reference=intent_id, type="CHARGE_SUCCESS").count() == 1


def test_out_of_order_events_converge_on_the_payment_intent_state(gql, selling, stripe_checkout, stripe_standin,
                                                                    settings):
    intent_id = stripe_checkout["intent"]
    stripe_standin.handle("POST", f"/v1/payment_intents/{intent_id}/confirm",
                          {"payment_method": "pm_card_chargeDeclined"})
    failed_snapshot = dict(stripe_standin.intents[intent_id])
    stripe_standin.handle("POST", f"/v1/payment_intents/{intent_id}/confirm", {"payment_method": "pm_card_visa"})
    # The success arrives first, the older failure afterwards: the checkout stays paid.
    _webhook(gql, stripe_standin, settings, "payment_intent.succeeded", stripe_standin.intents[intent_id])
    _webhook(gql, stripe_standin, settings, "payment_intent.payment_failed", failed_snapshot)
    checkout = selling.run("Checkout", {"id": stripe_checkout["id"]})["checkout"]
    assert checkout["chargeStatus"] == "FULL"
    order = selling.run("CheckoutComplete", {"id": stripe_checkout["id"]})["checkoutComplete"]
    assert order["errors"] == [] and order["order"]["isPaid"] is True


def test_a_bad_signature_is_rejected_and_changes_nothing(gql, selling, stripe_checkout, stripe_standin, settings):
    intent_id = stripe_checkout["intent"]
    stripe_standin.handle("POST", f"/v1/payment_intents/{intent_id}/confirm", {})
    payload, _ = stripe_standin.signed_event("payment_intent.succeeded", stripe_standin.intents[intent_id],
                                             "whsec_someone_else")
    _, signature = stripe_standin.signed_event("payment_intent.succeeded", {}, settings.STRIPE_WEBHOOK_SECRET)
    for header in (signature, "t=1,v1=deadbeef", ""):
        response = gql.client.post("/webhooks/stripe/", data=payload, content_type="application/json",
                                   HTTP_STRIPE_SIGNATURE=header)
        assert response.status_code == 400
    checkout = selling.run("Checkout", {"id": stripe_checkout["id"]})["checkout"]
    assert checkout["chargeStatus"] == "NONE"


def test_transaction_process_reads_the_intent_then_refund_reverses_the_ledger(doc,
        gql, selling, stripe_checkout, stripe_standin, settings, helpers):
    intent_id = stripe_checkout["intent"]
    declined = stripe_standin.handle("POST", f"/v1/payment_intents/{intent_id}/confirm",
                                     {"payment_method": "pm_card_chargeDeclined"})
    assert declined[0] == 402
    processed = selling.run("TransactionProcess", {"id": stripe_checkout["transaction"]["id"]})["transactionProcess"]
    assert processed["transactionEvent"]["type"] == "CHARGE_FAILURE"
    stripe_standin.handle("POST", f"/v1/payment_intents/{intent_id}/confirm", {"payment_method": "pm_card_visa"})
    processed = selling.run("TransactionProcess", {"id": stripe_checkout["transaction"]["id"]})["transactionProcess"]
    assert processed["transactionEvent"]["type"] == "CHARGE_SUCCESS"
    order = selling.run("CheckoutComplete", {"id": stripe_checkout["id"]})["checkoutComplete"]["order"]
    total = Decimal(str(order["total"]["gross"]["amount"]))

    from marketplace.payouts.models import LedgerEntry

    sale = LedgerEntry.objects.get(order_line__order__token=order["token"], kind="SALE")
    assert sale.net == sale.gross - sale.commission and sale.commission > 0

    refund_doc = "storefront/graphql/saleor/TransactionRequestRefund.graphql"
    transaction = stripe_checkout["transaction"]["id"]  # the order's transactions are staff-only, as on Saleor
    assert gql(doc(refund_doc), {"id": transaction})["errors"][0]["extensions"]["code"] \
        == "PERMISSION_DENIED"
    gql.token = helpers["login"](gql, *ADMIN)
    reason = _refund_reasons_configured(gql, selling, transaction, settings, helpers["gid"])
    too_much = selling.run("TransactionRequestRefund", {"id": transaction, "amount": str(total + 1),
                                                        "refundReasonReference": reason})
    assert too_much["transactionRequestAction"]["errors"][0]["field"] == "amount"
    refunded = selling.run("TransactionRequestRefund", {"id": transaction, "refundReasonReference": reason,
                                                        "refundReason": "Le client a renvoyé le tapis"})
    assert refunded["transactionRequestAction"]["errors"] == []
    assert refunded["transactionRequestAction"]["transaction"]["events"][-1]["message"] \
        == "Refunded: Le client a renvoyé le tapis · Arrived damaged"
    assert refunded["transactionRequestAction"]["transaction"]["refundedAmount"]["amount"] == float(total)
    assert any(r["payment_intent"] == intent_id for r in stripe_standin.refunds.values())
    reversal = LedgerEntry.objects.get(order_line__order__token=order["token"], kind="REFUND")
    assert reversal.net == -sale.net
    # Stripe then reports the same refund by webhook: no second reversal.
    stripe_refund = next(iter(stripe_standin.refunds.values()))
    _webhook(gql, stripe_standin, settings, "charge.refunded",
             {"id": stripe_refund["charge"], "object": "charge", "payment_intent": intent_id,
              "refunds": {"data": [stripe_refund]}})
    assert LedgerEntry.objects.filter(order_line__order__token=order["token"], kind="REFUND").count() == 1


REFUND_SETTINGS = "{ shop { refundSettings { reasonReferenceType { slug } } } }"


def _refund_reasons_configured(gql, selling, transaction: str, settings, gid) -> str:
    """Saleor's refund reason rule, step by step; returns the reason page's ID once refund reasons are on."""
    from marketplace.pages.models import Page, PageType

    reasons = PageType.objects.create(name="Refund reasons", slug="refund-reasons")
    damaged = Page.objects.create(page_type=reasons, slug="arrived-damaged", title="Arrived damaged")
    elsewhere = Page.objects.create(page_type=PageType.objects.create(name="Guides", slug="guides"),
                                    slug="care-guide", title="Care guide")

    def refused(variables: dict) -> tuple[str, str, str]:
        error = selling.run("TransactionRequestRefund", {"id": transaction, **variables}
                            )["transactionRequestAction"]["errors"][0]
        return error["field"], error["code"], error["message"]

    assert gql.data(REFUND_SETTINGS)["shop"]["refundSettings"] == {
        "reasonReferenceType": None}
    assert refused({"refundReasonReference": gid("Page", damaged.pk)}) == (
        "refundReasonReference", "INVALID", "Reason reference type is not configured.")
    settings.REFUND_REASON_PAGE_TYPE = "refund-reasons"
    assert gql.data(REFUND_SETTINGS)["shop"]["refundSettings"] == {
        "reasonReferenceType": {"slug": "refund-reasons"}}
    assert refused({}) == ("refundReasonReference", "REQUIRED",
                           "Reason reference is required when refund reason reference type is configured.")
    for wrong in (gid("Page", elsewhere.pk), gid("Product", 1)):
        assert refused({"refundReasonReference": wrong})[:2] == ("refundReasonReference", "INVALID")
    return gid("Page", damaged.pk)
