"""The demo's trade side (issue 21), loaded through the trade services as a real one would be: the trade
channels, about half of each artisan's repeatable pieces offered wholesale (unique pieces are not), pack
sizes for tableware, made-to-order capacity and lead times, two verified trade accounts (a concept store in
Lyon, a distributor in Montréal, trusted with net-30 terms), one open quote and one trade order in progress
(deposit received, part of it in production)."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from django.db import transaction

from marketplace.accounts.models import User
from marketplace.catalog.models import Product
from marketplace.trade import account_services, cart_services, offer_services, order_services, quote_services
from marketplace.trade.selectors import artisan_minimums, variant_offers
from marketplace.trade.setup import ensure_trade_setup

TRADE_PASSWORD = "demo-trade-2026"
PACKS = {"vaisselle": 6, "tajine": 2, "poterie": 2, "verre": 6}  # product type slug → pack size
ACCOUNTS = [
    {"email": "lyon@demo.maalem.ma", "first_name": "Claire", "last_name": "Vasseur", "language": "fr",
     "trusted": False, "input": {
         "company_name": "Maison Sauvage — concept store", "country": "FR", "tax_id": "FR 32 512 345 678",
         "tax_id_kind": "VAT", "website": "https://maison-sauvage.example", "shop_kind": "CONCEPT_STORE",
         "shop_address": {"street_address_1": "14 rue Mercière", "city": "Lyon", "postal_code": "69002",
                          "phone": "+33478123456"}}},
    {"email": "montreal@demo.maalem.ma", "first_name": "Daniel", "last_name": "Tremblay", "language": "en",
     "trusted": True, "input": {
         "company_name": "Atlas Home Distribution Inc.", "country": "CA", "tax_id": "812345678RT0001",
         "tax_id_kind": "BUSINESS_NUMBER", "website": "https://atlas-home.example", "shop_kind": "DISTRIBUTOR",
         "shop_address": {"street_address_1": "5455 avenue de Gaspé", "city": "Montréal", "postal_code": "H2T 3B3",
                          "country_area": "QC", "phone": "+15145550142"}}},
]


def load_trade_demo(log: Any = print) -> dict[str, int]:
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    with transaction.atomic():
        ensure_trade_setup()
        offered = _offer_part_of_catalogue(admin)
        accounts = [_account(spec, admin) for spec in ACCOUNTS]
    lyon, montreal = accounts
    with transaction.atomic():
        quote = _open_quote(lyon, offered)
        order = _order_in_progress(montreal, offered, admin)
    log(f"trade: {len(offered)} products offered wholesale, {len(accounts)} verified accounts, "
        f"{1 if quote else 0} open quote, {1 if order else 0} trade order in progress")
    return {"offered": len(offered), "accounts": len(accounts)}


def _offer_part_of_catalogue(admin: Any) -> list[Product]:
    """Every other repeatable piece of each artisan (by slug), with pack sizes, capacity and lead times."""
    offered = []
    by_artisan: dict[int, list[Product]] = {}
    for product in Product.objects.filter(variants__is_one_of_a_kind=False).distinct().order_by("slug"):
        by_artisan.setdefault(product.artisan_id, []).append(product)
    for artisan_id, products in sorted(by_artisan.items()):
        offer_services.update_artisan_terms(admin, artisan_id, first_order_minimum=Decimal(150),
                                            reorder_minimum=Decimal(100))
        for index, product in enumerate(products):
            if index % 2:
                continue
            offer_services.set_product_offer(admin, product.pk, True)
            pack = PACKS.get(product.product_type.slug, 1)
            for variant in product.variants.all():
                offer_services.update_variant_terms(admin, variant.pk, {
                    "pack_size": pack, "made_to_order_capacity": 24 if pack > 1 else 20,
                    "lead_time_weeks": 6 if pack > 1 else 4})
            offered.append(product)
    return offered


def _account(spec: dict, admin: Any) -> Any:
    user = User.objects.create_user(spec["email"], TRADE_PASSWORD, first_name=spec["first_name"],
                                    last_name=spec["last_name"], language_code=spec["language"])
    account = account_services.apply(user, spec["input"])
    return account_services.approve(admin, account.pk, trusted=spec["trusted"])


def _open_quote(account: Any, offered: list[Product]) -> Any:
    product = next((p for p in offered if p.product_type.slug in PACKS), offered[0] if offered else None)
    if product is None:
        return None
    variant = product.variants.order_by("pk").first()
    return quote_services.request_quote(account.user, variant_pk=variant.pk, quantity=48, kind="COLOUR",
                                        note="Les mêmes en bleu de Fès, émail mat, pour notre boutique de Lyon.")


def _order_in_progress(account: Any, offered: list[Product], admin: Any) -> Any:
    """Montréal orders from two artisans above their minimums, one line beyond stock (made to order); the
    deposit is received, so production is under way."""
    channel = account.channel
    chosen: dict[int, Product] = {}
    for product in offered:
        chosen.setdefault(product.artisan_id, product)
        if len(chosen) == 2:
            break
    if len(chosen) < 2:
        return None
    lines = []
    for index, product in enumerate(chosen.values()):
        variant = product.variants.order_by("pk").first()
        offer = variant_offers([variant.pk], channel)[variant.pk]
        minimum = artisan_minimums([product.artisan_id], channel, account)[product.artisan_id].amount
        quantity = max(offer.pack_size, math.ceil(minimum / offer.wholesale))
        quantity = math.ceil(quantity / offer.pack_size) * offer.pack_size
        if index == 0:  # beyond stock, within the capacity: a production order
            quantity = max(quantity, math.ceil((offer.in_stock + 4) / offer.pack_size) * offer.pack_size)
        quantity = min(quantity, (offer.orderable // offer.pack_size) * offer.pack_size)
        lines.append({"variant_id": variant.pk, "quantity": quantity})
    cart_services.set_lines(account.user, lines, replace=True)
    trade = order_services.place_order(account.user, payment_terms="DEPOSIT",
                                       note="Spring collection for our Montréal and Toronto clients.")
    order_services.record_payment(admin, trade.order.pk, "DEPOSIT", "WIRE-ATLAS-2026-041")
    return trade
