"""The ministry's dashboard ties to the payout ledger: the artisans' income is what their payout pages say
(paid out and still owed, apart), unpaid orders are not income, and an export sale counts at what the artisan
earns (its MAD price), the export margin being the platform's (a cushion listed at 690 MAD, sold 79.50 €)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db

M = "storefront/graphql/marketplace/"
CENT = Decimal("0.01")


def sale(side, channel_slug: str, amount: str, *, artisan_mad: str | None = None, paid: bool, shipped: bool = False):
    from django.db import connection

    from marketplace.channels.models import Channel
    from marketplace.orders.models import Fulfillment, Order, OrderLine
    from marketplace.payouts.services import record_sales

    channel = Channel.objects.get(slug=channel_slug)
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('orders_order_number_seq')")
        number = cursor.fetchone()[0]
    value = Decimal(amount)
    order = Order.objects.create(number=number, channel=channel, user_email="b@example.com", payment_method="COD",
                                 currency=channel.currency_code, subtotal_gross=value, subtotal_net=value,
                                 total_gross=value, total_net=value, total_charged=value if paid else Decimal(0))
    fulfillment = Fulfillment.objects.create(order=order, artisan=side.artisan, fulfillment_order=1,
                                             stage="SHIPPED" if shipped else "PENDING")
    OrderLine.objects.create(order=order, fulfillment=fulfillment, artisan=side.artisan, variant=side.variant,
                             product_name=side.product.name, quantity=1, currency=channel.currency_code,
                             unit_price_gross=value, unit_price_net=value, total_price_gross=value,
                             total_price_net=value, artisan_total_mad=Decimal(artisan_mad or amount))
    if paid:
        record_sales(order)


def test_the_dashboard_ties_to_the_payout_ledger(gql, doc, world, sign_in, client):
    from marketplace.accounts.models import User
    from marketplace.payouts.services import create_batch, mark_batch_paid

    a, b = world["a"], world["b"]
    since = timezone.now().isoformat()  # this test's sales only: the demo's orders (trade ones too) came before
    sale(a, "maroc", "400", paid=True, shipped=True)
    sale(a, "export", "79.50", artisan_mad="690", paid=True)  # the cushion: 79.50 € ÷ 0.092 = 864.13 MAD
    sale(b, "maroc", "500", paid=False)  # cash on delivery, not collected yet
    admin = User.objects.get(email="admin@demo.maalem.ma")
    mark_batch_paid(create_batch("MAD", admin), admin, "VIR-1")  # a's shipped 400 MAD line is paid out

    sign_in("admin")
    balances = {}
    for side in (a, b):
        rows = gql.data(doc(M + "ArtisanPayouts.graphql"), {"artisanId": side.ids["artisan"]})["artisanBalance"]
        balances[side.artisan.slug] = {r["currency"]: r for r in rows}
    assert set(balances[a.artisan.slug]) == {"MAD"} and balances[b.artisan.slug] == {}
    owed = sum(Decimal(str(r["owed"]["amount"])) for bal in balances.values() for r in bal.values())
    paid = sum(Decimal(str(r["paid"]["amount"])) for bal in balances.values() for r in bal.values())

    sign_in("curator")
    results = gql.data(doc(M + "ProgrammeResults.graphql"), {"since": since, "languageCode": "FR"})["programmeResults"]
    figure = {k: Decimal(str(v)) for k, v in results.items() if k.endswith("Mad")}
    rate = a.artisan.commission_rate
    assert figure["incomeMad"] == owed + paid
    assert figure["incomePaidMad"] == paid == (Decimal("400") * (1 - rate)).quantize(CENT)
    assert figure["incomePendingMad"] == owed == (Decimal("690") * (1 - rate)).quantize(CENT)
    assert figure["salesMad"] == (Decimal("400") + Decimal("79.50") / Decimal("0.092") + Decimal("500")).quantize(CENT)
    assert figure["awaitingPaymentMad"] == Decimal("500.00")
    assert figure["exportMarginMad"] == (Decimal("79.50") / Decimal("0.092") - Decimal("690")).quantize(CENT)
    commission = (Decimal("400") * rate).quantize(CENT) + (Decimal("690") * rate).quantize(CENT)
    assert figure["commissionMad"] == commission
    assert figure["platformMarginMad"] == commission + figure["exportMarginMad"]
    by_artisan = {g["key"]: Decimal(str(g["incomeMad"])) for g in results["byArtisan"]}
    assert by_artisan == {a.artisan.slug: figure["incomeMad"], b.artisan.slug: Decimal("0.00")}
    assert sum(Decimal(str(g["incomeMad"])) for g in results["byMarket"]) == figure["incomeMad"]

    # The CSV says the same as the API, row for row with its names (whole days: every order so far).
    whole = gql.data(doc(M + "ProgrammeResults.graphql"), {"languageCode": "FR"})["programmeResults"]
    response = client.get("/exports/programme-results.csv", {"language": "ar"},
                          HTTP_AUTHORIZATION=f"Bearer {gql.token}")
    import csv
    import io

    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    summary = {row[1]: row[3] for row in table if row[0] == "summary"}
    assert Decimal(summary["income_paid_mad"]) == Decimal(str(whole["incomePaidMad"])) >= paid
    assert Decimal(summary["income_pending_mad"]) == Decimal(str(whole["incomePendingMad"])) >= owed
    markets = {row[1]: row[2] for row in table if row[0] == "by_market"}
    assert markets["maroc"] == "المغرب" and markets["export"] == "التصدير (EUR)"
    assert client.get("/exports/programme-results.csv", {"language": "de"},
                      HTTP_AUTHORIZATION=f"Bearer {gql.token}").status_code == 400
    assert to_global_id("Artisan", a.artisan.pk)
