"""Holds that must never block a sale (issue 12): a piece in someone's checkout says until when; a cart
cannot hold more than the stock; lowering the stock below what carts hold cuts the newest hold, so the
oldest cart still buys; a bank transfer holds a piece BANK_TRANSFER_HOLD_DAYS, then Celery beat puts it
back on sale and tells the buyer and the artisan."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core import mail
from django.utils import timezone

VARIANT = """query($id: ID!, $channel: String) { productVariant(id: $id, channel: $channel) {
  quantityAvailable stockHold { reason until } } }"""


def _variant(gql, variant_id: str, channel: str = "maroc") -> dict:
    return gql.data(VARIANT, {"id": variant_id, "channel": channel})["productVariant"]


def _ready(selling, helpers, checkout: dict, address: dict, gateway: str) -> None:
    """Addresses, the cheapest delivery and a payment method that pays later."""
    selling.run("CheckoutShippingAddressUpdate", {"id": checkout["id"], "shippingAddress": address})
    methods = selling.run("CheckoutBillingAddressUpdate", {"id": checkout["id"], "billingAddress": address}
                          )["checkoutBillingAddressUpdate"]["checkout"]["shippingMethods"]
    selling.run("CheckoutDeliveryMethodUpdate", {"id": checkout["id"], "deliveryMethodId": methods[0]["id"]})
    selling.run("TransactionInitialize", {"id": checkout["id"], "paymentGateway": {"id": gateway}})


def test_a_piece_in_a_checkout_says_until_when_and_no_cart_holds_more_than_the_stock(gql, selling, helpers):
    rug = helpers["make_rug"](quantity=1)
    variant = helpers["gid"]("ProductVariant", rug.pk)
    assert _variant(gql, variant) == {"quantityAvailable": 1, "stockHold": None}
    first = selling.create("maroc", variant)
    held = _variant(gql, variant)
    assert held["quantityAvailable"] == 0 and held["stockHold"]["reason"] == "CHECKOUT"
    assert (datetime.fromisoformat(held["stockHold"]["until"])
            == datetime.fromisoformat(first["stockReservationExpires"]))
    refused = selling.run("CheckoutCreate", {"input": {"channel": "maroc", "lines": [
        {"variantId": variant, "quantity": 1}]}})["checkoutCreate"]
    assert refused["errors"][0]["code"] == "INSUFFICIENT_STOCK" and refused["checkout"] is None
    # The holder cannot raise its line beyond the stock either: refused when the line changes, not at payment.
    for name, lines in (("CheckoutLinesUpdate", [{"lineId": first["lines"][0]["id"], "quantity": 5}]),
                        ("CheckoutLinesAdd", [{"variantId": variant, "quantity": 4}])):
        errors = selling.run(name, {"id": first["id"], "lines": lines})[name[0].lower() + name[1:]]["errors"]
        assert errors[0]["code"] == "INSUFFICIENT_STOCK" and "Only 1 remaining in stock" in errors[0]["message"]
    assert selling.run("Checkout", {"id": first["id"]})["checkout"]["quantity"] == 1
    # The line leaves the cart: the piece is free at once, and says so (cached answers are retired).
    selling.run("CheckoutLinesDelete", {"id": first["id"], "linesIds": [first["lines"][0]["id"]]})
    assert _variant(gql, variant) == {"quantityAvailable": 1, "stockHold": None}


def test_lowering_the_stock_below_what_carts_hold_cuts_the_newest_hold(gql, selling, helpers):
    from marketplace.inventory.models import Reservation

    rug = helpers["make_rug"](quantity=2)
    variant = helpers["gid"]("ProductVariant", rug.pk)
    older, newer = (selling.create("maroc", variant, "older@example.ma"),
                    selling.create("maroc", variant, "newer@example.ma"))
    for checkout in (older, newer):
        _ready(selling, helpers, checkout, helpers["MA"], "maalem.payments.cash-on-delivery")
    gql.token = helpers["login"](gql, "admin@demo.maalem.ma", "demo-admin-2026")
    updated = selling.run("ProductVariantStocksUpdate", {"variantId": variant, "stocks": [
        {"warehouse": helpers["gid"]("Warehouse", rug.artisan.warehouse.pk), "quantity": 1}]})
    assert updated["productVariantStocksUpdate"]["errors"] == []
    gql.token = None
    assert Reservation.objects.filter(checkout_line__checkout_id=newer["token"]).count() == 0
    assert selling.run("CheckoutComplete", {"id": older["id"]})["checkoutComplete"]["order"]
    late = selling.run("CheckoutComplete", {"id": newer["id"]})["checkoutComplete"]
    assert late["order"] is None and late["errors"][0]["code"] == "INSUFFICIENT_STOCK"


def test_an_unpaid_bank_transfer_holds_the_piece_then_beat_puts_it_back_on_sale(gql, doc, selling, helpers, settings,
                                                                                django_capture_on_commit_callbacks):
    from marketplace.artisans.models import ArtisanMember
    from marketplace.celery import app
    from marketplace.inventory.models import Stock
    from marketplace.orders.models import Order

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    app.loader.import_default_modules()
    release = app.tasks[settings.CELERY_BEAT_SCHEDULE["orders-release-unpaid-bank-transfers"]["task"]]
    rug = helpers["make_rug"](quantity=1)
    variant = helpers["gid"]("ProductVariant", rug.pk)
    checkout = selling.run("CheckoutCreate", {"input": {"channel": "export", "email": "claire@example.fr",
                                                        "languageCode": "EN", "lines": [{"variantId": variant,
                                                                                         "quantity": 1}]}}
                           )["checkoutCreate"]["checkout"]
    _ready(selling, helpers, checkout, helpers["FR"], "maalem.payments.bank-transfer")
    order = selling.run("CheckoutComplete", {"id": checkout["id"]})["checkoutComplete"]["order"]
    placed = Order.objects.get(number=order["number"])
    hold = _variant(gql, variant, "export")["stockHold"]
    assert hold["reason"] == "AWAITING_PAYMENT"
    assert datetime.fromisoformat(hold["until"]) == placed.created + timedelta(days=settings.BANK_TRANSFER_HOLD_DAYS)

    with django_capture_on_commit_callbacks(execute=True):
        assert int(order["number"]) not in release.delay().get()  # not due yet
    Order.objects.filter(pk=placed.pk).update(created=timezone.now() - timedelta(days=settings.BANK_TRANSFER_HOLD_DAYS,
                                                                                  minutes=1))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert int(order["number"]) in release.delay().get()
    placed.refresh_from_db()
    assert placed.status == "CANCELED" and placed.events.filter(type="CANCELED").exists()
    assert Stock.objects.get(product_variant=rug).quantity_allocated == 0
    assert _variant(gql, variant, "export") == {"quantityAvailable": 1, "stockHold": None}
    to_buyer = next(m for m in mail.outbox if m.to == ["claire@example.fr"])
    assert to_buyer.subject == f"Maalem: order #{order['number']} canceled, transfer not received"
    members = ArtisanMember.objects.filter(artisan=rug.artisan).select_related("user")
    assert members and all(any(m.to == [member.user.email] and str(order["number"]) in m.subject
                               for m in mail.outbox) for member in members)
    # The transfer arriving afterwards cannot be recorded on the canceled order; a second run finds nothing.
    gql.token = helpers["login"](gql, "admin@demo.maalem.ma", "demo-admin-2026")
    late = selling.run("OrderMarkAsPaid", {"id": order["id"], "transactionReference": "SEPA-LATE"})["orderMarkAsPaid"]
    assert late["errors"][0]["code"] == "NOT_EDITABLE"
    with django_capture_on_commit_callbacks(execute=True):
        assert int(order["number"]) not in release.delay().get()


def test_a_paid_bank_transfer_is_never_released(gql, selling, helpers, settings, django_capture_on_commit_callbacks):
    from marketplace.celery import app
    from marketplace.orders.models import Order

    app.loader.import_default_modules()
    release = app.tasks["orders.release_unpaid_bank_transfers"]
    rug = helpers["make_rug"](quantity=1)
    checkout = selling.create("export", helpers["gid"]("ProductVariant", rug.pk), "paid@example.fr")
    _ready(selling, helpers, checkout, helpers["FR"], "maalem.payments.bank-transfer")
    order = selling.run("CheckoutComplete", {"id": checkout["id"]})["checkoutComplete"]["order"]
    gql.token = helpers["login"](gql, "admin@demo.maalem.ma", "demo-admin-2026")
    selling.run("OrderMarkAsPaid", {"id": order["id"], "transactionReference": "SEPA-1"})
    Order.objects.filter(number=order["number"]).update(created=timezone.now() - timedelta(days=30))
    with django_capture_on_commit_callbacks(execute=True):
        assert int(order["number"]) not in release.delay().get()
    assert Order.objects.get(number=order["number"]).status != "CANCELED"
