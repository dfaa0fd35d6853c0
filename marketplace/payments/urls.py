"""HTTP endpoints of selling: the Stripe webhook, the proforma invoice, payout files."""

from django.urls import path

from marketplace.orders.views import proforma
from marketplace.payments.views import stripe_webhook
from marketplace.payouts.views import statement, transfers_csv

urlpatterns = [
    path("webhooks/stripe/", stripe_webhook, name="stripe-webhook"),
    path("orders/<uuid:token>/proforma.pdf", proforma, name="order-proforma"),
    path("payouts/batches/<int:batch_id>/transfers.csv", transfers_csv, name="payout-transfers"),
    path("payouts/batches/<int:batch_id>/statements/<int:artisan_id>.pdf", statement, name="payout-statement"),
]
