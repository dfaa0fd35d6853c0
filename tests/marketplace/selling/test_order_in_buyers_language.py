"""An order read and mailed in the buyer's language: the pieces' names (translatedProductName), the
delivery method, the address and window, the bank details with their deadline, the parcels' tracking links;
Arabic e-mails isolate each embedded value; the proforma invoice is in English for an English buyer."""

from __future__ import annotations

import base64
import re
import zlib

import pytest
from django.core import mail

from .conftest import FR_ADDRESS, MA_ADDRESS, gid, make_rug

pytestmark = pytest.mark.django_db

ORDER = """
query Order($token: UUID!) {
  orderByToken(token: $token) {
    lines { productName translatedProductName }
    expectedDelivery { earliest latest }
    bankTransfer { iban reference dueDate amount { amount currency } }
    fulfillments { trackingNumber trackingUrl }
  }
}"""


def translated_rug():
    from marketplace.catalog.models import ProductTranslation

    rug = make_rug()
    ProductTranslation.objects.create(product=rug.product, language_code="en", name="Test rug in madder red")
    ProductTranslation.objects.create(product=rug.product, language_code="ar", name="زربية تجريبية حمراء")
    return rug


def place(selling, channel: str, language: str, address: dict, gateway: str) -> dict:
    rug = translated_rug()
    checkout = selling.run("CheckoutCreate", {"input": {
        "channel": channel, "email": "buyer@example.com", "languageCode": language,
        "lines": [{"variantId": gid("ProductVariant", rug.pk), "quantity": 1}]}})["checkoutCreate"]["checkout"]
    for kind in ("Shipping", "Billing"):
        result = selling.run(f"Checkout{kind}AddressUpdate", {"id": checkout["id"], f"{kind.lower()}Address": address})
        checkout = result[f"checkout{kind}AddressUpdate"]["checkout"]
    method = checkout["shippingMethods"][0]["id"]
    selling.run("CheckoutDeliveryMethodUpdate", {"id": checkout["id"], "deliveryMethodId": method})
    selling.run("TransactionInitialize", {"id": checkout["id"], "paymentGateway": {"id": gateway}})
    result = selling.run("CheckoutComplete", {"id": checkout["id"]})["checkoutComplete"]
    assert result["errors"] == [], result
    return result["order"]


def pdf_text(content: bytes) -> str:
    """The text drawn in a reportlab PDF (its page streams are deflated)."""
    out = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", content, re.S):
        data = stream.strip()
        if data.endswith(b"~>"):  # reportlab's ASCII85 layer over the deflated stream
            data = base64.a85decode(data[:-2])
        try:
            out.append(zlib.decompress(data).decode("latin-1"))
        except zlib.error:
            out.append(data.decode("latin-1"))
    return "\n".join(out)


def test_an_english_export_order_reads_and_mails_in_english_with_the_bank_details(gql, selling, settings, client):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    order = place(selling, "export", "EN", FR_ADDRESS, "maalem.payments.bank-transfer")
    read = gql.data(ORDER, {"token": order["token"]})["orderByToken"]
    assert read["lines"][0]["translatedProductName"] == "Test rug in madder red"
    assert read["lines"][0]["productName"].startswith("Tapis test")  # the snapshot stays the catalogue's
    transfer = read["bankTransfer"]
    assert transfer["iban"] == settings.BANK_IBAN and transfer["reference"] == f"MAALEM-{order['number']}"
    assert transfer["dueDate"] and transfer["amount"]["currency"] == "EUR"
    assert read["expectedDelivery"]["earliest"] <= read["expectedDelivery"]["latest"]
    body = mail.outbox[-1].body
    assert "Test rug in madder red" in body and "Tapis test" not in body
    assert settings.BANK_IBAN in body and f"MAALEM-{order['number']}" in body and "Transfer before" in body
    assert "Standard shipping to Europe" in body and "Export standard" not in body
    assert "France" in body and "Expected between" in body
    text = pdf_text(client.get(f"/orders/{order['token']}/proforma.pdf").content)
    assert "Proforma invoice" in text and "Test rug in madder red" in text and "Facture" not in text


def test_an_arabic_order_mail_isolates_every_embedded_value(selling, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.DEBUG, settings.STRIPE_SECRET_KEY = True, ""
    order = place(selling, "maroc", "AR", {**MA_ADDRESS, "city": "Casa"}, "maalem.payments.cash-on-delivery")
    body = mail.outbox[-1].body
    assert "\u2068زربية تجريبية حمراء\u2069" in body
    assert f"\u2068{order['number']}\u2069" in body and "\u2068+212612345678\u2069" in body
    assert "المغرب" in body and "Maroc" not in body and "Livraison" not in body


def test_a_parcel_has_a_tracking_link():
    from marketplace.orders.selectors import tracking_url

    assert tracking_url("CP123456789MA").startswith("https://bam-tracking.barid.ma/")
    assert tracking_url("1Z999AA10123456784").endswith("#nums=1Z999AA10123456784")
    assert tracking_url("  ") is None


def test_tourists_get_cash_on_delivery_for_a_riad_and_a_labelled_development_card(selling, settings):
    # Before the riad delivery is chosen, cash on delivery is refused; with it, accepted.
    from .conftest import HOTEL_ADDRESS

    settings.DEBUG, settings.STRIPE_SECRET_KEY = True, ""
    rug = make_rug()
    checkout = selling.create("touristes", gid("ProductVariant", rug.pk))
    checkout = selling.run("CheckoutShippingAddressUpdate", {"id": checkout["id"], "shippingAddress": HOTEL_ADDRESS})[
        "checkoutShippingAddressUpdate"]["checkout"]
    gateways = {g["id"]: g["name"] for g in checkout["availablePaymentGateways"]}
    assert "maalem.payments.cash-on-delivery" in gateways
    assert "développement" in gateways["maalem.payments.dev"] and "Carte" in gateways["maalem.payments.dev"]
    refused = selling.run("TransactionInitialize", {"id": checkout["id"], "paymentGateway": {
        "id": "maalem.payments.cash-on-delivery"}})["transactionInitialize"]
    assert refused["errors"] and refused["errors"][0]["field"] == "paymentGateway"
    riad = next(m for m in checkout["shippingMethods"] if "riad" in m["name"])
    selling.run("CheckoutDeliveryMethodUpdate", {"id": checkout["id"], "deliveryMethodId": riad["id"]})
    accepted = selling.run("TransactionInitialize", {"id": checkout["id"], "paymentGateway": {
        "id": "maalem.payments.cash-on-delivery"}})["transactionInitialize"]
    assert accepted["errors"] == []


def test_an_arabic_proforma_is_written_in_arabic_with_the_bank_details(selling, client):
    order = place(selling, "export", "AR", FR_ADDRESS, "maalem.payments.bank-transfer")
    content = client.get(f"/orders/{order['token']}/proforma.pdf").content
    assert content.startswith(b"%PDF") and b"NotoNaskhArabic" in content  # the Arabic font is embedded
    text = pdf_text(content)
    assert "MAALEM-" in text and "Proforma" not in text and "Facture" not in text
