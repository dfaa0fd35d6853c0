"""Quotes: a verified buyer asks an artisan for a quantity or a variation of a piece (another colour, a
size, their own label); the artisan's members answer from the atelier with a unit price and a lead time,
or decline; the buyer accepts an offer and it becomes a trade order (its price, all of it made to order for
a variation; for a plain quantity what is in stock ships from stock). Each step tells the other side by
e-mail in its own language."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from marketplace.catalog.models import ProductVariant
from marketplace.core.errors import FieldError, MutationError, PermissionDenied
from marketplace.core.permissions import require_artisan_access
from marketplace.trade.access import require_verified_buyer
from marketplace.trade.models import TradeOrder, TradeQuote
from marketplace.trade.order_services import Wanted, _terms, create_trade_order
from marketplace.trade.selectors import variant_offers

MAX_QUANTITY = 100_000
MAX_PRICE = Decimal("1000000")


def _notify(quote: TradeQuote, event: str, number: int | None = None) -> None:
    from marketplace.trade.tasks import send_quote_event_task

    transaction.on_commit(lambda: send_quote_event_task.delay(quote.pk, event, number))


@transaction.atomic
def request_quote(user: Any, *, variant_pk: int, quantity: int, kind: str, note: str = "") -> TradeQuote:
    account = require_verified_buyer(user)
    variant = ProductVariant.objects.select_related("product__artisan").filter(pk=variant_pk).first()
    if variant is None:
        raise MutationError([FieldError("variantId", "Couldn't resolve to a product variant.", "NOT_FOUND")])
    if variant_offers([variant.pk], account.channel)[variant.pk].wholesale is None:
        raise MutationError([FieldError("variantId", f"{variant.product.name} is not offered to trade buyers in "
                                        "this market.", "UNAVAILABLE")])
    if not 1 <= quantity <= MAX_QUANTITY:
        raise MutationError([FieldError("quantity", f"A quantity from 1 to {MAX_QUANTITY} is expected.", "INVALID")])
    note = (note or "").strip()
    if kind != TradeQuote.Kind.QUANTITY and not note:
        raise MutationError([FieldError("note", "Describe the variation you want (colour, size, label).", "REQUIRED")])
    if len(note) > 2000:
        raise MutationError([FieldError("note", "At most 2000 characters.", "INVALID")])
    name = variant.product.name + (f" ({variant.name})" if variant.name else "")
    quote = TradeQuote.objects.create(account=account, artisan=variant.product.artisan, variant=variant,
                                      product_name=name, channel=account.channel,
                                      currency=account.channel.currency_code, kind=kind, quantity=quantity,
                                      request_note=note)
    _notify(quote, "requested")
    return quote


def _quote(pk: int, *, lock: bool = True) -> TradeQuote:
    quotes = TradeQuote.objects.select_related("account__user", "artisan", "channel")
    quote = (quotes.select_for_update(of=("self",)) if lock else quotes).filter(pk=pk).first()
    if quote is None:
        raise MutationError([FieldError("id", "Couldn't resolve to a quote.", "NOT_FOUND")])
    return quote


@transaction.atomic
def answer_quote(user: Any, pk: int, *, unit_price: Any = None, lead_time_weeks: int | None = None, note: str = "",
                 decline: bool = False) -> TradeQuote:
    """The artisan's answer: a unit price (in the quote's currency) and a lead time, or no."""
    quote = _quote(pk)
    require_artisan_access(user, quote.artisan_id)
    if quote.status not in (TradeQuote.Status.REQUESTED, TradeQuote.Status.OFFERED):
        raise MutationError([FieldError("id", "This quote is already accepted or declined.", "NOT_EDITABLE")])
    note = (note or "").strip()[:2000]
    if decline:
        quote.status, quote.unit_price, quote.lead_time_weeks = TradeQuote.Status.DECLINED, None, None
    else:
        try:
            price = Decimal(str(unit_price)) if unit_price is not None else None
        except (InvalidOperation, ValueError):
            price = None
        if price is None or not price.is_finite() or price <= 0 or price >= MAX_PRICE:
            raise MutationError([FieldError("unitPrice", "Give a unit price greater than zero.", "INVALID_PRICE")])
        if lead_time_weeks is None or not 0 <= lead_time_weeks <= 104:
            raise MutationError([FieldError("leadTimeWeeks", "Give the lead time in weeks (0 to 104).", "REQUIRED")])
        quote.status, quote.unit_price = TradeQuote.Status.OFFERED, price.quantize(Decimal("0.01"))
        quote.lead_time_weeks = lead_time_weeks
    quote.answer_note, quote.answered_at, quote.answered_by = note, timezone.now(), user
    quote.save()
    _notify(quote, "answered")
    return quote


@transaction.atomic
def accept_quote(user: Any, pk: int, *, shipping_address: dict | None = None, shipping_method_id: int | None = None,
                 payment_terms: str | None = None) -> TradeOrder:
    account = require_verified_buyer(user)
    quote = _quote(pk)  # the caller's own row first
    if quote.account_id != account.pk:
        raise PermissionDenied("This quote is another account's.")
    if quote.status != TradeQuote.Status.OFFERED:
        raise MutationError([FieldError("id", "Only an offered quote can be accepted.", "NOT_EDITABLE")])
    variant = ProductVariant.objects.select_related("product__artisan", "product__product_type").filter(
        pk=quote.variant_id).first()
    if variant is None:
        raise MutationError([FieldError("id", "The piece of this quote no longer exists.", "NOT_FOUND")])
    terms = _terms(account, payment_terms)
    wanted = [Wanted(variant, quote.quantity, quote.unit_price,
                     made_to_order_only=quote.kind != TradeQuote.Kind.QUANTITY,
                     lead_time_weeks=quote.lead_time_weeks)]
    trade = create_trade_order(account, wanted, terms=terms, shipping_address=shipping_address, billing_address=None,
                               shipping_method_id=shipping_method_id, quote=quote)
    quote.status = TradeQuote.Status.ACCEPTED
    quote.save(update_fields=["status"])
    _notify(quote, "accepted", trade.order.number)
    return trade
