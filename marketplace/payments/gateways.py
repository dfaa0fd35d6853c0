"""The payment gateways: Stripe (cards, when keys are set), cash on delivery (domestic market), bank
transfer (export and wholesale), and a development gateway standing in for the card (only in DEBUG without
Stripe keys), so that a development shop offers in each market what production will."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from marketplace.channels.models import Channel

STRIPE = "maalem.payments.stripe"
COD = "maalem.payments.cash-on-delivery"
BANK_TRANSFER = "maalem.payments.bank-transfer"
DEV = "maalem.payments.dev"

PAYMENT_METHOD = {STRIPE: "STRIPE", COD: "COD", BANK_TRANSFER: "BANK_TRANSFER", DEV: "DEV"}
# Orders placed with these are unpaid at first: paid on delivery or by transfer, marked paid by staff.
PAID_LATER = {COD, BANK_TRANSFER}


@dataclass(frozen=True)
class Gateway:
    id: str
    name: str
    currencies: tuple[str, ...]
    config: tuple[tuple[str, str], ...] = ()


def stripe_enabled() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


def dev_enabled() -> bool:
    """Never in production settings (DEBUG off), never when real keys exist."""
    return bool(settings.DEBUG) and not stripe_enabled()


def available_gateways(channel: Channel) -> list[Gateway]:
    currency = (channel.currency_code,)
    gateways = []
    if stripe_enabled():
        gateways.append(Gateway(STRIPE, "Carte bancaire (Stripe)", currency,
                                (("api_key", settings.STRIPE_PUBLISHABLE_KEY),)))
    # Cash on delivery in Morocco; for tourists only with delivery to their hotel or riad (payments.services).
    if channel.kind in (Channel.Kind.DOMESTIC, Channel.Kind.TOURIST):
        gateways.append(Gateway(COD, "Paiement à la livraison", currency))
    if channel.kind == Channel.Kind.EXPORT:
        gateways.append(Gateway(BANK_TRANSFER, "Virement bancaire (facture proforma)", currency,
                                (("iban", settings.BANK_IBAN), ("bic", settings.BANK_BIC))))
    if dev_enabled():  # stands in for the card payment that production offers in every market
        gateways.append(Gateway(DEV, "Carte — passerelle de développement (aucun paiement réel)", currency))
    return gateways


def gateway_for(channel: Channel, gateway_id: str) -> Gateway | None:
    return next((g for g in available_gateways(channel) if g.id == gateway_id), None)
